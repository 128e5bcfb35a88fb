import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { queryRows } from '../../db/sql';
import type { ChangeKind } from './fields';
import { vendorChanges } from './schema';

export interface ChangeInput {
  vendorId: string;
  productId?: string | null;
  kind: ChangeKind;
  title: string;
  summary?: string | null;
  /** What makes the change one change: the same key never notifies anyone twice. */
  dedupeKey: string;
  createdBy: string | null;
}

export interface PublishedChange {
  changeId: string;
  /** Organisations notified now (0 when the change was published before). */
  notified: number;
}

/**
 * Records a central change and publishes it in the same transaction: in-app notifications and queued
 * e-mails for every organisation using the vendor (or product) are committed together with the change, or
 * not at all. A change already recorded under the same key is published again, which notifies nobody new
 * except organisations that started using the vendor since.
 */
export async function recordChange(tx: Tx, input: ChangeInput): Promise<PublishedChange> {
  const [inserted] = await tx
    .insert(vendorChanges)
    .values({
      vendorId: input.vendorId,
      productId: input.productId ?? null,
      kind: input.kind,
      title: input.title,
      summary: input.summary ?? null,
      dedupeKey: input.dedupeKey,
      createdBy: input.createdBy,
    })
    .onConflictDoNothing({ target: vendorChanges.dedupeKey })
    .returning({ id: vendorChanges.id });
  const changeId =
    inserted?.id ??
    (await queryRows<{ id: string }>(tx, sql`select id from vendor_changes where dedupe_key = ${input.dedupeKey}`))[0]!.id;
  return { changeId, notified: await publishChange(tx, changeId) };
}

/** Fans a change out (see publish_vendor_change in migration 0006). Idempotent. */
export async function publishChange(tx: Tx, changeId: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(tx, sql`select publish_vendor_change(${changeId}::uuid) as n`);
  return Number(row?.n ?? 0);
}
