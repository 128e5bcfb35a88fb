import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { authenticator } from 'otplib';
import { queryRows } from '../../db/sql';
import { createTestApp, json, type TestApp } from '../../test/app';
import { addMembership, as, buildOrganization, buildUser, cookieFrom, type Session, type TestUser } from '../../test/factories';
import { startOidcProvider, type OidcTestIdentity, type TestOidcProvider } from '../../test/oidc-provider';
import type { MeDto } from './contract';
import { OIDC_COOKIE } from './oidc';

const REDIRECT_URI = 'http://localhost:3000/api/auth/oidc/callback';

let provider: TestOidcProvider;
let t: TestApp;
let organizationId: string;

before(async () => {
  provider = await startOidcProvider();
  t = await createTestApp({
    env: { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_REDIRECT_URI: REDIRECT_URI },
  });
  organizationId = (await buildOrganization(t.database)).id;
});
after(async () => {
  await t.close();
  await provider.close();
});
beforeEach(() => {
  provider.tamper = {};
});

async function invitedPerson(overrides: Parameters<typeof buildUser>[1] = {}): Promise<TestUser> {
  const user = await buildUser(t.database, overrides);
  await addMembership(t.database, user.id, organizationId, ['sikkerhetsleder']);
  return user;
}

function setCookie(response: LightMyRequestResponse, name: string): string | undefined {
  const header = response.headers['set-cookie'];
  const list = Array.isArray(header) ? header : header ? [header] : [];
  return list.find((c) => c.startsWith(`${name}=`));
}

interface Started {
  authorizeUrl: URL;
  /** `samsvar_oidc=…` as the browser would send it back. */
  cookie: string;
}

async function start(): Promise<Started> {
  const response = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  assert.equal(response.statusCode, 303, response.body);
  const cookie = setCookie(response, OIDC_COOKIE);
  assert.ok(cookie, 'no state cookie');
  return { authorizeUrl: new URL(String(response.headers.location)), cookie: cookie.split(';')[0]! };
}

/** The browser follows the redirect to the provider, which approves and sends it back with a code. */
async function approve(authorizeUrl: URL): Promise<URL> {
  const response = await fetch(authorizeUrl, { redirect: 'manual' });
  assert.equal(response.status, 302, await response.text());
  return new URL(response.headers.get('location')!);
}

const callback = (url: URL, cookie: string | null) =>
  t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: cookie ? { cookie } : {} });

/** The whole round trip for one identity. */
async function signInAs(identity: OidcTestIdentity): Promise<LightMyRequestResponse> {
  provider.identity = identity;
  const started = await start();
  return callback(await approve(started.authorizeUrl), started.cookie);
}

function sessionFrom(response: LightMyRequestResponse): Session | null {
  const cookie = cookieFrom(response);
  return cookie ? { cookie, csrf: '' } : null;
}

/** The CSRF token comes from /api/auth/status, as the web app reads it after the redirect. */
async function withCsrf(session: Session): Promise<Session & { state: string }> {
  const status = json<{ state: string; csrfToken: string }>(await as(t, session).get('/api/auth/status'));
  return { ...session, csrf: status.csrfToken, state: status.state };
}

function assertRefused(response: LightMyRequestResponse, code: string): void {
  assert.equal(response.statusCode, 303, response.body);
  assert.equal(response.headers.location, `/innlogging?feil=${code}`);
  assert.equal(cookieFrom(response), undefined, 'a refused login must not get a session');
}

const linkedSubject = async (userId: string) =>
  (await queryRows<{ oidc_issuer: string | null; oidc_subject: string | null }>(t.database.owner, sql`select oidc_issuer, oidc_subject from users where id = ${userId}`))[0]!;

