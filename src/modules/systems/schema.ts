import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, rowVersion, updatedAt } from '../../db/columns';
import { tenantPolicies } from '../../db/rls';
import { organizations } from '../organizations/schema';
import { vendorProducts, vendors } from '../vendors/schema';
import { backupFrequencies, criticalities, federationKinds, hostingKinds, idportenLevels, mfaStates, monitoringKinds, restoreResults } from './fields';

/**
 * A municipality's system (systemoversikt): who owns it, who delivers it, what depends on it, what it holds,
 * how people log in, whether it can be restored, how long it is supported and who watches it. `id` is stable:
 * records of processing link to it.
 */
export const systems = pgTable(
  'systems',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    purpose: text('purpose'),
    systemOwner: text('system_owner'),
    technicalContact: text('technical_contact'),
    /** The vendor and product in the national registry; a vendor not (yet) there is kept as text. */
    vendorId: uuid('vendor_id').references(() => vendors.id, { onDelete: 'restrict' }),
    vendorProductId: uuid('vendor_product_id').references(() => vendorProducts.id, { onDelete: 'restrict' }),
    localVendorName: text('local_vendor_name'),
    hosting: text('hosting', { enum: hostingKinds }),
    /** ISO 3166-1 alpha-2. */
    hostingCountry: text('hosting_country'),
    /** The municipal services that depend on the system (e.g. "Hjemmetjenesten", "Skole"). */
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    criticality: text('criticality', { enum: criticalities }),
    consequenceUnavailable: text('consequence_unavailable'),
    consequenceAltered: text('consequence_altered'),
    consequenceLeaked: text('consequence_leaked'),
    personalDataCategories: text('personal_data_categories').array().notNull().default(sql`'{}'::text[]`),
    /** Roughly how many people the system holds data about. */
    dataSubjects: integer('data_subjects'),
    mfaUsers: text('mfa_users', { enum: mfaStates }).notNull().default('unknown'),
    mfaAdmins: text('mfa_admins', { enum: mfaStates }).notNull().default('unknown'),
    federation: text('federation', { enum: federationKinds }),
    idportenLevel: text('idporten_level', { enum: idportenLevels }),
    backupScope: text('backup_scope'),
    backupFrequency: text('backup_frequency', { enum: backupFrequencies }).notNull().default('unknown'),
    /** At least one copy that an attacker with access to the running system cannot delete or encrypt. */
    backupOffline: boolean('backup_offline'),
    lastRestoreTestOn: date('last_restore_test_on'),
    lastRestoreResult: text('last_restore_result', { enum: restoreResults }),
    endOfSupportOn: date('end_of_support_on'),
    monitoring: text('monitoring', { enum: monitoringKinds }).notNull().default('unknown'),
    alertRecipient: text('alert_recipient'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    index('systems_org_idx').on(t.organizationId, t.name),
    uniqueIndex('systems_org_name_key').on(t.organizationId, sql`lower(${t.name})`),
    index('systems_vendor_idx').on(t.vendorId, t.organizationId),
    index('systems_product_idx').on(t.vendorProductId, t.organizationId),
    ...tenantPolicies(t.organizationId),
  ],
);

/** Integrations: the system depends on another of the municipality's systems. */
export const systemDependencies = pgTable(
  'system_dependencies',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id').notNull().references(() => systems.id, { onDelete: 'cascade' }),
    dependsOnId: uuid('depends_on_id').notNull().references(() => systems.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('system_dependencies_key').on(t.organizationId, t.systemId, t.dependsOnId),
    index('system_dependencies_target_idx').on(t.organizationId, t.dependsOnId),
    ...tenantPolicies(t.organizationId),
  ],
);
