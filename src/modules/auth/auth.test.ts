import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { queryRows } from '../../db/sql';
import { createTestApp, json, type TestApp } from '../../test/app';
import { addMembership, as, buildOrganization, buildUser, cookieFrom, signIn, type TestUser } from '../../test/factories';

let t: TestApp;
let organizationId: string;

before(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(t.database)).id;
});
after(() => t.close());

async function newMember(overrides: Parameters<typeof buildUser>[1] = {}): Promise<TestUser> {
  const user = await buildUser(t.database, overrides);
  await addMembership(t.database, user.id, organizationId, ['administrator']);
  return user;
}

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

describe('password and TOTP login', () => {
  test('a full login gives an active session with the organisation and what the person may do', async () => {
    const user = await newMember();
    const session = await signIn(t, user);
    const me = await as(t, session).get('/api/me');
    assert.equal(me.statusCode, 200);
    const body = json<{ organization: { id: string }; roles: string[]; policies: { users: { manageMembers: boolean } } }>(me);
    assert.equal(body.organization.id, organizationId);
    assert.deepEqual(body.roles, ['administrator']);
    assert.equal(body.policies.users.manageMembers, true);
  });

  test('the password alone is not enough: the half-way session cannot read anything', async () => {
    const user = await newMember();
    const response = await login(user.email, user.password);
    assert.equal(response.statusCode, 200);
    assert.equal(json(response).state, 'mfa_required');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieFrom(response)! } });
    assert.equal(me.statusCode, 401);
    assert.equal(json(me).code, 'MFA_REQUIRED');
  });

  test('the session id changes at login, so the pre-MFA cookie is worthless afterwards', async () => {
    const user = await newMember();
    const first = await login(user.email, user.password);
    const pendingCookie = cookieFrom(first)!;
    const csrf = json<{ csrfToken: string }>(first).csrfToken;
    const verify = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: { cookie: pendingCookie, 'x-csrf-token': csrf },
      payload: { code: authenticator.generate(user.totpSecret) },
    });
    assert.equal(verify.statusCode, 200);
    assert.notEqual(cookieFrom(verify), pendingCookie);
    const old = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: pendingCookie } });
    assert.equal(old.statusCode, 401);
    assert.equal(json(old).code, 'UNAUTHENTICATED');
  });

  test('a wrong password is refused without telling whether the account exists', async () => {
    const user = await newMember();
    const wrong = await login(user.email, 'not the password');
    const unknown = await login('nobody@example.no', 'not the password');
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.deepEqual([json(wrong).code, json(wrong).message], [json(unknown).code, json(unknown).message]);
  });

  test('five wrong passwords lock the account, even against the right password', async () => {
    const user = await newMember();
    for (let i = 0; i < 4; i++) assert.equal((await login(user.email, `wrong-${i}`)).statusCode, 401);
    const fifth = await login(user.email, 'wrong-5');
    assert.equal(fifth.statusCode, 423);
    assert.equal(json(fifth).code, 'ACCOUNT_LOCKED');
    const right = await login(user.email, user.password);
    assert.equal(right.statusCode, 423);
  });

  test('a wrong or reused TOTP code is refused, and five wrong codes lock the account', async () => {
    const user = await newMember();
    const session = await signIn(t, user);
    assert.ok(session.cookie);
    // The code used in signIn cannot be used again.
    const again = await login(user.email, user.password);
    const pending = { cookie: cookieFrom(again)!, csrf: json<{ csrfToken: string }>(again).csrfToken };
    const reuse = await as(t, pending).post('/api/auth/mfa/verify', { code: authenticator.generate(user.totpSecret) });
    assert.equal(reuse.statusCode, 401);
    assert.equal(json(reuse).code, 'MFA_CODE_INVALID');
    assert.equal(json(reuse).field, 'code');
    for (let i = 0; i < 3; i++) assert.equal((await as(t, pending).post('/api/auth/mfa/verify', { code: '000000' })).statusCode, 401);
    const locked = await as(t, pending).post('/api/auth/mfa/verify', { code: '000001' });
    assert.equal(locked.statusCode, 423);
    assert.equal((await login(user.email, user.password)).statusCode, 423);
  });

  test('first login sets up TOTP, hands out recovery codes, and a recovery code works exactly once', async () => {
    const user = await newMember({ enrolled: false });
    const first = await login(user.email, user.password);
    assert.equal(json(first).state, 'mfa_enrolment');
    const pending = { cookie: cookieFrom(first)!, csrf: json<{ csrfToken: string }>(first).csrfToken };
    const start = await as(t, pending).get('/api/auth/mfa/enrolment');
    assert.equal(start.statusCode, 200);
    const { secret, qrSvg, uri } = json<{ secret: string; qrSvg: string; uri: string }>(start);
    assert.match(uri, /^otpauth:\/\/totp\/Samsvar:/);
    assert.match(qrSvg, /^<svg/);
    const wrong = await as(t, pending).post('/api/auth/mfa/enrolment', { code: '123456' });
    assert.equal(wrong.statusCode, 401);
    const done = await as(t, pending).post('/api/auth/mfa/enrolment', { code: authenticator.generate(secret) });
    assert.equal(done.statusCode, 200);
    const codes = json<{ recoveryCodes: string[] }>(done).recoveryCodes;
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);

    const next = await login(user.email, user.password);
    assert.equal(json(next).state, 'mfa_required');
    const p2 = { cookie: cookieFrom(next)!, csrf: json<{ csrfToken: string }>(next).csrfToken };
    const viaRecovery = await as(t, p2).post('/api/auth/mfa/verify', { code: codes[0] });
    assert.equal(viaRecovery.statusCode, 200);
    assert.equal(json(viaRecovery).usedRecoveryCode, true);
    const third = await login(user.email, user.password);
    const p3 = { cookie: cookieFrom(third)!, csrf: json<{ csrfToken: string }>(third).csrfToken };
    assert.equal((await as(t, p3).post('/api/auth/mfa/verify', { code: codes[0] })).statusCode, 401);
  });

  test('the TOTP secret and password are stored only in protected form and never reach the audit trail', async () => {
    const user = await newMember();
    const rows = await queryRows<{ password_hash: string; totp_secret: string }>(t.database.owner, sql`select password_hash, totp_secret from users where id = ${user.id}`);
    assert.match(rows[0]!.password_hash, /^\$argon2id\$/);
    assert.ok(!rows[0]!.totp_secret.includes(user.totpSecret));
    const audit = await queryRows<{ after: unknown }>(t.database.owner, sql`select after from audit_events where entity = 'users' and entity_id = ${user.id}`);
    assert.ok(audit.length > 0);
    const text = JSON.stringify(audit);
    assert.ok(!text.includes('$argon2id$'));
    assert.ok(text.includes('[skjult]'));
  });
});

