import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { queryRows } from '../../db/sql';
import { commonError } from '../../server/errors';
import { measures } from '../library/schema';
import { checkTemplateRules, loadMeasureCatalogue } from './content';
import type { PublishTemplateBody, TemplateContent, UncertainNote } from './contract';
import { processingError } from './errors';
import { fieldKeys, sameValue } from './fields';
import { processingServiceAreas, processingTemplates } from './schema';
import type { TemplateVersionRow } from './view';

/** National templates: reading versions, and publishing a new one (which proposes it to every adopter). */

type TemplateRow = typeof processingTemplates.$inferSelect;

export const toVersionRow = (row: TemplateRow): TemplateVersionRow => ({
  urn: row.urn,
  version: row.version,
  name: row.name,
  serviceArea: row.serviceArea,
  content: row.content,
  localFields: row.localFields,
  uncertain: row.uncertain,
  changeNote: row.changeNote,
  publishedAt: row.publishedAt,
});

export const versionKey = (urn: string, version: number) => `${urn}@${version}`;

export async function listServiceAreas(tx: Tx) {
  return tx.select().from(processingServiceAreas).orderBy(asc(processingServiceAreas.position));
}

/** The newest version of every template (or of those in one service area). */
export async function latestTemplates(tx: Tx, serviceArea?: string): Promise<TemplateVersionRow[]> {
  const rows = await tx
    .selectDistinctOn([processingTemplates.urn])
    .from(processingTemplates)
    .orderBy(processingTemplates.urn, desc(processingTemplates.version));
  return rows
    .filter((r) => !serviceArea || r.serviceArea === serviceArea)
    .map(toVersionRow)
    .sort((a, b) => a.serviceArea.localeCompare(b.serviceArea) || a.name.localeCompare(b.name, 'nb'));
}

export async function latestTemplate(tx: Tx, urn: string): Promise<TemplateVersionRow> {
  const [row] = await tx.select().from(processingTemplates).where(eq(processingTemplates.urn, urn)).orderBy(desc(processingTemplates.version)).limit(1);
  if (!row) throw processingError('TEMPLATE_NOT_FOUND');
  return toVersionRow(row);
}

/** Specific template versions (e.g. the versions entries are based on), keyed by urn@version. */
export async function templateVersions(tx: Tx, keys: { urn: string; version: number }[]): Promise<Map<string, TemplateVersionRow>> {
  const result = new Map<string, TemplateVersionRow>();
  const unique = [...new Map(keys.map((k) => [versionKey(k.urn, k.version), k])).values()];
  if (!unique.length) return result;
  const conditions: SQL[] = unique.map((k) => and(eq(processingTemplates.urn, k.urn), eq(processingTemplates.version, k.version))!);
  for (let i = 0; i < conditions.length; i += 200) {
    const rows = await tx.select().from(processingTemplates).where(or(...conditions.slice(i, i + 200)));
    for (const row of rows) result.set(versionKey(row.urn, row.version), toVersionRow(row));
  }
  return result;
}

export async function templateHistory(tx: Tx, urn: string) {
  return tx
    .select({
      version: processingTemplates.version,
      origin: processingTemplates.origin,
      changeNote: processingTemplates.changeNote,
      publishedAt: processingTemplates.publishedAt,
    })
    .from(processingTemplates)
    .where(eq(processingTemplates.urn, urn))
    .orderBy(desc(processingTemplates.version));
}

/**
 * Titles of common measures for display: from the library's measures table, and from the library content
 * for any the table does not have yet (the library seeder may not have run).
 */
let contentMeasures: Map<string, { code: string; title: string }> | null = null;
export async function measureTitles(tx: Tx, urns: readonly string[]): Promise<Map<string, { code: string; title: string }>> {
  const wanted = [...new Set(urns.filter((u) => u.startsWith('urn:')))];
  const result = new Map<string, { code: string; title: string }>();
  if (!wanted.length) return result;
  const rows = await tx.select({ urn: measures.urn, code: measures.code, title: measures.title }).from(measures).where(inArray(measures.urn, wanted));
  for (const row of rows) result.set(row.urn, { code: row.code, title: row.title });
  contentMeasures ??= loadMeasureCatalogue();
  for (const urn of wanted) if (!result.has(urn) && contentMeasures.has(urn)) result.set(urn, contentMeasures.get(urn)!);
  return result;
}

export interface PublishInput {
  urn: string;
  content: TemplateContent;
  localFields: string[];
  uncertain: UncertainNote[];
  changeNote: string | null;
  origin: 'content' | 'editor';
  publishedBy: string | null;
}

/** Inserts a new version and proposes it to every municipality that adopted an older one. Returns the count. */
export async function insertVersionAndPropose(tx: Tx, input: PublishInput & { version: number }): Promise<number> {
  await tx.insert(processingTemplates).values({
    urn: input.urn,
    version: input.version,
    serviceArea: String(input.content.service_area),
    name: String(input.content.name),
    content: input.content,
    localFields: input.localFields,
    uncertain: input.uncertain,
    origin: input.origin,
    changeNote: input.changeNote,
    publishedBy: input.publishedBy,
  });
  const [row] = await queryRows<{ n: number }>(tx, sql`select processing_propose_template_update(${input.urn}, ${input.version}) as n`);
  return Number(row?.n ?? 0);
}

/** The national team publishes an edited template as a new version (the editor's "Publiser"). */
export async function publishTemplate(tx: Tx, urn: string, body: PublishTemplateBody, publishedBy: string): Promise<{ version: number; proposals: number }> {
  const latest = await latestTemplate(tx, urn);
  if (latest.version !== body.baseVersion) {
    throw commonError('CONFLICT', { field: 'baseVersion', message: `Noen har publisert versjon ${latest.version} i mellomtiden. Last inn malen på nytt.` });
  }
  const areas = new Set((await listServiceAreas(tx)).map((a) => a.id));
  const catalogue = new Map([...(contentMeasures ??= loadMeasureCatalogue())]);
  for (const row of await tx.select({ urn: measures.urn }).from(measures)) catalogue.set(row.urn, { code: '', title: '' });
  const checked = checkTemplateRules({ content: body.content, localFields: body.localFields, uncertain: body.uncertain }, { serviceAreaIds: areas, measures: catalogue });
  if (checked.errors.length) {
    const issues = checked.errors.map((e) => ({ field: e.path === 'local_fields' ? 'localFields' : `content.${e.path}`, code: 'custom', message: e.message }));
    throw processingError('TEMPLATE_INVALID', { field: issues[0]!.field, message: checked.errors[0]!.message, details: { issues } });
  }
  const unchanged =
    fieldKeys.every((k) => sameValue(latest.content[k], body.content[k])) &&
    JSON.stringify([...latest.localFields].sort()) === JSON.stringify([...body.localFields].sort()) &&
    JSON.stringify(latest.uncertain) === JSON.stringify(body.uncertain);
  if (unchanged) throw processingError('TEMPLATE_UNCHANGED');
  const version = latest.version + 1;
  try {
    const proposals = await insertVersionAndPropose(tx, { urn, version, content: body.content, localFields: body.localFields, uncertain: body.uncertain, changeNote: body.changeNote, origin: 'editor', publishedBy });
    return { version, proposals };
  } catch (error) {
    const code = (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
    if (code === '23505') throw commonError('CONFLICT', { field: 'baseVersion', message: 'Noen har publisert en ny versjon i mellomtiden. Last inn malen på nytt.' });
    throw error;
  }
}
