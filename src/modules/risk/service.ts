import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { isMember, organizationPeople } from '../assessment/people';
import { loadRecord } from '../processing/repository';
import { processingEntries } from '../processing/schema';
import { systems } from '../systems/schema';
import { levelOf } from './content';
import type { AssessmentSummaryDto, CreateAssessmentBody, RiskOptionsResponse, UpdateAssessmentBody } from './contract';
import { loadAssessment, loadDetail, loadDraft, matrixOf, presentSummary } from './detail';
import { riskError } from './errors';
import { currentMatrix } from './matrix-service';
import { measuresToActionPlan } from './risk-service';
import { riskAssessmentRisks, riskAssessments, riskAssessmentVersions } from './schema';

/** Risk assessments: create, change, accept (risk owner only) and revise. Runs inside a tenant transaction. */

async function assertOwner(tx: Tx, organizationId: string, userId: string | null | undefined): Promise<void> {
  if (userId && !(await isMember(tx, organizationId, userId))) throw riskError('OWNER_NOT_MEMBER', { field: 'riskOwnerUserId' });
}

async function processingEntryName(tx: Tx, organizationId: string, entryId: string): Promise<string> {
  const [exists] = await tx
    .select({ id: processingEntries.id })
    .from(processingEntries)
    .where(and(eq(processingEntries.organizationId, organizationId), eq(processingEntries.id, entryId)));
  if (!exists) throw riskError('UNKNOWN_PROCESSING_ENTRY', { field: 'processingEntryId' });
  return (await loadRecord(tx, organizationId, entryId)).entries[0]!.view.name;
}

async function subjectOf(tx: Tx, organizationId: string, body: CreateAssessmentBody) {
  if (body.subjectKind === 'system') {
    if (!body.systemId) throw riskError('SUBJECT_REQUIRED', { field: 'systemId' });
    const [system] = await tx.select({ name: systems.name }).from(systems).where(and(eq(systems.organizationId, organizationId), eq(systems.id, body.systemId)));
    if (!system) throw riskError('UNKNOWN_SYSTEM', { field: 'systemId' });
    return { systemId: body.systemId, processingEntryId: null, subjectName: system.name };
  }
  if (body.subjectKind === 'processing') {
    if (!body.processingEntryId) throw riskError('SUBJECT_REQUIRED', { field: 'processingEntryId' });
    return { systemId: null, processingEntryId: body.processingEntryId, subjectName: await processingEntryName(tx, organizationId, body.processingEntryId) };
  }
  if (!body.serviceName) throw riskError('SUBJECT_REQUIRED', { field: 'serviceName' });
  return { systemId: null, processingEntryId: null, subjectName: body.serviceName };
}

export async function createAssessment(tx: Tx, organizationId: string, userId: string, body: CreateAssessmentBody): Promise<string> {
  const subject = await subjectOf(tx, organizationId, body);
  await assertOwner(tx, organizationId, body.riskOwnerUserId);
  const [row] = await tx
    .insert(riskAssessments)
    .values({
      organizationId,
      subjectKind: body.subjectKind,
      ...subject,
      title: body.title,
      scope: body.scope ?? null,
      riskOwnerUserId: body.riskOwnerUserId ?? null,
      reviewDate: body.reviewDate ?? null,
      matrix: await currentMatrix(tx, organizationId),
      createdBy: userId,
    })
    .returning({ id: riskAssessments.id });
  return row!.id;
}

export async function updateAssessment(tx: Tx, organizationId: string, id: string, body: UpdateAssessmentBody): Promise<void> {
  const row = await loadDraft(tx, organizationId, id);
  if (row.version !== body.version) throw commonError('CONFLICT');
  await assertOwner(tx, organizationId, body.riskOwnerUserId);
  const { version, ...changes } = body;
  await tx
    .update(riskAssessments)
    .set({ ...changes, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(riskAssessments.organizationId, organizationId), eq(riskAssessments.id, id)));
}

