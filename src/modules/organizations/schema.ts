import { sql } from 'drizzle-orm';
import { check, index, integer, pgPolicy, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns';
import { appRole, currentOrganization, nationalWriter } from '../../db/rls';

import { languageForms, organizationKinds } from './kinds';

export { languageForms, organizationKinds, type LanguageForm, type OrganizationKind } from './kinds';

/** The tenant root. Public registry facts only; each organisation's own data lives in tenant tables. */
export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    kind: text('kind', { enum: organizationKinds }).notNull(),
    name: text('name').notNull(),
    otherName: text('other_name'),
    municipalityNumber: text('municipality_number'),
    countyNumber: text('county_number'),
    countyName: text('county_name'),
    population: integer('population'),
    sizeGroup: text('size_group'),
    languageForm: text('language_form', { enum: languageForms }),
    administrativeCentre: text('administrative_centre'),
    website: text('website'),
    /** Language for the organisation's members and generated documents; defaults from målform. */
    documentLanguage: text('document_language', { enum: ['nb', 'nn', 'en'] }).notNull().default('nb'),
    /** Contact for the data protection officer (personvernombud), shown in generated documents. */
    dpoContact: text('dpo_contact'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organizations_municipality_number_key').on(t.municipalityNumber),
    uniqueIndex('organizations_county_key').on(t.countyNumber).where(sql`${t.kind} = 'county'`),
    uniqueIndex('organizations_single_national_key').on(t.kind).where(sql`${t.kind} = 'national'`),
    index('organizations_kind_idx').on(t.kind, t.name),
    check('organizations_municipality_number_format', sql`${t.municipalityNumber} ~ '^[0-9]{4}$'`),
    check('organizations_county_number_format', sql`${t.countyNumber} ~ '^[0-9]{2}$'`),
    // Registry facts are public; an organisation changes only its own settings; the national team registers.
    pgPolicy('organizations_read', { for: 'select', to: appRole, using: sql`true` }),
    pgPolicy('organizations_update_own', { for: 'update', to: appRole, using: sql`${t.id} = ${currentOrganization}`, withCheck: sql`${t.id} = ${currentOrganization}` }),
    pgPolicy('organizations_national_write', { for: 'all', to: appRole, using: nationalWriter, withCheck: nationalWriter }),
  ],
);

/** Members of an inter-municipal cooperation (IKS, shared DPO or IT). */
export const cooperationMembers = pgTable(
  'cooperation_members',
  {
    cooperationId: uuid('cooperation_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.cooperationId, t.memberId] }),
    pgPolicy('cooperation_members_read', { for: 'select', to: appRole, using: sql`true` }),
    pgPolicy('cooperation_members_national_write', { for: 'all', to: appRole, using: nationalWriter, withCheck: nationalWriter }),
  ],
);
