import { date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, rowVersion, updatedAt } from '../../db/columns';
import { tenantPolicies } from '../../db/rls';
import { organizations } from '../organizations/schema';
import { vendors } from './schema';

/**
 * A municipality's own details about a vendor from the national registry: its signed DPA and local notes.
 * Shown on top of the central follow-up; never visible to another municipality.
 */
export const vendorLocalDetails = pgTable(
  'vendor_local_details',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id').notNull().references(() => vendors.id, { onDelete: 'restrict' }),
    dpaSignedOn: date('dpa_signed_on'),
    dpaReference: text('dpa_reference'),
    localContact: text('local_contact'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex('vendor_local_details_key').on(t.organizationId, t.vendorId),
    index('vendor_local_details_vendor_idx').on(t.vendorId),
    ...tenantPolicies(t.organizationId),
  ],
);
