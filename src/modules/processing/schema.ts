import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, rowVersion, timestamptz, updatedAt } from '../../db/columns';
import { nationalContentPolicies, tenantPolicies } from '../../db/rls';
import { organizations } from '../organizations/schema';
import { systems } from '../systems/schema';
import { users } from '../users/schema';
import { vendors } from '../vendors/schema';
import type { Resolution, TemplateContent, UncertainNote } from './contract';
import type { FieldValue } from './fields';

/**
 * Records of processing (behandlingsprotokoll, GDPR art. 30).
 *
 * National: service areas and template versions. A template row is one immutable version (unique urn +
 * version); publishing a change adds a row, so every municipality's entry can still be compared with the
 * version it adopted (the base of the three-way merge).
 *
 * Tenant: a municipality's entries. An entry from a template stores only what is the municipality's own —
 * the values of the marked local fields and its overrides, one row per field — and the template version it
 * is based on. Everything else is read from that template version, so a new version changes nothing until
 * the municipality accepts the proposal. Why field rows rather than columns: docs/adr/0008-processing-field-values.md.
 */

export const processingServiceAreas = pgTable(
  'processing_service_areas',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    titleNn: text('title_nn').notNull(),
    titleEn: text('title_en').notNull(),
    position: integer('position').notNull(),
  },
  () => [...nationalContentPolicies()],
);

export const templateOrigins = ['content', 'editor'] as const;

export const processingTemplates = pgTable(
  'processing_templates',
  {
    id: id(),
    urn: text('urn').notNull(),
    version: integer('version').notNull(),
    serviceArea: text('service_area')
      .notNull()
      .references(() => processingServiceAreas.id),
    name: text('name').notNull(),
    /** All 47 fields, validated by templateContentSchema before they are written. */
    content: jsonb('content').$type<TemplateContent>().notNull(),
    localFields: text('local_fields').array().notNull(),
    uncertain: jsonb('uncertain').$type<UncertainNote[]>().notNull().default(sql`'[]'::jsonb`),
    /** 'content': loaded from content/processing; 'editor': published by the national team in the app. */
    origin: text('origin', { enum: templateOrigins }).notNull(),
    changeNote: text('change_note'),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamptz('published_at').notNull().defaultNow(),
  },
  (t) => [
    // A constraint (not only an index) because entries and proposals refer to (urn, version).
    unique('processing_templates_urn_version_key').on(t.urn, t.version),
    index('processing_templates_area_idx').on(t.serviceArea),
    check('processing_templates_version_positive', sql`${t.version} >= 1`),
    ...nationalContentPolicies(),
  ],
);

export const entryKindValues = ['template', 'local', 'processor'] as const;

export const processingEntries = pgTable(
  'processing_entries',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** template: adopted from a national template; local: the municipality's own; processor: art. 30(2). */
    kind: text('kind', { enum: entryKindValues }).notNull(),
    templateUrn: text('template_urn'),
    /** The template version the entry is based on (moves only when the municipality accepts a proposal). */
    templateVersion: integer('template_version'),
    /** "No systems" / "no processors" is an answer; an empty list alone means not filled in yet. */
    systemsNone: boolean('systems_none').notNull().default(false),
    processorsNone: boolean('processors_none').notNull().default(false),
    /** Until the DPIA module links DPIAs to activities by id: whether a DPIA is recorded, and where. */
    dpiaRecorded: boolean('dpia_recorded').notNull().default(false),
    dpiaReference: text('dpia_reference'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    unique('processing_entries_org_id_key').on(t.organizationId, t.id),
    uniqueIndex('processing_entries_org_template_key').on(t.organizationId, t.templateUrn),
    index('processing_entries_template_idx').on(t.templateUrn, t.templateVersion),
    foreignKey({ name: 'processing_entries_template_fk', columns: [t.templateUrn, t.templateVersion], foreignColumns: [processingTemplates.urn, processingTemplates.version] }),
    check(
      'processing_entries_template_shape',
      sql`(${t.kind} = 'template') = (${t.templateUrn} is not null) and (${t.templateUrn} is null) = (${t.templateVersion} is null)`,
    ),
    ...tenantPolicies(t.organizationId),
  ],
);

