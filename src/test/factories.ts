import { randomBytes, randomInt } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { authenticator } from 'otplib';
import type { Database } from '../db/connection';
import { enterOrganization, withOwner } from '../db/tenant';
import { hashPassword, SecretBox } from '../modules/auth/crypto';
import { createSession } from '../modules/auth/sessions';
import type { SessionState } from '../modules/auth/schema';
import { organizations } from '../modules/organizations/schema';
import type { Role } from '../modules/users/roles';
import { memberships, users } from '../modules/users/schema';
import { TEST_SECRET, type TestApp } from './app';

const owner = <T>(database: Database, work: Parameters<typeof withOwner<T>>[2]) =>
  withOwner(database.owner, { organizationId: null, userId: null, requestId: 'test-factory' }, work);

type OrganizationInsert = typeof organizations.$inferInsert;

/** A municipality of its own (numbers 9xxx are not used by real municipalities). */
export async function buildOrganization(database: Database, overrides: Partial<OrganizationInsert> = {}): Promise<typeof organizations.$inferSelect> {
  const number = String(9000 + randomInt(0, 1000)).padStart(4, '0');
  const row = await owner(database, async (tx) => {
    const [row] = await tx
      .insert(organizations)
      .values({ kind: 'municipality', name: `Testkommune ${number}-${randomBytes(2).toString('hex')}`, municipalityNumber: overrides.kind && overrides.kind !== 'municipality' ? null : number, ...overrides })
      .onConflictDoNothing()
      .returning();
    return row;
  });
  return row ?? buildOrganization(database, overrides);
}

export async function nationalOrganization(database: Database) {
  return owner(database, async (tx) => {
    const rows = await tx.select().from(organizations);
    return rows.find((o) => o.kind === 'national')!;
  });
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  totpSecret: string;
}

/** A person with a password and (by default) TOTP already set up. */
export async function buildUser(database: Database, overrides: { email?: string; name?: string; password?: string; enrolled?: boolean } = {}): Promise<TestUser> {
  const email = overrides.email ?? `person-${randomBytes(5).toString('hex')}@example.no`;
  const password = overrides.password ?? `Passord-${randomBytes(8).toString('hex')}`;
  const totpSecret = authenticator.generateSecret(20);
  const enrolled = overrides.enrolled ?? true;
  const user = await owner(database, async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        email,
        name: overrides.name ?? 'Test Testesen',
        passwordHash: await hashPassword(password),
        totpSecret: enrolled ? new SecretBox(TEST_SECRET).seal(totpSecret) : null,
        totpEnrolledAt: enrolled ? new Date() : null,
      })
      .returning();
    return row!;
  });
  return { id: user.id, email, name: user.name, password, totpSecret };
}

export async function addMembership(database: Database, userId: string, organizationId: string, roles: Role[]): Promise<void> {
  await owner(database, async (tx) => {
    await enterOrganization(tx, organizationId);
    await tx.insert(memberships).values(roles.map((role) => ({ organizationId, userId, role })));
  });
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** A session straight in the database (fast; for tests that are not about login itself). */
export async function openSession(t: TestApp, userId: string, organizationId: string | null, state: SessionState = 'active'): Promise<Session> {
  const issued = await owner(t.database, (tx) =>
    createSession(tx, t.config, { userId, state, authMethod: 'password', activeOrganizationId: organizationId }, new Date()),
  );
  return { cookie: `__Host-samsvar=${issued.token}`, csrf: issued.csrfToken };
}

const cookieFrom = (response: LightMyRequestResponse): string | undefined => {
  const header = response.headers['set-cookie'];
  const list = Array.isArray(header) ? header : header ? [header] : [];
  const found = list.find((c) => c.startsWith('__Host-samsvar='));
  return found?.split(';')[0];
};

/** The whole login as a browser does it: password, then a TOTP code. */
export async function signIn(t: TestApp, user: Pick<TestUser, 'email' | 'password' | 'totpSecret'>): Promise<Session> {
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const pending = { cookie: cookieFrom(login)!, csrf: (JSON.parse(login.body) as { csrfToken: string }).csrfToken };
  const verify = await t.app.inject({
    method: 'POST',
    url: '/api/auth/mfa/verify',
    headers: { cookie: pending.cookie, 'x-csrf-token': pending.csrf },
    payload: { code: authenticator.generate(user.totpSecret) },
  });
  if (verify.statusCode !== 200) throw new Error(`mfa failed: ${verify.statusCode} ${verify.body}`);
  return { cookie: cookieFrom(verify)!, csrf: (JSON.parse(verify.body) as { csrfToken: string }).csrfToken };
}

export { cookieFrom };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Requests as a signed-in person (cookie and CSRF header set). */
export function as(t: TestApp, session: Session | null) {
  const call = (method: Method, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: unknown) => call('POST', url, payload),
    put: (url: string, payload?: unknown) => call('PUT', url, payload),
    patch: (url: string, payload?: unknown) => call('PATCH', url, payload),
    delete: (url: string) => call('DELETE', url),
  };
}
