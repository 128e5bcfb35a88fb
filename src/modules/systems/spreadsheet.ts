import ExcelJS from 'exceljs';
import { parseCsv } from '../../shared/csv';
import { systemsError } from './errors';

export interface Sheet {
  headers: string[];
  /** rowNumber: the row as the person sees it in Excel (the header is row 1). */
  rows: { rowNumber: number; cells: string[] }[];
}

export const MAX_IMPORT_ROWS = 2000;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw systemsError('IMPORT_UNREADABLE', { field: 'contentBase64' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw systemsError('IMPORT_EMPTY', { field: 'contentBase64' });
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    grid[rowNumber - 1] = values.slice(1).map(cellText);
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

/** Text from a CSV file: UTF-8 (what we export), or Windows-1252 (what older Excel saves). */
function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

function readCsv(buffer: Buffer): string[][] {
  const text = decodeText(buffer);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Norwegian Excel saves CSV with semicolons; others use commas.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parseCsv(text, delimiter, true);
}

const isZip = (buffer: Buffer) => buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b;

/** Reads the first sheet of an .xlsx file, or a CSV file, into a header row and data rows. */
export async function readSheet(fileName: string, contentBase64: string): Promise<Sheet> {
  const buffer = Buffer.from(contentBase64, 'base64');
  if (!buffer.length) throw systemsError('IMPORT_EMPTY', { field: 'contentBase64' });
  const xlsx = /\.xlsx$/i.test(fileName) || isZip(buffer);
  if (/\.xls$/i.test(fileName)) throw systemsError('IMPORT_UNREADABLE', { field: 'contentBase64', message: 'Det gamle Excel-formatet (.xls) støttes ikke. Lagre filen som .xlsx eller CSV.' });
  const grid = xlsx ? await readXlsx(buffer) : readCsv(buffer);
  const [header, ...rest] = grid;
  if (!header || !header.some((h) => h.trim())) throw systemsError('IMPORT_EMPTY', { field: 'contentBase64' });
  const rows = rest
    .map((cells, i) => ({ rowNumber: i + 2, cells: cells.map((c) => c.trim()) }))
    .filter((row) => row.cells.some((c) => c !== ''));
  if (!rows.length) throw systemsError('IMPORT_EMPTY', { field: 'contentBase64' });
  if (rows.length > MAX_IMPORT_ROWS) throw systemsError('IMPORT_TOO_LARGE', { field: 'contentBase64' });
  return { headers: header.map((h) => h.trim()), rows };
}
