import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { auditOptions, notAudited } from '../../db/audit-tables';
import { queryRows } from '../../db/sql';
import { withTenant } from '../../db/tenant';
import { createTestApp, json, type TestApp } from '../../test/app';
import { addMembership, as, buildOrganization, buildUser, openSession, type Session } from '../../test/factories';
import { verifyAuditTrail, type AuditProblem } from './verify';

let t: TestApp;

interface Tenant {
  organizationId: string;
  adminId: string;
  session: Session;
}

async function tenantWithAdmin(): Promise<Tenant> {
  const organization = await buildOrganization(t.database);
  const admin = await buildUser(t.database, { name: 'Revisor Admin' });
  await addMembership(t.database, admin.id, organization.id, ['administrator']);
  return { organizationId: organization.id, adminId: admin.id, session: await openSession(t, admin.id, organization.id) };
}

let a: Tenant;
let b: Tenant;

before(async () => {
  t = await createTestApp();
  a = await tenantWithAdmin();
  b = await tenantWithAdmin();
});
after(() => t.close());

interface AuditItem {
  id: number;
  seq: number;
  actor: { id: string; name: string | null; email: string | null } | null;
  entity: string;
  entityId: string | null;
  action: string;
  changedFields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

async function auditOf(session: Session, query = 'limit=200'): Promise<AuditItem[]> {
  const response = await as(t, session).get(`/api/audit?${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return json<{ items: AuditItem[] }>(response).items;
}

const setDpo = (session: Session, dpoContact: string) => as(t, session).patch('/api/organization/settings', { dpoContact });

describe('what a write leaves behind', () => {
  test('a change through the API records actor, organisation, entity, action, before/after and the request id', async () => {
    const response = await setDpo(a.session, 'Ola Ombud, personvern@example.no');
    assert.equal(response.statusCode, 200, response.body);
    const requestId = String(response.headers['x-request-id']);
    assert.match(requestId, /^[0-9a-f-]{36}$/);

    const items = (await auditOf(a.session, 'entity=organizations&limit=200')).filter((i) => i.requestId === requestId);
    assert.equal(items.length, 1, 'one event for one changed row');
    const event = items[0]!;
    assert.equal(event.entity, 'organizations');
    assert.equal(event.entityId, a.organizationId);
    assert.equal(event.action, 'update');
    assert.equal(event.actor?.id, a.adminId);
    assert.equal(event.actor?.name, 'Revisor Admin');
    assert.equal(event.before?.dpo_contact, null);
    assert.equal(event.after?.dpo_contact, 'Ola Ombud, personvern@example.no');
    assert.ok(event.changedFields.includes('dpo_contact'));
    assert.ok(!event.changedFields.includes('name'));

    const [stored] = await queryRows<{ organization_id: string; actor_user_id: string; request_id: string; chain_key: string }>(
      t.database.owner,
      sql`select organization_id, actor_user_id, request_id, chain_key from audit_events where id = ${event.id}`,
    );
    assert.deepEqual(stored, { organization_id: a.organizationId, actor_user_id: a.adminId, request_id: requestId, chain_key: a.organizationId });
  });

  test('every row a request changes carries that request id, and secrets are redacted', async () => {
    const response = await as(t, a.session).post('/api/invitations', { email: `revisjon-${randomUUID().slice(0, 8)}@example.no`, role: 'leser' });
    assert.equal(response.statusCode, 201, response.body);
    const requestId = String(response.headers['x-request-id']);
    const events = (await auditOf(a.session)).filter((i) => i.requestId === requestId);
    const created = events.find((e) => e.entity === 'invitations' && e.action === 'insert');
    assert.ok(created, `no invitation event among ${JSON.stringify(events)}`);
    assert.equal(created.entityId, json<{ invitation: { id: string } }>(response).invitation.id);
    assert.equal(created.actor?.id, a.adminId);
    assert.equal(created.after?.token_hash, '[skjult]');
    assert.equal(created.before, null);

    const person = await buildUser(t.database);
    await addMembership(t.database, person.id, a.organizationId, ['leser']);
    const change = await as(t, a.session).put(`/api/members/${person.id}/roles`, { roles: ['bidragsyter'] });
    assert.equal(change.statusCode, 204);
    const changeId = String(change.headers['x-request-id']);
    const membershipEvents = (await auditOf(a.session, 'entity=memberships&limit=200')).filter((i) => i.requestId === changeId);
    assert.deepEqual(membershipEvents.map((e) => e.action).sort(), ['delete', 'insert']);
    assert.equal(membershipEvents.find((e) => e.action === 'delete')?.before?.role, 'leser');
    assert.equal(membershipEvents.find((e) => e.action === 'insert')?.after?.role, 'bidragsyter');
  });

  test('GET /api/audit shows only the organisation’s own events', async () => {
    const response = await setDpo(b.session, 'Kari Ombud i B');
    assert.equal(response.statusCode, 200);
    const bRequest = String(response.headers['x-request-id']);
    await setDpo(a.session, 'Ny kontakt i A');

    const seenByA = await auditOf(a.session);
    assert.ok(seenByA.length > 0);
    assert.ok(!seenByA.some((i) => i.requestId === bRequest), 'B’s change is listed for A');
    assert.ok(!seenByA.some((i) => i.entityId === b.organizationId || JSON.stringify(i).includes('Kari Ombud i B')));
    const ownIds = await queryRows<{ id: string | number }>(t.database.owner, sql`select id from audit_events where organization_id = ${a.organizationId}`);
    const own = new Set(ownIds.map((r) => Number(r.id)));
    assert.ok(seenByA.every((i) => own.has(i.id)), 'A sees an event that is not A’s');
    assert.equal(seenByA.length, Math.min(own.size, 200));

    assert.ok((await auditOf(b.session)).some((i) => i.requestId === bRequest));
  });

  test('only administrators read the audit trail', async () => {
    const reader = await buildUser(t.database);
    await addMembership(t.database, reader.id, a.organizationId, ['leser', 'personvernombud']);
    const response = await as(t, await openSession(t, reader.id, a.organizationId)).get('/api/audit');
    assert.equal(response.statusCode, 403);
    assert.equal(json(response).code, 'FORBIDDEN');
  });
});

/** An organisation whose chain has `writes` + 1 events (its creation, then one settings change each). */
async function chainWithEvents(writes: number): Promise<{ chainKey: string; rows: { id: number; seq: number }[] }> {
  const tenant = await tenantWithAdmin();
  for (let i = 0; i < writes; i++) assert.equal((await setDpo(tenant.session, `kontakt ${i}`)).statusCode, 200);
  const rows = await queryRows<{ id: string | number; seq: string | number }>(
    t.database.owner,
    sql`select id, seq from audit_events where chain_key = ${tenant.organizationId} order by seq`,
  );
  assert.ok(rows.length >= writes + 1);
  return { chainKey: tenant.organizationId, rows: rows.map((r) => ({ id: Number(r.id), seq: Number(r.seq) })) };
}

const problemsOf = (problems: AuditProblem[], chainKey: string) => problems.filter((p) => p.chainKey === chainKey);

describe('tamper detection (verifyAuditTrail)', () => {
  const tampered = new Set<string>();
  const assertOnlyTamperedChains = (problems: AuditProblem[]) => {
    for (const p of problems) assert.ok(tampered.has(p.chainKey), `a chain nobody touched is reported: ${JSON.stringify(p)}`);
  };

  test('a clean database verifies', async () => {
    const result = await verifyAuditTrail(t.database.owner);
    assert.deepEqual(result.problems, []);
    assert.ok(result.chains >= 3, `${result.chains} chains`);
    const [count] = await queryRows<{ n: string | number }>(t.database.owner, sql`select count(*) as n from audit_events`);
    assert.equal(result.events, Number(count!.n));
  });

  test('an event altered afterwards is reported as changed, and verifies again once restored', async () => {
    const { chainKey, rows } = await chainWithEvents(3);
    const target = rows[2]!;
    const [original] = await queryRows<{ after: unknown }>(t.database.owner, sql`select after from audit_events where id = ${target.id}`);
    tampered.add(chainKey);
    await t.database.owner.execute(sql`update audit_events set after = jsonb_set(after, '{dpo_contact}', '"forfalsket"') where id = ${target.id}`);
    const result = await verifyAuditTrail(t.database.owner);
    const problems = problemsOf(result.problems, chainKey);
    assert.deepEqual(problems.map((p) => [p.problem, p.seq]), [['changed', target.seq]]);
    assert.match(problems[0]!.message, /endret/);
    assertOnlyTamperedChains(result.problems);

    await t.database.owner.execute(sql`update audit_events set after = ${JSON.stringify(original!.after)}::jsonb where id = ${target.id}`);
    assert.deepEqual(problemsOf((await verifyAuditTrail(t.database.owner)).problems, chainKey), []);
    tampered.delete(chainKey);
  });

  test('a changed actor or time is detected too', async () => {
    const { chainKey, rows } = await chainWithEvents(2);
    tampered.add(chainKey);
    // The last two events are the settings changes made through the API, with the administrator as actor.
    const [byActor, byTime] = rows.slice(-2);
    await t.database.owner.execute(sql`update audit_events set actor_user_id = null where id = ${byActor!.id} and actor_user_id is not null`);
    await t.database.owner.execute(sql`update audit_events set occurred_at = occurred_at - interval '1 day' where id = ${byTime!.id}`);
    const problems = problemsOf((await verifyAuditTrail(t.database.owner)).problems, chainKey);
    assert.deepEqual(problems.map((p) => [p.problem, p.seq]), [
      ['changed', byActor!.seq],
      ['changed', byTime!.seq],
    ]);
  });

  test('a deleted event in the middle is reported as missing', async () => {
    const { chainKey, rows } = await chainWithEvents(4);
    const middle = rows[2]!;
    tampered.add(chainKey);
    await t.database.owner.execute(sql`delete from audit_events where id = ${middle.id}`);
    const result = await verifyAuditTrail(t.database.owner);
    const problems = problemsOf(result.problems, chainKey);
    assert.deepEqual(problems.map((p) => [p.problem, p.seq]), [['missing', middle.seq]]);
    assertOnlyTamperedChains(result.problems);
  });

  test('a deletion hidden by renumbering the later events is reported as a broken link', async () => {
    const { chainKey, rows } = await chainWithEvents(4);
    const middle = rows[2]!;
    tampered.add(chainKey);
    await t.database.owner.execute(sql`delete from audit_events where id = ${middle.id}`);
    await t.database.owner.execute(sql`update audit_events set seq = -seq where chain_key = ${chainKey} and seq > ${middle.seq}`);
    await t.database.owner.execute(sql`update audit_events set seq = -seq - 1 where chain_key = ${chainKey} and seq < 0`);
    const problems = problemsOf((await verifyAuditTrail(t.database.owner)).problems, chainKey);
    assert.ok(
      problems.some((p) => p.problem === 'broken_link' && p.seq === middle.seq),
      JSON.stringify(problems),
    );
    assert.ok(!problems.some((p) => p.problem === 'missing'));
  });

  test('deleting the newest events is reported as truncated', async () => {
    const { chainKey, rows } = await chainWithEvents(4);
    const keep = rows.length - 2;
    tampered.add(chainKey);
    await t.database.owner.execute(sql`delete from audit_events where chain_key = ${chainKey} and seq > ${rows[keep - 1]!.seq}`);
    const result = await verifyAuditTrail(t.database.owner);
    const problems = problemsOf(result.problems, chainKey);
    assert.deepEqual(problems.map((p) => [p.problem, p.seq]), [['truncated', rows[keep]!.seq]]);
    assert.match(problems[0]!.message, new RegExp(`${rows.length} hendelser, men har ${keep}`));
    assertOnlyTamperedChains(result.problems);
  });

  test('deleting a whole chain is reported as truncated as well', async () => {
    const { chainKey, rows } = await chainWithEvents(1);
    tampered.add(chainKey);
    await t.database.owner.execute(sql`delete from audit_events where chain_key = ${chainKey}`);
    const problems = problemsOf((await verifyAuditTrail(t.database.owner)).problems, chainKey);
    assert.deepEqual(problems.map((p) => [p.problem, p.seq]), [['truncated', rows[0]!.seq]]);
  });
});

/** The SQLSTATE of a failed query, whether or not the driver error is wrapped by drizzle. */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = e.cause?.code ?? e.code;
  return typeof code === 'string' ? code : undefined;
}

describe('the application role and the audit tables', () => {
  const asApp = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(t.database.app, { organizationId: a.organizationId, userId: a.adminId, requestId: `test-${randomUUID()}` }, work);

  const refused = async (statement: ReturnType<typeof sql>) => {
    await assert.rejects(
      asApp((tx) => tx.execute(statement)),
      (error: unknown) => {
        assert.equal(sqlState(error), '42501', `expected permission denied, got ${String((error as { cause?: unknown }).cause ?? error)}`);
        return true;
      },
    );
  };

  test('it may read its own organisation’s events, and no others', async () => {
    const rows = await asApp((tx) =>
      queryRows<{ own: string | number; other: string | number }>(
        tx,
        sql`select count(*) filter (where organization_id = ${a.organizationId}) as own, count(*) filter (where organization_id is distinct from ${a.organizationId}) as other from audit_events`,
      ),
    );
    assert.ok(Number(rows[0]!.own) > 0);
    assert.equal(Number(rows[0]!.other), 0);
  });

  test('it cannot insert, update, delete or truncate audit events', async () => {
    await refused(
      sql`insert into audit_events (chain_key, seq, organization_id, occurred_at, entity, action, prev_hash, hash)
          values (${a.organizationId}, 999999, ${a.organizationId}, now(), 'forfalskning', 'insert', 'x', 'y')`,
    );
    await refused(sql`update audit_events set action = 'skjult' where organization_id = ${a.organizationId}`);
    await refused(sql`delete from audit_events where organization_id = ${a.organizationId}`);
    await refused(sql`truncate audit_events`);
  });

  test('it cannot read or write the chain heads, nor append to a chain directly', async () => {
    await refused(sql`select * from audit_chain_heads`);
    await refused(sql`update audit_chain_heads set seq = 0`);
    await refused(sql`select audit_append(${a.organizationId}::uuid, 'forfalskning', null, 'insert', null, null)`);
    assert.deepEqual((await verifyAuditTrail(t.database.owner)).problems.filter((p) => p.chainKey === a.organizationId), []);
  });
});

interface TriggerRow {
  table_name: string;
  has_org: boolean;
  trigger_def: string | null;
  tgtype: number | null;
}

async function auditTriggers(): Promise<TriggerRow[]> {
  return queryRows<TriggerRow>(
    t.database.owner,
    sql`select c.relname as table_name,
               exists (select 1 from pg_attribute at where at.attrelid = c.oid and at.attname = 'organization_id' and not at.attisdropped) as has_org,
               pg_get_triggerdef(tg.oid) as trigger_def,
               tg.tgtype::int as tgtype
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_trigger tg on tg.tgrelid = c.oid and not tg.tgisinternal and tg.tgenabled <> 'D' and tg.tgfoid = 'public.audit_row'::regproc
        where n.nspname = 'public' and c.relkind in ('r', 'p')
        order by c.relname`,
  );
}

const unaudited = (rows: TriggerRow[]) => rows.filter((r) => !r.trigger_def && !notAudited.has(r.table_name)).map((r) => r.table_name);

describe('audit coverage', () => {
  test('every table has the audit trigger except those listed as not audited', async () => {
    const rows = await auditTriggers();
    const tables = new Set(rows.map((r) => r.table_name));
    assert.ok(tables.size >= 8, [...tables].join(','));
    assert.deepEqual(unaudited(rows), []);
    for (const name of notAudited) {
      assert.ok(tables.has(name), `notAudited lists ${name}, which is no table`);
      assert.ok(!rows.some((r) => r.table_name === name && r.trigger_def), `${name} is audited although listed as not audited`);
    }
    for (const row of rows.filter((r) => r.trigger_def)) {
      // ROW (1), AFTER (no BEFORE bit 2), INSERT (4) + DELETE (8) + UPDATE (16).
      assert.equal(row.tgtype! & 0b11111, 0b11101, `${row.table_name}: the trigger must fire after each row is inserted, updated or deleted`);
      const organizationColumn = auditOptions[row.table_name]?.organizationColumn ?? (row.has_org ? 'organization_id' : '-');
      assert.match(row.trigger_def!, new RegExp(`audit_row\\('${organizationColumn}'`), `${row.table_name} is chained to the wrong organisation column`);
      for (const column of auditOptions[row.table_name]?.redact ?? []) assert.ok(row.trigger_def!.includes(`'${column}'`), `${row.table_name}.${column} is not redacted`);
    }
    assert.ok(rows.filter((r) => r.has_org).length >= 2, 'tenant tables are among those checked');
  });

  test('the coverage check catches a table created without the trigger', async () => {
    await t.database.owner.execute(sql`create table uten_revisjon (id uuid primary key, organization_id uuid not null)`);
    try {
      assert.deepEqual(unaudited(await auditTriggers()), ['uten_revisjon']);
    } finally {
      await t.database.owner.execute(sql`drop table uten_revisjon`);
    }
    assert.deepEqual(unaudited(await auditTriggers()), []);
  });
});
