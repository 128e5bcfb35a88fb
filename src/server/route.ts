import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z, ZodType } from 'zod';
import type { RequestContext } from './context';
import { commonError } from './errors';
import { allows, type PolicyRule } from './policy';

export type Access =
  /** Anyone, signed in or not (login, health, the API description). */
  | { kind: 'public' }
  /** A session that has passed the password step but still needs its second factor (or enrolment). */
  | { kind: 'mfa' }
  /** Any session, whatever its state (logout). */
  | { kind: 'session' }
  /** A fully signed-in person, whether or not an organisation is active. */
  | { kind: 'user' }
  /** A fully signed-in person whose roles in the active organisation satisfy the rule. */
  | { kind: 'policy'; rule: PolicyRule };

export const publicAccess: Access = { kind: 'public' };
export const mfaAccess: Access = { kind: 'mfa' };
export const sessionAccess: Access = { kind: 'session' };
export const userAccess: Access = { kind: 'user' };
export const policy = (rule: PolicyRule): Access => ({ kind: 'policy', rule });

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Infer<S> = S extends ZodType ? z.output<S> : undefined;

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
}

/** A sample request, used by the route-matrix test (ids come from the test's fixture of another organisation). */
export interface RouteExample {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  /**
   * The ids in the example are national content (e.g. a vendor in the national registry) that every
   * organisation may read, so another organisation's request may succeed; the matrix still checks that none
   * of the victim organisation's own data comes back.
   */
  nationalContent?: boolean;
}

export interface RouteSpec<B extends ZodType | undefined, Q extends ZodType | undefined, P extends ZodType | undefined> {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  /** 'login': the tighter limit for login, MFA and invitations (SAMSVAR_LOGIN_RATE_LIMIT per minute per address). */
  rateLimit?: 'login';
  /** Request body size limit in bytes (default 100 kB). */
  bodyLimit?: number;
  example?: (ids: Record<string, string>) => RouteExample;
  handler: (ctx: RequestContext, input: RouteInput<Infer<B>, Infer<Q>, Infer<P>>, reply: FastifyReply) => Promise<unknown>;
}

export type AnyRoute = RouteSpec<ZodType | undefined, ZodType | undefined, ZodType | undefined>;

export function defineRoute<B extends ZodType | undefined = undefined, Q extends ZodType | undefined = undefined, P extends ZodType | undefined = undefined>(
  spec: RouteSpec<B, Q, P>,
): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** Every registered route, for the route-matrix test and the OpenAPI description. */
export const registeredRoutes = new WeakMap<FastifyInstance, AnyRoute[]>();

function assertStrict(schema: ZodType | undefined, where: string): void {
  if (!schema) return;
  const def = (schema as unknown as { _zod: { def: { type: string; catchall?: { _zod: { def: { type: string } } } } } })._zod.def;
  if (def.type === 'object' && def.catchall?._zod.def.type !== 'never') {
    throw new Error(`${where}: request objects must be z.strictObject so that unknown fields are rejected`);
  }
}

/** Checks the route's access rule; runs after validation, before the handler. */
export function authorize(ctx: RequestContext, access: Access): void {
  if (access.kind === 'public') return;
  if (!ctx.session) throw commonError('UNAUTHENTICATED');
  if (access.kind === 'session') return;
  if (access.kind === 'mfa') {
    if (ctx.session.state === 'active') throw commonError('FORBIDDEN', { message: 'Innloggingen er allerede fullført.' });
    return;
  }
  if (ctx.session.state !== 'active') throw commonError('MFA_REQUIRED');
  if (access.kind === 'user') return;
  if (!ctx.actor) throw commonError('NO_ORGANIZATION');
  if (!allows(access.rule, ctx.actor)) throw commonError('FORBIDDEN');
}

/** Early gate (before the body is even parsed): no session, no entry, for anything that is not public. */
export function authenticate(ctx: RequestContext, access: Access): void {
  if (access.kind === 'public') return;
  if (!ctx.session) throw commonError('UNAUTHENTICATED');
  if (access.kind !== 'mfa' && access.kind !== 'session' && ctx.session.state !== 'active') throw commonError('MFA_REQUIRED');
}

export function registerRoutes(app: FastifyInstance, routes: AnyRoute[], limits: { loginPerMinute: number }): void {
  const list = registeredRoutes.get(app) ?? [];
  registeredRoutes.set(app, list);
  for (const spec of routes) {
    const where = `${spec.method} ${spec.url}`;
    assertStrict(spec.body, `${where} body`);
    assertStrict(spec.query, `${where} query`);
    assertStrict(spec.params, `${where} params`);
    list.push(spec);
    app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      schema: {
        summary: spec.summary,
        tags: spec.tags,
        ...(spec.body ? { body: spec.body } : {}),
        ...(spec.query ? { querystring: spec.query } : {}),
        ...(spec.params ? { params: spec.params } : {}),
      },
      config: {
        access: spec.access,
        ...(spec.rateLimit === 'login' ? { rateLimit: { max: limits.loginPerMinute, timeWindow: 60_000 } } : {}),
      },
      preHandler: async (request: FastifyRequest) => authorize(request.ctx, spec.access),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const result = await spec.handler(
          request.ctx,
          { body: request.body, query: request.query, params: request.params } as RouteInput<never, never, never>,
          reply,
        );
        if (result === undefined && !reply.sent) return reply.code(204).send();
        return result;
      },
    });
  }
}