describe('starting an OIDC login', () => {
  test('redirects to the provider with state, nonce and PKCE, and keeps them in a signed cookie', async () => {
    const status = json<{ oidc: { enabled: boolean } }>(await t.app.inject({ method: 'GET', url: '/api/auth/status' }));
    assert.equal(status.oidc.enabled, true);

    const response = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    assert.equal(response.statusCode, 303);
    const location = new URL(String(response.headers.location));
    assert.equal(`${location.origin}${location.pathname}`, `${provider.issuer}/authorize`);
    const params = location.searchParams;
    assert.equal(params.get('client_id'), provider.clientId);
    assert.equal(params.get('redirect_uri'), REDIRECT_URI);
    assert.equal(params.get('response_type'), 'code');
    assert.ok(params.get('scope')!.split(' ').includes('openid'));
    assert.equal(params.get('code_challenge_method'), 'S256');
    assert.match(params.get('code_challenge')!, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(params.get('state')!.length >= 20);
    assert.ok(params.get('nonce')!.length >= 20);

    const cookie = setCookie(response, OIDC_COOKIE)!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /Secure/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\/api\/auth\/oidc/);
    assert.match(cookie, /Max-Age=600/);
    const raw = decodeURIComponent(cookie.split(';')[0]!.slice(OIDC_COOKIE.length + 1));
    const unsigned = t.app.unsignCookie(raw);
    assert.equal(unsigned.valid, true, 'the state cookie is signed with the session secret');
    const stored = JSON.parse(unsigned.value!) as { state: string; nonce: string; verifier: string };
    assert.equal(stored.state, params.get('state'));
    assert.equal(stored.nonce, params.get('nonce'));
    assert.equal(createHash('sha256').update(stored.verifier).digest('base64url'), params.get('code_challenge'));

    const second = new URL(String((await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' })).headers.location));
    for (const key of ['state', 'nonce', 'code_challenge']) assert.notEqual(second.searchParams.get(key), params.get(key), `${key} is reused`);
  });
});

describe('the callback', () => {
  test('a person known to Samsvar, with multi-factor login at the provider, is signed in at once', async () => {
    const user = await invitedPerson();
    const subject = `sub-${randomUUID()}`;
    const response = await signInAs({ sub: subject, email: user.email.toUpperCase(), amr: ['pwd', 'mfa'] });
    assert.equal(response.statusCode, 303, response.body);
    assert.equal(response.headers.location, '/');
    assert.match(String(setCookie(response, OIDC_COOKIE)), /samsvar_oidc=;/, 'the state cookie is cleared');
    const lastToken = provider.tokenRequests.at(-1)!;
    assert.equal(lastToken.error, undefined);
    assert.ok(lastToken.params.get('code_verifier'));

    const session = await withCsrf(sessionFrom(response)!);
    assert.equal(session.state, 'active');
    const me = await as(t, session).get('/api/me');
    assert.equal(me.statusCode, 200, me.body);
    const body = json<MeDto>(me);
    assert.equal(body.user.id, user.id);
    assert.equal(body.session.authMethod, 'oidc');
    assert.equal(body.organization?.id, organizationId);
    assert.deepEqual(body.roles, ['sikkerhetsleder']);
    assert.equal((await as(t, session).get('/api/members')).statusCode, 200);
    assert.deepEqual(await linkedSubject(user.id), { oidc_issuer: provider.issuer, oidc_subject: subject });
    // The login is recorded with the person as actor.
    const events = await queryRows<{ actor_user_id: string | null }>(
      t.database.owner,
      sql`select actor_user_id from audit_events where entity = 'auth' and entity_id = ${user.id} and action = 'login_oidc'`,
    );
    assert.deepEqual(events, [{ actor_user_id: user.id }]);
  });

  test('a strong acr from the provider counts as multi-factor login too', async () => {
    const user = await invitedPerson();
    const response = await signInAs({ sub: `sub-${randomUUID()}`, email: user.email, acr: 'idporten-loa-high' });
    assert.equal(response.headers.location, '/');
    assert.equal((await withCsrf(sessionFrom(response)!)).state, 'active');
  });

  test('without multi-factor login at the provider, the person must still give a TOTP code', async () => {
    const user = await invitedPerson();
    const response = await signInAs({ sub: `sub-${randomUUID()}`, email: user.email, amr: ['pwd'], acr: 'idporten-loa-low' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/innlogging');
    const pending = await withCsrf(sessionFrom(response)!);
    assert.equal(pending.state, 'mfa_required');
    const me = await as(t, pending).get('/api/me');
    assert.equal(me.statusCode, 401);
    assert.equal(json(me).code, 'MFA_REQUIRED');

    const verify = await as(t, pending).post('/api/auth/mfa/verify', { code: authenticator.generate(user.totpSecret) });
    assert.equal(verify.statusCode, 200, verify.body);
    const active = { cookie: cookieFrom(verify)!, csrf: json<{ csrfToken: string }>(verify).csrfToken };
    const body = json<MeDto>(await as(t, active).get('/api/me'));
    assert.equal(body.organization?.id, organizationId);
    assert.equal(body.session.authMethod, 'oidc');
  });

  test('someone who has not set up TOTP yet must enrol', async () => {
    const user = await invitedPerson({ enrolled: false });
    const response = await signInAs({ sub: `sub-${randomUUID()}`, email: user.email });
    assert.equal(response.headers.location, '/innlogging');
    assert.equal((await withCsrf(sessionFrom(response)!)).state, 'mfa_enrolment');
  });

  test('once linked, the provider’s subject identifies the person even if the e-mail changes', async () => {
    const user = await invitedPerson();
    const subject = `sub-${randomUUID()}`;
    assert.equal((await signInAs({ sub: subject, email: user.email, amr: ['mfa'] })).headers.location, '/');
    const again = await signInAs({ sub: subject, email: 'nytt-navn@example.no', amr: ['mfa'] });
    assert.equal(again.headers.location, '/');
    assert.equal(json<MeDto>(await as(t, await withCsrf(sessionFrom(again)!)).get('/api/me')).user.id, user.id);
    // Another subject claiming the same e-mail cannot take over the linked account.
    assertRefused(await signInAs({ sub: `sub-${randomUUID()}`, email: user.email, amr: ['mfa'] }), 'OIDC_NO_ACCOUNT');
  });

  test('an unknown person is refused and no account is created', async () => {
    const [before] = await queryRows<{ n: number }>(t.database.owner, sql`select count(*)::int as n from users`);
    assertRefused(await signInAs({ sub: `sub-${randomUUID()}`, email: `ukjent-${randomUUID().slice(0, 8)}@example.no`, amr: ['mfa'] }), 'OIDC_NO_ACCOUNT');
    assertRefused(await signInAs({ sub: `sub-${randomUUID()}`, amr: ['mfa'] }), 'OIDC_NO_ACCOUNT');
    const [afterwards] = await queryRows<{ n: number }>(t.database.owner, sql`select count(*)::int as n from users`);
    assert.equal(afterwards!.n, before!.n);
  });

  test('an e-mail the provider has not verified does not link an account', async () => {
    const user = await invitedPerson();
    assertRefused(await signInAs({ sub: `sub-${randomUUID()}`, email: user.email, emailVerified: false, amr: ['mfa'] }), 'OIDC_NO_ACCOUNT');
    assert.deepEqual(await linkedSubject(user.id), { oidc_issuer: null, oidc_subject: null });
  });
});

describe('a callback that does not add up is refused', () => {
  test('a tampered state', async () => {
    const user = await invitedPerson();
    provider.identity = { sub: `sub-${randomUUID()}`, email: user.email, amr: ['mfa'] };
    const started = await start();
    const back = await approve(started.authorizeUrl);
    back.searchParams.set('state', `${back.searchParams.get('state')}x`);
    assertRefused(await callback(back, started.cookie), 'OIDC_FAILED');
    assert.deepEqual(await linkedSubject(user.id), { oidc_issuer: null, oidc_subject: null });
  });

  test('a missing or forged state cookie', async () => {
    const user = await invitedPerson();
    provider.identity = { sub: `sub-${randomUUID()}`, email: user.email, amr: ['mfa'] };
    const started = await start();
    const back = await approve(started.authorizeUrl);
    assertRefused(await callback(back, null), 'OIDC_FAILED');
    const value = decodeURIComponent(started.cookie.slice(OIDC_COOKIE.length + 1));
    const unsigned = t.app.unsignCookie(value).value!;
    const forged = `${OIDC_COOKIE}=${encodeURIComponent(`${unsigned}.${'A'.repeat(43)}`)}`;
    assertRefused(await callback(back, forged), 'OIDC_FAILED');
    // The genuine cookie still works for this code: the refusals above did not spend it.
    assert.equal((await callback(back, started.cookie)).headers.location, '/');
  });

  test('a replayed code', async () => {
    const user = await invitedPerson();
    provider.identity = { sub: `sub-${randomUUID()}`, email: user.email, amr: ['mfa'] };
    const started = await start();
    const back = await approve(started.authorizeUrl);
    assert.equal((await callback(back, started.cookie)).headers.location, '/');
    assertRefused(await callback(back, started.cookie), 'OIDC_FAILED');
    assert.equal(provider.tokenRequests.at(-1)!.error, 'code already used');
  });

  test('a wrong PKCE verifier is caught by the provider', async () => {
    const user = await invitedPerson();
    provider.identity = { sub: `sub-${randomUUID()}`, email: user.email, amr: ['mfa'] };
    const started = await start();
    const back = await approve(started.authorizeUrl);
    const genuine = JSON.parse(t.app.unsignCookie(decodeURIComponent(started.cookie.slice(OIDC_COOKIE.length + 1))).value!) as Record<string, string>;
    const swapped = `${OIDC_COOKIE}=${encodeURIComponent(t.app.signCookie(JSON.stringify({ ...genuine, verifier: 'v'.repeat(43) })))}`;
    assertRefused(await callback(back, swapped), 'OIDC_FAILED');
    assert.equal(provider.tokenRequests.at(-1)!.error, 'PKCE verification failed');
  });

  test('an error from the provider', async () => {
    const started = await start();
    const back = new URL(REDIRECT_URI);
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('state', started.authorizeUrl.searchParams.get('state')!);
    assertRefused(await callback(back, started.cookie), 'OIDC_FAILED');
  });

  for (const [label, tamper] of [
    ['another nonce', { nonce: 'en-annen-nonce' }],
    ['another issuer', { issuer: 'https://falsk.example' }],
    ['another audience', { audience: 'en-annen-klient' }],
  ] as const) {
    test(`an id_token with ${label}`, async () => {
      const user = await invitedPerson();
      provider.tamper = tamper;
      assertRefused(await signInAs({ sub: `sub-${randomUUID()}`, email: user.email, amr: ['mfa'] }), 'OIDC_FAILED');
      assert.deepEqual(await linkedSubject(user.id), { oidc_issuer: null, oidc_subject: null });
    });
  }
});
