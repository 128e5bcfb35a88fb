import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { osloDate } from '../assessment/people';
import { loadRecord } from '../processing/repository';
import { loadThreatFacts } from '../systems/threat-facts';
import { users } from '../users/schema';
import { loadScales, type Scales } from './content';
import type { DpiaDetailDto, DpiaSummaryDto, VersionDto } from './contract';
import { blankDocument, deriveView, documentFromTemplate } from './document';
import type { DpiaDocument } from './model';
import { dpiaMeasureActions, dpiaProposals, dpias, dpiaVersions } from './schema';
import { requireEntry } from './screening-service';
import { latestTemplate, templateVersion } from './template-service';

let scalesCache: Scales | null = null;
export const scales = (): Scales => (scalesCache ??= loadScales());

export type DpiaRow = typeof dpias.$inferSelect;
export type VersionRow = typeof dpiaVersions.$inferSelect;

export async function requireDpia(tx: Tx, organizationId: string, id: string): Promise<DpiaRow> {
  const [row] = await tx.select().from(dpias).where(and(eq(dpias.organizationId, organizationId), eq(dpias.id, id)));
  if (!row) throw commonError('NOT_FOUND');
  return row;
}

export async function versionRow(tx: Tx, dpia: DpiaRow, number = dpia.currentVersion): Promise<VersionRow> {
  const [row] = await tx
    .select()
    .from(dpiaVersions)
    .where(and(eq(dpiaVersions.organizationId, dpia.organizationId), eq(dpiaVersions.dpiaId, dpia.id), eq(dpiaVersions.number, number)));
  if (!row) throw commonError('NOT_FOUND');
  return row;
}

async function entryNames(tx: Tx, organizationId: string): Promise<Map<string, string>> {
  const record = await loadRecord(tx, organizationId);
  return new Map(record.entries.map((e) => [e.row.id, e.view.name]));
}

