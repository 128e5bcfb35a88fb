import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { municipalRoles, nationalRoles, vendorRoles, type Role } from '../modules/users/roles';
import { createTestApp, type TestApp } from '../test/app';
import { addMembership, buildOrganization, buildUser, nationalOrganization, openSession, type Session } from '../test/factories';
import { matrixFixtureBuilders, nationalFixtureKeys, type FixtureIds } from '../test/matrix-fixtures';
import { allows } from './policy';
import { registeredRoutes, type AnyRoute } from './route';

/**
 * Every registered route, called unauthenticated, half-way through login, as every role, without an active
 * organisation, and as a member of another organisation. A new route is covered the moment it is
 * registered; one that needs ids or a body must say so in its `example`.
 */
const REFUSALS = new Set(['UNAUTHENTICATED', 'MFA_REQUIRED', 'NO_ORGANIZATION', 'FORBIDDEN']);

let t: TestApp;
let routes: AnyRoute[];
let victimIds: FixtureIds;
let marker: string;
const people: { role: Role; kind: 'municipality' | 'national' | 'vendor'; userId: string; organizationId: string }[] = [];
let attacker: { userId: string; organizationId: string };
/** A vendor's contact in another vendor's organisation than the victim vendor's. */
let vendorAttacker: { userId: string; organizationId: string };
let pendingUser: string;
let homeless: string;

before(async () => {
  // Every route × every role from one address: far more requests a minute than the per-address limit allows.
  t = await createTestApp({ env: { SAMSVAR_RATE_LIMIT: '1000000' } });
  routes = registeredRoutes.get(t.app)!;
  marker = `MATRISE${randomUUID().slice(0, 8).toUpperCase()}`;
  const victim = await buildOrganization(t.database, { name: `Offerkommune ${marker}` });
  const home = await buildOrganization(t.database);
  const other = await buildOrganization(t.database);
  const national = await nationalOrganization(t.database);
  victimIds = { organizationId: victim.id, otherOrganizationId: other.id };
  for (const build of matrixFixtureBuilders) Object.assign(victimIds, await build(t.database, { organizationId: victim.id, otherOrganizationId: other.id, marker }));
  for (const role of municipalRoles) {
    const user = await buildUser(t.database);
    await addMembership(t.database, user.id, home.id, [role]);
    people.push({ role, kind: 'municipality', userId: user.id, organizationId: home.id });
  }
  for (const role of nationalRoles) {
    const user = await buildUser(t.database);
    await addMembership(t.database, user.id, national.id, [role]);
    people.push({ role, kind: 'national', userId: user.id, organizationId: national.id });
  }
  const vendorHome = await buildOrganization(t.database, { kind: 'vendor', name: 'Annen leverandør AS' });
  for (const role of vendorRoles) {
    const user = await buildUser(t.database);
    await addMembership(t.database, user.id, vendorHome.id, [role]);
    people.push({ role, kind: 'vendor', userId: user.id, organizationId: vendorHome.id });
  }
  vendorAttacker = { userId: people.find((p) => p.kind === 'vendor')!.userId, organizationId: vendorHome.id };
  const strong = await buildUser(t.database);
  await addMembership(t.database, strong.id, other.id, [...municipalRoles]);
  attacker = { userId: strong.id, organizationId: other.id };
  pendingUser = (await buildUser(t.database)).id;
  homeless = (await buildUser(t.database)).id;
});
after(() => t.close());

const randomIds: FixtureIds = new Proxy({}, { get: () => '00000000-0000-4000-8000-00000000dead' });

function fillUrl(url: string, params: Record<string, string> | undefined): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params?.[name];
    if (!value) throw new Error(`${url}: the route's example gives no value for :${name}`);
    return encodeURIComponent(value);
  });
}

async function call(route: AnyRoute, session: Session | null, ids: FixtureIds): Promise<LightMyRequestResponse> {
  const example = route.example?.(ids) ?? {};
  const needsBody = route.body && !route.body.safeParse(undefined).success;
  if (needsBody && example.body === undefined) throw new Error(`${route.method} ${route.url}: give an example body`);
  const query = example.query ? `?${new URLSearchParams(example.query)}` : '';
  return t.app.inject({
    method: route.method,
    url: fillUrl(route.url, example.params) + query,
    headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
    ...(example.body !== undefined ? { payload: example.body as object } : {}),
  });
}

const codeOf = (response: LightMyRequestResponse): string | undefined => {
  try {
    return (JSON.parse(response.body) as { code?: string }).code;
  } catch {
    return undefined;
  }
};
const describeRoute = (route: AnyRoute) => `${route.method} ${route.url}`;

