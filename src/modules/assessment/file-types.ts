import { assessmentError } from './errors';

/**
 * Which evidence files are allowed, decided by their bytes (magic numbers, and the parts list of an Office
 * file) and not only by their name: a renamed executable or HTML page is refused.
 */
export const allowedFileTypes = {
  pdf: { extensions: ['pdf'], contentType: 'application/pdf' },
  png: { extensions: ['png'], contentType: 'image/png' },
  jpeg: { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg' },
  docx: { extensions: ['docx'], contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { extensions: ['xlsx'], contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  txt: { extensions: ['txt'], contentType: 'text/plain; charset=utf-8' },
  csv: { extensions: ['csv'], contentType: 'text/csv; charset=utf-8' },
} as const;
export type FileType = keyof typeof allowedFileTypes;

const startsWith = (buffer: Buffer, bytes: number[]) => bytes.every((b, i) => buffer[i] === b);

/** File names inside a ZIP archive, read from its central directory (bounded; no decompression). */
export function zipEntryNames(buffer: Buffer): string[] | null {
  const minEnd = Math.max(0, buffer.length - 65_557);
  let end = -1;
  for (let i = buffer.length - 22; i >= minEnd; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = 0; n < entries && n < 10_000; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) return null;
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > buffer.length) return null;
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isPlainText(buffer: Buffer): boolean {
  if (buffer.includes(0)) return false;
  try {
    utf8.decode(buffer);
  } catch {
    return false;
  }
  // Text that a browser would treat as a page or script is not "plain" evidence.
  const head = buffer.toString('utf8', 0, Math.min(buffer.length, 512)).trimStart().toLowerCase();
  return !/^(<!doctype|<html|<script|<svg|<\?xml)/.test(head);
}

/** What the bytes are, as far as the allowed types go; null for anything else. */
export function sniff(buffer: Buffer): FileType | 'text' | null {
  if (startsWith(buffer, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(buffer);
    if (!names?.includes('[Content_Types].xml')) return null;
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    return null;
  }
  return isPlainText(buffer) ? 'text' : null;
}

/** Checks an upload's name and bytes; returns its type and content type, or raises a field error. */
export function checkEvidenceFile(fileName: string, buffer: Buffer, maxBytes: number): { type: FileType; contentType: string } {
  if (!buffer.length) throw assessmentError('EVIDENCE_EMPTY', { field: 'file' });
  if (buffer.length > maxBytes) throw assessmentError('EVIDENCE_TOO_LARGE', { field: 'file' });
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const expected = (Object.keys(allowedFileTypes) as FileType[]).find((t) => (allowedFileTypes[t].extensions as readonly string[]).includes(extension));
  if (!expected) throw assessmentError('EVIDENCE_TYPE_NOT_ALLOWED', { field: 'file' });
  const actual = sniff(buffer);
  const matches = actual === expected || (actual === 'text' && (expected === 'txt' || expected === 'csv'));
  if (!matches) throw assessmentError(actual === null ? 'EVIDENCE_TYPE_NOT_ALLOWED' : 'EVIDENCE_TYPE_MISMATCH', { field: 'file' });
  return { type: expected, contentType: allowedFileTypes[expected].contentType };
}
