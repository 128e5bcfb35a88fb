import ExcelJS from 'exceljs';
import { formatDate, type DocEntry, type RecordDocument } from './record-document';

/**
 * The record of processing as an Excel workbook: one row per processing activity and one column per art. 30
 * field, so it can be filtered, sorted and handed over as it is. Own processing and processing as a processor
 * have their own sheets (art. 30(1) and 30(2) ask for different fields).
 */

/** '1(a)' → 'art. 30(1)(a)'. */
export const articleRef = (article: string) => `art. 30(${article.slice(0, 1)})${article.slice(1)}`;

function addEntrySheet(workbook: ExcelJS.Workbook, name: string, entries: DocEntry[], doc: RecordDocument): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const template = entries[0]?.rows ?? [];
  sheet.columns = [
    { header: doc.labels.entry, key: 'name', width: 36 },
    { header: doc.labels.serviceArea, key: 'serviceArea', width: 20 },
    { header: doc.labels.source, key: 'source', width: 20 },
    { header: doc.labels.status, key: 'status', width: 14 },
    ...template.map((row) => ({ header: row.article ? `${row.label} (${articleRef(row.article)})` : row.label, key: row.key, width: 40 })),
  ];
  for (const entry of entries) {
    sheet.addRow({
      name: entry.name,
      serviceArea: entry.serviceArea,
      source: entry.source,
      status: entry.complete ? doc.labels.complete : doc.labels.incomplete,
      ...Object.fromEntries(entry.rows.map((row) => [row.key, row.text])),
    });
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  sheet.eachRow((row, index) => {
    if (index > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
  if (entries.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
}

export async function renderExcel(doc: RecordDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samsvar';
  workbook.title = `${doc.title} – ${doc.organization}`;
  workbook.created = doc.generatedAt;
  const about = workbook.addWorksheet(doc.labels.about);
  about.columns = [{ width: 28 }, { width: 100 }];
  about.addRows([
    [doc.title, doc.organization],
    [doc.labels.generated, formatDate(doc.generatedAt, doc.language)],
    ['', doc.intro],
    [doc.labels.controllerHeading, doc.controllerEntries.length],
    [doc.labels.processorHeading, doc.processorEntries.length],
  ]);
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  about.getRow(1).font = { bold: true };
  addEntrySheet(workbook, 'Art. 30(1)', doc.controllerEntries, doc);
  addEntrySheet(workbook, 'Art. 30(2)', doc.processorEntries, doc);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
