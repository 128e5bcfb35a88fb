import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, rowVersion, timestamptz, updatedAt } from '../../db/columns';
import { nationalContentPolicies, tenantPolicies } from '../../db/rls';
import { actions } from '../assessment/schema';
import { organizations } from '../organizations/schema';
import { processingEntries } from '../processing/schema';
import { users } from '../users/schema';
import type { DpiaDocument, DpiaTemplateContent } from './model';

/**
 * DPIA (GDPR art. 35). National: template versions (one immutable row per urn + version). Tenant: the
 * screening of a processing activity, the DPIA of an activity and every saved version of it. An approved
 * version is read-only in the database itself (trigger in migration dpia_readonly); see docs/adr/0011-dpia.md.
 */

export const dpiaTemplates = pgTable(
  'dpia_templates',
  {
    id: id(),
    urn: text('urn').notNull(),
    version: integer('version').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    content: jsonb('content').$type<DpiaTemplateContent>().notNull(),
    origin: text('origin', { enum: ['content', 'editor'] }).notNull(),
    changeNote: text('change_note'),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamptz('published_at').notNull().defaultNow(),
  },
  (t) => [
    unique('dpia_templates_urn_version_key').on(t.urn, t.version),
    check('dpia_templates_version_positive', sql`${t.version} >= 1`),
    ...nationalContentPolicies(),
  ],
);

export const screeningOutcomes = ['required', 'recommended', 'not_required'] as const;
export type ScreeningOutcome = (typeof screeningOutcomes)[number];
export interface ScreeningCriterion {
  criterion: number;
  met: boolean;
  reason: string;
}

/** The latest screening of one processing activity; every change is a new row version (history in the audit trail). */
export const dpiaScreenings = pgTable(
  'dpia_screenings',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    entryId: uuid('entry_id').notNull(),
    criteria: jsonb('criteria').$type<ScreeningCriterion[]>().notNull(),
    listHits: text('list_hits').array().notNull(),
    outcome: text('outcome', { enum: screeningOutcomes }).notNull(),
    reasoning: text('reasoning').notNull(),
    templateUrn: text('template_urn'),
    screenedBy: uuid('screened_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex('dpia_screenings_entry_key').on(t.entryId),
    index('dpia_screenings_org_idx').on(t.organizationId),
    foreignKey({ name: 'dpia_screenings_entry_fk', columns: [t.organizationId, t.entryId], foreignColumns: [processingEntries.organizationId, processingEntries.id] }).onDelete('cascade'),
    ...tenantPolicies(t.organizationId),
  ],
);

export const dpiaStatuses = ['draft', 'in_review', 'awaiting_approval', 'approved'] as const;
export type DpiaStatus = (typeof dpiaStatuses)[number];

export const dpias = pgTable(
  'dpias',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    entryId: uuid('entry_id').notNull(),
    title: text('title').notNull(),
    templateUrn: text('template_urn'),
    /** The template version the current document is based on (moves when a proposal is accepted). */
    templateVersion: integer('template_version'),
    status: text('status', { enum: dpiaStatuses }).notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    approvedVersion: integer('approved_version'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    unique('dpias_org_id_key').on(t.organizationId, t.id),
    index('dpias_org_idx').on(t.organizationId, t.status),
    index('dpias_template_idx').on(t.templateUrn, t.templateVersion),
    foreignKey({ name: 'dpias_entry_fk', columns: [t.organizationId, t.entryId], foreignColumns: [processingEntries.organizationId, processingEntries.id] }),
    foreignKey({ name: 'dpias_template_fk', columns: [t.templateUrn, t.templateVersion], foreignColumns: [dpiaTemplates.urn, dpiaTemplates.version] }),
    ...tenantPolicies(t.organizationId),
  ],
);

/** Every saved version of a DPIA. A row with status 'approved' can be neither changed nor deleted. */
export const dpiaVersions = pgTable(
  'dpia_versions',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    dpiaId: uuid('dpia_id').notNull(),
    number: integer('number').notNull(),
    status: text('status', { enum: dpiaStatuses }).notNull().default('draft'),
    templateVersion: integer('template_version'),
    document: jsonb('document').$type<DpiaDocument>().notNull(),
    changeNote: text('change_note'),
    dpoOpinion: text('dpo_opinion'),
    dpoRemarks: text('dpo_remarks'),
    dpoBy: uuid('dpo_by').references(() => users.id, { onDelete: 'set null' }),
    dpoAt: timestamptz('dpo_at'),
    approvalDecision: text('approval_decision', { enum: ['approved', 'approved_with_conditions'] }),
    approvalNote: text('approval_note'),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamptz('approved_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('dpia_versions_number_key').on(t.dpiaId, t.number),
    index('dpia_versions_org_idx').on(t.organizationId, t.dpiaId),
    foreignKey({ name: 'dpia_versions_dpia_fk', columns: [t.organizationId, t.dpiaId], foreignColumns: [dpias.organizationId, dpias.id] }).onDelete('cascade'),
    check('dpia_versions_approval_shape', sql`(${t.status} = 'approved') = (${t.approvedAt} is not null)`),
    ...tenantPolicies(t.organizationId),
  ],
);

/** The action created for a planned measure when a DPIA was approved: once per DPIA and measure id. */
export const dpiaMeasureActions = pgTable(
  'dpia_measure_actions',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    dpiaId: uuid('dpia_id').notNull(),
    measureId: text('measure_id').notNull(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('dpia_measure_actions_key').on(t.dpiaId, t.measureId),
    index('dpia_measure_actions_org_idx').on(t.organizationId),
    foreignKey({ name: 'dpia_measure_actions_dpia_fk', columns: [t.organizationId, t.dpiaId], foreignColumns: [dpias.organizationId, dpias.id] }).onDelete('cascade'),
    ...tenantPolicies(t.organizationId),
  ],
);

export const dpiaProposalStatuses = ['open', 'accepted', 'declined', 'superseded'] as const;

/** A new template version offered to one DPIA (created by dpia_propose_template_update). */
export const dpiaProposals = pgTable(
  'dpia_proposals',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    dpiaId: uuid('dpia_id').notNull(),
    templateUrn: text('template_urn').notNull(),
    fromVersion: integer('from_version').notNull(),
    toVersion: integer('to_version').notNull(),
    status: text('status', { enum: dpiaProposalStatuses }).notNull().default('open'),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamptz('decided_at'),
    createdAt: createdAt(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex('dpia_proposals_open_key').on(t.dpiaId).where(sql`${t.status} = 'open'`),
    index('dpia_proposals_org_idx').on(t.organizationId, t.status),
    foreignKey({ name: 'dpia_proposals_dpia_fk', columns: [t.organizationId, t.dpiaId], foreignColumns: [dpias.organizationId, dpias.id] }).onDelete('cascade'),
    foreignKey({ name: 'dpia_proposals_template_fk', columns: [t.templateUrn, t.toVersion], foreignColumns: [dpiaTemplates.urn, dpiaTemplates.version] }),
    ...tenantPolicies(t.organizationId),
  ],
);
