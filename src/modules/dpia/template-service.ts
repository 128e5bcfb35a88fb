import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/sql';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { checkTemplate, dpiaContentDir, loadDpiaTemplates, localFieldsOf, principleKeys } from './content';
import type { PublishBody, TemplateDetailDto, TemplateSummaryDto } from './contract';
import { dpiaError } from './errors';
import type { DpiaTemplateContent } from './model';
import { dpiaTemplates } from './schema';

type TemplateRow = typeof dpiaTemplates.$inferSelect;

export async function latestTemplates(tx: Tx): Promise<TemplateRow[]> {
  const rows = await tx.select().from(dpiaTemplates).orderBy(asc(dpiaTemplates.title), desc(dpiaTemplates.version));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.urn) ? false : (seen.add(r.urn), true)));
}

export async function latestTemplate(tx: Tx, slug: string): Promise<TemplateRow> {
  const [row] = await tx.select().from(dpiaTemplates).where(eq(dpiaTemplates.slug, slug)).orderBy(desc(dpiaTemplates.version)).limit(1);
  if (!row) throw dpiaError('TEMPLATE_NOT_FOUND', { field: 'templateSlug' });
  return row;
}

export async function templateVersion(tx: Tx, urn: string, version: number): Promise<TemplateRow | null> {
  const [row] = await tx.select().from(dpiaTemplates).where(and(eq(dpiaTemplates.urn, urn), eq(dpiaTemplates.version, version)));
  return row ?? null;
}

export function presentTemplate(row: TemplateRow): TemplateSummaryDto {
  return {
    urn: row.urn,
    slug: row.slug,
    version: row.version,
    title: row.title,
    sector: row.content.sector ?? null,
    summary: row.content.summary ?? null,
    localFieldCount: localFieldsOf(row.content).length,
    publishedAt: row.publishedAt.toISOString(),
  };
}

export async function templateDetail(tx: Tx, slug: string): Promise<TemplateDetailDto> {
  const row = await latestTemplate(tx, slug);
  const history = await tx
    .select({ version: dpiaTemplates.version, changeNote: dpiaTemplates.changeNote, publishedAt: dpiaTemplates.publishedAt })
    .from(dpiaTemplates)
    .where(eq(dpiaTemplates.urn, row.urn))
    .orderBy(desc(dpiaTemplates.version));
  return { ...presentTemplate(row), content: row.content, changeNote: row.changeNote, history: history.map((h) => ({ ...h, publishedAt: h.publishedAt.toISOString() })) };
}

interface InsertInput {
  slug: string;
  content: DpiaTemplateContent;
  origin: 'content' | 'editor';
  changeNote: string | null;
  publishedBy: string | null;
}

/** Inserts a template version and proposes it to every DPIA based on an older one. Returns the proposal count. */
async function insertAndPropose(tx: Tx, input: InsertInput): Promise<number> {
  await tx.insert(dpiaTemplates).values({
    urn: input.content.urn,
    version: input.content.version,
    slug: input.slug,
    title: input.content.title,
    content: input.content,
    origin: input.origin,
    changeNote: input.changeNote,
    publishedBy: input.publishedBy,
  });
  const [row] = await queryRows<{ n: number }>(tx, sql`select dpia_propose_template_update(${input.content.urn}, ${input.content.version}) as n`);
  return Number(row?.n ?? 0);
}

/** The national team edits a template's summary and principle texts and publishes a new version. */
export async function publishTemplate(tx: Tx, slug: string, body: PublishBody, userId: string): Promise<{ version: number; proposals: number }> {
  const latest = await latestTemplate(tx, slug);
  if (latest.version !== body.baseVersion) throw commonError('CONFLICT', { field: 'baseVersion' });
  const content = structuredClone(latest.content);
  content.summary = body.summary;
  for (const [key, value] of Object.entries(body.principles ?? {})) {
    if (!(principleKeys as readonly string[]).includes(key)) throw dpiaError('UNKNOWN_FIELD', { field: `principles.${key}` });
    const principle = content.principles[key]!;
    if (typeof principle.value !== 'string' && principle.value !== null) throw dpiaError('INVALID_VALUE', { field: `principles.${key}`, message: 'Dette prinsippet har en sammensatt verdi som ikke kan endres her.' });
    principle.value = value;
  }
  if (JSON.stringify(content) === JSON.stringify(latest.content)) throw dpiaError('TEMPLATE_UNCHANGED');
  content.version = latest.version + 1;
  const issues = checkTemplate(`${slug}.yaml`, content);
  if (issues.length) throw dpiaError('INVALID_VALUE', { field: issues[0]!.path, message: issues[0]!.message });
  const proposals = await insertAndPropose(tx, { slug, content, origin: 'editor', changeNote: body.changeNote, publishedBy: userId });
  return { version: content.version, proposals };
}

/**
 * Loads the national DPIA templates from content/dpia at start-up. Idempotent: a stored version is left alone;
 * a higher `version:` in the file becomes a new version and is proposed to every DPIA based on the template.
 */
export async function seedDpiaTemplates(tx: Tx, dir = dpiaContentDir): Promise<{ inserted: number; newVersions: number; proposals: number }> {
  const { templates, errors } = loadDpiaTemplates(dir);
  if (errors.length) throw new Error(`content/dpia har ${errors.length} feil:\n${errors.slice(0, 5).map((e) => `${e.file} ${e.path}: ${e.message}`).join('\n')}`);
  await tx.execute(sql`select set_config('app.national_writer', 'on', true)`);
  const result = { inserted: 0, newVersions: 0, proposals: 0 };
  for (const template of templates) {
    const [latest] = await tx.select({ version: dpiaTemplates.version }).from(dpiaTemplates).where(eq(dpiaTemplates.urn, template.urn)).orderBy(desc(dpiaTemplates.version)).limit(1);
    if (latest && template.version <= latest.version) continue;
    result.proposals += await insertAndPropose(tx, {
      slug: template.slug,
      content: template.content,
      origin: 'content',
      changeNote: latest ? `Ny versjon fra innholdsfilen ${template.file}.` : null,
      publishedBy: null,
    });
    if (latest) result.newVersions++;
    else result.inserted++;
  }
  return result;
}

/** For tests: publish a changed copy of the latest version as the national team. */
export async function publishChangedForTest(tx: Tx, slug: string, change: (c: DpiaTemplateContent) => void): Promise<number> {
  await tx.execute(sql`select set_config('app.national_writer', 'on', true)`);
  const latest = await latestTemplate(tx, slug);
  const content = structuredClone(latest.content);
  change(content);
  content.version = latest.version + 1;
  return insertAndPropose(tx, { slug, content, origin: 'editor', changeNote: 'Endret i test.', publishedBy: null });
}
