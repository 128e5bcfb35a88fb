import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, rowVersion, timestamptz, updatedAt } from '../../db/columns';
import { nationalContentPolicies } from '../../db/rls';
import { organizations } from '../organizations/schema';
import { users } from '../users/schema';
import {
  auditReportKinds,
  certificationKinds,
  changeKinds,
  dpaTerms,
  findingSeverities,
  findingSources,
  findingStatuses,
  incidentStatuses,
  productHostings,
  reviewConclusions,
  transferBases,
} from './fields';

/**
 * The national vendor registry (leverandørregister): maintained once by the national team, read by every
 * municipality. No organisation id: national content, written only in a fellesforvalter's transaction.
 * History: every write lands in the platform audit chain; `vendor_history()` (migration 0006) reads it back
 * per vendor.
 */
export const vendors = pgTable(
  'vendors',
  {
    id: id(),
    name: text('name').notNull(),
    /** Norwegian organisasjonsnummer (9 digits) where the vendor has one. */
    organizationNumber: text('organization_number'),
    website: text('website'),
    description: text('description'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** The data processing agreement the vendor offers: which standard terms, and their version. */
    dpaTerms: text('dpa_terms', { enum: dpaTerms }),
    dpaVersion: text('dpa_version'),
    transfersOutsideEea: boolean('transfers_outside_eea'),
    transferBasis: text('transfer_basis', { enum: transferBases }),
    transferNotes: text('transfer_notes'),
    /** The follow-up cycle: months between reviews, the last conclusion, and the next review date. */
    reviewIntervalMonths: integer('review_interval_months').notNull().default(12),
    lastReviewedOn: date('last_reviewed_on'),
    conclusion: text('conclusion', { enum: reviewConclusions }),
    conclusionSummary: text('conclusion_summary'),
    nextReviewOn: date('next_review_on'),
    /**
     * The vendor's own organisation (kind 'vendor'), created when the first contact is invited. Not named
     * organization_id on purpose: the registry row is national content, chained in the platform audit chain.
     */
    vendorOrganizationId: uuid('vendor_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex('vendors_org_number_key').on(t.organizationNumber),
    index('vendors_name_idx').on(t.name),
    uniqueIndex('vendors_vendor_organization_key').on(t.vendorOrganizationId),
    index('vendors_next_review_idx').on(t.nextReviewOn),
    ...nationalContentPolicies(),
  ],
);

export const vendorProducts = pgTable(
  'vendor_products',
  {
    id: id(),
    vendorId: uuid('vendor_id').notNull().references(() => vendors.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    hosting: text('hosting', { enum: productHostings }),
    /** ISO 3166-1 alpha-2 codes of the countries the product stores or processes data in. */
    hostingCountries: text('hosting_countries').array().notNull().default(sql`'{}'::text[]`),
    processesPersonalData: boolean('processes_personal_data'),
    currentVersion: text('current_version'),
    endOfSupportOn: date('end_of_support_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [index('vendor_products_vendor_idx').on(t.vendorId, t.name), ...nationalContentPolicies()],
);

export const vendorSubProcessors = pgTable(
  'vendor_sub_processors',
  {
    id: id(),
    vendorId: uuid('vendor_id').notNull().references(() => vendors.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    purpose: text('purpose'),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    transferBasis: text('transfer_basis', { enum: transferBases }),
    createdAt: createdAt(),
  },
  (t) => [index('vendor_sub_processors_vendor_idx').on(t.vendorId), ...nationalContentPolicies()],
);

export const vendorCertifications = pgTable(
  'vendor_certifications',
  {
    id: id(),
    vendorId: uuid('vendor_id').notNull().references(() => vendors.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: certificationKinds }).notNull(),
    /** Shown for kind 'other', and as a free description otherwise. */
    name: text('name'),
    scope: text('scope'),
    issuer: text('issuer'),
    validUntil: date('valid_until'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('vendor_certifications_vendor_idx').on(t.vendorId), index('vendor_certifications_valid_idx').on(t.validUntil), ...nationalContentPolicies()],
);

export const vendorAuditReports = pgTable(
  'vendor_audit_reports',
  {
    id: id(),
    vendorId: uuid('vendor_id').notNull().references(() => vendors.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: auditReportKinds }).notNull(),
    title: text('title').notNull(),
    reportDate: date('report_date'),
    periodEnd: date('period_end'),
    summary: text('summary'),
    createdAt: createdAt(),
  },
  (t) => [index('vendor_audit_reports_vendor_idx').on(t.vendorId), ...nationalContentPolicies()],
);

export const vendorFindings = pgTable(
  'vendor_findings',
  {
    id: id(),
    vendorId: uuid('vendor_id').notNull().references(() => vendors.id, { onDelete: 'cascade' }),
    /** A finding about one product; none when it concerns the vendor as a whole. */
    productId: uuid('product_id').references(() => vendorProducts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    severity: text('severity', { enum: findingSeverities }).notNull(),
    status: text('status', { enum: findingStatuses }).notNull().default('open'),
    source: text('source', { enum: findingSources }).notNull().default('other'),
    dueOn: date('due_on'),
    followUp: text('follow_up'),
    closedOn: date('closed_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [index('vendor_findings_vendor_idx').on(t.vendorId, t.status), ...nationalContentPolicies()],
);

export const vendorIncidents = pgTable(
  'vendor_incidents',
  {
    id: id(),
    vendorId: uuid('vendor_id').notNull().references(() => vendors.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').references(() => vendorProducts.id, { onDelete: 'cascade' }),
    occurredOn: date('occurred_on').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    personalDataAffected: boolean('personal_data_affected'),
    status: text('status', { enum: incidentStatuses }).notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('vendor_incidents_vendor_idx').on(t.vendorId, t.occurredOn), ...nationalContentPolicies()],
);

/** A central review of a vendor (usually of its answered questionnaire): the conclusion every municipality sees. */
export const vendorReviews = pgTable(
  'vendor_reviews',
  {
    id: id(),
    vendorId: uuid('vendor_id').notNull().references(() => vendors.id, { onDelete: 'cascade' }),
    /** The questionnaire reviewed (a row of the vendor's organisation, so no foreign key across the boundary). */
    questionnaireId: uuid('questionnaire_id'),
    conclusion: text('conclusion', { enum: reviewConclusions }).notNull(),
    summary: text('summary').notNull(),
    reviewedOn: date('reviewed_on').notNull(),
    nextReviewOn: date('next_review_on').notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    /** Facts from the reviewed answers that prefill municipalities' system facts (content/vendors/README.md). */
    factMfaPossible: boolean('fact_mfa_possible'),
    factBackupOffline: boolean('fact_backup_offline'),
    factRestoreTested: boolean('fact_restore_tested'),
    factMonitoring247: boolean('fact_monitoring_24_7'),
    factOutsideEea: boolean('fact_outside_eea'),
    createdAt: createdAt(),
  },
  (t) => [index('vendor_reviews_vendor_idx').on(t.vendorId, t.reviewedOn), ...nationalContentPolicies()],
);

/**
 * A central change that municipalities must hear about. `dedupe_key` makes a change happen once (e.g. one
 * certificate expiring is one change however often the check runs); publishing fans it out to notifications
 * and the e-mail outbox, each keyed by change × organisation, so publishing again notifies no one twice.
 */
export const vendorChanges = pgTable(
  'vendor_changes',
  {
    id: id(),
    vendorId: uuid('vendor_id').notNull().references(() => vendors.id, { onDelete: 'cascade' }),
    /** Only municipalities with a system on this product hear of it; none = everyone using the vendor. */
    productId: uuid('product_id').references(() => vendorProducts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: changeKinds }).notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    dedupeKey: text('dedupe_key').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    publishedAt: timestamptz('published_at'),
    /** How many organisations were notified when it was published. */
    recipients: integer('recipients'),
  },
  (t) => [uniqueIndex('vendor_changes_dedupe_key').on(t.dedupeKey), index('vendor_changes_vendor_idx').on(t.vendorId, t.createdAt), ...nationalContentPolicies()],
);