test('every route declares how it is reached', () => {
  assert.ok(routes.length >= 20, `only ${routes.length} routes registered`);
  for (const route of routes) assert.ok(['public', 'mfa', 'session', 'user', 'policy'].includes(route.access.kind), describeRoute(route));
});

/** Tries every route with the victim's ids as the given person; nothing of the victim may come back. */
async function reachesNothingOfTheVictim(person: { userId: string; organizationId: string }) {
  for (const route of routes) {
    if (route.access.kind === 'public') continue;
    const session = await openSession(t, person.userId, person.organizationId);
    const response = await call(route, session, victimIds);
    const where = `${describeRoute(route)} → ${response.statusCode} ${response.body.slice(0, 200)}`;
    if (/:[A-Za-z]+/.test(route.url) && !route.example?.(victimIds).nationalContent) {
      assert.ok(response.statusCode >= 400, `another organisation's id was accepted: ${where}`);
    }
    assert.ok(!response.body.includes(marker), `the victim's data leaked: ${where}`);
    for (const [key, id] of Object.entries(victimIds)) {
      if (id === victimIds.otherOrganizationId || id === victimIds.organizationId || nationalFixtureKeys.has(key)) continue;
      if (route.method === 'GET') assert.ok(!response.body.includes(id), `a victim id leaked: ${where}`);
    }
  }
}

test('a member of another organisation reaches nothing of the victim organisation', async () => {
  await reachesNothingOfTheVictim(attacker);
});

test("a vendor's contact reaches nothing of another organisation, and nothing outside its own portal", async () => {
  await reachesNothingOfTheVictim(vendorAttacker);
  // Besides the portal, a vendor's contact may see only its own organisation's profile and its colleagues.
  const allowedOutsidePortal = new Set(['organizations.view', 'users.viewMembers']);
  for (const route of routes) {
    if (route.access.kind !== 'policy') continue;
    const { module, action } = route.access.rule;
    const allowed = allows(route.access.rule, { userId: vendorAttacker.userId, organizationId: vendorAttacker.organizationId, organizationKind: 'vendor', roles: vendorRoles });
    if (allowed) assert.ok(module === 'vendorPortal' || allowedOutsidePortal.has(`${module}.${action}`), `a vendor's contact may reach ${describeRoute(route)}`);
  }
});

test('without a session, only public routes answer', async () => {
  for (const route of routes) {
    const response = await call(route, null, randomIds);
    const code = codeOf(response);
    if (route.access.kind === 'public') assert.ok(!REFUSALS.has(code ?? ''), `${describeRoute(route)} refused anonymous: ${code}`);
    else {
      assert.equal(response.statusCode, 401, `${describeRoute(route)} gave ${response.statusCode} without a session`);
      assert.equal(code, 'UNAUTHENTICATED');
    }
  }
});

test('half-way through login (password, no MFA yet), only the MFA steps answer', async () => {
  for (const route of routes) {
    const session = await openSession(t, pendingUser, null, 'mfa_required');
    const response = await call(route, session, randomIds);
    const code = codeOf(response);
    if (route.access.kind === 'user' || route.access.kind === 'policy') {
      assert.equal(code, 'MFA_REQUIRED', `${describeRoute(route)} answered a session without MFA: ${response.statusCode}`);
    } else assert.ok(!REFUSALS.has(code ?? ''), `${describeRoute(route)} refused a pending session: ${code}`);
  }
});

test('each role gets exactly what its policy allows', async () => {
  for (const route of routes) {
    for (const person of people) {
      const session = await openSession(t, person.userId, person.organizationId);
      const response = await call(route, session, randomIds);
      const code = codeOf(response);
      const where = `${describeRoute(route)} as ${person.role} (${person.kind}) → ${response.statusCode} ${code}`;
      if (route.access.kind === 'policy') {
        const expected = allows(route.access.rule, { userId: person.userId, organizationId: person.organizationId, organizationKind: person.kind, roles: [person.role] });
        if (expected) assert.ok(!REFUSALS.has(code ?? ''), `refused although allowed: ${where}`);
        else {
          assert.equal(response.statusCode, 403, `allowed although refused: ${where}`);
          assert.equal(code, 'FORBIDDEN', where);
        }
      } else if (route.access.kind === 'mfa') {
        assert.equal(code, 'FORBIDDEN', `an MFA step answered an active session: ${where}`);
      } else assert.ok(!REFUSALS.has(code ?? ''), `refused: ${where}`);
    }
  }
});

test('without an active organisation, organisation routes are refused', async () => {
  for (const route of routes) {
    if (route.access.kind !== 'policy') continue;
    const session = await openSession(t, homeless, null);
    const response = await call(route, session, randomIds);
    assert.equal(codeOf(response), 'NO_ORGANIZATION', `${describeRoute(route)} → ${response.statusCode}`);
  }
});
