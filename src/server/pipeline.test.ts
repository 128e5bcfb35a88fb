import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import journal from '../db/migrations/meta/_journal.json' with { type: 'json' };
import { queryRows } from '../db/sql';
import { users } from '../modules/users/schema';
import { createTestApp, json, type TestApp } from '../test/app';
import { addMembership, as, buildOrganization, buildUser, openSession, type Session, type TestUser } from '../test/factories';
import { commonError } from './errors';
import { z } from '../shared/validation';
import { defineRoute, publicAccess, registeredRoutes, registerRoutes, userAccess } from './route';

const SECRET = 'HEMMELIG-7f3a: passord=hunter2 i /srv/samsvar/src/intern.ts';

/** Routes that exist only in this test: they fail on purpose, after doing work that must not survive. */
const failingRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/test/boom',
    summary: 'Feiler med en intern melding',
    tags: ['Test'],
    access: publicAccess,
    handler: async () => {
      throw new Error(SECRET);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/test/write-then-fail',
    summary: 'Skriver, og feiler så',
    tags: ['Test'],
    access: userAccess,
    handler: async (ctx) => {
      await ctx.personalWork(async (tx) => {
        await tx.update(users).set({ name: 'Skulle aldri blitt lagret' }).where(eq(users.id, ctx.session!.userId));
        throw new Error(SECRET);
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/test/bad-sql',
    summary: 'Feiler i databasen',
    tags: ['Test'],
    access: publicAccess,
    handler: async (ctx) => ctx.personalWork((tx) => tx.execute(sql`select passord from hemmelig_tabell_7f3a`)),
  }),
];

let t: TestApp;
let person: TestUser;
let session: Session;

before(async () => {
  t = await createTestApp({ app: { routes: failingRoutes } });
  const organization = await buildOrganization(t.database);
  person = await buildUser(t.database, { name: 'Opprinnelig Navn' });
  await addMembership(t.database, person.id, organization.id, ['administrator']);
  session = await openSession(t, person.id, organization.id);
});
after(() => t.close());

interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  requestId: string;
  issues?: { field: string; code: string; message: string }[];
}

/** Row counts and the person's own row: what a refused request must leave exactly as it was. */
async function snapshot() {
  const [row] = await queryRows<Record<string, unknown>>(
    t.database.owner,
    sql`select (select count(*) from users)::int as users,
               (select count(*) from memberships)::int as memberships,
               (select count(*) from invitations)::int as invitations,
               (select count(*) from organizations)::int as organizations,
               (select count(*) from audit_events)::int as audit_events,
               (select row_to_json(u)::text from users u where u.id = ${person.id}) as person`,
  );
  return row!;
}

async function changesNothing(request: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  const before = await snapshot();
  const response = await request();
  assert.deepEqual(await snapshot(), before, `the refused request changed something: ${response.statusCode} ${response.body}`);
  return response;
}

function assertError(response: LightMyRequestResponse, status: number, code: string, message: string, field?: string): ErrorBody {
  assert.equal(response.statusCode, status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const body = json<ErrorBody>(response);
  assert.equal(body.code, code);
  assert.equal(body.message, message);
  assert.equal(body.field, field);
  assert.equal(body.requestId, response.headers['x-request-id']);
  return body;
}

/** A request with a raw body and content type, as a misbehaving client would send it. */
const raw = (method: 'POST' | 'PATCH', url: string, payload: string | Buffer, contentType: string) =>
  t.app.inject({ method, url, payload, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType } });

