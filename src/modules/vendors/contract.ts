import { z, email, isoDate, requiredText, text, uuid } from '../../shared/validation';
import {
  auditReportKinds,
  certificationKinds,
  dpaTerms,
  findingSeverities,
  findingSources,
  findingStatuses,
  incidentStatuses,
  productHostings,
  reviewConclusions,
  transferBases,
  type ChangeKind,
  type FollowUpStatus,
  type QuestionnaireStatus,
  type ReviewConclusion,
} from './fields';

/** Norwegian organisasjonsnummer: 9 digits, the last a modulus-11 check digit. */
export function validOrganizationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  const check = 11 - (sum % 11);
  return (check === 11 ? 0 : check) === Number(value[8]);
}

const organizationNumber = () =>
  z
    .string()
    .trim()
    .transform((v) => v.replace(/\s/g, ''))
    .refine(validOrganizationNumber, 'Organisasjonsnummeret er ikke gyldig (9 sifre med riktig kontrollsiffer).');
const country = () =>
  z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'Velg et land (landkode med to bokstaver).'));
const optionalText = (max = 2000) => text(max).nullable().optional();
const optionalDate = () => isoDate().nullable().optional();
const version = () => z.number().int().min(1);

const vendorFields = {
  name: requiredText(200),
  organizationNumber: organizationNumber().nullable().optional(),
  website: optionalText(300),
  description: optionalText(),
  contactName: optionalText(200),
  contactEmail: email().nullable().optional(),
  contactPhone: optionalText(50),
  dpaTerms: z.enum(dpaTerms).nullable().optional(),
  dpaVersion: optionalText(100),
  transfersOutsideEea: z.boolean().nullable().optional(),
  transferBasis: z.enum(transferBases).nullable().optional(),
  transferNotes: optionalText(),
  reviewIntervalMonths: z.number().int().min(1).max(60).optional(),
  nextReviewOn: optionalDate(),
};
export const createVendorBody = z.strictObject(vendorFields);
export const updateVendorBody = z.strictObject({ ...vendorFields, name: requiredText(200).optional(), version: version() });
export type CreateVendorBody = z.infer<typeof createVendorBody>;
export type UpdateVendorBody = z.infer<typeof updateVendorBody>;

const productFields = {
  name: requiredText(200),
  description: optionalText(),
  hosting: z.enum(productHostings).nullable().optional(),
  hostingCountries: z.array(country()).max(30).optional(),
  processesPersonalData: z.boolean().nullable().optional(),
  currentVersion: optionalText(100),
  endOfSupportOn: optionalDate(),
};
export const createProductBody = z.strictObject(productFields);
export const updateProductBody = z.strictObject({ ...productFields, name: requiredText(200).optional(), version: version() });
export type CreateProductBody = z.infer<typeof createProductBody>;

export const subProcessorBody = z.strictObject({
  name: requiredText(200),
  purpose: optionalText(500),
  country: country(),
  transferBasis: z.enum(transferBases).nullable().optional(),
});
export const certificationBody = z.strictObject({
  kind: z.enum(certificationKinds),
  name: optionalText(200),
  scope: optionalText(1000),
  issuer: optionalText(200),
  validUntil: optionalDate(),
});
export const auditReportBody = z.strictObject({
  kind: z.enum(auditReportKinds),
  title: requiredText(200),
  reportDate: optionalDate(),
  periodEnd: optionalDate(),
  summary: optionalText(),
});
const findingFields = {
  title: requiredText(300),
  description: optionalText(),
  severity: z.enum(findingSeverities),
  productId: uuid().nullable().optional(),
  dueOn: optionalDate(),
  followUp: optionalText(),
};
export const findingBody = z.strictObject({ ...findingFields, source: z.enum(findingSources).optional() });
export const updateFindingBody = z.strictObject({
  status: z.enum(findingStatuses).optional(),
  followUp: optionalText(),
  dueOn: optionalDate(),
  severity: z.enum(findingSeverities).optional(),
  version: version(),
});
export const incidentBody = z.strictObject({
  title: requiredText(300),
  description: optionalText(),
  occurredOn: isoDate(),
  productId: uuid().nullable().optional(),
  personalDataAffected: z.boolean().nullable().optional(),
  status: z.enum(incidentStatuses).optional(),
});
/** A notice the national team publishes by hand, e.g. new terms in the vendor's data processing agreement. */
export const noticeBody = z.strictObject({
  kind: z.enum(['dpa_changed', 'other']),
  title: requiredText(300),
  summary: optionalText(),
  productId: uuid().nullable().optional(),
});
export const inviteContactBody = z.strictObject({ email: email() });
export const sendQuestionnaireBody = z.strictObject({
  templateId: uuid().optional(),
  productId: uuid().nullable().optional(),
  dueOn: optionalDate(),
  message: optionalText(2000),
});
export const reviewBody = z.strictObject({
  conclusion: z.enum(reviewConclusions),
  summary: requiredText(4000),
  nextReviewOn: isoDate(),
  findings: z.array(z.strictObject(findingFields)).max(50).default([]),
});
export type ReviewBody = z.infer<typeof reviewBody>;

