import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { withOwner } from '../../db/tenant';
import { createTestApp, TEST_SECRET, type TestApp } from '../../test/app';
import { actions, complianceSummaries, measureAssessments } from './schema';
import { seedDemoAssessments } from './demo';
import { seedDemoUsers } from '../users/demo';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const owner = <T>(work: Parameters<typeof withOwner<T>>[2]) => withOwner(t.database.owner, { organizationId: null, userId: null, requestId: 'test' }, work);

test('the demo self-assessment fills Gran and Vinje once', async () => {
  await owner((tx) => seedDemoUsers(tx, TEST_SECRET));
  assert.deepEqual(await owner((tx) => seedDemoAssessments(tx)), { organizations: 2 });
  assert.deepEqual(await owner((tx) => seedDemoAssessments(tx)), { organizations: 0 });
  const [assessed] = await t.database.owner.select({ n: count() }).from(measureAssessments);
  assert.equal(Number(assessed!.n), 2 * 129);
  const [planned] = await t.database.owner.select({ n: count() }).from(actions).where(eq(actions.sourceType, 'gap'));
  assert.ok(Number(planned!.n) > 20);
  const [summaries] = await t.database.owner.select({ n: count() }).from(complianceSummaries);
  assert.equal(Number(summaries!.n), 2 * 7);
});
