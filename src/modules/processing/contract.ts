import { isoDate, text, uuid, z } from '../../shared/validation';
import { art6Codes, art9Codes, fieldDefs, processingCategoriesField, type DpiaValue, type FieldDef, type FieldKey, type FieldValue } from './fields';

/**
 * Request schemas and response types of the records of processing, shared by the server (validation) and the
 * web app (forms, types). Free of database imports.
 */

export const templateUrnPattern = /^urn:samsvar:processing-template:[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const templateUrn = (slug: string) => `urn:samsvar:processing-template:${slug}`;
export const slugOf = (urn: string) => urn.replace(/^urn:samsvar:processing-template:/, '');

const listItem = () => text(600).pipe(z.string().min(1, 'Tomme linjer er ikke lov i en liste.'));
const dpiaSchema = z.strictObject({
  likely: z.boolean(),
  criteria: z
    .array(z.number().int().min(1).max(9))
    .max(9)
    .refine((list) => new Set(list).size === list.length, 'Hvert WP248-kriterium kan bare stå én gang.'),
  reason: text(2000).nullable(),
});

const codeList = (codes: readonly string[], article: string) =>
  z
    .array(text(20))
    .max(codes.length)
    .refine((list) => list.every((code) => codes.includes(code) || code.toLowerCase() === 'ingen'), `Bruk koder som ${codes[0]} for art. ${article}.`);

/** The schema of one field's value, by type. `links` in a template are typical systems or vendors, as text. */
export function valueSchema(def: FieldDef): z.ZodType<FieldValue> {
  if (def.key === 'art6_basis') return codeList(art6Codes, '6') as z.ZodType<FieldValue>;
  if (def.key === 'art9_basis') return codeList(art9Codes, '9(2)') as z.ZodType<FieldValue>;
  if (def.key === 'information_articles') {
    return z.array(z.enum(['art. 13', 'art. 14'])).max(2) as z.ZodType<FieldValue>;
  }
  switch (def.type) {
    case 'text':
      return text(def.key === 'name' ? 200 : 4000).nullable() as z.ZodType<FieldValue>;
    case 'list':
    case 'links':
      return z.array(listItem()).max(100) as z.ZodType<FieldValue>;
    case 'bool':
      return z.boolean() as z.ZodType<FieldValue>;
    case 'int':
      return z.number().int().min(1).max(120) as z.ZodType<FieldValue>;
    case 'dpia':
      return dpiaSchema as z.ZodType<FieldValue>;
  }
}

export type TemplateContent = Record<FieldKey, FieldValue>;

/** All 47 fields, every key required (an empty value is null or [] and allowed only in local fields). */
export const templateContentSchema = z.strictObject(
  Object.fromEntries(fieldDefs.map((def) => [def.key, valueSchema(def)])) as Record<FieldKey, z.ZodType<FieldValue>>,
);

export const uncertainNote = z.strictObject({ field: text(60), reason: text(1000).pipe(z.string().min(1)) });
export type UncertainNote = z.infer<typeof uncertainNote>;

export const localFieldsSchema = z
  .array(z.enum(fieldDefs.map((d) => d.key) as [FieldKey, ...FieldKey[]]))
  .max(fieldDefs.length)
  .refine((list) => new Set(list).size === list.length, 'Et felt kan bare stå én gang.');

/** A template file in content/processing/templates (the metadata, all fields, the local fields, the notes). */
export const templateFileSchema = z.strictObject({
  urn: z.string().regex(templateUrnPattern, 'URN-en må ha formen urn:samsvar:processing-template:<slug>.'),
  version: z.number().int().min(1),
  ...templateContentSchema.shape,
  local_fields: localFieldsSchema,
  uncertain: z.array(uncertainNote).default([]),
});
export type TemplateFile = z.infer<typeof templateFileSchema>;

/** Values a municipality may set on its own entry: every field except the links, which have their own lists. */
const entryValueShape = Object.fromEntries(
  [...fieldDefs, processingCategoriesField].filter((d) => d.type !== 'links').map((def) => [def.key, valueSchema(def).nullable().optional()]),
) as Record<string, z.ZodType<FieldValue | undefined>>;
export const entryValuesSchema = z.strictObject(entryValueShape);

export const processorLink = z.strictObject({
  vendorId: uuid(),
  /** Data processing agreement in place (until the vendor module records agreements per municipality). */
  dpaInPlace: z.boolean(),
  dpaDate: isoDate().nullable().optional(),
});
export type ProcessorLink = z.infer<typeof processorLink>;

export const entryKinds = ['template', 'local', 'processor'] as const;
export type EntryKind = (typeof entryKinds)[number];

export const idParams = z.strictObject({ id: uuid() });
export const slugParams = z.strictObject({ slug: z.string().max(120).regex(slugPattern, 'Har feil format.') });

export const recordQuery = z.strictObject({ serviceArea: text(60).optional() });
export const catalogueQuery = z.strictObject({ serviceArea: text(60).optional() });

export const adoptBody = z
  .strictObject({
    templateUrns: z.array(z.string().regex(templateUrnPattern, 'Ukjent mal.')).min(1, 'Velg minst én mal.').max(100).optional(),
    serviceArea: text(60).optional(),
  })
  .refine((b) => Boolean(b.templateUrns) !== Boolean(b.serviceArea), { message: 'Velg enten maler eller et helt tjenesteområde.', path: ['templateUrns'] });
export type AdoptBody = z.infer<typeof adoptBody>;

export const createEntryBody = z.strictObject({
  kind: z.enum(['local', 'processor']),
  name: text(200).pipe(z.string().min(2, 'Navnet må ha minst 2 tegn.')),
  serviceArea: text(60),
  /** Processor entries: the controller we process for (e.g. a neighbouring municipality). */
  controller: text(300).optional(),
});
export type CreateEntryBody = z.infer<typeof createEntryBody>;

export const updateEntryBody = z.strictObject({
  /** The entry version the person edited (optimistic concurrency). */
  version: z.number().int().min(1),
  /** Own values; null removes the own value (an override falls back to the template). */
  values: entryValuesSchema.optional(),
  systemIds: z.array(uuid()).max(100).optional(),
  systemsNone: z.boolean().optional(),
  processors: z.array(processorLink).max(100).optional(),
  processorsNone: z.boolean().optional(),
  dpiaRecorded: z.boolean().optional(),
  dpiaReference: text(300).nullable().optional(),
});
export type UpdateEntryBody = z.infer<typeof updateEntryBody>;

export const deleteEntryQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

export const resolution = z.enum(['mine', 'theirs']);
export type Resolution = z.infer<typeof resolution>;
export const acceptProposalBody = z.strictObject({
  entryVersion: z.number().int().min(1),
  resolutions: z.record(z.string().max(60), resolution).default({}),
});
export const declineProposalBody = z.strictObject({ note: text(1000).nullable().optional() });

export const documentLanguageQuery = z.strictObject({ language: z.enum(['nb', 'nn']).optional() });

export const publishTemplateBody = z.strictObject({
  /** The version the editor started from; a newer one published meanwhile gives 409. */
  baseVersion: z.number().int().min(1),
  content: templateContentSchema,
  localFields: localFieldsSchema,
  uncertain: z.array(uncertainNote).max(100),
  changeNote: text(2000).pipe(z.string().min(3, 'Skriv kort hva som er endret (minst 3 tegn).')),
});
export type PublishTemplateBody = z.infer<typeof publishTemplateBody>;

// ---------------------------------------------------------------- responses

export type FieldSource = 'template' | 'local' | 'override' | 'organization' | 'empty';
export type IssueSeverity = 'error' | 'warning';
export type IssueCode =
  | 'MISSING_FIELD'
  | 'NO_LEGAL_BASIS'
  | 'NO_NATIONAL_BASIS'
  | 'SPECIAL_WITHOUT_ART9'
  | 'CRIMINAL_WITHOUT_ART10'
  | 'NO_RETENTION'
  | 'PROCESSOR_WITHOUT_DPA'
  | 'SYSTEM_WITHOUT_MFA'
  | 'DPIA_NOT_RECORDED'
  | 'TRANSFER_WITHOUT_SAFEGUARDS';

export interface IssueDto {
  code: IssueCode;
  severity: IssueSeverity;
  /** The field the issue concerns, so the UI can link to it. */
  field: string | null;
  /** Plain Norwegian (bokmål) explanation; the UI translates by code and uses this as the fallback. */
  message: string;
  /** Names of the systems or vendors concerned, when it is about them. */
  subjects?: string[];
}

export interface FieldViewDto {
  key: string;
  value: FieldValue;
  source: FieldSource;
  /** The template's value (in the version the entry is based on), when the entry has a template. */
  templateValue?: FieldValue;
  /** The municipality must fill this field (marked in the template, or required for a local entry). */
  required: boolean;
  filled: boolean;
  /** The template says this needs checking ("må kvalitetssikres"). */
  uncertain: string | null;
}

export interface LinkedSystemDto {
  id: string;
  name: string;
}

export interface LinkedProcessorDto {
  vendorId: string;
  name: string;
  dpaInPlace: boolean;
  dpaDate: string | null;
}

export interface EntrySummaryDto {
  id: string;
  kind: EntryKind;
  name: string;
  serviceArea: string | null;
  templateUrn: string | null;
  templateVersion: number | null;
  latestTemplateVersion: number | null;
  complete: boolean;
  errors: number;
  warnings: number;
  missingFields: number;
  hasOpenProposal: boolean;
  updatedAt: string;
}

export interface EntryDetailDto extends Omit<EntrySummaryDto, 'errors' | 'warnings'> {
  version: number;
  fields: FieldViewDto[];
  issues: IssueDto[];
  systems: LinkedSystemDto[];
  systemsNone: boolean;
  processors: LinkedProcessorDto[];
  processorsNone: boolean;
  dpiaRecorded: boolean;
  dpiaReference: string | null;
  openProposalId: string | null;
}

export interface CoverageDto {
  entries: number;
  complete: number;
  /** Of the national templates, how many the organisation has adopted. */
  templatesAdopted: number;
  templatesAvailable: number;
  requiredFields: number;
  filledRequiredFields: number;
  errors: number;
  warnings: number;
  openProposals: number;
  /** The organisation profile lacks the DPO's contact details (needed in every entry and the privacy notice). */
  dpoContactMissing: boolean;
  byServiceArea: { serviceArea: string; entries: number; complete: number; templatesAdopted: number; templatesAvailable: number }[];
}

export interface ServiceAreaDto {
  id: string;
  title: string;
  titleNn: string;
  titleEn: string;
}

export interface TemplateSummaryDto {
  urn: string;
  slug: string;
  version: number;
  serviceArea: string;
  name: string;
  description: string | null;
  localFields: string[];
  uncertainCount: number;
  dpiaLikely: boolean;
  publishedAt: string;
}

export interface CatalogueTemplateDto extends TemplateSummaryDto {
  /** The municipality already has an entry from this template. */
  adoptedEntryId: string | null;
  /** What adopting prefills: every field with a national value. */
  content: TemplateContent;
  uncertain: UncertainNote[];
}

export type ChangeKind = 'updated' | 'conflict' | 'converged' | 'kept';

export interface ProposalFieldDto {
  key: string;
  change: ChangeKind;
  base: FieldValue;
  theirs: FieldValue;
  /** The municipality's own value, if it has one. */
  mine: FieldValue | null;
  hasMine: boolean;
}

export interface ProposalDto {
  id: string;
  entryId: string;
  entryName: string;
  templateUrn: string;
  fromVersion: number;
  toVersion: number;
  status: 'open' | 'accepted' | 'declined' | 'superseded';
  changeNote: string | null;
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  resolutions: Record<string, Resolution>;
  conflicts: number;
  changes: number;
}

export interface ProposalDetailDto extends ProposalDto {
  entryVersion: number;
  fields: ProposalFieldDto[];
  localFieldsAdded: string[];
  localFieldsRemoved: string[];
}

export type DpiaDto = DpiaValue;
