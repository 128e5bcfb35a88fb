import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { users } from '../users/schema';
import { auditEvents } from './schema';

export interface AuditQuery {
  before?: number;
  limit: number;
  entity?: string;
  action?: string;
}

/** The organisation's own events, newest first (RLS limits them to the active organisation). */
export async function listAuditEvents(tx: Tx, organizationId: string, query: AuditQuery) {
  const filters: SQL[] = [eq(auditEvents.organizationId, organizationId)];
  if (query.before) filters.push(lt(auditEvents.id, query.before));
  if (query.entity) filters.push(eq(auditEvents.entity, query.entity));
  if (query.action) filters.push(eq(auditEvents.action, query.action));
  const rows = await tx
    .select({ event: auditEvents, actorName: users.name, actorEmail: users.email })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...filters))
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  return { items: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}

/** Which fields an update changed (the UI shows these first; before/after in full is one click away). */
export function changedFields(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return Object.keys({ ...a, ...b }).filter((key) => key !== 'updated_at' && JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}
