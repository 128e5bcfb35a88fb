import { z, isoDate, requiredText, text, uuid } from '../../shared/validation';
import type { NodeStatus } from './derive';
import { EVIDENCE_MAX_BYTES } from './limits';
import { assessmentStatuses, type AssessmentStatus } from './schema';

/** Request shapes (validation on the server, types in the web app) and the responses of the assessment API. */

export const urn = () =>
  z
    .string()
    .trim()
    .min(5)
    .max(300)
    .regex(/^urn:[a-z0-9][a-z0-9-]*:\S+$/i, 'Må være en gyldig URN.');

export const measureListQuery = z.strictObject({
  framework: urn().optional(),
  nsmCategory: urn().optional(),
  /** A person's id, "me" or "none" (no owner yet). */
  owner: z.union([uuid(), z.literal('me'), z.literal('none')]).optional(),
  status: z.enum(assessmentStatuses).optional(),
  area: text(100).optional(),
  q: text(200).optional(),
});
export type MeasureListQuery = z.infer<typeof measureListQuery>;

export const urnQuery = z.strictObject({ urn: urn() });

/** Fields left out are left unchanged; `version` is the one the person read (0: nothing saved yet). */
export const saveAssessmentBody = z.strictObject({
  measureUrn: urn(),
  version: z.number().int().min(0),
  status: z.enum(assessmentStatuses).optional(),
  maturity: z.number().int('Velg et nivå fra 0 til 5.').min(0).max(5).nullable().optional(),
  notRelevantReason: text(2000).nullable().optional(),
  ownerUserId: uuid().nullable().optional(),
  nextReview: isoDate().nullable().optional(),
  comment: text(5000).nullable().optional(),
});
export type SaveAssessmentBody = z.infer<typeof saveAssessmentBody>;

export const saveAnswerBody = z.strictObject({
  questionUrn: urn(),
  version: z.number().int().min(0),
  values: z.array(text(2000)).max(50),
  comment: text(5000).nullable().optional(),
});
export type SaveAnswerBody = z.infer<typeof saveAnswerBody>;

export { EVIDENCE_MAX_BYTES };
/** 10 MB of file is at most ~13.4 MB of base64. */
export const EVIDENCE_BODY_LIMIT = Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 64 * 1024;

export const addEvidenceBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('link'), measureUrn: urn(), title: requiredText(300), url: text(2000).pipe(z.url({ protocol: /^https?$/, message: 'Lenken må begynne med http:// eller https://.' })) }),
  z.strictObject({
    kind: z.literal('file'),
    measureUrn: urn(),
    title: text(300).optional(),
    fileName: requiredText(255).refine((v) => !/[\\/]/.test(v), 'Filnavnet kan ikke inneholde / eller \\.'),
    contentBase64: z.string().min(1, 'Filen er tom.').max(EVIDENCE_BODY_LIMIT).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Filen er ikke riktig kodet.'),
  }),
]);
export type AddEvidenceBody = z.infer<typeof addEvidenceBody>;

export const idParams = z.strictObject({ id: uuid() });

export interface PersonRef {
  id: string;
  name: string;
}

export interface AssessmentDto {
  measureUrn: string;
  status: AssessmentStatus;
  maturity: number | null;
  notRelevantReason: string | null;
  owner: PersonRef | null;
  nextReview: string | null;
  comment: string | null;
  updatedAt: string | null;
  version: number;
}

export interface MeasureListItem {
  urn: string;
  code: string;
  title: string;
  area: string;
  areaTitle: string;
  priority: 'high' | 'medium' | 'low';
  effort: 'low' | 'medium' | 'high';
  /** Requirements (counted, in the frameworks in use) the measure meets fully / partly when implemented. */
  closesFully: number;
  closesPartly: number;
  frameworks: string[];
  /** References shown beside the plain title, e.g. "GDPR art. 32(1)(b) · NSM 2.6.7". */
  references: string[];
  assessment: AssessmentDto;
  evidenceCount: number;
  overdueReview: boolean;
}

