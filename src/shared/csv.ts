/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). Returns rows of cells. With
 * `keepEmptyRows`, blank lines stay as empty rows, so row numbers match what a spreadsheet shows.
 */
export function parseCsv(input: string, delimiter = ',', keepEmptyRows = false): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return keepEmptyRows ? rows : rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** CSV with a header row as objects keyed by the header. */
export function parseCsvObjects(input: string, delimiter = ','): Record<string, string>[] {
  const [header, ...rows] = parseCsv(input, delimiter);
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((key, i) => [key.trim(), (cells[i] ?? '').trim()])));
}
