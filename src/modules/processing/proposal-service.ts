import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import type { ProposalDetailDto, ProposalDto, Resolution } from './contract';
import { processingError } from './errors';
import type { FieldValue } from './fields';
import { applyResolutions, planMerge, UnresolvedConflictError, type MergePlan } from './merge';
import { processingEntries, processingEntryValues, processingProposals } from './schema';
import { templateVersions, versionKey } from './template-service';
import type { TemplateVersionRow } from './view';

/**
 * Template updates as proposals: the municipality sees the difference against its own entry, resolves
 * conflicts, and accepts (the merge keeps its overrides) or declines (recorded). Nothing else moves an entry
 * to a new template version.
 */

type ProposalRow = typeof processingProposals.$inferSelect;

async function ownValues(tx: Tx, organizationId: string, entryId: string): Promise<Map<string, FieldValue>> {
  const rows = await tx
    .select({ field: processingEntryValues.field, value: processingEntryValues.value })
    .from(processingEntryValues)
    .where(and(eq(processingEntryValues.organizationId, organizationId), eq(processingEntryValues.entryId, entryId)));
  return new Map(rows.map((r) => [r.field, r.value]));
}

function planFor(from: TemplateVersionRow, to: TemplateVersionRow, ours: Map<string, FieldValue>): MergePlan {
  return planMerge({ base: from.content, theirs: to.content, ours, baseLocalFields: from.localFields, theirLocalFields: to.localFields });
}

function entryName(from: TemplateVersionRow, ours: Map<string, FieldValue>): string {
  const own = ours.get('name');
  return typeof own === 'string' && own ? own : from.name;
}

function present(row: ProposalRow, name: string, to: TemplateVersionRow | undefined, plan: MergePlan | null): ProposalDto {
  return {
    id: row.id,
    entryId: row.entryId,
    entryName: name,
    templateUrn: row.templateUrn,
    fromVersion: row.fromVersion,
    toVersion: row.toVersion,
    status: row.status,
    changeNote: to?.changeNote ?? null,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    resolutions: row.resolutions,
    conflicts: plan ? plan.conflicts.length : Object.keys(row.resolutions).length,
    changes: plan ? plan.fields.filter((f) => f.change !== 'kept').length : 0,
  };
}

export async function listProposals(tx: Tx, organizationId: string): Promise<ProposalDto[]> {
  const rows = await tx
    .select()
    .from(processingProposals)
    .where(and(eq(processingProposals.organizationId, organizationId), inArray(processingProposals.status, ['open', 'accepted', 'declined'])))
    .orderBy(desc(processingProposals.createdAt))
    .limit(500);
  const versions = await templateVersions(tx, rows.flatMap((r) => [{ urn: r.templateUrn, version: r.fromVersion }, { urn: r.templateUrn, version: r.toVersion }]));
  const values = rows.length
    ? await tx
        .select({ entryId: processingEntryValues.entryId, field: processingEntryValues.field, value: processingEntryValues.value })
        .from(processingEntryValues)
        .where(and(eq(processingEntryValues.organizationId, organizationId), inArray(processingEntryValues.entryId, [...new Set(rows.map((r) => r.entryId))])))
    : [];
  return rows.map((row) => {
    const from = versions.get(versionKey(row.templateUrn, row.fromVersion))!;
    const to = versions.get(versionKey(row.templateUrn, row.toVersion));
    const ours = new Map(values.filter((v) => v.entryId === row.entryId).map((v) => [v.field, v.value]));
    return present(row, entryName(from, ours), to, row.status === 'open' && to ? planFor(from, to, ours) : null);
  });
}

async function loadProposal(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx.select().from(processingProposals).where(and(eq(processingProposals.organizationId, organizationId), eq(processingProposals.id, id)));
  if (!row) throw commonError('NOT_FOUND');
  const [entry] = await tx.select().from(processingEntries).where(and(eq(processingEntries.organizationId, organizationId), eq(processingEntries.id, row.entryId)));
  if (!entry) throw commonError('NOT_FOUND');
  const versions = await templateVersions(tx, [
    { urn: row.templateUrn, version: row.fromVersion },
    { urn: row.templateUrn, version: row.toVersion },
  ]);
  const from = versions.get(versionKey(row.templateUrn, row.fromVersion))!;
  const to = versions.get(versionKey(row.templateUrn, row.toVersion))!;
  const ours = await ownValues(tx, organizationId, row.entryId);
  return { row, entry, from, to, ours, plan: planFor(from, to, ours) };
}

