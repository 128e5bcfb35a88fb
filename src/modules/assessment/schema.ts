import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, rowVersion, timestamptz, updatedAt } from '../../db/columns';
import { tenantPolicies } from '../../db/rls';
import { organizations } from '../organizations/schema';
import { users } from '../users/schema';

export const assessmentStatuses = ['not_assessed', 'not_started', 'partial', 'implemented', 'not_relevant'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/**
 * A municipality's self-assessment (egenvurdering) of one common measure. Keyed by the measure's URN, which
 * is stable across library versions, so answers survive a new version.
 */
export const measureAssessments = pgTable(
  'measure_assessments',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    measureUrn: text('measure_urn').notNull(),
    status: text('status', { enum: assessmentStatuses }).notNull().default('not_assessed'),
    /** 0–5 on the defined maturity scale. */
    maturity: integer('maturity'),
    /** Required when status is not_relevant. */
    notRelevantReason: text('not_relevant_reason'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    nextReview: date('next_review'),
    comment: text('comment'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex('measure_assessments_key').on(t.organizationId, t.measureUrn),
    index('measure_assessments_owner_idx').on(t.organizationId, t.ownerUserId),
    check('measure_assessments_maturity_range', sql`${t.maturity} between 0 and 5`),
    check('measure_assessments_not_relevant_reason', sql`${t.status} <> 'not_relevant' or length(trim(coalesce(${t.notRelevantReason}, ''))) > 0`),
    ...tenantPolicies(t.organizationId),
  ],
);

/** An answer to a question on a framework node (e.g. the inspection preparation questionnaire). */
export const questionAnswers = pgTable(
  'question_answers',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    questionUrn: text('question_urn').notNull(),
    /** yes_no/choice: one value; multiple_choice: several; text/date/number: the text form. */
    values: text('values').array().notNull().default(sql`'{}'::text[]`),
    comment: text('comment'),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [uniqueIndex('question_answers_key').on(t.organizationId, t.questionUrn), ...tenantPolicies(t.organizationId)],
);

/** Which version of each framework an organisation uses; it moves to a new version when it chooses. */
export const organizationFrameworkVersions = pgTable(
  'organization_framework_versions',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    frameworkUrn: text('framework_urn').notNull(),
    version: integer('version').notNull(),
    adoptedAt: createdAt(),
    adoptedBy: uuid('adopted_by').references(() => users.id, { onDelete: 'set null' }),
    /** What the organisation saw when it moved (counts of added/removed/changed), for its own record. */
    impact: jsonb('impact'),
  },
  (t) => [uniqueIndex('organization_framework_versions_key').on(t.organizationId, t.frameworkUrn), ...tenantPolicies(t.organizationId)],
);

export const actionStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionSources = ['gap', 'dpia', 'risk', 'incident', 'exercise', 'manual'] as const;
export type ActionSource = (typeof actionSources)[number];
export const actionEfforts = ['low', 'medium', 'high'] as const;
export type ActionEffort = (typeof actionEfforts)[number];

/**
 * The action plan (handlingsplan): concrete actions from gaps, DPIAs, risk assessments, incidents and
 * exercises. Other modules add actions with their own source type and id.
 */
export const actions = pgTable(
  'actions',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    sourceType: text('source_type', { enum: actionSources }).notNull(),
    /** The id of the DPIA, risk assessment, … the action came from (none for gaps and manual actions). */
    sourceId: uuid('source_id'),
    measureUrn: text('measure_urn'),
    status: text('status', { enum: actionStatuses }).notNull().default('open'),
    priority: integer('priority').notNull().default(0),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date'),
    completedAt: timestamptz('completed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
    /** How much work the action is (from the measure for gap actions); quick wins sort first. */
    effort: text('effort', { enum: actionEfforts }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('actions_org_status_idx').on(t.organizationId, t.status),
    index('actions_source_idx').on(t.organizationId, t.sourceType, t.sourceId),
    index('actions_owner_idx').on(t.organizationId, t.ownerUserId),
    // Regenerating the plan from gaps can never create a second open action for the same measure.
    uniqueIndex('actions_open_gap_key')
      .on(t.organizationId, t.measureUrn)
      .where(sql`${t.sourceType} = 'gap' and ${t.status} in ('open', 'in_progress')`),
    ...tenantPolicies(t.organizationId),
  ],
);

export const evidenceKinds = ['file', 'link'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** Evidence for a self-assessment: an uploaded file (its bytes in evidence_files) or a link. */
export const evidence = pgTable(
  'evidence',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    measureUrn: text('measure_urn').notNull(),
    kind: text('kind', { enum: evidenceKinds }).notNull(),
    title: text('title').notNull(),
    url: text('url'),
    fileName: text('file_name'),
    contentType: text('content_type'),
    sizeBytes: integer('size_bytes'),
    /** Of the file's bytes: the audited row proves which file was there even though the bytes are not audited. */
    sha256: text('sha256'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('evidence_measure_idx').on(t.organizationId, t.measureUrn),
    check('evidence_kind_fields', sql`(${t.kind} = 'link' and ${t.url} is not null) or (${t.kind} = 'file' and ${t.fileName} is not null and ${t.sha256} is not null)`),
    ...tenantPolicies(t.organizationId),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The bytes of uploaded evidence files, kept apart from their metadata so that lists never read them and the
 * audit trail (which records the metadata and its sha256) does not copy megabytes into every event.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    evidenceId: uuid('evidence_id')
      .primaryKey()
      .references(() => evidence.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    content: bytea('content').notNull(),
  },
  (t) => [...tenantPolicies(t.organizationId)],
);

/**
 * Each organisation's derived compliance per framework (counts of assessable requirements by status), kept up
 * to date in the same transaction as every answer and by the national recomputation. Derived data: the
 * answers it comes from are audited, so this table is not.
 */
export const complianceSummaries = pgTable(
  'compliance_summaries',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    frameworkUrn: text('framework_urn').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    assessable: integer('assessable').notNull(),
    met: integer('met').notNull(),
    partial: integer('partial').notNull(),
    notMet: integer('not_met').notNull(),
    notRelevant: integer('not_relevant').notNull(),
    notAssessed: integer('not_assessed').notNull(),
    needsReview: integer('needs_review').notNull(),
    computedAt: timestamptz('computed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.frameworkUrn] }), ...tenantPolicies(t.organizationId)],
);
