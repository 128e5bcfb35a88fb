import { requiredText, text, uuid, z } from '../../shared/validation';
import type { DocumentView } from './document';
import type { DpiaTemplateContent, MeasureDef, RiskAdjustment, RiskItem } from './model';
import type { DpiaStatus, ScreeningOutcome } from './schema';

/** Requests and responses of the DPIA module, shared with the web app (types only). */

export const idParams = z.strictObject({ id: uuid() });
export const entryParams = z.strictObject({ entryId: uuid() });
export const slugParams = z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/, 'Har feil format.') });
export const templateUrnOf = (slug: string) => `urn:samsvar:dpia-template:${slug}`;

export const screeningBody = z.strictObject({
  criteria: z
    .array(z.strictObject({ criterion: z.number().int().min(1).max(9), met: z.boolean(), reason: text(500) }))
    .length(9, 'Svar på alle de ni kriteriene.'),
  listHits: z.array(z.string().max(40)).max(20),
  templateUrn: z.string().max(200).nullable().optional(),
  /** The row version last read; left out when no screening exists yet. */
  version: z.number().int().min(1).optional(),
});
export type ScreeningBody = z.infer<typeof screeningBody>;

export const screeningQuery = z.strictObject({ fromTemplate: z.string().regex(/^[a-z0-9-]{1,80}$/).optional() });

export const startBody = z.strictObject({
  entryId: uuid(),
  templateSlug: z.string().regex(/^[a-z0-9-]{1,80}$/, 'Har feil format.').nullable(),
  title: requiredText(200),
});

const level = z.number().int().min(1, 'Velg et nivå fra 1 til 4.').max(4, 'Velg et nivå fra 1 til 4.');
const lines = z.array(text(500)).max(30);
const idText = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'Bruk små bokstaver, tall, - og _.');

export const riskBody = z.strictObject({
  id: idText,
  title: requiredText(200),
  impacts: lines,
  threats: lines,
  sources: lines,
  existing_measures: z.array(idText).max(40),
  planned_measures: z.array(idText).max(40),
  severity: z.strictObject({ value: level, justification: text(1000).optional() }),
  likelihood: z.strictObject({ value: level, justification: text(1000).optional() }),
  residual: z.strictObject({ severity: level, likelihood: level, justification: text(1000).optional() }),
});

export const measureBody = z.strictObject({
  id: idText,
  title: requiredText(200),
  kind: z.enum(['technical', 'organisational', 'legal']),
  status: z.enum(['existing', 'planned']),
  due_months: z.number().int().min(1).max(60).optional(),
  description: text(2000).optional(),
  measure_urn: z.string().regex(/^urn:samsvar:measure:[\w.:-]+$/, 'Må være en URN for et felles tiltak.').nullable().optional(),
});

export const saveBody = z.strictObject({
  /** Row version of the DPIA last read. */
  version: z.number().int().min(1),
  title: requiredText(200).optional(),
  values: z.record(z.string().max(120), z.union([z.string().max(5000), z.number(), z.boolean(), z.array(z.string().max(200)).max(30), z.null()])).optional(),
  addedRisks: z.array(riskBody).max(30).optional(),
  addedMeasures: z.array(measureBody).max(60).optional(),
  riskAdjustments: z
    .record(
      idText,
      z.strictObject({ severity: level.optional(), likelihood: level.optional(), residualSeverity: level.optional(), residualLikelihood: level.optional(), justification: text(1000).optional() }),
    )
    .optional(),
  changeNote: text(500).optional(),
});
export type SaveBody = z.infer<typeof saveBody>;

export const versionBody = z.strictObject({ version: z.number().int().min(1) });

/** One risk or one measure of a DPIA (template or the municipality's own), by its id in the document. */
export const riskParams = z.strictObject({ id: uuid(), riskId: idText });
export const measureParams = z.strictObject({ id: uuid(), measureId: idText });
/** Removing one of the municipality's own risks or measures: the row version last read. */
export const removeQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
/** New levels of one risk on the DPIA's scales, before measures and after (residual). */
export const levelsBody = z.strictObject({
  version: z.number().int().min(1),
  severity: level,
  likelihood: level,
  residualSeverity: level,
  residualLikelihood: level,
  /** Why the levels are what they are; left out keeps the earlier justification, empty removes it. */
  justification: text(1000).optional(),
});
export type LevelsBody = z.infer<typeof levelsBody>;
export const opinionBody = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['forward', 'return']),
  opinion: text(5000),
});
export const approveBody = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['approved', 'approved_with_conditions']),
  note: text(2000).optional(),
});
export const detailQuery = z.strictObject({ version: z.string().regex(/^\d{1,4}$/).optional() });
export const declineBody = z.strictObject({ note: text(1000).optional() });
export const publishBody = z.strictObject({
  baseVersion: z.number().int().min(1),
  summary: requiredText(3000),
  principles: z.record(z.string().max(40), z.string().max(5000)).optional(),
  changeNote: requiredText(500),
});
export type PublishBody = z.infer<typeof publishBody>;

export interface CriteriaDto {
  wp248: { criterion: number; title: string }[];
  datatilsynetList: { id: string; item: string; status: 'secondary' | 'partial' | 'unverified' }[];
}

export interface ScreeningDto {
  id: string;
  entryId: string;
  criteria: { criterion: number; met: boolean; reason: string }[];
  listHits: string[];
  outcome: ScreeningOutcome;
  reasoning: string;
  templateUrn: string | null;
  screenedAt: string;
  version: number;
}

export interface DpiaSummaryDto {
  id: string;
  entryId: string;
  entryName: string;
  title: string;
  templateUrn: string | null;
  templateVersion: number | null;
  status: DpiaStatus;
  currentVersion: number;
  approvedVersion: number | null;
  updatedAt: string;
  version: number;
}

export interface VersionDto {
  number: number;
  status: DpiaStatus;
  templateVersion: number | null;
  changeNote: string | null;
  dpoOpinion: string | null;
  dpoRemarks: string | null;
  dpoByName: string | null;
  dpoAt: string | null;
  approvalDecision: 'approved' | 'approved_with_conditions' | null;
  approvalNote: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  createdAt: string;
}

export interface DpiaDetailDto {
  dpia: DpiaSummaryDto;
  shown: VersionDto & { title: string; summary: string | null; templateTitle: string | null };
  view: DocumentView;
  context: { entryName: string; systems: { id: string; name: string }[]; content: Record<string, unknown> };
  history: VersionDto[];
  /** What the municipality added to the template's risks and measures (sent back whole when saving). */
  added: { risks: RiskItem[]; measures: MeasureDef[]; adjustments: Record<string, RiskAdjustment> };
  openProposalId: string | null;
  actions: { measureId: string; actionId: string }[];
}

export interface TemplateSummaryDto {
  urn: string;
  slug: string;
  version: number;
  title: string;
  sector: string | null;
  summary: string | null;
  localFieldCount: number;
  publishedAt: string;
}

export interface TemplateDetailDto extends TemplateSummaryDto {
  content: DpiaTemplateContent;
  changeNote: string | null;
  history: { version: number; changeNote: string | null; publishedAt: string }[];
}

export interface ProposalDto {
  id: string;
  dpiaId: string;
  dpiaTitle: string;
  templateUrn: string;
  fromVersion: number;
  toVersion: number;
  status: string;
  changeNote: string | null;
  changed: string[];
}