export function presentDpia(row: DpiaRow, entryName: string): DpiaSummaryDto {
  return {
    id: row.id,
    entryId: row.entryId,
    entryName,
    title: row.title,
    templateUrn: row.templateUrn,
    templateVersion: row.templateVersion,
    status: row.status,
    currentVersion: row.currentVersion,
    approvedVersion: row.approvedVersion,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export async function listDpias(tx: Tx, organizationId: string): Promise<DpiaSummaryDto[]> {
  const rows = await tx.select().from(dpias).where(eq(dpias.organizationId, organizationId)).orderBy(asc(dpias.title));
  const names = await entryNames(tx, organizationId);
  return rows.map((r) => presentDpia(r, names.get(r.entryId) ?? ''));
}

/** Starts a DPIA for a processing activity: from a national template, or blank. Prefills from the record. */
export async function startDpia(tx: Tx, organizationId: string, userId: string | null, body: { entryId: string; templateSlug: string | null; title: string }): Promise<DpiaRow> {
  await requireEntry(tx, organizationId, body.entryId, true);
  const template = body.templateSlug ? await latestTemplate(tx, body.templateSlug) : null;
  const document = template ? documentFromTemplate(template.content, body.title) : blankDocument(body.title);
  const entry = (await loadRecord(tx, organizationId, body.entryId)).entries[0]!;
  const prefill: Record<string, unknown> = {
    'context.overview.responsible_unit': entry.view.values.responsible_unit,
    'context.supporting_assets.system': entry.links.systems[0]?.id,
    'context.data.number_of_data_subjects': typeof entry.view.values.data_subject_count === 'number' ? entry.view.values.data_subject_count : undefined,
  };
  for (const [path, value] of Object.entries(prefill)) {
    if (value !== undefined && value !== null && value !== '' && !(path in document.values)) document.values[path] = value;
  }
  const [row] = await tx
    .insert(dpias)
    .values({ organizationId, entryId: body.entryId, title: body.title, templateUrn: template?.urn ?? null, templateVersion: template?.version ?? null, createdBy: userId })
    .returning();
  await tx.insert(dpiaVersions).values({ organizationId, dpiaId: row!.id, number: 1, templateVersion: template?.version ?? null, document, createdBy: userId, changeNote: 'Opprettet.' });
  return row!;
}

async function names(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function presentVersion(row: VersionRow, people: Map<string, string>): VersionDto {
  return {
    number: row.number,
    status: row.status,
    templateVersion: row.templateVersion,
    changeNote: row.changeNote,
    dpoOpinion: row.dpoOpinion,
    dpoRemarks: row.dpoRemarks,
    dpoByName: row.dpoBy ? (people.get(row.dpoBy) ?? null) : null,
    dpoAt: row.dpoAt?.toISOString() ?? null,
    approvalDecision: row.approvalDecision,
    approvalNote: row.approvalNote,
    approvedByName: row.approvedBy ? (people.get(row.approvedBy) ?? null) : null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function factsFor(tx: Tx, organizationId: string, doc: DpiaDocument, now: Date) {
  const systemId = doc.values['context.supporting_assets.system'];
  if (typeof systemId !== 'string') return null;
  const facts = await loadThreatFacts(tx, organizationId, [systemId], osloDate(now));
  return (facts.get(systemId) as unknown as Record<string, unknown>) ?? null;
}

/** The DPO's opinion and the approval are local fields filled through the workflow: show what was given. */
function withWorkflowValues(view: ReturnType<typeof deriveView>, row: VersionRow): ReturnType<typeof deriveView> {
  const given: Record<string, string | null> = { 'validation.dpo_opinion': row.dpoOpinion, 'validation.approval': row.approvalDecision };
  return { ...view, localFields: view.localFields.map((f) => (f.path in given && given[f.path] ? { ...f, value: given[f.path], filled: true } : f)) };
}

export async function dpiaDetail(tx: Tx, organizationId: string, id: string, now: Date, number?: number): Promise<DpiaDetailDto> {
  const dpia = await requireDpia(tx, organizationId, id);
  const shown = await versionRow(tx, dpia, number ?? dpia.currentVersion);
  const history = await tx.select().from(dpiaVersions).where(and(eq(dpiaVersions.organizationId, organizationId), eq(dpiaVersions.dpiaId, id))).orderBy(desc(dpiaVersions.number));
  const people = await names(tx, history.flatMap((h) => [h.dpoBy, h.approvedBy]));
  const entry = (await loadRecord(tx, organizationId, dpia.entryId)).entries[0]!;
  const doc = shown.document;
  const [proposal] = await tx
    .select({ id: dpiaProposals.id })
    .from(dpiaProposals)
    .where(and(eq(dpiaProposals.organizationId, organizationId), eq(dpiaProposals.dpiaId, id), eq(dpiaProposals.status, 'open')));
  const actionRows = await tx
    .select({ measureId: dpiaMeasureActions.measureId, actionId: dpiaMeasureActions.actionId })
    .from(dpiaMeasureActions)
    .where(and(eq(dpiaMeasureActions.organizationId, organizationId), eq(dpiaMeasureActions.dpiaId, id)));
  const template = dpia.templateUrn && shown.templateVersion ? await templateVersion(tx, dpia.templateUrn, shown.templateVersion) : null;
  return {
    dpia: presentDpia(dpia, entry.view.name),
    shown: { ...presentVersion(shown, people), title: doc.title, summary: doc.content.summary ?? null, templateTitle: template?.title ?? null },
    view: withWorkflowValues(deriveView(doc, scales(), await factsFor(tx, organizationId, doc, now)), shown),
    context: { entryName: entry.view.name, systems: entry.links.systems, content: doc.content.context },
    history: history.map((h) => presentVersion(h, people)),
    added: { risks: doc.addedRisks, measures: doc.addedMeasures, adjustments: doc.riskAdjustments },
    openProposalId: proposal?.id ?? null,
    actions: actionRows,
  };
}
