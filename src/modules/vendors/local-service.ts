import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import type { LocalDetailsBody, LocalDetailsDto } from './contract';
import { vendorLocalDetails } from './local-schema';
import { getVendorRow } from './registry-service';

type Row = typeof vendorLocalDetails.$inferSelect;

export const presentLocalDetails = (row: Row): LocalDetailsDto => ({
  dpaSignedOn: row.dpaSignedOn,
  dpaReference: row.dpaReference,
  localContact: row.localContact,
  notes: row.notes,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

/** The municipality's own details about a vendor (scoped in the query and by RLS to its organisation). */
export async function localDetails(tx: Tx, organizationId: string, vendorId: string): Promise<Row | null> {
  const [row] = await tx
    .select()
    .from(vendorLocalDetails)
    .where(and(eq(vendorLocalDetails.organizationId, organizationId), eq(vendorLocalDetails.vendorId, vendorId)));
  return row ?? null;
}

/**
 * Creates or updates the municipality's details. The first save has no version; later saves name the version
 * they read, and a save made on stale data is refused (409) rather than overwriting a colleague's notes.
 */
export async function saveLocalDetails(tx: Tx, organizationId: string, vendorId: string, body: LocalDetailsBody, now: Date): Promise<Row> {
  await getVendorRow(tx, vendorId);
  const { version, ...fields } = body;
  const current = await localDetails(tx, organizationId, vendorId);
  if (!current) {
    if (version !== undefined) throw commonError('CONFLICT');
    const [row] = await tx.insert(vendorLocalDetails).values({ ...fields, organizationId, vendorId }).returning();
    return row!;
  }
  if (version === undefined || version !== current.version) throw commonError('CONFLICT');
  const [row] = await tx
    .update(vendorLocalDetails)
    .set({ ...fields, updatedAt: now, version: sql`${vendorLocalDetails.version} + 1` })
    .where(and(eq(vendorLocalDetails.id, current.id), eq(vendorLocalDetails.version, version)))
    .returning();
  if (!row) throw commonError('CONFLICT');
  return row;
}