describe('bad input is refused clearly and changes nothing', () => {
  test('a value of the wrong type names the field, in Norwegian', async () => {
    const wrongType = await changesNothing(() => as(t, session).patch('/api/me', { name: 123 }));
    const body = assertError(wrongType, 400, 'VALIDATION_FAILED', 'Har feil type.', 'name');
    assert.deepEqual(body.issues?.map((i) => i.field), ['name']);

    assertError(await changesNothing(() => as(t, session).patch('/api/me', { language: 'de' })), 400, 'VALIDATION_FAILED', 'Er ikke et av de tillatte valgene.', 'language');
    assertError(
      await changesNothing(() => as(t, session).post('/api/invitations', { email: 'ikke en adresse', role: 'leser' })),
      400,
      'VALIDATION_FAILED',
      'Må være en gyldig e-postadresse.',
      'email',
    );
    assertError(await changesNothing(() => as(t, session).put('/api/members/ikke-en-id/roles', { roles: ['leser'] })), 400, 'VALIDATION_FAILED', 'Må være en gyldig ID.', 'userId');
    assertError(await as(t, session).get('/api/audit?limit=mange'), 400, 'VALIDATION_FAILED', 'Må være et tall.', 'limit');
    assertError(await changesNothing(() => as(t, session).patch('/api/me', { name: '   ' })), 400, 'VALIDATION_FAILED', 'Feltet må fylles ut.', 'name');
    assertError(await changesNothing(() => as(t, session).patch('/api/me', { name: 'Ola\u0000Nordmann' })), 400, 'VALIDATION_FAILED', 'Inneholder ugyldige tegn.', 'name');
  });

  test('every issue is listed, not just the first', async () => {
    const response = await changesNothing(() => as(t, session).post('/api/invitations', { email: 42, role: 'sjef' }));
    const body = assertError(response, 400, 'VALIDATION_FAILED', 'Har feil type.', 'email');
    assert.deepEqual(body.issues?.map((i) => i.field).sort(), ['email', 'role']);
    assert.ok(body.issues?.every((i) => i.message.length > 0 && !/expected|invalid/i.test(i.message)), JSON.stringify(body.issues));
  });

  test('a body that is JSON but not an object is refused', async () => {
    assertError(await changesNothing(() => raw('PATCH', '/api/me', '["Ola"]', 'application/json')), 400, 'VALIDATION_FAILED', 'Må være et objekt.', 'body');
    assertError(await changesNothing(() => raw('PATCH', '/api/me', '"Ola"', 'application/json')), 400, 'VALIDATION_FAILED', 'Må være et objekt.', 'body');
  });

  test('unknown fields are refused by name, in the body and in the query', async () => {
    const response = await changesNothing(() => as(t, session).patch('/api/me', { name: 'Gyldig Navn', rolle: 'administrator' }));
    assertError(response, 400, 'VALIDATION_FAILED', 'Ukjent felt: rolle.', 'rolle');
    assertError(
      await changesNothing(() => raw('PATCH', '/api/me', '{"name":"Gyldig Navn","__proto__":{"admin":true}}', 'application/json')),
      400,
      'VALIDATION_FAILED',
      'Ukjent felt: __proto__.',
      '__proto__',
    );
    // The organisation comes from the session, never from the request.
    assertError(await as(t, session).get('/api/audit?organizationId=00000000-0000-4000-8000-000000000000'), 400, 'VALIDATION_FAILED', 'Ukjent felt: organizationId.', 'organizationId');
  });

  test('a route whose request schema would let unknown fields through cannot even be registered', async () => {
    const loose = (part: 'body' | 'query' | 'params') =>
      defineRoute({ method: 'POST', url: '/api/test/loose/:id', summary: 'Løst skjema', tags: ['Test'], access: publicAccess, [part]: z.object({ id: z.string() }), handler: async () => undefined });
    for (const part of ['body', 'query', 'params'] as const) {
      const app = Fastify();
      try {
        assert.throws(() => registerRoutes(app, [loose(part)], { loginPerMinute: 10 }), new RegExp(`POST /api/test/loose/:id ${part}: request objects must be z.strictObject`));
      } finally {
        await app.close();
      }
    }
  });

  test('a body over the limit gets 413 BODY_TOO_LARGE', async () => {
    const response = await changesNothing(() => as(t, session).patch('/api/me', { name: 'x'.repeat(150_000) }));
    assertError(response, 413, 'BODY_TOO_LARGE', 'Forespørselen er for stor.');
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@example.no', password: 'p'.repeat(200_000) } });
    assertError(anonymous, 413, 'BODY_TOO_LARGE', 'Forespørselen er for stor.');
  });

  test('malformed JSON gets MALFORMED_JSON', async () => {
    assertError(await changesNothing(() => raw('PATCH', '/api/me', '{"name": "Ola"', 'application/json')), 400, 'MALFORMED_JSON', 'Forespørselen er ikke gyldig JSON.');
    assertError(await changesNothing(() => raw('PATCH', '/api/me', "{'name': 'Ola'}", 'application/json; charset=utf-8')), 400, 'MALFORMED_JSON', 'Forespørselen er ikke gyldig JSON.');
  });

  test('bytes that are not UTF-8 get INVALID_ENCODING instead of being stored mangled', async () => {
    const latin1 = Buffer.from('{"name":"Bjørn Ærø"}', 'latin1');
    assertError(await changesNothing(() => raw('PATCH', '/api/me', latin1, 'application/json')), 400, 'INVALID_ENCODING', 'Forespørselen er ikke gyldig UTF-8.');
    const garbage = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    assertError(await changesNothing(() => raw('PATCH', '/api/me', garbage, 'application/json')), 400, 'INVALID_ENCODING', 'Forespørselen er ikke gyldig UTF-8.');
    // The same letters in UTF-8 are fine.
    assert.equal((await raw('PATCH', '/api/me', Buffer.from('{"name":"Bjørn Ærø"}', 'utf8'), 'application/json')).statusCode, 204);
    assert.equal(json<{ user: { name: string } }>(await as(t, session).get('/api/me')).user.name, 'Bjørn Ærø');
  });

  test('a body that is not JSON gets 415', async () => {
    const message = commonError('UNSUPPORTED_MEDIA_TYPE').message;
    assertError(await changesNothing(() => raw('PATCH', '/api/me', 'name=Ola', 'application/x-www-form-urlencoded')), 415, 'UNSUPPORTED_MEDIA_TYPE', message);
    assertError(await changesNothing(() => raw('PATCH', '/api/me', '{"name":"Ola"}', 'text/plain')), 415, 'UNSUPPORTED_MEDIA_TYPE', message);
    assertError(await changesNothing(() => raw('PATCH', '/api/me', '<name>Ola</name>', 'application/xml')), 415, 'UNSUPPORTED_MEDIA_TYPE', message);
  });

  test('text that looks like SQL is stored verbatim and does no harm', async () => {
    for (const name of ["'; drop table users; --", 'Robert"); DELETE FROM memberships; --', "x' or '1'='1", '$$; truncate audit_events; $$']) {
      const before = await snapshot();
      assert.equal((await as(t, session).patch('/api/me', { name })).statusCode, 204);
      assert.equal(json<{ user: { name: string } }>(await as(t, session).get('/api/me')).user.name, name);
      const [stored] = await queryRows<{ name: string }>(t.database.owner, sql`select name from users where id = ${person.id}`);
      assert.equal(stored!.name, name);
      const afterwards = await snapshot();
      for (const table of ['users', 'memberships', 'invitations', 'organizations'] as const) assert.equal(afterwards[table], before[table], table);
      assert.equal(afterwards.audit_events, Number(before.audit_events) + 1, 'exactly one audit event for the one change');
    }
    const [tables] = await queryRows<{ users: string | null; memberships: string | null }>(
      t.database.owner,
      sql`select to_regclass('public.users')::text as users, to_regclass('public.memberships')::text as memberships`,
    );
    assert.deepEqual(tables, { users: 'users', memberships: 'memberships' });
    const filtered = await as(t, session).get(`/api/audit?entity=${encodeURIComponent("users' or '1'='1")}`);
    assert.equal(filtered.statusCode, 200);
    assert.deepEqual(json<{ items: unknown[] }>(filtered).items, []);
  });
});