describe('session lifetime', () => {
  test('an idle session expires, and so does one past its absolute lifetime', async () => {
    const user = await newMember();
    const idle = await signIn(t, user);
    await t.database.owner.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${user.id}`);
    assert.equal((await as(t, idle).get('/api/me')).statusCode, 401);

    const user2 = await newMember();
    const old = await signIn(t, user2);
    await t.database.owner.execute(sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${user2.id}`);
    assert.equal((await as(t, old).get('/api/me')).statusCode, 401);
  });

  test('logout ends the session on the server', async () => {
    const user = await newMember();
    const session = await signIn(t, user);
    assert.equal((await as(t, session).post('/api/auth/logout')).statusCode, 204);
    assert.equal((await as(t, session).get('/api/me')).statusCode, 401);
  });

  test('cookies are HttpOnly, Secure and SameSite', async () => {
    const user = await newMember();
    const response = await login(user.email, user.password);
    const cookie = String(response.headers['set-cookie']);
    assert.match(cookie, /^__Host-samsvar=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /Secure/);
    assert.match(cookie, /SameSite=Lax/);
  });
});

describe('request forgery and headers', () => {
  test('a state-changing request without the CSRF token is refused', async () => {
    const user = await newMember();
    const session = await signIn(t, user);
    const response = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: session.cookie }, payload: { name: 'Endret' } });
    assert.equal(response.statusCode, 403);
    assert.equal(json(response).code, 'CSRF_INVALID');
    const wrong = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(32) }, payload: { name: 'Endret' } });
    assert.equal(wrong.statusCode, 403);
  });

  test('a login posted from another site is refused', async () => {
    const user = await newMember();
    const response = await login(user.email, user.password, { origin: 'https://angriper.example' });
    assert.equal(response.statusCode, 403);
    assert.equal(json(response).code, 'CSRF_INVALID');
  });

  test('security headers: CSP without inline scripts, no framing, no sniffing, a referrer policy', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['referrer-policy'], 'same-origin');
  });

  test('login is rate limited per address', async () => {
    const limited = await createTestApp({ env: { SAMSVAR_LOGIN_RATE_LIMIT: '10' } });
    after(() => limited.close());
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@example.no', password: 'y' }, remoteAddress: '10.9.9.9' });
      statuses.push(r.statusCode);
    }
    assert.ok(statuses.includes(429), `expected a 429 among ${statuses.join(',')}`);
    const last = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@example.no', password: 'y' }, remoteAddress: '10.9.9.9' });
    assert.equal(json(last).code, 'RATE_LIMITED');
    const elsewhere = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@example.no', password: 'y' }, remoteAddress: '10.9.9.10' });
    assert.equal(elsewhere.statusCode, 401);
  });
});
