import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { vendorProducts, vendors } from '../vendors/schema';
import { createSystemBody } from './contract';
import { codeFor, columnForHeader, countryCode, noWords, yesWords, type Column, type ColumnKey } from './columns';
import { systemsError } from './errors';
import { systemDependencies, systems } from './schema';
import type { Sheet } from './spreadsheet';

export interface CellIssue {
  column: string;
  message: string;
}

export interface ImportRowDto {
  row: number;
  name: string;
  action: 'create' | 'update';
  errors: CellIssue[];
  warnings: CellIssue[];
}

export interface ImportPreviewDto {
  fileName: string;
  columns: string[];
  ignoredColumns: string[];
  rows: ImportRowDto[];
  createCount: number;
  updateCount: number;
  errorCount: number;
}

interface PlannedRow extends ImportRowDto {
  existingId: string | null;
  fields: Record<string, unknown>;
  dependsOn: string[] | null;
}

/** Only the columns that are in the file are set; a missing column leaves the system's value as it is. */
type Fields = Record<string, unknown>;

const listOf = (value: string, separators: RegExp) =>
  value
    .split(separators)
    .map((v) => v.trim())
    .filter(Boolean);

/** 31.12.2025, 31.12.25 is not accepted (ambiguous century); 2025-12-31 is what the export writes. */
function parseDate(value: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (norwegian) [d, m, y] = [Number(norwegian[1]), Number(norwegian[2]), Number(norwegian[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const choices = (column: Column) => Object.values(column.labels ?? {}).join(', ');
/** Columns stored as NOT NULL with 'unknown' as "not documented". */
const unknownWhenEmpty = new Set<ColumnKey>(['mfaUsers', 'mfaAdmins', 'backupFrequency', 'monitoring']);

/** Turns one cell into a field value, or a Norwegian message saying what is wrong with it. */
function readCell(column: Column, raw: string): { value: unknown } | { error: string } {
  const value = raw.trim();
  if (value === '') {
    if (column.kind === 'list' || column.kind === 'enumList') return { value: [] };
    if (unknownWhenEmpty.has(column.key)) return { value: 'unknown' };
    return { value: null };
  }
  switch (column.kind) {
    case 'text':
      return { value };
    case 'list':
      return { value: listOf(value, value.includes(';') || value.includes('\n') ? /[;\n]/ : /,/) };
    case 'enum': {
      const code = codeFor(column, value);
      return code ? { value: code } : { error: `«${value}» er ikke et gyldig valg. Bruk ${choices(column)}.` };
    }
    case 'enumList': {
      const codes = listOf(value, /[;,\n]/).map((v) => [v, codeFor(column, v)] as const);
      const wrong = codes.filter(([, code]) => !code).map(([v]) => `«${v}»`);
      return wrong.length ? { error: `${wrong.join(', ')} er ikke gyldig. Bruk ${choices(column)}.` } : { value: [...new Set(codes.map(([, code]) => code))] };
    }
    case 'integer': {
      const digits = value.replace(/^(ca\.?|omtrent|~)\s*/i, '').replace(/[\s\u00a0.]/g, '');
      return /^\d{1,9}$/.test(digits) ? { value: Number(digits) } : { error: `«${value}» er ikke et helt tall.` };
    }
    case 'boolean': {
      const lower = value.toLowerCase();
      if (yesWords.has(lower)) return { value: true };
      if (noWords.has(lower)) return { value: false };
      return { error: `Skriv Ja eller Nei (ikke «${value}»).` };
    }
    case 'date': {
      const date = parseDate(value);
      return date ? { value: date } : { error: `«${value}» er ikke en gyldig dato. Skriv for eksempel 31.12.2025 eller 2025-12-31.` };
    }
    case 'country': {
      const code = countryCode(value);
      return code ? { value: code } : { error: `Ukjent land «${value}». Skriv landnavn eller landkode, for eksempel Norge eller NO.` };
    }
  }
}

const normalizeName = (name: string) => name.trim().toLowerCase();

/**
 * Reads every row, checks every cell, and decides what would happen: a new system, or an update of the
 * system with the same name. Nothing is written. Vendors and products are looked up in the national
 * registry; one that is not there is kept as text (a warning, not an error).
 */
export async function planImport(tx: Tx, organizationId: string, fileName: string, sheet: Sheet): Promise<{ preview: ImportPreviewDto; rows: PlannedRow[] }> {
  const mapped = sheet.headers.map((header) => columnForHeader(header));
  const ignoredColumns = sheet.headers.filter((header, i) => header && !mapped[i]);
  const seen = new Set<ColumnKey>();
  const columnsInFile = mapped.map((column) => (column && !seen.has(column.key) ? (seen.add(column.key), column) : undefined));
  const nameIndex = columnsInFile.findIndex((c) => c?.key === 'name');
  if (nameIndex < 0) throw systemsError('IMPORT_UNREADABLE', { field: 'contentBase64', message: 'Filen mangler kolonnen «Navn» i første rad.' });

  const existing = await tx.select({ id: systems.id, name: systems.name }).from(systems).where(eq(systems.organizationId, organizationId));
  const existingByName = new Map(existing.map((s) => [normalizeName(s.name), s.id]));
  const registry = await tx.select({ id: vendors.id, name: vendors.name, organizationNumber: vendors.organizationNumber }).from(vendors);
  const vendorByKey = new Map<string, string>();
  for (const v of registry) {
    vendorByKey.set(normalizeName(v.name), v.id);
    if (v.organizationNumber) vendorByKey.set(v.organizationNumber, v.id);
  }
  const products = await tx.select({ id: vendorProducts.id, vendorId: vendorProducts.vendorId, name: vendorProducts.name }).from(vendorProducts);
  const productByKey = new Map(products.map((p) => [`${p.vendorId}:${normalizeName(p.name)}`, p.id]));

  const firstRowOfName = new Map<string, number>();
  const planned: PlannedRow[] = sheet.rows.map(({ rowNumber, cells }) => {
    const errors: CellIssue[] = [];
    const warnings: CellIssue[] = [];
    const fields: Fields = {};
    let dependsOn: string[] | null = null;
    let vendorName: string | null | undefined;
    let productName: string | null | undefined;
    columnsInFile.forEach((column, i) => {
      if (!column) return;
      const result = readCell(column, cells[i] ?? '');
      if ('error' in result) {
        errors.push({ column: column.header, message: result.error });
        return;
      }
      if (column.key === 'dependsOn') dependsOn = result.value as string[];
      else if (column.key === 'vendor') vendorName = result.value as string | null;
      else if (column.key === 'product') productName = result.value as string | null;
      else fields[column.key] = result.value;
    });
    const name = String(fields.name ?? '').trim();
    if (name) {
      const earlier = firstRowOfName.get(normalizeName(name));
      if (earlier) errors.push({ column: 'Navn', message: `«${name}» står også på rad ${earlier}. Hvert system kan bare stå én gang.` });
      else firstRowOfName.set(normalizeName(name), rowNumber);
    }
    // The same rules as the form: zod with Norwegian messages, mapped back to the column.
    const parsed = createSystemBody.safeParse(fields);
    if (parsed.success) Object.assign(fields, parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'name') as ColumnKey;
        const header = columnsInFile.find((c) => c?.key === key)?.header ?? 'Navn';
        if (!errors.some((e) => e.column === header)) errors.push({ column: header, message: key === 'name' && !name ? 'Navn mangler.' : issue.message });
      }
    }
    if (vendorName !== undefined) {
      const vendorId = vendorName ? vendorByKey.get(normalizeName(vendorName)) : undefined;
      if (!vendorName) Object.assign(fields, { vendorId: null, vendorProductId: null, localVendorName: null });
      else if (!vendorId) {
        Object.assign(fields, { vendorId: null, vendorProductId: null, localVendorName: vendorName });
        warnings.push({ column: 'Leverandør', message: `«${vendorName}» finnes ikke i det nasjonale leverandørregisteret. Den lagres som tekst og kan kobles til registeret senere.` });
      } else {
        const productId = productName ? productByKey.get(`${vendorId}:${normalizeName(productName)}`) : undefined;
        if (productName && !productId) warnings.push({ column: 'Produkt', message: `«${productName}» finnes ikke hos ${vendorName} i registeret. Systemet kobles til leverandøren uten produkt.` });
        Object.assign(fields, { vendorId, vendorProductId: productId ?? null, localVendorName: null });
      }
    }
    const existingId = name ? (existingByName.get(normalizeName(name)) ?? null) : null;
    return { row: rowNumber, name, action: existingId ? 'update' : 'create', errors, warnings, existingId, fields, dependsOn };
  });

  const knownNames = new Set([...existingByName.keys(), ...firstRowOfName.keys()]);
  for (const row of planned) {
    for (const dependency of row.dependsOn ?? []) {
      if (normalizeName(dependency) === normalizeName(row.name)) row.errors.push({ column: 'Avhenger av', message: 'Et system kan ikke avhenge av seg selv.' });
      else if (!knownNames.has(normalizeName(dependency))) {
        row.errors.push({ column: 'Avhenger av', message: `Fant ikke systemet «${dependency}» i filen eller i systemoversikten.` });
      }
    }
  }
  const preview: ImportPreviewDto = {
    fileName,
    columns: columnsInFile.filter((c): c is Column => Boolean(c)).map((c) => c.header),
    ignoredColumns,
    rows: planned.map(({ row, name, action, errors, warnings }) => ({ row, name, action, errors, warnings })),
    createCount: planned.filter((r) => r.action === 'create').length,
    updateCount: planned.filter((r) => r.action === 'update').length,
    errorCount: planned.reduce((sum, r) => sum + r.errors.length, 0),
  };
  return { preview, rows: planned };
}

/**
 * Imports everything or nothing: a file with any error is refused as a whole (the caller's transaction is
 * never committed with half a file), with every error by row and column.
 */
export async function applyImport(tx: Tx, organizationId: string, plan: { preview: ImportPreviewDto; rows: PlannedRow[] }, now: Date) {
  if (plan.preview.errorCount) {
    throw systemsError('IMPORT_INVALID', {
      details: {
        issues: plan.rows.flatMap((r) => r.errors.map((e) => ({ field: `rad ${r.row}`, code: 'import', message: `Rad ${r.row}, ${e.column}: ${e.message}` }))),
      },
    });
  }
  const ids = new Map<string, string>();
  const creates = plan.rows.filter((r) => r.action === 'create');
  for (let i = 0; i < creates.length; i += 200) {
    const inserted = await tx
      .insert(systems)
      .values(creates.slice(i, i + 200).map((r) => ({ ...(r.fields as typeof systems.$inferInsert), name: r.name, organizationId })))
      .returning({ id: systems.id, name: systems.name });
    for (const row of inserted) ids.set(normalizeName(row.name), row.id);
  }
  for (const row of plan.rows.filter((r) => r.action === 'update')) {
    await tx
      .update(systems)
      .set({ ...(row.fields as Partial<typeof systems.$inferInsert>), updatedAt: now, version: sql`${systems.version} + 1` })
      .where(eq(systems.id, row.existingId!));
    ids.set(normalizeName(row.name), row.existingId!);
  }
  const withDependencies = plan.rows.filter((r) => r.dependsOn !== null);
  if (withDependencies.length) {
    const all = await tx.select({ id: systems.id, name: systems.name }).from(systems).where(eq(systems.organizationId, organizationId));
    for (const s of all) if (!ids.has(normalizeName(s.name))) ids.set(normalizeName(s.name), s.id);
    for (const row of withDependencies) {
      const systemId = ids.get(normalizeName(row.name))!;
      await tx.delete(systemDependencies).where(sql`${systemDependencies.organizationId} = ${organizationId} and ${systemDependencies.systemId} = ${systemId}`);
      const targets = [...new Set(row.dependsOn!.map((n) => ids.get(normalizeName(n))!))];
      if (targets.length) await tx.insert(systemDependencies).values(targets.map((dependsOnId) => ({ organizationId, systemId, dependsOnId })));
    }
  }
  return { created: creates.length, updated: plan.rows.length - creates.length };
}
