import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/sql';
import { withOwner, withTenant, type Tx } from '../../db/tenant';
import { contentDir } from '../../paths';
import { createTestApp, type TestApp } from '../../test/app';
import { buildOrganization, buildUser } from '../../test/factories';
import { measureAssessments, organizationFrameworkVersions, questionAnswers } from '../assessment/schema';
import { loadContent } from './content/loader';
import { frameworks, measures } from './schema';
import { seedLibrary } from './seed';
import { versionsOf } from './store';
import { adoptVersion, diffVersions, frameworkVersionFor, measureMappingsOf, versionImpact } from './versions';

let t: TestApp;
const dirs: string[] = [];
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const owner = <T>(work: (tx: Tx) => Promise<T>) => withOwner(t.database.owner, { organizationId: null, userId: null, requestId: 'test-seed' }, work);
const count = async (table: string) => Number((await queryRows<{ n: string }>(t.database.owner, sql.raw(`select count(*) as n from ${table}`)))[0]!.n);

/** A copy of the content with some files changed, as the national team would change them. */
function contentCopy(changes: Record<string, (text: string) => string>, base = contentDir): string {
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-seed-'));
  dirs.push(dir);
  cpSync(base, dir, { recursive: true });
  for (const [file, change] of Object.entries(changes)) {
    const before = readFileSync(join(dir, file), 'utf8');
    const after = change(before);
    assert.notEqual(after, before, file);
    writeFileSync(join(dir, file), after);
  }
  return dir;
}

test('start-up loaded the whole library from content/', async () => {
  const load = loadContent(contentDir);
  assert.equal(await count('frameworks'), load.frameworks.length);
  assert.equal(await count('requirement_nodes'), load.frameworks.reduce((n, f) => n + f.framework.nodes.length, 0));
  assert.equal(await count('questions'), load.frameworks.reduce((n, f) => n + f.framework.nodes.reduce((m, node) => m + node.questions.length, 0), 0));
  assert.equal(await count('measures'), 129);
  assert.equal(await count('measure_mappings'), 538);
  const [questionnaire] = await t.database.owner.select().from(frameworks).where(eq(frameworks.urn, 'urn:samsvar:framework:vendor-questionnaire'));
  assert.equal(questionnaire?.kind, 'questionnaire');
  assert.equal(await count('implementation_groups'), 3);
});

test('with unchanged content the seeder writes nothing at all', async () => {
  const events = await count('audit_events');
  const result = await owner((tx) => seedLibrary(tx));
  assert.equal(result.skipped, true);
  assert.equal(await count('audit_events'), events);
});

test('a higher version in a content file becomes a new version beside the old; measures change in place', async () => {
  const nsm = 'library/frameworks/nsm-grunnprinsipper.yaml';
  const dir = contentCopy({
    [nsm]: (text) =>
      text
        .replace(/^version: 1$/m, 'version: 2')
        // A changed requirement, a removed one (1.1.6) and a new one (1.1.7).
        .replace('title: Kjenn virksomhetens strategi og prioriteringer', 'title: Kjenn kommunens strategi og prioriteringer')
        .replace(/ {10}- urn: urn:samsvar:req:nsm:1\.1\.6\n[\s\S]*?(?= {6}- urn: urn:samsvar:req:nsm:1\.2\n)/, (block) =>
          block.replace(/urn:samsvar:req:nsm:1\.1\.6/g, 'urn:samsvar:req:nsm:1.1.7').replace('ref: "1.1.6"', 'ref: "1.1.7"'),
        ),
    'library/measures/identity-access.yaml': (text) =>
      text.replace('title: Krev tofaktorinnlogging for alle brukere', 'title: Krev tofaktor for alle brukere').replace(
        '      - target: urn:samsvar:req:nsm:2.6.7\n        relationship: equal\n      - target: urn:samsvar:req:ks-tiltak:3.1',
        '      - target: urn:samsvar:req:nsm:2.6.7\n        relationship: superset\n      - target: urn:samsvar:req:ks-tiltak:3.1',
      ),
  });
  // Every mapping to 1.1.6 now goes to 1.1.7, the node that replaced it.
  const records = join(dir, 'library/measures/privacy-records.yaml');
  writeFileSync(records, readFileSync(records, 'utf8').replaceAll('urn:samsvar:req:nsm:1.1.6', 'urn:samsvar:req:nsm:1.1.7'));
  const [measureBefore] = await t.database.owner.select().from(measures).where(eq(measures.urn, 'urn:samsvar:measure:mfa-all-users'));
  const result = await owner((tx) => seedLibrary(tx, dir));
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(result.newVersions, [{ urn: 'urn:samsvar:framework:nsm', version: 2 }]);
  const versions = await versionsOf(t.database.owner as unknown as Tx, 'urn:samsvar:framework:nsm');
  assert.deepEqual(versions.map((v) => v.version), [2, 1]);

  const [measureAfter] = await t.database.owner.select().from(measures).where(eq(measures.urn, 'urn:samsvar:measure:mfa-all-users'));
  assert.equal(measureAfter!.id, measureBefore!.id, 'updated in place');
  assert.equal(measureAfter!.title, 'Krev tofaktor for alle brukere');
  assert.equal(measureAfter!.version, measureBefore!.version + 1);

  const relationshipIn = async (frameworkId: string) =>
    (await owner((tx) => measureMappingsOf(tx, frameworkId))).find((m) => m.measureUrn === 'urn:samsvar:measure:mfa-all-users' && m.nodeUrn === 'urn:samsvar:req:nsm:2.6.7')?.relationship;
  assert.equal(await relationshipIn(versions[0]!.id), 'superset', 'the new version follows the content');
  assert.equal(await relationshipIn(versions[1]!.id), 'equal', 'the old version keeps its mappings');

  const diff = await owner((tx) => diffVersions(tx, 'urn:samsvar:framework:nsm', 1, 2));
  assert.deepEqual(diff.added.map((n) => n.refId), ['1.1.7']);
  assert.deepEqual(diff.removed.map((n) => n.refId), ['1.1.6']);
  assert.deepEqual(diff.changed.map((c) => [c.node.refId, c.fields]), [['1.1.1', ['title']]]);
  assert.deepEqual(diff.mappings.changed.map((m) => [m.measureCode, m.node.refId, m.previousRelationship, m.relationship]), [['TIL-01', '2.6.7', 'equal', 'superset']]);
  assert.ok(diff.mappings.added.every((m) => m.node.refId === '1.1.7') && diff.mappings.added.length > 0);
  assert.equal(diff.mappings.removed.length, diff.mappings.added.length);

  // Same version, changed text: not loaded, and said so.
  const unbumped = contentCopy({ 'library/frameworks/ks-tiltak.yaml': (text) => text.replace(/title: [^\n]+/, 'title: Endret uten ny versjon') }, dir);
  const events = await count('audit_events');
  const warned = await owner((tx) => seedLibrary(tx, unbumped));
  assert.equal(warned.warnings.length, 1);
  assert.match(warned.warnings[0]!, /ks-tiltak\.yaml: innholdet er endret uten at version er økt/);
  assert.equal(warned.newVersions.length, 0);
  assert.deepEqual(warned.measures, { inserted: 0, updated: 0, removed: 0, mappingsAdded: 0, mappingsChanged: 0, mappingsRemoved: 0 });
  const written = await queryRows<{ entity: string }>(t.database.owner, sql`select entity from audit_events order by chain_key, seq desc limit 1`);
  assert.equal(await count('audit_events'), events + 1, 'only the content hash was written');
  assert.equal(written[0]!.entity, 'library_content_state');
});

