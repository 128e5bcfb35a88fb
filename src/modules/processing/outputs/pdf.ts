import { createRequire } from 'node:module';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate, type DocEntry, type RecordDocument } from './record-document';

/**
 * The record of processing as PDF (pdfmake 0.2's Node printer, with the Roboto fonts pdfmake ships, which have
 * æ, ø and å). One section per entry: the art. 30 rows as a two-column table, with the article letter.
 */

interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end' | 'error', listener: (arg?: unknown) => void): void;
  end(): void;
}
interface PdfPrinterType {
  createPdfKitDocument(definition: TDocumentDefinitions): PdfKitDocument;
}

const require = createRequire(import.meta.url);
let printer: PdfPrinterType | null = null;

function getPrinter(): PdfPrinterType {
  if (printer) return printer;
  const PdfPrinter = require('pdfmake') as new (fonts: Record<string, Record<string, Buffer>>) => PdfPrinterType;
  const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
  const font = (name: string) => Buffer.from(vfs[name]!, 'base64');
  printer = new PdfPrinter({
    Roboto: { normal: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf'), italics: font('Roboto-Italic.ttf'), bolditalics: font('Roboto-MediumItalic.ttf') },
  });
  return printer;
}

function entrySection(entry: DocEntry, doc: RecordDocument): Content[] {
  const header: TableCell[] = [
    { text: doc.labels.field, style: 'th' },
    { text: doc.labels.article, style: 'th' },
    { text: doc.labels.value, style: 'th' },
  ];
  const body: TableCell[][] = [header, ...entry.rows.map((row): TableCell[] => [{ text: row.label, bold: true }, row.article ?? '', row.text])];
  return [
    { text: entry.name, style: 'h2', headlineLevel: 2 },
    {
      text: `${doc.labels.serviceArea}: ${entry.serviceArea} · ${doc.labels.source}: ${entry.source} · ${doc.labels.status}: ${entry.complete ? doc.labels.complete : doc.labels.incomplete}`,
      style: 'meta',
    },
    { table: { headerRows: 1, widths: [130, 38, '*'], body, dontBreakRows: true }, layout: 'lightHorizontalLines', margin: [0, 4, 0, 14] },
  ];
}

export function recordPdfDefinition(doc: RecordDocument): TDocumentDefinitions {
  const date = formatDate(doc.generatedAt, doc.language);
  const part = (heading: string, entries: DocEntry[]): Content[] => [
    { text: heading, style: 'h1', pageBreak: 'before' },
    ...(entries.length ? entries.flatMap((e) => entrySection(e, doc)) : [{ text: doc.labels.none }]),
  ];
  return {
    info: { title: `${doc.title} – ${doc.organization}`, author: doc.organization, subject: 'GDPR art. 30', creator: 'Samsvar' },
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
      h1: { fontSize: 14, bold: true, margin: [0, 0, 0, 10] },
      h2: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
      meta: { fontSize: 8, color: '#444444' },
      th: { bold: true, fillColor: '#eeeeee' },
    },
    footer: (current: number, total: number) => ({ text: `${doc.organization} · ${doc.title} · ${current}/${total}`, alignment: 'center', fontSize: 7, color: '#555555', margin: [0, 20, 0, 0] }),
    content: [
      { text: doc.title, style: 'title' },
      { text: doc.organization, fontSize: 14, margin: [0, 0, 0, 4] },
      { text: `${doc.labels.generated} ${date}`, style: 'meta', margin: [0, 0, 0, 12] },
      { text: doc.intro, margin: [0, 0, 0, 8] },
      {
        ul: [
          `${doc.labels.controllerHeading}: ${doc.controllerEntries.length}`,
          `${doc.labels.processorHeading}: ${doc.processorEntries.length}`,
        ],
      },
      ...part(doc.labels.controllerHeading, doc.controllerEntries),
      ...part(doc.labels.processorHeading, doc.processorEntries),
    ],
  };
}

export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = getPrinter().createPdfKitDocument(definition);
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
