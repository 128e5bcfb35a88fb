import { asc, desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { stringify } from 'yaml';
import { queryRows } from '../../db/sql';
import type { Tx } from '../../db/tenant';
import { frameworkToCiso, mappingSetToCiso, toYaml } from './ciso/export';
import { libraryError } from './errors';
import type { LibraryFramework, LibraryMeasure } from './model';
import { frameworks, measures } from './schema';
import { readFramework, readMappingSet } from './store';

/**
 * Exports in open formats. A framework → a CISO Assistant library file (YAML) or Excel. The common measures
 * → our own content format (one YAML file, `format: samsvar-measures`, the areas of content/library/measures
 * in order; `samsvar content lint` and the loader read it) or Excel. Mapping sets → CISO Assistant YAML.
 */

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const YAML_TYPE = 'application/yaml; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const slug = (urn: string) => urn.slice(urn.lastIndexOf(':') + 1).replace(/[^a-z0-9._-]+/gi, '-');

/** The current common measures with their mappings into the newest version of each framework. */
export async function readMeasures(tx: Tx): Promise<LibraryMeasure[]> {
  const rows = await tx.select().from(measures).orderBy(asc(measures.position));
  const mappings = await queryRows<{ measure_id: string; target: string; relationship: LibraryMeasure['mappings'][number]['relationship']; rationale: string | null }>(
    tx,
    sql`select mm.measure_id, n.urn as target, mm.relationship, mm.rationale
        from measure_mappings mm join requirement_nodes n on n.id = mm.node_id join frameworks f on f.id = n.framework_id
        where f.version = (select max(f2.version) from frameworks f2 where f2.urn = f.urn)
        order by f.urn, n.position`,
  );
  const byMeasure = new Map<string, LibraryMeasure['mappings']>();
  for (const m of mappings) byMeasure.set(m.measure_id, [...(byMeasure.get(m.measure_id) ?? []), { target: m.target, relationship: m.relationship, rationale: m.rationale }]);
  return rows.map((row) => ({
    urn: row.urn,
    code: row.code,
    area: row.area,
    areaTitle: row.areaTitle,
    title: row.title,
    what: row.what,
    why: row.why,
    startSmall: row.startSmall,
    evidence: row.evidence,
    priority: row.priority,
    effort: row.effort,
    uncertain: row.uncertain,
    mappings: byMeasure.get(row.id) ?? [],
  }));
}

export function measuresToYaml(list: LibraryMeasure[]): string {
  const areas: { area: string; area_title: string; measures: Record<string, unknown>[] }[] = [];
  for (const m of list) {
    let area = areas.find((a) => a.area === m.area);
    if (!area) areas.push((area = { area: m.area, area_title: m.areaTitle, measures: [] }));
    area.measures.push({
      urn: m.urn,
      code: m.code,
      title: m.title,
      what: m.what,
      why: m.why,
      start_small: m.startSmall,
      evidence: m.evidence,
      priority: m.priority,
      effort: m.effort,
      ...(m.uncertain ? { uncertain: m.uncertain } : {}),
      mappings: m.mappings.map((x) => ({ target: x.target, relationship: x.relationship, ...(x.rationale ? { rationale: x.rationale } : {}) })),
    });
  }
  return stringify({ format: 'samsvar-measures', version: 1, areas }, { lineWidth: 110, minContentWidth: 40 });
}

async function frameworkFor(tx: Tx, urn: string, version?: number): Promise<LibraryFramework> {
  const [row] = await tx
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(version ? sql`${frameworks.urn} = ${urn} and ${frameworks.version} = ${version}` : eq(frameworks.urn, urn))
    .orderBy(desc(frameworks.version))
    .limit(1);
  const framework = row ? await readFramework(tx, row.id) : null;
  if (!framework) throw libraryError('FRAMEWORK_NOT_FOUND', { field: 'urn' });
  return framework;
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

async function frameworkWorkbook(tx: Tx, framework: LibraryFramework, frameworkId: string): Promise<Buffer> {
  const mapped = await queryRows<{ urn: string; codes: string }>(
    tx,
    sql`select n.urn, string_agg(m.code || ' (' || mm.relationship || ')', ', ' order by m.position) as codes
        from measure_mappings mm join requirement_nodes n on n.id = mm.node_id join measures m on m.id = mm.measure_id
        where n.framework_id = ${frameworkId} group by n.urn`,
  );
  const codes = new Map(mapped.map((r) => [r.urn, r.codes]));
  const book = new ExcelJS.Workbook();
  book.creator = 'Samsvar';
  const about = book.addWorksheet('Om rammeverket');
  about.columns = [{ width: 22 }, { width: 100 }];
  for (const [key, value] of [
    ['Navn', framework.name],
    ['Kode', framework.refId],
    ['URN', framework.urn],
    ['Versjon', String(framework.version)],
    ['Utgiver', framework.provider ?? ''],
    ['Kilde', framework.sourceUrl ?? ''],
    ['Beskrivelse', framework.description ?? ''],
    ['Merknader', framework.notes ?? ''],
  ]) about.addRow([key, value]);
  const sheet = book.addWorksheet('Krav');
  sheet.columns = [
    { header: 'Nivå', key: 'depth', width: 6 },
    { header: 'Referanse', key: 'ref', width: 14 },
    { header: 'Tittel', key: 'title', width: 40 },
    { header: 'Sammendrag', key: 'summary', width: 70 },
    { header: 'Vurderbar', key: 'assessable', width: 10 },
    { header: 'Vurderes på prinsippnivå', key: 'granularity', width: 12 },
    { header: 'Må kvalitetssikres', key: 'uncertain', width: 30 },
    { header: 'Utenfor omfang', key: 'outOfScope', width: 30 },
    { header: 'Spørsmål', key: 'questions', width: 60 },
    { header: 'Felles tiltak', key: 'measures', width: 30 },
    { header: 'URN', key: 'urn', width: 40 },
    { header: 'Overordnet URN', key: 'parent', width: 40 },
  ];
  for (const node of framework.nodes) {
    sheet.addRow({
      depth: node.depth,
      ref: node.refId ?? '',
      title: node.title ?? '',
      summary: node.summary ?? '',
      assessable: node.assessable ? 'ja' : 'nei',
      granularity: node.granularity === 'principle' ? 'ja' : '',
      uncertain: node.uncertain ?? '',
      outOfScope: node.outOfScope ?? '',
      questions: node.questions.map((q) => `${q.text} [${q.type}${q.choices.length ? `: ${q.choices.map((c) => c.label).join(' / ')}` : ''}]`).join('\n'),
      measures: codes.get(node.urn) ?? '',
      urn: node.urn,
      parent: node.parentUrn ?? '',
    });
  }
  styleHeader(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function exportFramework(tx: Tx, urn: string, version: number | undefined, format: 'yaml' | 'xlsx'): Promise<ExportFile> {
  const framework = await frameworkFor(tx, urn, version);
  const base = `${slug(urn)}-v${framework.version}`;
  if (format === 'yaml') return { fileName: `${base}.yaml`, contentType: YAML_TYPE, body: Buffer.from(toYaml(frameworkToCiso(framework)), 'utf8') };
  const [row] = await tx.select({ id: frameworks.id }).from(frameworks).where(sql`${frameworks.urn} = ${urn} and ${frameworks.version} = ${framework.version}`);
  return { fileName: `${base}.xlsx`, contentType: XLSX_TYPE, body: await frameworkWorkbook(tx, framework, row!.id) };
}

export async function exportMappingSet(tx: Tx, urn: string): Promise<ExportFile> {
  const set = await readMappingSet(tx, urn);
  if (!set) throw libraryError('FRAMEWORK_NOT_FOUND', { field: 'urn' });
  return { fileName: `${slug(urn)}-v${set.version}.yaml`, contentType: YAML_TYPE, body: Buffer.from(toYaml(mappingSetToCiso(set)), 'utf8') };
}

export async function exportMeasures(tx: Tx, format: 'yaml' | 'xlsx'): Promise<ExportFile> {
  const list = await readMeasures(tx);
  if (format === 'yaml') return { fileName: 'felles-tiltak.yaml', contentType: YAML_TYPE, body: Buffer.from(measuresToYaml(list), 'utf8') };
  const book = new ExcelJS.Workbook();
  book.creator = 'Samsvar';
  const sheet = book.addWorksheet('Felles tiltak');
  sheet.columns = [
    { header: 'Kode', key: 'code', width: 9 },
    { header: 'Tiltak', key: 'title', width: 45 },
    { header: 'Område', key: 'area', width: 24 },
    { header: 'Prioritet', key: 'priority', width: 10 },
    { header: 'Innsats', key: 'effort', width: 10 },
    { header: 'Hva', key: 'what', width: 70 },
    { header: 'Hvorfor', key: 'why', width: 70 },
    { header: 'Start i det små', key: 'startSmall', width: 50 },
    { header: 'Dokumentasjon', key: 'evidence', width: 50 },
    { header: 'Må kvalitetssikres', key: 'uncertain', width: 30 },
    { header: 'URN', key: 'urn', width: 40 },
  ];
  for (const m of list) sheet.addRow({ ...m, area: m.areaTitle, uncertain: m.uncertain ?? '' });
  styleHeader(sheet);
  const links = book.addWorksheet('Koblinger');
  links.columns = [
    { header: 'Kode', key: 'code', width: 9 },
    { header: 'Krav (URN)', key: 'target', width: 45 },
    { header: 'Forhold', key: 'relationship', width: 12 },
    { header: 'Begrunnelse', key: 'rationale', width: 50 },
    { header: 'Tiltak (URN)', key: 'urn', width: 40 },
  ];
  for (const m of list) for (const x of m.mappings) links.addRow({ code: m.code, target: x.target, relationship: x.relationship, rationale: x.rationale ?? '', urn: m.urn });
  styleHeader(links);
  return { fileName: 'felles-tiltak.xlsx', contentType: XLSX_TYPE, body: Buffer.from(await book.xlsx.writeBuffer()) };
}
