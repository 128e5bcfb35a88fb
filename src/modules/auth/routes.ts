import type { FastifyReply, FastifyRequest } from 'fastify';
import { commonError } from '../../server/errors';
import type { RequestContext } from '../../server/context';
import { defineRoute, mfaAccess, publicAccess, sessionAccess, userAccess } from '../../server/route';
import { z } from '../../shared/validation';
import { codeBody, loginBody, oidcCallbackQuery, switchOrganizationBody } from './contract';
import { authError } from './errors';
import { authorizationRedirect, completeAuthorization, OIDC_COOKIE, oidcOrFail, signInWithIdentity, type OidcState } from './oidc';
import { finishEnrolment, loginWithPassword, logout, startEnrolment, switchOrganization, verifyMfa, type Outcome } from './service';
import { clearSessionCookie, setSessionCookie } from './sessions';

const tags = ['Innlogging'];

/** Raises a failed outcome only after its transaction committed, so lockout counters and audit are kept. */
function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

function requireSession(ctx: RequestContext) {
  if (!ctx.session) throw commonError('UNAUTHENTICATED');
  return ctx.session;
}

export const authRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/auth/status',
    summary: 'Innloggingsstatus og tilgjengelige innloggingsmåter',
    tags,
    access: publicAccess,
    handler: async (ctx) => ({
      state: ctx.session?.state ?? 'anonymous',
      csrfToken: ctx.session?.csrfToken ?? null,
      oidc: ctx.services.config.oidc ? { enabled: true, label: ctx.services.config.oidc.label } : { enabled: false, label: null },
      demo: ctx.services.config.demo,
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Logg inn med e-post og passord (steg 1 av 2)',
    tags,
    access: publicAccess,
    rateLimit: 'login',
    body: loginBody,
    example: () => ({ body: { email: 'ingen@example.no', password: 'feil-passord' } }),
    handler: async (ctx, { body }, reply) => {
      const result = unwrap(
        await ctx.personalWork((tx) =>
          loginWithPassword(tx, ctx.services, { ...body, ip: ctx.ip, userAgent: ctx.userAgent, previousSessionId: ctx.session?.id ?? null }),
        ),
      );
      return { state: result.state, csrfToken: setSessionCookie(reply, result.session) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/mfa/enrolment',
    summary: 'Start oppsett av tofaktorinnlogging (ny hemmelighet og QR-kode)',
    tags,
    access: mfaAccess,
    handler: async (ctx) => {
      const session = requireSession(ctx);
      if (session.state !== 'mfa_enrolment') throw authError('MFA_ENROLMENT_NOT_STARTED', { message: 'Tofaktorinnlogging er allerede satt opp.' });
      return ctx.personalWork((tx) => startEnrolment(tx, ctx.services, session));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/mfa/enrolment',
    summary: 'Fullfør oppsett av tofaktorinnlogging med første kode',
    tags,
    access: mfaAccess,
    rateLimit: 'login',
    body: codeBody,
    example: () => ({ body: { code: '000000' } }),
    handler: async (ctx, { body }, reply) => {
      const session = requireSession(ctx);
      if (session.state !== 'mfa_enrolment') throw authError('MFA_ENROLMENT_NOT_STARTED');
      const result = unwrap(await ctx.personalWork((tx) => finishEnrolment(tx, ctx.services, session, body.code)));
      return { recoveryCodes: result.recoveryCodes, csrfToken: setSessionCookie(reply, result.session) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/mfa/verify',
    summary: 'Bekreft innlogging med engangskode eller gjenopprettingskode (steg 2 av 2)',
    tags,
    access: mfaAccess,
    rateLimit: 'login',
    body: codeBody,
    example: () => ({ body: { code: '000000' } }),
    handler: async (ctx, { body }, reply) => {
      const session = requireSession(ctx);
      if (session.state !== 'mfa_required') throw authError('MFA_NOT_ENROLLED');
      const result = unwrap(await ctx.personalWork((tx) => verifyMfa(tx, ctx.services, session, body.code)));
      return { usedRecoveryCode: result.usedRecoveryCode, csrfToken: setSessionCookie(reply, result.session) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Logg ut',
    tags,
    access: sessionAccess,
    handler: async (ctx, _input, reply) => {
      const session = requireSession(ctx);
      await ctx.personalWork((tx) => logout(tx, session));
      clearSessionCookie(reply);
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/session/organization',
    summary: 'Bytt aktiv organisasjon',
    tags,
    access: userAccess,
    body: switchOrganizationBody,
    example: (ids) => ({ body: { organizationId: ids.otherOrganizationId ?? '00000000-0000-4000-8000-000000000000' } }),
    handler: async (ctx, { body }) => {
      const session = requireSession(ctx);
      await ctx.personalWork((tx) => switchOrganization(tx, session, body.organizationId));
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/oidc/start',
    summary: 'Start innlogging hos identitetsleverandør (OIDC)',
    tags,
    access: publicAccess,
    rateLimit: 'login',
    handler: async (ctx, _input, reply) => {
      const oidc = oidcOrFail(ctx.services);
      const { url, state } = await authorizationRedirect(oidc);
      reply.setCookie(OIDC_COOKIE, JSON.stringify(state), {
        path: '/api/auth/oidc',
        httpOnly: true,
        secure: true,
        sameSite: 'lax',
        signed: true,
        maxAge: 600,
      });
      return reply.redirect(url, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/oidc/callback',
    summary: 'Tilbake fra identitetsleverandøren (OIDC)',
    tags,
    access: publicAccess,
    rateLimit: 'login',
    query: oidcCallbackQuery,
    handler: async (ctx, { query }, reply) => {
      const oidc = oidcOrFail(ctx.services);
      const request = reply.request as FastifyRequest;
      reply.clearCookie(OIDC_COOKIE, { path: '/api/auth/oidc' });
      const expected = readOidcState(request);
      if (!expected || query.error || !query.code) return redirectWithError(reply, 'OIDC_FAILED');
      let identity;
      try {
        const current = new URL(request.url, oidc.redirectUri);
        identity = await completeAuthorization(oidc, current, expected);
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC callback failed');
        return redirectWithError(reply, 'OIDC_FAILED');
      }
      const outcome = await ctx.personalWork((tx) => signInWithIdentity(tx, ctx.services, identity, { ip: ctx.ip, userAgent: ctx.userAgent }));
      if (!outcome.ok) return redirectWithError(reply, outcome.error.code);
      setSessionCookie(reply, outcome.value.session);
      return reply.redirect(outcome.value.state === 'active' ? '/' : '/innlogging', 303);
    },
  }),
];

function readOidcState(request: FastifyRequest): OidcState | null {
  const raw = request.cookies[OIDC_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    const parsed = z.object({ state: z.string(), nonce: z.string(), verifier: z.string() }).parse(JSON.parse(unsigned.value));
    return parsed;
  } catch {
    return null;
  }
}

function redirectWithError(reply: FastifyReply, code: string) {
  return reply.redirect(`/innlogging?feil=${encodeURIComponent(code)}`, 303);
}
