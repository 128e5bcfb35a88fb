/** Value sets of the vendor registry, shared by the server and the web app (no database imports). */
export const dpaTerms = ['ks_standard', 'vendor_standard', 'customer_template', 'none'] as const;
export type DpaTerms = (typeof dpaTerms)[number];

/** GDPR chapter V: the basis for a transfer outside the EEA. */
export const transferBases = ['adequacy', 'scc', 'bcr', 'other'] as const;
export type TransferBasis = (typeof transferBases)[number];

export const productHostings = ['vendor_cloud', 'public_cloud', 'on_premises', 'hybrid'] as const;

export const certificationKinds = ['iso27001', 'iso27017', 'iso27018', 'iso27701', 'soc2', 'isae3402', 'other'] as const;
export type CertificationKind = (typeof certificationKinds)[number];

export const auditReportKinds = ['soc2', 'isae3402', 'isae3000', 'pentest', 'other'] as const;

export const findingSeverities = ['high', 'medium', 'low'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];
export const findingStatuses = ['open', 'closed'] as const;
export const findingSources = ['questionnaire', 'audit', 'incident', 'other'] as const;

export const incidentStatuses = ['open', 'closed'] as const;

export const reviewConclusions = ['approved', 'approved_with_findings', 'not_approved'] as const;
export type ReviewConclusion = (typeof reviewConclusions)[number];

/** What happened centrally; each kind reaches every municipality using the vendor (or product) once. */
export const changeKinds = ['sub_processor_added', 'certification_expired', 'incident', 'finding', 'review_published', 'dpa_changed', 'other'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/**
 * The central follow-up status a municipality sees beside each system linked to a product:
 * not assessed yet, open findings, due for follow-up (review date passed or a certificate expired), current.
 */
export const followUpStatuses = ['not_assessed', 'findings_open', 'due', 'current'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export const questionnaireStatuses = ['sent', 'in_progress', 'submitted', 'reviewed'] as const;
export type QuestionnaireStatus = (typeof questionnaireStatuses)[number];

/** A certificate is flagged "expires soon" this many days ahead (content/vendors/README.md). */
export const EXPIRY_WARNING_DAYS = 90;
/** The usage figures the national team sees are shown only when at least this many organisations share them. */
export const USAGE_MIN_ORGANIZATIONS = 3;

/** Proper names of the standards (the same in every language). */
export const certificationNames: Record<CertificationKind, string> = {
  iso27001: 'ISO/IEC 27001',
  iso27017: 'ISO/IEC 27017',
  iso27018: 'ISO/IEC 27018',
  iso27701: 'ISO/IEC 27701',
  soc2: 'SOC 2',
  isae3402: 'ISAE 3402',
  other: 'Annen sertifisering',
};