test('a municipality sees what a new version means for its answers and moves when it chooses, keeping them', async () => {
  const organization = await buildOrganization(t.database);
  const user = await buildUser(t.database);
  const urn = 'urn:samsvar:framework:nsm';
  const work = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(t.database.app, { organizationId: organization.id, userId: user.id, requestId: 'test-versions' }, fn);
  const [v2, v1] = await versionsOf(t.database.owner as unknown as Tx, urn);

  // Never chose: follows the newest version.
  assert.equal(await work((tx) => frameworkVersionFor(tx, organization.id, urn)), v2!.id);
  assert.equal(await work((tx) => frameworkVersionFor(tx, organization.id, 'urn:samsvar:framework:finnes-ikke')), null);

  // It had chosen version 1 and answered some measures.
  await work(async (tx) => {
    await tx.insert(organizationFrameworkVersions).values({ organizationId: organization.id, frameworkUrn: urn, version: 1, adoptedBy: user.id });
    await tx.insert(measureAssessments).values([
      { organizationId: organization.id, measureUrn: 'urn:samsvar:measure:mfa-all-users', status: 'implemented' },
      { organizationId: organization.id, measureUrn: 'urn:samsvar:measure:backup-plan', status: 'not_assessed' },
    ]);
    await tx.insert(questionAnswers).values({ organizationId: organization.id, questionUrn: 'urn:samsvar:req:tilsyn-2026:t1-1:q1', values: ['yes'] });
  });
  assert.equal(await work((tx) => frameworkVersionFor(tx, organization.id, urn)), v1!.id);

  const impact = await work((tx) => versionImpact(tx, organization.id, urn));
  assert.deepEqual([impact.inUse.version, impact.inUse.adopted, impact.newest], [1, true, 2]);
  assert.deepEqual(impact.answeredMeasuresWithChangedMappings.map((m) => m.code), ['TIL-01']);
  assert.deepEqual(impact.newRequirementsWithoutAnswer.map((n) => n.refId), ['1.1.7']);
  assert.deepEqual(impact.removedRequirementsWithAnswers, []);

  await work((tx) => adoptVersion(tx, organization.id, user.id, urn, 2));
  assert.equal(await work((tx) => frameworkVersionFor(tx, organization.id, urn)), v2!.id);
  const [row] = await work((tx) =>
    tx.select().from(organizationFrameworkVersions).where(and(eq(organizationFrameworkVersions.organizationId, organization.id), eq(organizationFrameworkVersions.frameworkUrn, urn))),
  );
  assert.equal(row!.version, 2);
  assert.deepEqual((row!.impact as { from: number; to: number; answeredMeasuresWithChangedMappings: number }).answeredMeasuresWithChangedMappings, 1);
  assert.equal((await work((tx) => tx.select().from(measureAssessments).where(eq(measureAssessments.organizationId, organization.id)))).length, 2, 'answers are kept');
  assert.equal((await work((tx) => versionImpact(tx, organization.id, urn))).diff, null, 'nothing more to move to');
  await assert.rejects(work((tx) => adoptVersion(tx, organization.id, user.id, urn, 1)), /LIBRARY_VERSION_OLDER|nyere versjon|versjon 2/);
  await assert.rejects(work((tx) => adoptVersion(tx, organization.id, user.id, urn, 9)), /Fant ikke rammeverket/);
  const [stillThere] = await t.database.owner.select().from(frameworks).where(and(eq(frameworks.urn, urn), eq(frameworks.version, 1)));
  assert.ok(stillThere, 'version 1 stays for those who use it');
});
