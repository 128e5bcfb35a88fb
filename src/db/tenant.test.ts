import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { invitations, memberships } from '../modules/users/schema';
import { createTestApp, type TestApp } from '../test/app';
import { addMembership, buildOrganization, buildUser } from '../test/factories';
import type { Database } from './connection';
import { queryRows } from './sql';
import { enterOrganization, withOwner, withTenant, type Tx, type WorkContext } from './tenant';

/**
 * Row-level security below the application: whatever a query asks for, a transaction opened for
 * organisation A sees and writes only A's rows. On PostgreSQL the app connects as a login role without
 * BYPASSRLS; on PGlite the switch to the application role makes RLS apply all the same.
 */
let t: TestApp;
let db: Database;

interface Org {
  id: string;
  memberId: string;
  membershipId: string;
  invitationId: string;
}

async function organizationWithData(label: string): Promise<Org> {
  const organization = await buildOrganization(db);
  const member = await buildUser(db, { name: `Medlem ${label}` });
  await addMembership(db, member.id, organization.id, ['leser']);
  const [membership] = await db.owner.select().from(memberships).where(eq(memberships.userId, member.id));
  const invitation = await withOwner(db.owner, { organizationId: null, userId: null, requestId: 'tenant-test' }, async (tx) => {
    await enterOrganization(tx, organization.id);
    const [row] = await tx
      .insert(invitations)
      .values({ organizationId: organization.id, email: `invitert-${label}@example.no`, role: 'leser', tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) })
      .returning();
    return row!;
  });
  return { id: organization.id, memberId: member.id, membershipId: membership!.id, invitationId: invitation.id };
}

let a: Org;
let b: Org;
/** A person with a membership in both A and B. */
let both: string;

before(async () => {
  t = await createTestApp();
  db = t.database;
  a = await organizationWithData('a');
  b = await organizationWithData('b');
  both = (await buildUser(db)).id;
  await addMembership(db, both, a.id, ['administrator']);
  await addMembership(db, both, b.id, ['personvernombud']);
});
after(() => t.close());

const inA = <T>(work: (tx: Tx) => Promise<T>, context: Partial<WorkContext> = {}) =>
  withTenant(db.app, { organizationId: a.id, userId: null, requestId: `tenant-${randomUUID()}`, ...context }, work);

/** What the owner (no RLS) sees, to check that a refused write really left the row alone. */
const ownerRow = async (table: 'invitations' | 'memberships', id: string) =>
  (await queryRows<{ organization_id: string; email?: string; role?: string }>(db.owner, sql`select * from ${sql.identifier(table)} where id = ${id}`))[0];

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = e.cause?.code ?? e.code;
  return typeof code === 'string' ? code : undefined;
}

/** "new row violates row-level security policy" (42501). */
const rlsRefusal = (error: unknown) => {
  assert.equal(sqlState(error), '42501', String((error as { cause?: unknown }).cause ?? error));
  assert.match(String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message), /row-level security/);
  return true;
};

describe('the tenant transaction', () => {
  test('runs as the application role with the organisation, person and request set', async () => {
    const requestId = `tenant-${randomUUID()}`;
    const [row] = await withTenant(db.app, { organizationId: a.id, userId: both, requestId }, (tx) =>
      queryRows<{ role: string; org: string; user_id: string; request: string; bypass: boolean }>(
        tx,
        sql`select current_user as role, current_setting('app.organization_id') as org, current_setting('app.user_id') as user_id,
                   current_setting('app.request_id') as request, (select rolbypassrls or rolsuper from pg_roles where rolname = current_user) as bypass`,
      ),
    );
    assert.deepEqual(row, { role: 'samsvar_app', org: a.id, user_id: both, request: requestId, bypass: false });
  });

  test('the settings do not outlive the transaction', async () => {
    await inA(async () => undefined);
    const [row] = await queryRows<{ org: string | null; role: string }>(db.app, sql`select nullif(current_setting('app.organization_id', true), '') as org, current_user as role`);
    assert.equal(row!.org, null);
    assert.notEqual(row!.role, 'samsvar_app');
  });
});

