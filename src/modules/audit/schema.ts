import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgPolicy, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../db/columns';
import { appRole } from '../../db/rls';

/**
 * The audit trail. Rows are written only by the SECURITY DEFINER trigger function `audit_row()` and by
 * `audit_log_event()` (migration 0002); the application role may read its own organisation's events and
 * nothing else. Each chain (an organisation, or the platform chain for rows without one) is hash-linked.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chainKey: uuid('chain_key').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    organizationId: uuid('organization_id'),
    occurredAt: timestamptz('occurred_at').notNull(),
    actorUserId: uuid('actor_user_id'),
    requestId: text('request_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_events_chain_seq_key').on(t.chainKey, t.seq),
    index('audit_events_org_time_idx').on(t.organizationId, t.id),
    pgPolicy('audit_read_own', {
      for: 'select',
      to: appRole,
      using: sql`${t.organizationId} = nullif(current_setting('app.organization_id', true), '')::uuid`,
    }),
  ],
);

/** The newest event of each chain, so that removing the last events is detected too. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chainKey: uuid('chain_key').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
