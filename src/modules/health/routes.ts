import { migrationStatus } from '../../db/migrate';
import { defineRoute, publicAccess } from '../../server/route';

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    summary: 'Driftsstatus: databasetype og migreringsversjon',
    tags: ['Drift'],
    access: publicAccess,
    handler: async (ctx, _input, reply) => {
      const status = await migrationStatus(ctx.services.database.owner);
      const healthy = status.applied === status.expected;
      reply.code(healthy ? 200 : 503);
      return {
        status: healthy ? 'ok' : 'migrations_pending',
        database: ctx.services.database.kind,
        migration: { version: status.latest, applied: status.applied, expected: status.expected },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'API-beskrivelse (OpenAPI 3)',
    tags: ['Drift'],
    access: publicAccess,
    handler: async (_ctx, _input, reply) => reply.server.swagger(),
  }),
];
