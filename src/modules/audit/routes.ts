import { defineRoute, policy } from '../../server/route';
import { z, text } from '../../shared/validation';
import { auditPolicies } from './policy';
import { changedFields, listAuditEvents } from './service';

const auditQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  entity: text(64).optional(),
  action: text(64).optional(),
});

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/audit',
    summary: 'Organisasjonens endringslogg (nyeste først)',
    tags: ['Endringslogg'],
    access: policy(auditPolicies.view),
    query: auditQuery,
    handler: async (ctx, { query }) => {
      const actor = ctx.requireActor();
      const result = await ctx.work((tx) => listAuditEvents(tx, actor.organizationId, query));
      return {
        hasMore: result.hasMore,
        items: result.items.map(({ event, actorName, actorEmail }) => {
          const changed = changedFields(event.before, event.after);
          // For a change, the fields that changed are what a reader needs (and keep the page light); a created or
          // deleted row is shown whole.
          const only = (row: unknown) => (event.action === 'update' && row && typeof row === 'object' ? pick(row as Record<string, unknown>, changed) : row);
          return {
            id: event.id,
            seq: event.seq,
            occurredAt: event.occurredAt.toISOString(),
            actor: event.actorUserId ? { id: event.actorUserId, name: actorName, email: actorEmail } : null,
            entity: event.entity,
            entityId: event.entityId,
            action: event.action,
            changedFields: changed,
            before: only(event.before),
            after: only(event.after),
            requestId: event.requestId,
          };
        }),
      };
    },
  }),
];

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in row).map((key) => [key, row[key]]));
}