/** The municipality's own value of one field of one entry: a local field it filled, or an override. */
export const processingEntryValues = pgTable(
  'processing_entry_values',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    field: text('field').notNull(),
    value: jsonb('value').$type<FieldValue>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('processing_entry_values_key').on(t.entryId, t.field),
    index('processing_entry_values_org_idx').on(t.organizationId, t.entryId),
    // Same organisation as the entry, guaranteed by the key itself (a foreign key check does not see RLS).
    foreignKey({ name: 'processing_entry_values_entry_fk', columns: [t.organizationId, t.entryId], foreignColumns: [processingEntries.organizationId, processingEntries.id] }).onDelete('cascade'),
    ...tenantPolicies(t.organizationId),
  ],
);

/** The systems (from the organisation's system inventory) an entry uses. */
export const processingEntrySystems = pgTable(
  'processing_entry_systems',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('processing_entry_systems_key').on(t.entryId, t.systemId),
    index('processing_entry_systems_org_idx').on(t.organizationId, t.entryId),
    foreignKey({ name: 'processing_entry_systems_entry_fk', columns: [t.organizationId, t.entryId], foreignColumns: [processingEntries.organizationId, processingEntries.id] }).onDelete('cascade'),
    ...tenantPolicies(t.organizationId),
  ],
);

/**
 * The processors (from the national vendor registry) an entry uses, with whether a data processing agreement
 * is in place. The DPA flag lives here until the vendor module records agreements per municipality.
 */
export const processingEntryProcessors = pgTable(
  'processing_entry_processors',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    dpaInPlace: boolean('dpa_in_place').notNull().default(false),
    dpaDate: date('dpa_date'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('processing_entry_processors_key').on(t.entryId, t.vendorId),
    index('processing_entry_processors_org_idx').on(t.organizationId, t.entryId),
    foreignKey({ name: 'processing_entry_processors_entry_fk', columns: [t.organizationId, t.entryId], foreignColumns: [processingEntries.organizationId, processingEntries.id] }).onDelete('cascade'),
    ...tenantPolicies(t.organizationId),
  ],
);

export const proposalStatuses = ['open', 'accepted', 'declined', 'superseded'] as const;

/**
 * A new template version offered to one municipality's entry. Created for every adopting entry when the
 * national team publishes (processing_propose_template_update); the entry changes only when it is accepted.
 */
export const processingProposals = pgTable(
  'processing_proposals',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    templateUrn: text('template_urn').notNull(),
    fromVersion: integer('from_version').notNull(),
    toVersion: integer('to_version').notNull(),
    status: text('status', { enum: proposalStatuses }).notNull().default('open'),
    /** Field → the municipality's choice for each conflict when it accepted. */
    resolutions: jsonb('resolutions').$type<Record<string, Resolution>>().notNull().default(sql`'{}'::jsonb`),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamptz('decided_at'),
    createdAt: createdAt(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex('processing_proposals_open_key').on(t.entryId).where(sql`${t.status} = 'open'`),
    index('processing_proposals_org_idx').on(t.organizationId, t.status),
    index('processing_proposals_template_idx').on(t.templateUrn, t.status),
    foreignKey({ name: 'processing_proposals_entry_fk', columns: [t.organizationId, t.entryId], foreignColumns: [processingEntries.organizationId, processingEntries.id] }).onDelete('cascade'),
    foreignKey({ name: 'processing_proposals_template_fk', columns: [t.templateUrn, t.toVersion], foreignColumns: [processingTemplates.urn, processingTemplates.version] }),
    ...tenantPolicies(t.organizationId),
  ],
);