export async function listAssessments(tx: Tx, organizationId: string, systemId?: string): Promise<AssessmentSummaryDto[]> {
  const filters = [eq(riskAssessments.organizationId, organizationId)];
  if (systemId) filters.push(eq(riskAssessments.systemId, systemId));
  const rows = await tx.select().from(riskAssessments).where(and(...filters)).orderBy(desc(riskAssessments.updatedAt));
  if (!rows.length) return [];
  const risks = await tx
    .select({ assessmentId: riskAssessmentRisks.assessmentId, likelihood: riskAssessmentRisks.likelihood, consequence: riskAssessmentRisks.consequence })
    .from(riskAssessmentRisks)
    .where(and(eq(riskAssessmentRisks.organizationId, organizationId), eq(riskAssessmentRisks.status, 'included'), inArray(riskAssessmentRisks.assessmentId, rows.map((r) => r.id))));
  const people = new Map((await organizationPeople(tx, organizationId)).map((p) => [p.id, p]));
  return rows.map((row) =>
    presentSummary(
      row,
      risks.filter((r) => r.assessmentId === row.id).map((r) => ({ level: levelOf(matrixOf(row), r.likelihood, r.consequence), residualLevel: null })),
      row.riskOwnerUserId ? (people.get(row.riskOwnerUserId) ?? null) : null,
    ),
  );
}

export async function riskOptions(tx: Tx, organizationId: string): Promise<RiskOptionsResponse> {
  const systemRows = await tx.select({ id: systems.id, name: systems.name }).from(systems).where(eq(systems.organizationId, organizationId)).orderBy(systems.name);
  const record = await loadRecord(tx, organizationId);
  return {
    systems: systemRows,
    processingEntries: record.entries.map((e) => ({ id: e.row.id, name: e.view.name })),
    people: await organizationPeople(tx, organizationId),
  };
}

/**
 * The risk owner accepts the assessment: every included risk must be scored; the new measures go into the
 * action plan (those not already there); the assessment as accepted is kept as a snapshot.
 */
export async function acceptAssessment(tx: Tx, organizationId: string, userId: string, id: string, note: string | null, now: Date): Promise<void> {
  const row = await loadDraft(tx, organizationId, id);
  if (!row.riskOwnerUserId) throw riskError('NO_RISK_OWNER', { field: 'riskOwnerUserId' });
  if (row.riskOwnerUserId !== userId) throw riskError('NOT_RISK_OWNER');
  const [unscored] = await tx
    .select({ id: riskAssessmentRisks.id })
    .from(riskAssessmentRisks)
    .where(
      and(
        eq(riskAssessmentRisks.organizationId, organizationId),
        eq(riskAssessmentRisks.assessmentId, id),
        eq(riskAssessmentRisks.status, 'included'),
        sql`(${riskAssessmentRisks.likelihood} is null or ${riskAssessmentRisks.consequence} is null)`,
      ),
    )
    .limit(1);
  if (unscored) throw riskError('UNSCORED_RISKS');
  await measuresToActionPlan(tx, organizationId, userId, row, null);
  await tx
    .update(riskAssessments)
    .set({ status: 'accepted', acceptedBy: userId, acceptedAt: now, acceptanceNote: note, updatedAt: now, version: row.version + 1 })
    .where(and(eq(riskAssessments.organizationId, organizationId), eq(riskAssessments.id, id)));
  const snapshot = await loadDetail(tx, organizationId, id);
  await tx.insert(riskAssessmentVersions).values({ organizationId, assessmentId: id, revision: row.revision, snapshot, acceptedBy: userId, acceptedAt: now });
}

/** Starts a revision: the accepted version stays as its snapshot; the assessment becomes a draft again. */
export async function reviseAssessment(tx: Tx, organizationId: string, id: string, now: Date): Promise<void> {
  const row = await loadAssessment(tx, organizationId, id, true);
  if (row.status !== 'accepted') throw riskError('NOT_ACCEPTED');
  await tx
    .update(riskAssessments)
    .set({ status: 'draft', revision: row.revision + 1, acceptedBy: null, acceptedAt: null, acceptanceNote: null, updatedAt: now, version: row.version + 1 })
    .where(and(eq(riskAssessments.organizationId, organizationId), eq(riskAssessments.id, id)));
}

/** Deletes a first draft; once a version has been accepted the assessment is kept (revise it instead). */
export async function deleteDraft(tx: Tx, organizationId: string, id: string): Promise<void> {
  const row = await loadDraft(tx, organizationId, id);
  if (row.revision > 1) throw riskError('HAS_ACCEPTED_VERSIONS');
  await tx.delete(riskAssessments).where(and(eq(riskAssessments.organizationId, organizationId), eq(riskAssessments.id, id)));
}
