import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { organizationPeople } from '../assessment/people';
import { levelOf, riskContent, riskLevelIds, type RiskLevelId, type RiskMatrix } from './content';
import type { AssessmentDto, AssessmentSummaryDto, MeasureDto, RiskDto } from './contract';
import { riskError } from './errors';
import { riskAssessmentRisks, riskAssessments, riskAssessmentVersions, riskMeasures } from './schema';

/** Reading an assessment with its risks and measures, and turning rows into DTOs. */

export type AssessmentRow = typeof riskAssessments.$inferSelect;
type RiskRow = typeof riskAssessmentRisks.$inferSelect;

export async function loadAssessment(tx: Tx, organizationId: string, id: string, lock = false): Promise<AssessmentRow> {
  const query = tx.select().from(riskAssessments).where(and(eq(riskAssessments.organizationId, organizationId), eq(riskAssessments.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw riskError('ASSESSMENT_NOT_FOUND');
  return row;
}

/** Loads the assessment for a change; an accepted one is read-only. */
export async function loadDraft(tx: Tx, organizationId: string, id: string): Promise<AssessmentRow> {
  const row = await loadAssessment(tx, organizationId, id, true);
  if (row.status !== 'draft') throw riskError('ASSESSMENT_ACCEPTED');
  return row;
}

/** The matrix the assessment was made with; one made before matrices were recorded uses the national matrix. */
export function matrixOf(row: Pick<AssessmentRow, 'matrix'>): RiskMatrix {
  return row.matrix ?? riskContent().matrix;
}

export function highestLevel(levels: (RiskLevelId | null)[]): RiskLevelId | null {
  let best = -1;
  for (const level of levels) if (level) best = Math.max(best, riskLevelIds.indexOf(level));
  return best < 0 ? null : riskLevelIds[best]!;
}

function presentRisk(row: RiskRow, number: number, measures: MeasureDto[], matrix: RiskMatrix): RiskDto {
  return {
    id: row.id,
    number,
    threatUrn: row.threatUrn,
    title: row.title,
    description: row.description,
    status: row.status,
    rejectionReason: row.rejectionReason,
    likelihood: row.likelihood,
    consequence: row.consequence,
    level: levelOf(matrix, row.likelihood, row.consequence),
    existingMeasures: row.existingMeasures,
    residualLikelihood: row.residualLikelihood,
    residualConsequence: row.residualConsequence,
    residualLevel: levelOf(matrix, row.residualLikelihood, row.residualConsequence),
    measures,
  };
}

export interface LoadedDetail {
  assessment: AssessmentDto;
  matrix: RiskMatrix;
  risks: RiskDto[];
  dismissed: RiskDto[];
  versions: { revision: number; acceptedAt: string; acceptedBy: string | null }[];
}

export async function loadDetail(tx: Tx, organizationId: string, id: string): Promise<LoadedDetail> {
  const row = await loadAssessment(tx, organizationId, id);
  const riskRows = await tx
    .select()
    .from(riskAssessmentRisks)
    .where(and(eq(riskAssessmentRisks.organizationId, organizationId), eq(riskAssessmentRisks.assessmentId, id)))
    .orderBy(asc(riskAssessmentRisks.createdAt), asc(riskAssessmentRisks.id));
  const measureRows = await tx
    .select()
    .from(riskMeasures)
    .where(and(eq(riskMeasures.organizationId, organizationId), eq(riskMeasures.assessmentId, id)))
    .orderBy(asc(riskMeasures.createdAt), asc(riskMeasures.id));
  const versionRows = await tx
    .select()
    .from(riskAssessmentVersions)
    .where(and(eq(riskAssessmentVersions.organizationId, organizationId), eq(riskAssessmentVersions.assessmentId, id)))
    .orderBy(asc(riskAssessmentVersions.revision));
  const people = new Map((await organizationPeople(tx, organizationId)).map((p) => [p.id, p]));
  const measuresOf = (riskId: string): MeasureDto[] =>
    measureRows.filter((m) => m.riskId === riskId).map((m) => ({ id: m.id, riskId: m.riskId, title: m.title, measureUrn: m.measureUrn, actionId: m.actionId }));
  const matrix = matrixOf(row);
  const included = riskRows.filter((r) => r.status === 'included');
  const risks = included.map((r, i) => presentRisk(r, i + 1, measuresOf(r.id), matrix));
  const dismissed = riskRows.filter((r) => r.status === 'dismissed').map((r) => presentRisk(r, 0, [], matrix));
  const person = (userId: string | null) => (userId ? (people.get(userId) ?? { id: userId, name: '' }) : null);
  return {
    assessment: {
      ...presentSummary(row, risks, person(row.riskOwnerUserId)),
      scope: row.scope,
      acceptanceNote: row.acceptanceNote,
      acceptedBy: person(row.acceptedBy),
      version: row.version,
    },
    matrix,
    risks,
    dismissed,
    versions: versionRows.map((v) => ({ revision: v.revision, acceptedAt: v.acceptedAt.toISOString(), acceptedBy: person(v.acceptedBy)?.name ?? null })),
  };
}

export function presentSummary(row: AssessmentRow, risks: Pick<RiskDto, 'level' | 'residualLevel'>[], owner: { id: string; name: string } | null): AssessmentSummaryDto {
  return {
    id: row.id,
    title: row.title,
    subjectKind: row.subjectKind,
    subjectName: row.subjectName,
    systemId: row.systemId,
    processingEntryId: row.processingEntryId,
    status: row.status,
    revision: row.revision,
    riskOwner: owner,
    reviewDate: row.reviewDate,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    risks: risks.length,
    highest: highestLevel(risks.map((r) => r.level)),
  };
}
