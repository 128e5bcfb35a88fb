import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { queryRows } from '../../db/sql';

export interface AuditProblem {
  chainKey: string;
  seq: number;
  problem: 'changed' | 'missing' | 'broken_link' | 'truncated';
  message: string;
}

export interface AuditVerification {
  chains: number;
  events: number;
  problems: AuditProblem[];
}

interface EventRow {
  chain_key: string;
  seq: string | number;
  prev_hash: string;
  hash: string;
  computed: string;
}

const GENESIS = '0'.repeat(64);
const BATCH = 5000;

/**
 * Recomputes every event's hash and walks each chain: a changed event, a removed event (a gap, or a broken
 * link to its predecessor) and removed newest events (the chain head points past the last event) are all
 * reported. Runs as the owner, across all organisations.
 */
export async function verifyAuditTrail(db: Db): Promise<AuditVerification> {
  const heads = new Map(
    (await queryRows<{ chain_key: string; seq: string | number; hash: string }>(db, sql`select chain_key, seq, hash from audit_chain_heads`)).map((h) => [
      h.chain_key,
      { seq: Number(h.seq), hash: h.hash },
    ]),
  );
  const problems: AuditProblem[] = [];
  const seen = new Map<string, { seq: number; hash: string }>();
  let events = 0;
  let after: { chain: string; seq: number } | null = null;
  for (;;) {
    const where = after ? sql`where (chain_key, seq) > (${after.chain}::uuid, ${after.seq})` : sql``;
    const rows: EventRow[] = await queryRows<EventRow>(
      db,
      sql`select chain_key, seq, prev_hash, hash,
                 audit_hash(prev_hash, chain_key, seq, occurred_at, organization_id, actor_user_id, request_id, entity, entity_id, action, before, after) as computed
          from audit_events ${where} order by chain_key, seq limit ${BATCH}`,
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      const previous = seen.get(row.chain_key) ?? { seq: 0, hash: GENESIS };
      if (seq !== previous.seq + 1) {
        problems.push({ chainKey: row.chain_key, seq: previous.seq + 1, problem: 'missing', message: `hendelse ${previous.seq + 1}–${seq - 1} mangler` });
      } else if (row.prev_hash !== previous.hash) {
        problems.push({ chainKey: row.chain_key, seq, problem: 'broken_link', message: `hendelse ${seq} peker ikke på forrige hendelse` });
      }
      if (row.computed !== row.hash) {
        problems.push({ chainKey: row.chain_key, seq, problem: 'changed', message: `hendelse ${seq} er endret etter at den ble skrevet` });
      }
      seen.set(row.chain_key, { seq, hash: row.hash });
      events++;
    }
    if (rows.length < BATCH) break;
    const last = rows[rows.length - 1]!;
    after = { chain: last.chain_key, seq: Number(last.seq) };
  }
  for (const [chainKey, head] of heads) {
    const last = seen.get(chainKey) ?? { seq: 0, hash: GENESIS };
    if (head.seq !== last.seq || head.hash !== last.hash) {
      problems.push({ chainKey, seq: last.seq + 1, problem: 'truncated', message: `kjeden skal ha ${head.seq} hendelser, men har ${last.seq}` });
    }
  }
  for (const chainKey of seen.keys()) {
    if (!heads.has(chainKey)) problems.push({ chainKey, seq: 1, problem: 'broken_link', message: 'kjeden mangler kjedehode' });
  }
  return { chains: seen.size, events, problems };
}
