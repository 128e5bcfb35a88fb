import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { moduleRoutes } from '../modules';
import './fastify-types';
import { registerBodyParsers } from './plugins/body';
import { registerErrorHandling } from './plugins/errors';
import { registerOpenApi } from './plugins/openapi';
import { registerSecurity } from './plugins/security';
import { registerSession } from './plugins/session';
import { registerValidation } from './plugins/validation';
import { registerWeb } from './plugins/web';
import { registerRoutes, type AnyRoute } from './route';
import type { Services } from './services';

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Extra routes (tests). */
  routes?: AnyRoute[];
  trustProxy?: boolean;
}

/**
 * Assembles the server. Every route goes through the same pipeline:
 * rate limit → session → tenant context → zod validation → policy → service (tenant transaction) → presenter.
 */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => randomUUID(),
    bodyLimit: 100_000,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api')) reply.header('cache-control', 'no-store');
  });
  registerBodyParsers(app);
  registerValidation(app);
  registerErrorHandling(app);
  await app.register(cookie, { secret: services.config.sessionSecret });
  await registerSecurity(app, services.config);
  registerSession(app, services);
  await registerOpenApi(app);
  registerRoutes(app, [...moduleRoutes, ...(options.routes ?? [])], { loginPerMinute: services.config.loginRateLimitPerMinute });
  await registerWeb(app);
  await app.ready();
  return app;
}