describe('unknown routes and failures', () => {
  test('an unknown /api route gives 404 ROUTE_NOT_FOUND', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const response = await t.app.inject({ method, url: '/api/finnes-ikke/heller-ikke' });
      assertError(response, 404, 'ROUTE_NOT_FOUND', 'Denne adressen finnes ikke.');
    }
  });

  test('a 500 shows no internals: no message, no stack, only a request id to quote', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/test/boom' });
    const body = assertError(response, 500, 'INTERNAL', commonError('INTERNAL').message);
    assert.deepEqual(Object.keys(body).sort(), ['code', 'message', 'requestId']);
    for (const secret of ['HEMMELIG', 'hunter2', 'intern.ts', 'stack', 'Error:', '/srv/', 'node_modules']) {
      assert.ok(!response.body.includes(secret), `the response shows "${secret}": ${response.body}`);
    }
  });

  test('a database error shows no SQL, table names or driver messages', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/test/bad-sql' });
    assertError(response, 500, 'INTERNAL', commonError('INTERNAL').message);
    for (const secret of ['hemmelig_tabell', 'passord', 'select', 'relation', 'does not exist']) assert.ok(!response.body.toLowerCase().includes(secret), response.body);
  });

  test('a failure after a write rolls the write back', async () => {
    const response = await changesNothing(() => as(t, session).post('/api/test/write-then-fail'));
    assertError(response, 500, 'INTERNAL', commonError('INTERNAL').message);
    assert.ok(!response.body.includes('HEMMELIG'));
    const [stored] = await queryRows<{ name: string }>(t.database.owner, sql`select name from users where id = ${person.id}`);
    assert.notEqual(stored!.name, 'Skulle aldri blitt lagret');
  });
});

