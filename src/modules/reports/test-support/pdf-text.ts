import { inflateSync } from 'node:zlib';

/**
 * Test support: the text of a PDF made by pdfmake/pdfkit, read back through each font's ToUnicode map, so
 * that tests can check the real words (æøå included) rather than trust the generator.
 */
export interface PdfText {
  text: string;
  pages: number;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const source = pdf.toString('latin1');
  const result = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(source))) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endobj', start);
    const body = source.slice(start, end);
    const streamAt = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      const dataStart = start + streamAt + 'stream'.length + (source[start + streamAt + 6] === '\r' ? 2 : 1);
      const dataEnd = source.lastIndexOf('endstream', end);
      const raw = pdf.subarray(dataStart, dataEnd);
      stream = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
    }
    result.set(Number(match[1]), { dict, stream });
    pattern.lastIndex = end;
  }
  return result;
}

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => parseInt(h, 16);
  const chars = (h: string) => String.fromCodePoint(...(h.replace(/\s+/g, '').match(/.{4}/g) ?? []).map(hex));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = hex(line[1]!);
      const to = hex(line[2]!);
      const target = line[3]!;
      // Ligatures map to several code points, written with spaces inside one hex string: <0066 0069>.
      if (target.startsWith('[')) [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((t, i) => map.set(from + i, chars(t[1]!)));
      else for (let code = from; code <= to; code++) map.set(code, String.fromCodePoint(hex(target.slice(1, -1)) + code - from));
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const line of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(hex(line[1]!), chars(line[2]!));
  }
  return map;
}

export function pdfText(pdf: Buffer): PdfText {
  const all = objects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const object of all.values()) {
    for (const ref of object.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = all.get(Number(ref[2]));
      const unicode = /\/ToUnicode (\d+) 0 R/.exec(font?.dict ?? '');
      const cmap = unicode ? all.get(Number(unicode[1]))?.stream : null;
      if (cmap && !fonts.has(ref[1]!)) fonts.set(ref[1]!, toUnicodeMap(cmap.toString('latin1')));
    }
  }
  const pages = [...all.values()].filter((o) => /\/Type \/Page\b/.test(o.dict)).length;
  const lines: string[] = [];
  for (const object of all.values()) {
    if (!object.stream || /\/Subtype|\/Length1|CIDInit/.test(object.dict + object.stream.subarray(0, 40).toString('latin1'))) continue;
    const content = object.stream.toString('latin1');
    if (!content.includes(' Tf')) continue;
    let font: Map<number, string> | undefined;
    let lastY: string | null = null;
    let line = '';
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|[\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ ([\d.-]+) Tm|\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
      if (op[1]) font = fonts.get(op[1]);
      else if (op[2] !== undefined) {
        if (lastY !== null && op[2] !== lastY) {
          lines.push(line);
          line = '';
        }
        lastY = op[2];
      } else {
        const hexes = op[3] !== undefined ? [...op[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!) : [op[4]!];
        for (const h of hexes) for (const code of h.match(/.{4}/g) ?? []) line += font?.get(parseInt(code, 16)) ?? '';
      }
    }
    lines.push(line);
  }
  return { text: lines.join('\n'), pages };
}
