import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { measureByUrn } from '../assessment/library-read';
import { createAction } from '../actions/service';
import { riskContent } from './content';
import type { AddRiskBody, UpdateRiskBody } from './contract';
import { loadAssessment, loadDraft, matrixOf, type AssessmentRow } from './detail';
import { riskError } from './errors';
import { riskAssessmentRisks, riskMeasures } from './schema';

/** Risks and their new measures in a draft assessment, and putting measures into the action plan. */

function threatByUrn(urn: string) {
  const threat = riskContent().catalogue.threats.find((t) => t.urn === urn);
  if (!threat) throw riskError('UNKNOWN_THREAT', { field: 'threatUrn' });
  return threat;
}

async function assertThreatFree(tx: Tx, organizationId: string, assessmentId: string, urn: string): Promise<void> {
  const [taken] = await tx
    .select({ id: riskAssessmentRisks.id })
    .from(riskAssessmentRisks)
    .where(and(eq(riskAssessmentRisks.organizationId, organizationId), eq(riskAssessmentRisks.assessmentId, assessmentId), eq(riskAssessmentRisks.threatUrn, urn)));
  if (taken) throw riskError('THREAT_ALREADY_ADDED', { field: 'threatUrn' });
}

export async function addRisk(tx: Tx, organizationId: string, assessmentId: string, body: AddRiskBody): Promise<string> {
  await loadDraft(tx, organizationId, assessmentId);
  let values: { threatUrn: string | null; title: string; description: string | null; existingMeasures: string | null };
  if (body.threatUrn) {
    const threat = threatByUrn(body.threatUrn);
    await assertThreatFree(tx, organizationId, assessmentId, threat.urn);
    values = { threatUrn: threat.urn, title: body.title || threat.title, description: body.description ?? threat.description, existingMeasures: null };
  } else {
    if (!body.title) throw riskError('TITLE_REQUIRED', { field: 'title' });
    values = { threatUrn: null, title: body.title, description: body.description ?? null, existingMeasures: null };
  }
  const [row] = await tx.insert(riskAssessmentRisks).values({ organizationId, assessmentId, ...values }).returning({ id: riskAssessmentRisks.id });
  return row!.id;
}

/** Dismisses a suggested threat with a reason; it is kept (and not suggested again). */
export async function dismissThreat(tx: Tx, organizationId: string, assessmentId: string, urn: string, reason: string): Promise<void> {
  await loadDraft(tx, organizationId, assessmentId);
  const threat = threatByUrn(urn);
  await assertThreatFree(tx, organizationId, assessmentId, threat.urn);
  await tx.insert(riskAssessmentRisks).values({ organizationId, assessmentId, threatUrn: threat.urn, title: threat.title, description: threat.description, status: 'dismissed', rejectionReason: reason });
}

async function loadRisk(tx: Tx, organizationId: string, assessmentId: string, riskId: string) {
  const [row] = await tx
    .select()
    .from(riskAssessmentRisks)
    .where(and(eq(riskAssessmentRisks.organizationId, organizationId), eq(riskAssessmentRisks.assessmentId, assessmentId), eq(riskAssessmentRisks.id, riskId)));
  if (!row) throw riskError('RISK_NOT_FOUND');
  return row;
}

/** Scores must be levels of the assessment's own matrix (a 4-level scale has no 5); the database only knows 1–5. */
function assertOnScale(assessment: AssessmentRow, body: UpdateRiskBody): void {
  const matrix = matrixOf(assessment);
  const scales = { likelihood: matrix.likelihood.length, consequence: matrix.consequence.length, residualLikelihood: matrix.likelihood.length, residualConsequence: matrix.consequence.length };
  for (const [field, max] of Object.entries(scales) as [keyof typeof scales, number][]) {
    const value = body[field];
    if (typeof value === 'number' && value > max) throw riskError('SCORE_OUT_OF_RANGE', { field, message: `Velg et nivå fra 1 til ${max}. Risikomatrisen for denne risikovurderingen har ${max} nivåer.` });
  }
}

