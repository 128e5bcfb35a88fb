import { check, date, foreignKey, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, rowVersion, timestamptz, updatedAt } from '../../db/columns';
import { tenantPolicies } from '../../db/rls';
import { actions } from '../assessment/schema';
import { organizations } from '../organizations/schema';
import { processingEntries } from '../processing/schema';
import { systems } from '../systems/schema';
import { users } from '../users/schema';
import type { RiskMatrix } from './matrix-shape';

export const riskSubjectKinds = ['system', 'service', 'processing'] as const;
export type RiskSubjectKind = (typeof riskSubjectKinds)[number];
export const riskAssessmentStatuses = ['draft', 'accepted'] as const;
export type RiskAssessmentStatus = (typeof riskAssessmentStatuses)[number];
export const riskStatuses = ['included', 'dismissed'] as const;
export type RiskStatus = (typeof riskStatuses)[number];

/**
 * A risk assessment (ROS) of a system, a service or a processing activity. A draft is edited by the
 * contributors; the risk owner accepts it, after which it is read-only until someone starts a revision.
 * The subject's name is kept as text so the assessment still reads right if the system is renamed or deleted.
 */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    subjectKind: text('subject_kind', { enum: riskSubjectKinds }).notNull(),
    systemId: uuid('system_id').references(() => systems.id, { onDelete: 'set null' }),
    processingEntryId: uuid('processing_entry_id').references(() => processingEntries.id, { onDelete: 'set null' }),
    subjectName: text('subject_name').notNull(),
    title: text('title').notNull(),
    scope: text('scope'),
    riskOwnerUserId: uuid('risk_owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    reviewDate: date('review_date'),
    status: text('status', { enum: riskAssessmentStatuses }).notNull().default('draft'),
    /** 1 for the first version; a revision of an accepted assessment adds one. */
    revision: integer('revision').notNull().default(1),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamptz('accepted_at'),
    acceptanceNote: text('acceptance_note'),
    /**
     * The matrix the assessment is made with, recorded when it is created, so a later change of the
     * municipality's matrix (or of the national one) never changes its levels. Null: made before matrices were
     * recorded, which means the national matrix.
     */
    matrix: jsonb('matrix').$type<RiskMatrix>(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    unique('risk_assessments_org_id_key').on(t.organizationId, t.id),
    index('risk_assessments_org_idx').on(t.organizationId, t.status),
    index('risk_assessments_system_idx').on(t.organizationId, t.systemId),
    check('risk_assessments_accepted_shape', sql`(${t.status} = 'accepted') = (${t.acceptedAt} is not null)`),
    ...tenantPolicies(t.organizationId),
  ],
);

/**
 * A risk in an assessment: a threat from the shared catalogue (`threat_urn`) or the municipality's own
 * (no urn), scored on the matrix before and after measures. A suggested threat the risk owner dismissed is
 * kept with status `dismissed` and the reason, so it is not suggested again.
 */
export const riskAssessmentRisks = pgTable(
  'risk_assessment_risks',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    threatUrn: text('threat_urn'),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status', { enum: riskStatuses }).notNull().default('included'),
    rejectionReason: text('rejection_reason'),
    likelihood: integer('likelihood'),
    consequence: integer('consequence'),
    existingMeasures: text('existing_measures'),
    residualLikelihood: integer('residual_likelihood'),
    residualConsequence: integer('residual_consequence'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('risk_assessment_risks_org_id_key').on(t.organizationId, t.id),
    index('risk_assessment_risks_assessment_idx').on(t.organizationId, t.assessmentId),
    foreignKey({ name: 'risk_assessment_risks_assessment_fk', columns: [t.organizationId, t.assessmentId], foreignColumns: [riskAssessments.organizationId, riskAssessments.id] }).onDelete('cascade'),
    check('risk_assessment_risks_scale', sql`coalesce(${t.likelihood}, 1) between 1 and 5 and coalesce(${t.consequence}, 1) between 1 and 5 and coalesce(${t.residualLikelihood}, 1) between 1 and 5 and coalesce(${t.residualConsequence}, 1) between 1 and 5`),
    check('risk_assessment_risks_dismissed', sql`(${t.status} = 'dismissed') = (${t.rejectionReason} is not null)`),
    ...tenantPolicies(t.organizationId),
  ],
);

/** A new measure against a risk; `action_id` is set once it is in the action plan (never twice). */
export const riskMeasures = pgTable(
  'risk_measures',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    riskId: uuid('risk_id').notNull(),
    title: text('title').notNull(),
    measureUrn: text('measure_urn'),
    actionId: uuid('action_id').references(() => actions.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('risk_measures_assessment_idx').on(t.organizationId, t.assessmentId),
    foreignKey({ name: 'risk_measures_risk_fk', columns: [t.organizationId, t.riskId], foreignColumns: [riskAssessmentRisks.organizationId, riskAssessmentRisks.id] }).onDelete('cascade'),
    ...tenantPolicies(t.organizationId),
  ],
);

/** What the risk owner accepted: the whole assessment as it read then, kept when a revision starts. */
export const riskAssessmentVersions = pgTable(
  'risk_assessment_versions',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    revision: integer('revision').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamptz('accepted_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('risk_assessment_versions_key').on(t.assessmentId, t.revision),
    index('risk_assessment_versions_org_idx').on(t.organizationId, t.assessmentId),
    foreignKey({ name: 'risk_assessment_versions_assessment_fk', columns: [t.organizationId, t.assessmentId], foreignColumns: [riskAssessments.organizationId, riskAssessments.id] }).onDelete('cascade'),
    ...tenantPolicies(t.organizationId),
  ],
);

/**
 * A municipality's own risk matrix (at most one per organisation). `matrix` null means the national matrix is
 * used again; the row stays so its version keeps counting and a stale save is still detected.
 */
export const riskMatrices = pgTable(
  'risk_matrices',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    matrix: jsonb('matrix').$type<RiskMatrix>(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [unique('risk_matrices_org_key').on(t.organizationId), ...tenantPolicies(t.organizationId)],
);
