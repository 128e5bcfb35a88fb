import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { organizations } from '../organizations/schema';
import { vendors } from './schema';
import { getVendorRow } from './registry-service';

/**
 * The vendor's own organisation (kind 'vendor'), where its contacts are members with the role 'leverandor'
 * and its questionnaires live as tenant rows. Created the first time the national team invites a contact or
 * sends a questionnaire.
 */
export async function ensureVendorOrganization(tx: Tx, vendorId: string): Promise<{ organizationId: string; vendorName: string }> {
  const vendor = await getVendorRow(tx, vendorId);
  if (vendor.vendorOrganizationId) return { organizationId: vendor.vendorOrganizationId, vendorName: vendor.name };
  const [organization] = await tx.insert(organizations).values({ kind: 'vendor', name: vendor.name }).returning({ id: organizations.id });
  // Not a change anyone edits, so the row version stays: an open edit form is not made stale by it.
  await tx.update(vendors).set({ vendorOrganizationId: organization!.id }).where(eq(vendors.id, vendorId));
  return { organizationId: organization!.id, vendorName: vendor.name };
}
