import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { enterOrganization, withOwner, withTenant } from '../../db/tenant';
import { createTestApp, type TestApp } from '../../test/app';
import { buildOrganization } from '../../test/factories';
import { frameworks } from '../library/schema';
import { pinVersionsInUse } from '../library/versions';
import { frameworksInUse, frameworkVersionFor } from './framework-version';
import { organizationFrameworkVersions } from './schema';
import { loadLibraryFixture } from './test-support/library-fixture';

let t: TestApp;
const NSM = 'urn:samsvar:framework:nsm';
before(async () => {
  t = await createTestApp();
  await loadLibraryFixture(t.database);
});
after(() => t.close());

test('an organisation uses the version it adopted, everyone else the newest', async () => {
  const owner = <T>(work: Parameters<typeof withOwner<T>>[2]) => withOwner(t.database.owner, { organizationId: null, userId: null, requestId: 'test' }, work);
  const [v1] = await t.database.owner.select().from(frameworks).where(eq(frameworks.urn, NSM));
  await owner((tx) => tx.insert(frameworks).values({ ...v1!, id: undefined, version: 2, createdAt: undefined, updatedAt: undefined }));
  const stayed = await buildOrganization(t.database);
  const moved = await buildOrganization(t.database);
  await owner(async (tx) => {
    await enterOrganization(tx, stayed.id);
    await tx.insert(organizationFrameworkVersions).values({ organizationId: stayed.id, frameworkUrn: NSM, version: 1 });
  });
  const inTenant = <T>(organizationId: string, work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.database.app, { organizationId, userId: null, requestId: 'test' }, work);
  assert.equal((await inTenant(stayed.id, (tx) => frameworkVersionFor(tx, stayed.id, NSM)))?.version, 1);
  assert.equal((await inTenant(moved.id, (tx) => frameworkVersionFor(tx, moved.id, NSM)))?.version, 2);
  const stayedAll = await inTenant(stayed.id, (tx) => frameworksInUse(tx, stayed.id));
  const movedAll = await inTenant(moved.id, (tx) => frameworksInUse(tx, moved.id));
  assert.equal(stayedAll.length, 7);
  assert.equal(stayedAll.find((f) => f.urn === NSM)?.version, 1);
  assert.equal(movedAll.find((f) => f.urn === NSM)?.version, 2);
  assert.equal(await inTenant(moved.id, (tx) => frameworkVersionFor(tx, moved.id, 'urn:samsvar:framework:finnes-ikke')), null);
});

test('an organisation that starts answering keeps its versions when a new one is published', async () => {
  const owner = <T>(work: Parameters<typeof withOwner<T>>[2]) => withOwner(t.database.owner, { organizationId: null, userId: null, requestId: 'test' }, work);
  const organization = await buildOrganization(t.database);
  const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.database.app, { organizationId: organization.id, userId: null, requestId: 'test' }, work);
  const before = (await inTenant((tx) => frameworkVersionFor(tx, organization.id, NSM)))!.version;
  await inTenant((tx) => pinVersionsInUse(tx, organization.id, null));
  const [newest] = await t.database.owner.select().from(frameworks).where(eq(frameworks.urn, NSM)).orderBy(desc(frameworks.version)).limit(1);
  await owner((tx) => tx.insert(frameworks).values({ ...newest!, id: undefined, version: newest!.version + 1, createdAt: undefined, updatedAt: undefined }));
  assert.equal((await inTenant((tx) => frameworkVersionFor(tx, organization.id, NSM)))!.version, before);
  const pinned = await t.database.owner.select().from(organizationFrameworkVersions).where(eq(organizationFrameworkVersions.organizationId, organization.id));
  assert.equal(pinned.length, 7, 'every framework (not the vendor questionnaire) is pinned');
});
