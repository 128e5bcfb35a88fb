import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy, pgRole, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** The non-owner role every request runs as (see tenant.ts). Created by migration 0000. */
export const appRole = pgRole('samsvar_app').existing();

const currentOrganization = sql`nullif(current_setting('app.organization_id', true), '')::uuid`;
const nationalWriter = sql`current_setting('app.national_writer', true) = 'on'`;

/** Rows are visible and writable only inside a tenant transaction for their own organisation. */
export function tenantPolicies(organizationId: AnyPgColumn) {
  const own: SQL = sql`${organizationId} = ${currentOrganization}`;
  return [pgPolicy('tenant_isolation', { for: 'all', to: appRole, using: own, withCheck: own })];
}

/**
 * National content (library, templates, vendor registry): everyone may read; only a transaction opened for a
 * national content role (fellesforvalter) may write.
 */
export function nationalContentPolicies() {
  return [
    pgPolicy('national_read', { for: 'select', to: appRole, using: sql`true` }),
    pgPolicy('national_insert', { for: 'insert', to: appRole, withCheck: nationalWriter }),
    pgPolicy('national_update', { for: 'update', to: appRole, using: nationalWriter, withCheck: nationalWriter }),
    pgPolicy('national_delete', { for: 'delete', to: appRole, using: nationalWriter }),
  ];
}

export { currentOrganization, nationalWriter };
