import { asc, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { queryRows } from '../../db/sql';
import type { FollowUpDto } from './contract';
import { USAGE_MIN_ORGANIZATIONS } from './fields';
import { vendors } from './schema';
import { addDays, followUpFacts, presentFollowUp } from './status';

export interface VendorUsageDto {
  id: string;
  name: string;
  /** Organisations with a system from the vendor; null when fewer than USAGE_MIN_ORGANIZATIONS. */
  organizations: number | null;
  inUse: boolean;
  followUp: FollowUpDto;
  /** Due now, or due within 30 days. */
  dueSoon: boolean;
}

/**
 * For the national team: which vendors serve the most municipalities, and which of those need follow-up.
 * Counts come from `vendor_usage_counts()`, which never says which municipalities, and hides small groups.
 */
export async function vendorUsage(tx: Tx, today: string): Promise<{ minOrganizations: number; items: VendorUsageDto[] }> {
  const counts = new Map(
    (await queryRows<{ vendor_id: string; organizations: number | null }>(tx, sql`select vendor_id, organizations from vendor_usage_counts()`)).map((r) => [
      r.vendor_id,
      r.organizations,
    ]),
  );
  const rows = await tx.select({ id: vendors.id, name: vendors.name, nextReviewOn: vendors.nextReviewOn }).from(vendors).orderBy(asc(vendors.name));
  const facts = await followUpFacts(tx, rows.map((r) => r.id), today);
  const soon = addDays(today, 30);
  const items = rows.map((row) => {
    const followUp = presentFollowUp(facts.get(row.id)!, today);
    return {
      id: row.id,
      name: row.name,
      organizations: counts.get(row.id) ?? null,
      inUse: counts.has(row.id),
      followUp,
      dueSoon: followUp.status !== 'current' || (row.nextReviewOn !== null && row.nextReviewOn <= soon),
    };
  });
  items.sort((a, b) => (b.organizations ?? (b.inUse ? 1 : 0)) - (a.organizations ?? (a.inUse ? 1 : 0)) || a.name.localeCompare(b.name, 'nb'));
  return { minOrganizations: USAGE_MIN_ORGANIZATIONS, items };
}
