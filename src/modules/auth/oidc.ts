import * as client from 'openid-client';
import { eq, sql } from 'drizzle-orm';
import { actAs, type Tx } from '../../db/tenant';
import type { OidcConfig } from '../../server/config';
import type { Services } from '../../server/services';
import { users } from '../users/schema';
import { authError } from './errors';
import { createSession, type IssuedSession } from './sessions';
import { logAuthEvent, startingOrganization, type Outcome } from './service';

export const OIDC_COOKIE = 'samsvar_oidc';

const configurations = new Map<string, Promise<client.Configuration>>();

/** Discovery once per issuer and process; a failed discovery is retried on the next login. */
function configurationFor(oidc: OidcConfig): Promise<client.Configuration> {
  let pending = configurations.get(oidc.issuer);
  if (!pending) {
    const insecure = new URL(oidc.issuer).protocol === 'http:';
    pending = client.discovery(new URL(oidc.issuer), oidc.clientId, undefined, client.ClientSecretPost(oidc.clientSecret), {
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
    pending.catch(() => configurations.delete(oidc.issuer));
    configurations.set(oidc.issuer, pending);
  }
  return pending;
}

export interface OidcState {
  state: string;
  nonce: string;
  verifier: string;
}

export async function authorizationRedirect(oidc: OidcConfig): Promise<{ url: string; state: OidcState }> {
  const configuration = await configurationFor(oidc);
  const verifier = client.randomPKCECodeVerifier();
  const state = { state: client.randomState(), nonce: client.randomNonce(), verifier };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: oidc.redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: state.state,
    nonce: state.nonce,
  });
  return { url: url.href, state };
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  mfa: boolean;
}

export async function completeAuthorization(oidc: OidcConfig, currentUrl: URL, expected: OidcState): Promise<OidcIdentity> {
  const configuration = await configurationFor(oidc);
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: expected.verifier,
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no id_token claims');
  const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
  const acr = typeof claims.acr === 'string' ? claims.acr : '';
  return {
    issuer: String(claims.iss),
    subject: String(claims.sub),
    email: typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
    emailVerified: claims.email_verified !== false,
    // The identity provider's own multi-factor login counts as ours; otherwise we ask for our TOTP too.
    mfa: oidc.mfaAcrValues.includes(acr) || amr.some((value) => oidc.mfaAmrValues.includes(value)),
  };
}

/**
 * Signs in a person known to Samsvar (invited before). Links the identity to the account the first time by
 * verified e-mail; never creates accounts on its own.
 */
export async function signInWithIdentity(tx: Tx, services: Services, identity: OidcIdentity, meta: { ip: string; userAgent: string }): Promise<Outcome<{ session: IssuedSession; state: 'active' | 'mfa_required' | 'mfa_enrolment' }>> {
  const now = services.clock();
  let [user] = await tx.select().from(users).where(sql`${users.oidcIssuer} = ${identity.issuer} and ${users.oidcSubject} = ${identity.subject}`);
  if (!user && identity.email && identity.emailVerified) {
    [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${identity.email} and ${users.oidcSubject} is null`);
    if (user) {
      await tx.update(users).set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject, updatedAt: now }).where(eq(users.id, user.id));
      await logAuthEvent(tx, user.id, 'oidc_linked', { issuer: identity.issuer });
    }
  }
  if (!user || user.status !== 'active') return { ok: false, error: authError('OIDC_NO_ACCOUNT') };
  // No session yet, so the transaction has no person: without one, RLS hides their memberships and the
  // session would start in no organisation.
  await actAs(tx, user.id);
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, error: authError('ACCOUNT_LOCKED') };
  const state = identity.mfa ? 'active' : user.totpEnrolledAt ? 'mfa_required' : 'mfa_enrolment';
  const activeOrganizationId = state === 'active' ? await startingOrganization(tx, user.id, user.lastOrganizationId) : null;
  if (state === 'active') await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
  const session = await createSession(tx, services.config, { userId: user.id, state, authMethod: 'oidc', activeOrganizationId, ip: meta.ip, userAgent: meta.userAgent }, now);
  await logAuthEvent(tx, user.id, state === 'active' ? 'login_oidc' : 'oidc_accepted', { issuer: identity.issuer, mfaByProvider: identity.mfa });
  return { ok: true, value: { session, state } };
}

export function oidcOrFail(services: Services): OidcConfig {
  if (!services.config.oidc) throw authError('OIDC_NOT_CONFIGURED');
  return services.config.oidc;
}