export async function proposalDetail(tx: Tx, organizationId: string, id: string): Promise<ProposalDetailDto> {
  const { row, entry, from, to, ours, plan } = await loadProposal(tx, organizationId, id);
  return {
    ...present(row, entryName(from, ours), to, plan),
    entryVersion: entry.version,
    fields: plan.fields,
    localFieldsAdded: plan.localFieldsAdded,
    localFieldsRemoved: plan.localFieldsRemoved,
  };
}

/**
 * Accepts: fields changed only nationally follow the new version, overrides are kept unless the municipality
 * chose the new value for a conflict, and the entry moves to the new version. `entryVersion` must be the
 * entry version the decision was made on: if the entry changed meanwhile, 409 and nothing changes.
 */
export async function acceptProposal(tx: Tx, organizationId: string, userId: string, id: string, input: { entryVersion: number; resolutions: Record<string, Resolution> }) {
  const { row, entry, plan } = await loadProposal(tx, organizationId, id);
  if (row.status !== 'open') throw processingError('PROPOSAL_DECIDED');
  if (entry.version !== input.entryVersion || entry.templateVersion !== row.fromVersion) throw commonError('CONFLICT');
  let drop: string[];
  try {
    drop = applyResolutions(plan, input.resolutions).drop;
  } catch (error) {
    if (error instanceof UnresolvedConflictError) throw processingError('CONFLICT_UNRESOLVED', { field: `resolutions.${error.field}` });
    throw error;
  }
  const [moved] = await tx
    .update(processingEntries)
    .set({ templateVersion: row.toVersion, updatedAt: new Date(), version: sql`${processingEntries.version} + 1` })
    .where(and(eq(processingEntries.organizationId, organizationId), eq(processingEntries.id, entry.id), eq(processingEntries.version, input.entryVersion)))
    .returning({ version: processingEntries.version });
  if (!moved) throw commonError('CONFLICT');
  if (drop.length) {
    await tx
      .delete(processingEntryValues)
      .where(and(eq(processingEntryValues.organizationId, organizationId), eq(processingEntryValues.entryId, entry.id), inArray(processingEntryValues.field, drop)));
  }
  const recorded = Object.fromEntries(plan.conflicts.map((field) => [field, input.resolutions[field]!]));
  const decided = await tx
    .update(processingProposals)
    .set({ status: 'accepted', resolutions: recorded, decidedBy: userId, decidedAt: new Date(), version: sql`${processingProposals.version} + 1` })
    .where(and(eq(processingProposals.organizationId, organizationId), eq(processingProposals.id, id), eq(processingProposals.status, 'open')))
    .returning({ id: processingProposals.id });
  if (!decided.length) throw processingError('PROPOSAL_DECIDED');
  return { entryId: entry.id, entryVersion: moved.version, templateVersion: row.toVersion };
}

/** Declines: the entry stays on its version; the decision (and why) is recorded. */
export async function declineProposal(tx: Tx, organizationId: string, userId: string, id: string, note: string | null) {
  const [row] = await tx
    .update(processingProposals)
    .set({ status: 'declined', decisionNote: note?.trim() || null, decidedBy: userId, decidedAt: new Date(), version: sql`${processingProposals.version} + 1` })
    .where(and(eq(processingProposals.organizationId, organizationId), eq(processingProposals.id, id), eq(processingProposals.status, 'open')))
    .returning({ id: processingProposals.id });
  if (row) return;
  const [exists] = await tx.select({ id: processingProposals.id }).from(processingProposals).where(and(eq(processingProposals.organizationId, organizationId), eq(processingProposals.id, id)));
  throw exists ? processingError('PROPOSAL_DECIDED') : commonError('NOT_FOUND');
}