export async function updateRisk(tx: Tx, organizationId: string, assessmentId: string, riskId: string, body: UpdateRiskBody): Promise<void> {
  assertOnScale(await loadDraft(tx, organizationId, assessmentId), body);
  await loadRisk(tx, organizationId, assessmentId, riskId);
  await tx
    .update(riskAssessmentRisks)
    .set({ ...body, updatedAt: new Date() })
    .where(and(eq(riskAssessmentRisks.organizationId, organizationId), eq(riskAssessmentRisks.id, riskId)));
}

/** Removes a risk (or a dismissal, so the threat is suggested again). */
export async function deleteRisk(tx: Tx, organizationId: string, assessmentId: string, riskId: string): Promise<void> {
  await loadDraft(tx, organizationId, assessmentId);
  await loadRisk(tx, organizationId, assessmentId, riskId);
  await tx.delete(riskAssessmentRisks).where(and(eq(riskAssessmentRisks.organizationId, organizationId), eq(riskAssessmentRisks.id, riskId)));
}

export async function addMeasure(tx: Tx, organizationId: string, assessmentId: string, riskId: string, body: { title: string; measureUrn?: string | null }): Promise<string> {
  await loadDraft(tx, organizationId, assessmentId);
  const risk = await loadRisk(tx, organizationId, assessmentId, riskId);
  if (risk.status !== 'included') throw riskError('RISK_NOT_FOUND');
  if (body.measureUrn && !(await measureByUrn(tx, body.measureUrn))) throw riskError('UNKNOWN_MEASURE', { field: 'measureUrn' });
  const [row] = await tx
    .insert(riskMeasures)
    .values({ organizationId, assessmentId, riskId, title: body.title, measureUrn: body.measureUrn ?? null })
    .returning({ id: riskMeasures.id });
  return row!.id;
}

export async function deleteMeasure(tx: Tx, organizationId: string, assessmentId: string, measureId: string): Promise<void> {
  await loadDraft(tx, organizationId, assessmentId);
  const deleted = await tx
    .delete(riskMeasures)
    .where(and(eq(riskMeasures.organizationId, organizationId), eq(riskMeasures.assessmentId, assessmentId), eq(riskMeasures.id, measureId)))
    .returning({ id: riskMeasures.id });
  if (!deleted.length) throw riskError('MEASURE_NOT_FOUND');
}

/**
 * Puts new measures into the action plan: one measure (measureId) or all of the assessment's. Idempotent: a
 * measure that already has an action gets none (the rows are locked, so two clicks at once make one action).
 * Returns how many actions were created.
 */
export async function measuresToActionPlan(tx: Tx, organizationId: string, userId: string, assessment: AssessmentRow, measureId: string | null): Promise<number> {
  const filters = [eq(riskMeasures.organizationId, organizationId), eq(riskMeasures.assessmentId, assessment.id)];
  if (measureId) filters.push(eq(riskMeasures.id, measureId));
  const rows = await tx
    .select({ id: riskMeasures.id, title: riskMeasures.title, measureUrn: riskMeasures.measureUrn, actionId: riskMeasures.actionId, riskTitle: riskAssessmentRisks.title })
    .from(riskMeasures)
    .innerJoin(riskAssessmentRisks, and(eq(riskAssessmentRisks.organizationId, organizationId), eq(riskAssessmentRisks.id, riskMeasures.riskId)))
    .where(and(...filters))
    .for('update', { of: riskMeasures });
  if (measureId && !rows.length) throw riskError('MEASURE_NOT_FOUND');
  let created = 0;
  for (const row of rows) {
    if (row.actionId) continue;
    const action = await createAction(tx, organizationId, {
      title: row.title,
      description: `Tiltak fra risikovurderingen «${assessment.title}» (${assessment.subjectName}) mot risikoen «${row.riskTitle}».`,
      sourceType: 'risk',
      sourceId: assessment.id,
      measureUrn: row.measureUrn,
      ownerUserId: assessment.riskOwnerUserId,
      createdBy: userId,
    });
    await tx.update(riskMeasures).set({ actionId: action.id }).where(and(eq(riskMeasures.organizationId, organizationId), eq(riskMeasures.id, row.id), isNull(riskMeasures.actionId)));
    created++;
  }
  return created;
}

export async function measureToActionPlan(tx: Tx, organizationId: string, userId: string, assessmentId: string, measureId: string): Promise<number> {
  return measuresToActionPlan(tx, organizationId, userId, await loadAssessment(tx, organizationId, assessmentId), measureId);
}