export const localDetailsBody = z.strictObject({
  dpaSignedOn: optionalDate(),
  dpaReference: optionalText(200),
  localContact: optionalText(300),
  notes: optionalText(4000),
  /** The version read; absent when the municipality has no details yet. */
  version: version().optional(),
});
export type LocalDetailsBody = z.infer<typeof localDetailsBody>;

export const answersBody = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        questionUrn: requiredText(300),
        values: z.array(text(4000)).max(30),
        comment: optionalText(4000),
        version: version().optional(),
      }),
    )
    .min(1)
    .max(300),
});
export type AnswersBody = z.infer<typeof answersBody>;

export const vendorListQuery = z.strictObject({
  q: text(100).optional(),
  status: z.enum(['not_assessed', 'findings_open', 'due', 'current']).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export const historyQuery = z.strictObject({ before: z.coerce.number().int().positive().optional() });
export const idParams = z.strictObject({ id: uuid() });
export const childParams = z.strictObject({ id: uuid(), childId: uuid() });

// ---- Responses (the web app imports these as types) ----

export interface FollowUpDto {
  status: FollowUpStatus;
  lastReviewedOn: string | null;
  nextReviewOn: string | null;
  conclusion: ReviewConclusion | null;
  openFindings: number;
  expiredCertifications: number;
  expiringCertifications: number;
}

export interface VendorListItemDto {
  id: string;
  name: string;
  organizationNumber: string | null;
  products: { id: string; name: string }[];
  followUp: FollowUpDto;
}

export interface ProductDto {
  id: string;
  name: string;
  description: string | null;
  hosting: string | null;
  hostingCountries: string[];
  processesPersonalData: boolean | null;
  currentVersion: string | null;
  endOfSupportOn: string | null;
  version: number;
  followUp: FollowUpDto;
}

export interface VendorDetailDto {
  id: string;
  name: string;
  organizationNumber: string | null;
  website: string | null;
  description: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  dpaTerms: string | null;
  dpaVersion: string | null;
  transfersOutsideEea: boolean | null;
  transferBasis: string | null;
  transferNotes: string | null;
  reviewIntervalMonths: number;
  conclusionSummary: string | null;
  hasPortalOrganization: boolean;
  version: number;
  updatedAt: string;
  followUp: FollowUpDto;
  products: ProductDto[];
  subProcessors: { id: string; name: string; purpose: string | null; country: string; insideEea: boolean; transferBasis: string | null }[];
  certifications: { id: string; kind: string; name: string | null; scope: string | null; issuer: string | null; validUntil: string | null; state: 'valid' | 'expiring' | 'expired' | 'unknown' }[];
  auditReports: { id: string; kind: string; title: string; reportDate: string | null; periodEnd: string | null; summary: string | null }[];
  findings: { id: string; title: string; description: string | null; severity: string; status: string; source: string; productId: string | null; dueOn: string | null; followUp: string | null; closedOn: string | null; version: number }[];
  incidents: { id: string; title: string; description: string | null; occurredOn: string; personalDataAffected: boolean | null; status: string; productId: string | null }[];
  reviews: { id: string; conclusion: ReviewConclusion; summary: string; reviewedOn: string; nextReviewOn: string; reviewerName: string | null }[];
  changes: { id: string; kind: ChangeKind; title: string; summary: string | null; createdAt: string; recipients: number | null }[];
}

export interface LocalDetailsDto {
  dpaSignedOn: string | null;
  dpaReference: string | null;
  localContact: string | null;
  notes: string | null;
  version: number;
  updatedAt: string;
}

export interface QuestionnaireSummaryDto {
  id: string;
  vendorId: string;
  vendorName: string;
  productName: string | null;
  templateName: string;
  status: QuestionnaireStatus;
  dueOn: string | null;
  sentAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  answered: number;
}

export interface QuestionDto {
  urn: string;
  type: string;
  text: string;
  choices: { value: string; label: string }[];
  compliant: string[];
  dependsOn: { question: string; answers: string[] } | null;
  groups: string[];
}

export interface QuestionnaireNodeDto {
  urn: string;
  refId: string | null;
  title: string | null;
  summary: string | null;
  typicalEvidence: string | null;
  depth: number;
  questions: QuestionDto[];
}

export interface AnswerDto {
  questionUrn: string;
  values: string[];
  comment: string | null;
  version: number;
  updatedAt: string;
}

export interface QuestionnaireDto extends QuestionnaireSummaryDto {
  message: string | null;
  version: number;
  nodes: QuestionnaireNodeDto[];
  groupRules: { groupRef: string; questionUrn: string; answers: string[] }[];
  answers: AnswerDto[];
}