describe('reading', () => {
  test('organisation A sees its own invitations and memberships, and none of B’s', async () => {
    const seen = await inA(async (tx) => ({
      invitations: await tx.select().from(invitations),
      memberships: await tx.select().from(memberships),
    }));
    assert.ok(seen.invitations.some((i) => i.id === a.invitationId));
    assert.ok(seen.memberships.some((m) => m.id === a.membershipId));
    assert.ok(seen.invitations.every((i) => i.organizationId === a.id), 'an invitation of another organisation is visible');
    assert.ok(seen.memberships.every((m) => m.organizationId === a.id), 'a membership of another organisation is visible');
  });

  test('asking for B’s rows by id or by organisation finds nothing', async () => {
    const found = await inA(async (tx) => ({
      byId: await tx.select().from(invitations).where(eq(invitations.id, b.invitationId)),
      byOrganization: await tx.select().from(memberships).where(eq(memberships.organizationId, b.id)),
      counted: await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from invitations where organization_id = ${b.id}`),
    }));
    assert.deepEqual(found.byId, []);
    assert.deepEqual(found.byOrganization, []);
    assert.equal(found.counted[0]!.n, 0);
  });

  test('a person sees their own memberships everywhere (to switch), but not their colleagues’ in B', async () => {
    const seen = await inA((tx) => tx.select().from(memberships).where(eq(memberships.organizationId, b.id)), { userId: both });
    assert.deepEqual(seen.map((m) => m.userId), [both]);
    const invitationsOfB = await inA((tx) => tx.select().from(invitations).where(eq(invitations.organizationId, b.id)), { userId: both });
    assert.deepEqual(invitationsOfB, []);
  });

  test('without an organisation, no tenant rows are visible', async () => {
    const seen = await withTenant(db.app, { organizationId: null, userId: null, requestId: 'tenant-none' }, async (tx) => ({
      invitations: await tx.select().from(invitations),
      memberships: await tx.select().from(memberships),
    }));
    assert.deepEqual(seen, { invitations: [], memberships: [] });
  });
});

describe('writing', () => {
  test('inserting a row for B is refused', async () => {
    await assert.rejects(
      inA((tx) =>
        tx.insert(invitations).values({ organizationId: b.id, email: 'inntrenger@example.no', role: 'administrator', tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) }),
      ),
      rlsRefusal,
    );
    await assert.rejects(inA((tx) => tx.insert(memberships).values({ organizationId: b.id, userId: a.memberId, role: 'administrator' })), rlsRefusal);
    const [count] = await queryRows<{ n: number }>(db.owner, sql`select count(*)::int as n from memberships where organization_id = ${b.id} and user_id = ${a.memberId}`);
    assert.equal(count!.n, 0);
    // The same inserts for A itself are allowed (the refusal is about the organisation, not the table).
    await inA((tx) => tx.insert(memberships).values({ organizationId: a.id, userId: a.memberId, role: 'bidragsyter' }));
  });

  test('moving a row of A over to B is refused', async () => {
    await assert.rejects(inA((tx) => tx.update(invitations).set({ organizationId: b.id }).where(eq(invitations.id, a.invitationId))), rlsRefusal);
    await assert.rejects(inA((tx) => tx.update(memberships).set({ organizationId: b.id }).where(eq(memberships.id, a.membershipId))), rlsRefusal);
    assert.equal((await ownerRow('invitations', a.invitationId))!.organization_id, a.id);
    assert.equal((await ownerRow('memberships', a.membershipId))!.organization_id, a.id);
  });

  test('updating or deleting B’s rows touches nothing', async () => {
    const result = await inA(async (tx) => ({
      updatedInvitations: await tx.update(invitations).set({ email: 'kapret@example.no' }).where(eq(invitations.id, b.invitationId)).returning(),
      updatedMemberships: await tx.update(memberships).set({ role: 'administrator' }).where(eq(memberships.organizationId, b.id)).returning(),
      deletedInvitations: await tx.delete(invitations).where(inArray(invitations.organizationId, [a.id, b.id])).returning({ organizationId: invitations.organizationId }),
      deletedMemberships: await tx.delete(memberships).where(eq(memberships.id, b.membershipId)).returning(),
    }));
    assert.deepEqual(result.updatedInvitations, []);
    assert.deepEqual(result.updatedMemberships, []);
    assert.deepEqual(result.deletedMemberships, []);
    assert.ok(result.deletedInvitations.some((row) => row.organizationId === a.id), 'A’s own invitation could not be deleted');
    assert.ok(result.deletedInvitations.every((row) => row.organizationId === a.id));
    assert.equal((await ownerRow('invitations', b.invitationId))?.email, 'invitert-b@example.no');
    assert.equal((await ownerRow('memberships', b.membershipId))?.role, 'leser');
  });

  test('a person cannot write their own membership in B from A, although they can see it', async () => {
    const updated = await inA((tx) => tx.update(memberships).set({ role: 'administrator' }).where(and(eq(memberships.userId, both), eq(memberships.organizationId, b.id))).returning(), { userId: both });
    assert.deepEqual(updated, []);
    await assert.rejects(inA((tx) => tx.insert(memberships).values({ organizationId: b.id, userId: both, role: 'administrator' }), { userId: both }), rlsRefusal);
    const roles = await queryRows<{ role: string }>(db.owner, sql`select role from memberships where organization_id = ${b.id} and user_id = ${both}`);
    assert.deepEqual(roles.map((r) => r.role), ['personvernombud']);
  });
});

describe('coverage', () => {
  test('every table with an organization_id has row-level security tied to the active organisation', async () => {
    const rows = await queryRows<{ table_name: string; rls: boolean; forced: boolean; policies: string | null }>(
      db.owner,
      sql`select c.relname as table_name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
                 (select string_agg(coalesce(p.qual, '') || ' ' || coalesce(p.with_check, ''), ' | ')
                    from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname and 'samsvar_app' = any(p.roles)) as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p')
            and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped)
          order by c.relname`,
    );
    const tables = rows.map((r) => r.table_name);
    for (const expected of ['invitations', 'memberships', 'audit_events']) assert.ok(tables.includes(expected), `${expected} was not checked`);
    for (const row of rows) {
      assert.ok(row.rls, `${row.table_name} has organization_id but row-level security is off`);
      assert.match(row.policies ?? '', /app\.organization_id/, `${row.table_name} has no policy on the active organisation for samsvar_app`);
    }
  });
});

describe('national content', () => {
  const vendorCount = async (name: string) =>
    (await queryRows<{ n: number }>(db.owner, sql`select count(*)::int as n from vendors where name = ${name}`))[0]!.n;

  test('every organisation reads it; only a national content transaction writes it', async () => {
    const name = `Leverandør ${randomUUID()}`;
    await assert.rejects(inA((tx) => tx.execute(sql`insert into vendors (name) values (${name})`)), rlsRefusal);
    assert.equal(await vendorCount(name), 0);

    await inA((tx) => tx.execute(sql`insert into vendors (name) values (${name})`), { organizationId: null, nationalWriter: true });
    assert.equal(await vendorCount(name), 1);

    const read = await inA((tx) => queryRows<{ name: string }>(tx, sql`select name from vendors where name = ${name}`));
    assert.deepEqual(read, [{ name }]);
    const changed = await inA((tx) => queryRows<{ id: string }>(tx, sql`update vendors set name = 'Kapret' where name = ${name} returning id`));
    const removed = await inA((tx) => queryRows<{ id: string }>(tx, sql`delete from vendors where name = ${name} returning id`));
    assert.deepEqual([changed, removed], [[], []]);
    assert.equal(await vendorCount(name), 1);

    const renamed = `${name} AS`;
    await inA((tx) => tx.execute(sql`update vendors set name = ${renamed} where name = ${name}`), { nationalWriter: true });
    assert.equal(await vendorCount(renamed), 1);
  });
});

describe('the organisation registry', () => {
  const organizationRow = async (id: string) =>
    (await queryRows<{ name: string; dpo_contact: string | null }>(db.owner, sql`select name, dpo_contact from organizations where id = ${id}`))[0]!;

  test('an organisation changes its own settings, not another organisation’s', async () => {
    const changed = await inA((tx) => queryRows<{ id: string }>(tx, sql`update organizations set dpo_contact = 'A sitt ombud' where id in (${a.id}, ${b.id}) returning id`));
    assert.deepEqual(changed.map((r) => r.id), [a.id]);
    assert.equal((await organizationRow(a.id)).dpo_contact, 'A sitt ombud');
    assert.notEqual((await organizationRow(b.id)).dpo_contact, 'A sitt ombud');
  });

  test('registry facts cannot be changed by the application, not even for its own organisation', async () => {
    const before = await organizationRow(a.id);
    await assert.rejects(
      inA((tx) => tx.execute(sql`update organizations set name = 'Omdøpt' where id = ${a.id}`)),
      (error: unknown) => sqlState(error) === '42501',
    );
    assert.equal((await organizationRow(a.id)).name, before.name);
  });

  test('only a national content transaction registers organisations', async () => {
    const name = `Samarbeid ${randomUUID()}`;
    await assert.rejects(inA((tx) => tx.execute(sql`insert into organizations (kind, name) values ('cooperation', ${name})`)), rlsRefusal);
    await inA((tx) => tx.execute(sql`insert into organizations (kind, name) values ('cooperation', ${name})`), { nationalWriter: true });
    const [row] = await queryRows<{ n: number }>(db.owner, sql`select count(*)::int as n from organizations where name = ${name}`);
    assert.equal(row!.n, 1);
  });
});
