import { sql, type SQL } from 'drizzle-orm';
import { date, index, pgPolicy, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, rowVersion, timestamptz, updatedAt } from '../../db/columns';
import { appRole, currentOrganization, nationalContentPolicies } from '../../db/rls';
import { frameworks } from '../library/schema';
import { organizations } from '../organizations/schema';
import { users } from '../users/schema';
import { questionnaireStatuses } from './fields';
import { vendorProducts, vendors } from './schema';

/**
 * Which library frameworks are vendor questionnaires. The questions themselves live in the library tables
 * (frameworks, requirement_nodes, questions), loaded by questionnaire/loader.ts.
 */
export const vendorQuestionnaireTemplates = pgTable(
  'vendor_questionnaire_templates',
  {
    id: id(),
    frameworkId: uuid('framework_id').notNull().references(() => frameworks.id, { onDelete: 'cascade' }),
    frameworkUrn: text('framework_urn').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('vendor_questionnaire_templates_framework_key').on(t.frameworkId), ...nationalContentPolicies()],
);

/** When a group of questions applies (the framework's `applies_if`, which the library tables do not hold). */
export const vendorQuestionnaireGroupRules = pgTable(
  'vendor_questionnaire_group_rules',
  {
    id: id(),
    templateId: uuid('template_id').notNull().references(() => vendorQuestionnaireTemplates.id, { onDelete: 'cascade' }),
    groupRef: text('group_ref').notNull(),
    questionUrn: text('question_urn').notNull(),
    answers: text('answers').array().notNull(),
  },
  (t) => [uniqueIndex('vendor_questionnaire_group_rules_key').on(t.templateId, t.groupRef), ...nationalContentPolicies()],
);

/**
 * Tenant rows of the vendor's own organisation: the vendor sees only its own, and the national content team
 * (a fellesforvalter's transaction, app.national_writer) reads and reviews them. Municipalities see none.
 * See docs/adr/0009-vendor-portal-access.md.
 */
function vendorTenantPolicies(organizationId: AnyPgColumn, nationalMayWrite: boolean) {
  const own: SQL = sql`${organizationId} = ${currentOrganization}`;
  const national: SQL = sql`current_setting('app.national_writer', true) = 'on'`;
  const ownOrNational: SQL = sql`(${own}) or (${national})`;
  const write = nationalMayWrite ? ownOrNational : own;
  return [
    pgPolicy('vendor_read', { for: 'select', to: appRole, using: ownOrNational }),
    pgPolicy('vendor_insert', { for: 'insert', to: appRole, withCheck: write }),
    pgPolicy('vendor_update', { for: 'update', to: appRole, using: write, withCheck: write }),
    pgPolicy('vendor_delete', { for: 'delete', to: appRole, using: write }),
  ];
}

export const vendorQuestionnaires = pgTable(
  'vendor_questionnaires',
  {
    id: id(),
    /** The vendor's organisation (kind 'vendor'). */
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id').notNull().references(() => vendors.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').references(() => vendorProducts.id, { onDelete: 'set null' }),
    templateId: uuid('template_id').notNull().references(() => vendorQuestionnaireTemplates.id, { onDelete: 'restrict' }),
    status: text('status', { enum: questionnaireStatuses }).notNull().default('sent'),
    dueOn: date('due_on'),
    message: text('message'),
    sentAt: timestamptz('sent_at').notNull().defaultNow(),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamptz('submitted_at'),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamptz('reviewed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    index('vendor_questionnaires_org_idx').on(t.organizationId, t.status),
    index('vendor_questionnaires_vendor_idx').on(t.vendorId, t.sentAt),
    ...vendorTenantPolicies(t.organizationId, true),
  ],
);

export const vendorQuestionnaireAnswers = pgTable(
  'vendor_questionnaire_answers',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    questionnaireId: uuid('questionnaire_id').notNull().references(() => vendorQuestionnaires.id, { onDelete: 'cascade' }),
    questionUrn: text('question_urn').notNull(),
    /** yes_no/choice: one value; multiple_choice: several; text/date: the text form. */
    values: text('values').array().notNull().default(sql`'{}'::text[]`),
    comment: text('comment'),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex('vendor_questionnaire_answers_key').on(t.organizationId, t.questionnaireId, t.questionUrn),
    // Answers are the vendor's own words: only the vendor writes them; the national team only reads.
    ...vendorTenantPolicies(t.organizationId, false),
  ],
);
