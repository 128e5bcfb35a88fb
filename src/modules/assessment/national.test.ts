import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/sql';
import { enterOrganization, withOwner, withTenant } from '../../db/tenant';
import { createTestApp, json, type TestApp } from '../../test/app';
import { addMembership, as, buildOrganization, buildUser, nationalOrganization, openSession } from '../../test/factories';
import { MIN_ORGANIZATIONS, recomputeNational } from './national';
import { complianceSummaries, measureAssessments } from './schema';
import { loadLibraryFixture } from './test-support/library-fixture';

let t: TestApp;
const MFA = 'urn:samsvar:measure:mfa-all-users';
const NSM = 'urn:samsvar:framework:nsm';
const organizations: string[] = [];

async function answer(organizationId: string, status: 'implemented' | 'not_started', maturity: number) {
  await withOwner(t.database.owner, { organizationId: null, userId: null, requestId: 'test' }, async (tx) => {
    await enterOrganization(tx, organizationId);
    await tx.insert(measureAssessments).values({ organizationId, measureUrn: MFA, status, maturity });
  });
}

async function analyst() {
  const user = await buildUser(t.database);
  await addMembership(t.database, user.id, (await nationalOrganization(t.database)).id, ['analytiker']);
  return as(t, await openSession(t, user.id, (await nationalOrganization(t.database)).id));
}

interface NationalResponse {
  minOrganizations: number;
  frameworks: { frameworkUrn: string; organizations: number; met: number; averagePercentMet: number | null }[];
  measures: { measureUrn: string; organizations: number; implemented: number; notStarted: number; code: string }[];
}

before(async () => {
  t = await createTestApp();
  await loadLibraryFixture(t.database);
  for (let i = 0; i < 5; i++) organizations.push((await buildOrganization(t.database)).id);
});
after(() => t.close());

describe('national recomputation and anonymous aggregates', () => {
  test('below five organisations nothing is shown, not even to the national analyst', async () => {
    for (const [i, id] of organizations.slice(0, 4).entries()) await answer(id, i % 2 ? 'implemented' : 'not_started', i);
    const result = await recomputeNational(t.database.owner);
    assert.equal(result.organizations, 4);
    const api = await analyst();
    const body = json<NationalResponse>(await api.get('/api/national/compliance'));
    assert.equal(body.minOrganizations, MIN_ORGANIZATIONS);
    assert.deepEqual(body.frameworks, []);
    assert.deepEqual(body.measures, []);
  });

  test('from five organisations the aggregates appear, and only as aggregates', async () => {
    await answer(organizations[4]!, 'implemented', 4);
    const result = await recomputeNational(t.database.owner);
    assert.equal(result.organizations, 5);
    assert.equal(result.summaries, 5 * result.frameworks);
    const stored = await t.database.owner.select().from(complianceSummaries).where(eq(complianceSummaries.organizationId, organizations[4]!));
    assert.equal(stored.find((s) => s.frameworkUrn === NSM)?.met, 1);

    const body = json<NationalResponse>(await (await analyst()).get('/api/national/compliance'));
    const nsm = body.frameworks.find((f) => f.frameworkUrn === NSM)!;
    assert.equal(nsm.organizations, 5);
    assert.equal(nsm.met, 3);
    const mfa = body.measures.find((m) => m.measureUrn === MFA)!;
    assert.deepEqual([mfa.organizations, mfa.implemented, mfa.notStarted, mfa.code], [5, 3, 2, 'TIL-01']);
    for (const id of organizations) assert.ok(!JSON.stringify(body).includes(id), 'no organisation id in the national figures');
  });

  test('the database will not give figures over fewer than five, whatever the caller asks', async () => {
    const lonely = 'urn:samsvar:measure:backup-protection';
    await withOwner(t.database.owner, { organizationId: null, userId: null, requestId: 'test' }, async (tx) => {
      await enterOrganization(tx, organizations[0]!);
      await tx.insert(measureAssessments).values({ organizationId: organizations[0]!, measureUrn: lonely, status: 'implemented' });
    });
    const rows = await withTenant(t.database.app, { organizationId: null, userId: null, requestId: 'test' }, (tx) =>
      queryRows<{ measure_urn: string; organizations: number }>(tx, sql`select * from national_measure_status(1)`),
    );
    assert.ok(rows.some((r) => r.measure_urn === MFA));
    assert.ok(!rows.some((r) => r.measure_urn === lonely), 'a measure answered by one organisation is not shown');
  });

  test('a municipal role cannot read the national figures or start a recomputation', async () => {
    const user = await buildUser(t.database);
    await addMembership(t.database, user.id, organizations[0]!, ['administrator']);
    const api = as(t, await openSession(t, user.id, organizations[0]!));
    assert.equal((await api.get('/api/national/compliance')).statusCode, 403);
    assert.equal((await api.post('/api/national/compliance/recompute')).statusCode, 403);
  });
});
