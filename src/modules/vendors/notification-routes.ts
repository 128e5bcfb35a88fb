import { defineRoute, policy } from '../../server/route';
import { idParams } from './contract';
import { listNotifications, markAllRead, markRead } from './notification-service';
import { notificationPolicies } from './policy';

const tags = ['Varsler'];
const view = policy(notificationPolicies.view);

export const notificationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/notifications',
    summary: 'Organisasjonens varsler, med antall uleste for den innloggede',
    tags,
    access: view,
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.work((tx) => listNotifications(tx, actor.organizationId, actor.userId));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/:id/read',
    summary: 'Merk et varsel som lest',
    tags,
    access: view,
    params: idParams,
    example: (ids) => ({ params: { id: ids.notificationId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => markRead(tx, actor.organizationId, actor.userId, params.id));
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/read-all',
    summary: 'Merk alle varsler som lest',
    tags,
    access: view,
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => markAllRead(tx, actor.organizationId, actor.userId));
      return undefined;
    },
  }),
];
