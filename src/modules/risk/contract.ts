import { isoDate, requiredText, text, uuid, z } from '../../shared/validation';
import type { RiskLevelId, RiskMatrix } from './matrix-shape';
import type { RiskAssessmentStatus, RiskStatus, RiskSubjectKind } from './schema';

const scale = () => z.number().int().min(1, 'Velg et nivå fra 1 til 5.').max(5, 'Velg et nivå fra 1 til 5.');
const measureUrn = () => z.string().trim().regex(/^urn:samsvar:measure:[a-z0-9-]+$/, 'Velg et felles tiltak fra biblioteket.');

export const assessmentIdParams = z.strictObject({ id: uuid() });
export const riskIdParams = z.strictObject({ id: uuid(), riskId: uuid() });
export const measureIdParams = z.strictObject({ id: uuid(), measureId: uuid() });
export const listQuery = z.strictObject({ systemId: uuid().optional() });

export const createAssessmentBody = z.strictObject({
  subjectKind: z.enum(['system', 'service', 'processing']),
  systemId: uuid().optional(),
  processingEntryId: uuid().optional(),
  /** The service's name (free text) when the subject is a service. */
  serviceName: text(200).optional(),
  title: requiredText(200),
  scope: text(4000).nullable().optional(),
  riskOwnerUserId: uuid().nullable().optional(),
  reviewDate: isoDate().nullable().optional(),
});
export type CreateAssessmentBody = z.infer<typeof createAssessmentBody>;

export const updateAssessmentBody = z.strictObject({
  title: requiredText(200).optional(),
  scope: text(4000).nullable().optional(),
  riskOwnerUserId: uuid().nullable().optional(),
  reviewDate: isoDate().nullable().optional(),
  version: z.number().int().min(1),
});
export type UpdateAssessmentBody = z.infer<typeof updateAssessmentBody>;

/** A threat from the catalogue (threatUrn) or the municipality's own (title and description). */
export const addRiskBody = z.strictObject({
  threatUrn: z.string().trim().regex(/^urn:samsvar:threat:[a-z0-9-]+$/, 'Velg en trussel fra katalogen.').optional(),
  title: text(200).optional(),
  description: text(4000).nullable().optional(),
});
export type AddRiskBody = z.infer<typeof addRiskBody>;

export const dismissBody = z.strictObject({
  threatUrn: z.string().trim().regex(/^urn:samsvar:threat:[a-z0-9-]+$/, 'Velg en trussel fra katalogen.'),
  reason: requiredText(1000),
});

export const updateRiskBody = z.strictObject({
  title: requiredText(200).optional(),
  description: text(4000).nullable().optional(),
  likelihood: scale().nullable().optional(),
  consequence: scale().nullable().optional(),
  existingMeasures: text(4000).nullable().optional(),
  residualLikelihood: scale().nullable().optional(),
  residualConsequence: scale().nullable().optional(),
});
export type UpdateRiskBody = z.infer<typeof updateRiskBody>;

/**
 * A municipality's own matrix. Empty texts, unknown levels and wrong sizes pass here and are refused by the
 * service with a code of their own (matrix-shape.ts), so every problem names its field in plain Norwegian.
 */
const matrixText = (max: number) => z.string().max(max, `Kan ha høyst ${max} tegn.`);
const levelTexts = z.strictObject({ acceptance: matrixText(2000), responseTime: matrixText(300) });
export const matrixInput = z.strictObject({
  likelihood: z.array(z.strictObject({ name: matrixText(100), frequency: matrixText(300), description: matrixText(2000) })).max(10),
  consequence: z.array(z.strictObject({ name: matrixText(100), byDimension: z.record(z.string().max(50), matrixText(2000)) })).max(10),
  /** Row = likelihood 1 … n, column = consequence 1 … m; each a risk level id. */
  cells: z.array(z.array(z.string().max(20)).max(10)).max(10),
  riskLevels: z.strictObject({ low: levelTexts, medium: levelTexts, high: levelTexts, very_high: levelTexts }),
});
export type MatrixInput = z.infer<typeof matrixInput>;

/** `matrix: null` goes back to the national matrix. `version` is the one read (0 if the municipality never saved one). */
export const saveMatrixBody = z.strictObject({ matrix: matrixInput.nullable(), version: z.number().int().min(0) });
export type SaveMatrixBody = z.infer<typeof saveMatrixBody>;

export interface MatrixResponse {
  /** Which matrix new risk assessments get: the national one or the municipality's own. */
  source: 'national' | 'local';
  matrix: RiskMatrix;
  national: RiskMatrix;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  policies: { view: boolean; edit: boolean; accept: boolean; configureMatrix: boolean };
}

export const addMeasureBody = z.strictObject({ title: requiredText(300), measureUrn: measureUrn().nullable().optional() });
export const acceptBody = z.strictObject({ note: text(2000).nullable().optional() });

export interface ReasonDto {
  /** The system the facts were read from (several for a processing activity). */
  systemName: string;
  text: string;
}

export interface CandidateDto {
  threatUrn: string;
  title: string;
  description: string;
  category: string;
  suggestedMeasures: string[];
  related: string[];
  /** Raised: why (which facts). Not raised but facts missing: which facts would decide it. */
  raised: boolean;
  reasons: ReasonDto[];
  missing: { systemName: string; fact: string; title: string }[];
}

export interface CandidatesResponse {
  candidates: CandidateDto[];
  /** Systems whose facts were read; empty for a service (nothing to read). */
  systems: { id: string; name: string }[];
}

export interface MeasureDto {
  id: string;
  riskId: string;
  title: string;
  measureUrn: string | null;
  actionId: string | null;
}

export interface RiskDto {
  id: string;
  number: number;
  threatUrn: string | null;
  title: string;
  description: string | null;
  status: RiskStatus;
  rejectionReason: string | null;
  likelihood: number | null;
  consequence: number | null;
  level: RiskLevelId | null;
  existingMeasures: string | null;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  residualLevel: RiskLevelId | null;
  measures: MeasureDto[];
}

export interface AssessmentSummaryDto {
  id: string;
  title: string;
  subjectKind: RiskSubjectKind;
  subjectName: string;
  systemId: string | null;
  processingEntryId: string | null;
  status: RiskAssessmentStatus;
  revision: number;
  riskOwner: { id: string; name: string } | null;
  reviewDate: string | null;
  acceptedAt: string | null;
  risks: number;
  highest: RiskLevelId | null;
}

export interface AssessmentDto extends AssessmentSummaryDto {
  scope: string | null;
  acceptanceNote: string | null;
  acceptedBy: { id: string; name: string } | null;
  version: number;
}

export interface AssessmentDetailResponse {
  assessment: AssessmentDto;
  /** The matrix the assessment is made with (recorded when it was created). */
  matrix: RiskMatrix;
  risks: RiskDto[];
  dismissed: RiskDto[];
  versions: { revision: number; acceptedAt: string; acceptedBy: string | null }[];
  policies: { view: boolean; edit: boolean; accept: boolean };
  /** The signed-in person is the named risk owner and the assessment is a draft. */
  canAccept: boolean;
}

export interface RiskOptionsResponse {
  systems: { id: string; name: string }[];
  processingEntries: { id: string; name: string }[];
  people: { id: string; name: string }[];
}