interface OpenApiOperation {
  summary?: string;
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, unknown>;
}

describe('operations', () => {
  test('GET /api/openapi.json is an OpenAPI 3 description of every route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200, response.body.slice(0, 500));
    const doc = json<{
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, OpenApiOperation>>;
      components?: { securitySchemes?: Record<string, unknown> };
    }>(response);
    assert.match(doc.openapi, /^3\.\d+\.\d+$/);
    assert.equal(doc.info.title, 'Samsvar API');
    assert.ok(doc.info.version);
    assert.ok(doc.components?.securitySchemes?.session);

    const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
    for (const [path, item] of Object.entries(doc.paths)) {
      assert.match(path, /^\/[^:]*$/, `path ${path} uses Express-style parameters`);
      for (const [method, operation] of Object.entries(item)) {
        if (!methods.has(method)) continue;
        assert.ok(operation.responses && Object.keys(operation.responses).length > 0, `${method} ${path} has no responses`);
        const declared = new Set((operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name));
        for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) assert.ok(declared.has(name!), `${method} ${path} does not declare {${name}}`);
      }
    }

    const routes = registeredRoutes.get(t.app)!;
    assert.ok(routes.length >= 20);
    for (const route of routes) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      assert.ok(operation, `${route.method} ${route.url} is missing from the OpenAPI description`);
      assert.equal(operation.summary, route.summary);
      if (route.body) assert.ok(operation.requestBody?.content?.['application/json']?.schema, `${route.method} ${route.url} has no request body schema`);
    }
    const registry = doc.paths['/api/registry/organizations']!.get!;
    assert.ok(registry.parameters?.some((p) => p.in === 'query' && p.name === 'q'));
    assert.ok(!Object.keys(doc.paths).some((p) => p.includes('finnes-ikke')));
  });

  test('GET /api/health reports the database kind and the migration version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(response.statusCode, 200, response.body);
    const latest = journal.entries.at(-1)!.tag;
    assert.deepEqual(json(response), {
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      migration: { version: latest, applied: journal.entries.length, expected: journal.entries.length },
    });
  });

  test('GET /api/health answers 503 while a migration is missing', async () => {
    const [removed] = await queryRows<{ id: number; hash: string; created_at: string | number }>(
      t.database.owner,
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations) returning id, hash, created_at`,
    );
    try {
      const response = await t.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(response.statusCode, 503);
      assert.equal(json(response).status, 'migrations_pending');
      assert.deepEqual(json<{ migration: unknown }>(response).migration, {
        version: journal.entries.at(-2)!.tag,
        applied: journal.entries.length - 1,
        expected: journal.entries.length,
      });
    } finally {
      await t.database.owner.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${removed!.id}, ${removed!.hash}, ${removed!.created_at})`,
      );
    }
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
  });
});