export interface MeasureListResponse {
  items: MeasureListItem[];
  total: number;
  counts: Record<AssessmentStatus, number>;
  facets: {
    frameworks: { urn: string; name: string; refId: string }[];
    nsmCategories: { urn: string; ref: string | null; title: string | null }[];
    areas: { area: string; title: string }[];
    owners: PersonRef[];
  };
  /** True when the list is limited to what is assigned to the person. */
  onlyAssigned: boolean;
  policies: { edit: boolean; answerAssigned: boolean; viewAll: boolean };
}

export interface EvidenceDto {
  id: string;
  kind: 'file' | 'link';
  title: string;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  createdBy: PersonRef | null;
  createdAt: string;
}

export interface MeasureDetailResponse {
  measure: {
    urn: string;
    code: string;
    title: string;
    what: string;
    why: string;
    startSmall: string;
    evidence: string;
    area: string;
    areaTitle: string;
    priority: 'high' | 'medium' | 'low';
    effort: 'low' | 'medium' | 'high';
    uncertain: string | null;
    /** The national content version the text comes from. */
    libraryVersion: number;
  };
  assessment: AssessmentDto;
  evidence: EvidenceDto[];
  reach: { frameworkUrn: string; frameworkName: string; frameworkRef: string; requirements: { urn: string; ref: string | null; title: string | null; relationship: string }[] }[];
  members: PersonRef[];
  policies: { edit: boolean; answer: boolean };
}

export interface TotalsDto {
  assessable: number;
  met: number;
  partial: number;
  notMet: number;
  notRelevant: number;
  notAssessed: number;
  needsReview: number;
  percentMet: number | null;
  percentPartial: number | null;
}

export interface FrameworkSummaryDto {
  urn: string;
  refId: string;
  name: string;
  version: number;
  totals: TotalsDto;
}

export interface QuestionDto {
  urn: string;
  type: 'yes_no' | 'choice' | 'multiple_choice' | 'text' | 'date' | 'number';
  text: string;
  choices: { value: string; label: string }[];
  compliantValues: string[];
  answer: { values: string[]; comment: string | null; version: number; updatedAt: string } | null;
}

export interface NodeDto {
  urn: string;
  parentUrn: string | null;
  ref: string | null;
  title: string | null;
  summary: string | null;
  depth: number;
  counted: boolean;
  status: NodeStatus;
  needsReview: boolean;
  unmapped: boolean;
  uncertain: string | null;
  /** Subtree totals, for nodes with children. */
  totals: TotalsDto | null;
  /** The measures that count here (details in FrameworkViewResponse.measures). */
  measures: MappingRef[];
  questions: QuestionDto[];
}

export interface MappingRef {
  urn: string;
  relationship: string;
}

export interface GapDto {
  nodeUrn: string;
  ref: string | null;
  title: string | null;
  status: NodeStatus;
  needsReview: boolean;
  /** Measures that would close the gap, best first (full coverage, then priority). */
  measures: MappingRef[];
}

export interface HeatCellDto {
  urn: string;
  ref: string | null;
  title: string | null;
  totals: TotalsDto;
}

export interface FrameworkViewResponse {
  framework: { urn: string; refId: string; name: string; version: number; provider: string | null; origin: string; description: string | null };
  totals: TotalsDto;
  nodes: NodeDto[];
  /** Every measure mapped into the framework, once, with the organisation's status. */
  measures: Record<string, { code: string; title: string; status: AssessmentStatus; priority: string; effort: string }>;
  gaps: GapDto[];
  heatMap: HeatCellDto[];
  policies: { answerQuestions: boolean };
}

export interface AreaHeatDto {
  area: string;
  title: string;
  measures: number;
  counts: Record<AssessmentStatus, number>;
  averageMaturity: number | null;
}

export interface OverviewResponse {
  counts: Record<AssessmentStatus, number>;
  total: number;
  /** The next step the start page offers. */
  next: { kind: 'assess' | 'plan' | 'act' | 'review' | 'done'; count: number; highPriority: number };
  openActions: number;
  overdueActions: number;
  overdueReviews: number;
  onlyAssigned: boolean;
}

export interface ComplianceOverviewResponse {
  frameworks: FrameworkSummaryDto[];
  areas: AreaHeatDto[];
}
