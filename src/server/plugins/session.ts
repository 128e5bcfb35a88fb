import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadSession, SESSION_COOKIE } from '../../modules/auth/sessions';
import { safeEqual } from '../../modules/auth/crypto';
import type { OrganizationKind } from '../../modules/organizations/schema';
import type { Role } from '../../modules/users/roles';
import { RequestContext } from '../context';
import { commonError } from '../errors';
import { authenticate } from '../route';
import type { Services } from '../services';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Session → tenant context, after the rate limit and before validation: loads the session from its cookie,
 * derives the acting person and organisation from the session's membership (never from the request),
 * checks the CSRF token on every state-changing request, and turns away the unauthenticated early.
 */
export function registerSession(app: FastifyInstance, services: Services): void {
  const publicOrigin = new URL(services.config.publicUrl).origin;

  app.addHook('onRequest', async (request) => {
    request.ctx = new RequestContext(request.id, request.ip, String(request.headers['user-agent'] ?? ''), services, request.log);
  });

  app.addHook('preParsing', async (request, _reply, payload) => {
    const access = request.routeOptions.config?.access;
    if (!access) return payload;
    const ctx = request.ctx;
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length < 200) {
      const loaded = await loadSession(services.database.app, token, services.config.sessionIdleMinutes);
      if (loaded) {
        ctx.session = loaded.info;
        if (loaded.info.state === 'active' && loaded.info.activeOrganizationId && loaded.organizationKind && loaded.roles.length) {
          ctx.actor = {
            userId: loaded.info.userId,
            organizationId: loaded.info.activeOrganizationId,
            organizationKind: loaded.organizationKind as OrganizationKind,
            roles: loaded.roles as Role[],
          };
        }
      }
    }
    if (!SAFE_METHODS.has(request.method)) checkCsrf(request, publicOrigin);
    authenticate(ctx, access);
    return payload;
  });
}

function checkCsrf(request: FastifyRequest, publicOrigin: string): void {
  const session = request.ctx.session;
  if (session) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) throw commonError('CSRF_INVALID');
    return;
  }
  // Before login there is no token yet: refuse requests that a browser marks as coming from another site.
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  if ((typeof origin === 'string' && origin !== publicOrigin && !sameHost(origin, request)) || site === 'cross-site') {
    throw commonError('CSRF_INVALID');
  }
}

function sameHost(origin: string, request: FastifyRequest): boolean {
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
