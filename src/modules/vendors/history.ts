import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { queryRows } from '../../db/sql';
import { changedFields } from '../audit/service';

export interface HistoryEntryDto {
  id: number;
  occurredAt: string;
  actorName: string | null;
  entity: string;
  action: string;
  /** The name or title of the thing that changed. */
  subject: string | null;
  changedFields: string[];
}

interface Row {
  id: string | number;
  occurred_at: Date | string;
  actor_name: string | null;
  entity: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const ignored = new Set(['updated_at', 'version']);

/** One vendor's history from the audit trail (via `vendor_history()`, migration 0006), newest first. */
export async function vendorHistory(tx: Tx, vendorId: string, before?: number, limit = 50): Promise<{ items: HistoryEntryDto[]; hasMore: boolean }> {
  const rows = await queryRows<Row>(tx, sql`select * from vendor_history(${vendorId}::uuid, ${before ?? null}::bigint, ${limit + 1})`);
  return {
    hasMore: rows.length > limit,
    items: rows.slice(0, limit).map((row) => {
      const data = row.after ?? row.before ?? {};
      const subject = [data.name, data.title, data.kind].find((v) => typeof v === 'string') as string | undefined;
      return {
        id: Number(row.id),
        occurredAt: new Date(row.occurred_at).toISOString(),
        actorName: row.actor_name,
        entity: row.entity,
        action: row.action,
        subject: subject ?? null,
        changedFields: row.action === 'update' ? changedFields(row.before, row.after).filter((f) => !ignored.has(f)) : [],
      };
    }),
  };
}
