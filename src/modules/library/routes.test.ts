import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { parse } from 'yaml';
import { queryRows } from '../../db/sql';
import { createTestApp, json, type TestApp } from '../../test/app';
import { addMembership, as, buildOrganization, buildUser, nationalOrganization, openSession, type Session } from '../../test/factories';
import { cisoFixturesDir } from './ciso/fixtures';
import type { FrameworkDetailResponse, FrameworkListResponse, ImpactResponse, ImportResponse, MeasureDetailResponse, MeasureListResponse } from './contract';

let t: TestApp;
let reader: Session;
let admin: Session;
let national: Session;
before(async () => {
  t = await createTestApp();
  const municipality = await buildOrganization(t.database);
  const people = await Promise.all([buildUser(t.database), buildUser(t.database), buildUser(t.database)]);
  await addMembership(t.database, people[0]!.id, municipality.id, ['leser']);
  await addMembership(t.database, people[1]!.id, municipality.id, ['administrator']);
  await addMembership(t.database, people[2]!.id, (await nationalOrganization(t.database)).id, ['fellesforvalter']);
  reader = await openSession(t, people[0]!.id, municipality.id);
  admin = await openSession(t, people[1]!.id, municipality.id);
  national = await openSession(t, people[2]!.id, (await nationalOrganization(t.database)).id);
});
after(() => t.close());

const NSM = 'urn:samsvar:framework:nsm';
const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

test('anyone signed in reads the frameworks, with the version their organisation uses', async () => {
  const response = await as(t, reader).get('/api/library/frameworks');
  assert.equal(response.statusCode, 200);
  const body = json<FrameworkListResponse>(response);
  assert.equal(body.frameworks.length, 8);
  const nsm = body.frameworks.find((f) => f.urn === NSM)!;
  assert.deepEqual(nsm.versions.map((v) => [v.version, v.nodes, v.origin]), [[1, 94, 'content']]);
  assert.deepEqual(nsm.inUse, { version: 1, adopted: false, adoptedAt: null });
  assert.deepEqual(body.policies, { read: true, import: false, viewVersionImpact: true, adoptVersion: false });
  const nationalView = json<FrameworkListResponse>(await as(t, national).get('/api/library/frameworks'));
  assert.equal(nationalView.frameworks[0]!.inUse, null, 'the national team adopts no versions');
  assert.equal(nationalView.policies.import, true);
});

test('a framework reads as a tree with its questions, marks and mapped measures', async () => {
  const body = json<FrameworkDetailResponse>(await as(t, reader).get(`/api/library/framework${q({ urn: NSM })}`));
  assert.equal(body.framework.version, 1);
  assert.equal(body.nodes.length, 94);
  const mfa = body.nodes.find((n) => n.refId === '2.6.7')!;
  assert.equal(mfa.parentUrn, 'urn:samsvar:req:nsm:2.6');
  assert.equal(mfa.depth, 3);
  assert.ok(mfa.measures.some((m) => m.code === 'TIL-01' && m.relationship === 'equal'));
  const principle = body.nodes.find((n) => n.refId === '2.4')!;
  assert.equal(principle.granularity, 'principle');
  assert.ok(principle.uncertain);
  const inspection = json<FrameworkDetailResponse>(await as(t, reader).get(`/api/library/framework${q({ urn: 'urn:samsvar:framework:tilsyn-2026' })}`));
  const types = new Set(inspection.nodes.flatMap((n) => n.questions.map((x) => x.type)));
  for (const type of ['yes_no', 'choice', 'text', 'date']) assert.ok(types.has(type), `the inspection questionnaire has ${type} questions`);
  const missing = await as(t, reader).get(`/api/library/framework${q({ urn: 'urn:samsvar:framework:finnes-ikke' })}`);
  assert.equal(missing.statusCode, 404);
  assert.equal(json(missing).code, 'FRAMEWORK_NOT_FOUND');
});

test('the common measures list by area, and each measure shows its requirements in every framework', async () => {
  const list = json<MeasureListResponse>(await as(t, reader).get('/api/library/measures'));
  assert.equal(list.measures.length, 129);
  assert.equal(list.areas.reduce((n, a) => n + a.count, 0), 129);
  const detail = json<MeasureDetailResponse>(await as(t, reader).get(`/api/library/measure${q({ urn: 'urn:samsvar:measure:mfa-all-users' })}`));
  assert.equal(detail.measure.code, 'TIL-01');
  assert.ok(detail.measure.what && detail.measure.why && detail.measure.startSmall && detail.measure.evidence);
  const frameworks = detail.frameworks.map((f) => f.refId).sort();
  assert.deepEqual(frameworks, ['GDPR', 'KS-TILTAK', 'NIS2', 'NORMEN', 'NSM-GP', 'TILSYN-2026-FORB']);
  assert.equal(json((await as(t, reader).get(`/api/library/measure${q({ urn: 'urn:samsvar:measure:finnes-ikke' })}`))).code, 'MEASURE_NOT_FOUND');
});

test('only the national content team imports; a preview changes nothing', async () => {
  const gdpr = readFileSync(join(cisoFixturesDir(), 'gdpr.yaml'), 'utf8');
  const refused = await as(t, admin).post('/api/library/import', { content: gdpr });
  assert.equal(refused.statusCode, 403);
  const before = Number((await queryRows<{ n: string }>(t.database.owner, sql`select count(*) as n from frameworks`))[0]!.n);
  const preview = await as(t, national).post('/api/library/import', { fileName: 'gdpr.yaml', content: gdpr, dryRun: true });
  assert.equal(preview.statusCode, 200, preview.body.slice(0, 300));
  const previewBody = json<ImportResponse>(preview);
  assert.equal(previewBody.dryRun, true);
  assert.deepEqual(previewBody.result.frameworks.map((f) => [f.urn, f.nodes, f.assessable, f.status]), [['urn:intuitem:risk:framework:gdpr', 1090, 287, 'created']]);
  assert.equal(Number((await queryRows<{ n: string }>(t.database.owner, sql`select count(*) as n from frameworks`))[0]!.n), before);
  const imported = json<ImportResponse>(await as(t, national).post('/api/library/import', { fileName: 'gdpr.yaml', content: gdpr }));
  assert.equal(imported.dryRun, false);
  assert.equal(imported.result.frameworks[0]!.status, 'created');
  const again = json<ImportResponse>(await as(t, national).post('/api/library/import', { fileName: 'gdpr.yaml', content: gdpr }));
  assert.equal(again.result.frameworks[0]!.status, 'unchanged');
});

test('a bad file gets a 400 that names the place, with every problem listed', async () => {
  const broken = readFileSync(join(cisoFixturesDir(), 'nis2-directive.yaml'), 'utf8').replace('parent_urn: urn:intuitem:risk:req_node:nis2-directive:node2', 'parent_urn: urn:intuitem:risk:req_node:nis2-directive:borte');
  const response = await as(t, national).post('/api/library/import', { content: broken });
  assert.equal(response.statusCode, 400);
  const body = json<{ code: string; field: string; message: string; issues: { field: string }[] }>(response);
  assert.equal(body.code, 'LIBRARY_FILE_INVALID');
  assert.equal(body.field, 'objects.framework.requirement_nodes[1].parent_urn');
  assert.match(body.message, /^objects\.framework\.requirement_nodes\[1\]\.parent_urn: Viser til/);
  assert.ok(body.issues.length >= 1);
});

test('frameworks and measures download as YAML and Excel', async () => {
  const yaml = await as(t, reader).get(`/api/library/framework/export${q({ urn: NSM, format: 'yaml' })}`);
  assert.equal(yaml.statusCode, 200);
  assert.match(String(yaml.headers['content-type']), /^application\/yaml/);
  assert.equal(yaml.headers['content-disposition'], 'attachment; filename="nsm-v1.yaml"');
  const document = parse(yaml.body) as { objects: { framework: { urn: string; requirement_nodes: unknown[] } } };
  assert.equal(document.objects.framework.urn, NSM);
  assert.equal(document.objects.framework.requirement_nodes.length, 94);
  const xlsx = await as(t, reader).get(`/api/library/measures/export${q({ format: 'xlsx' })}`);
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK', 'an xlsx file is a zip');
});

test('a new version: the municipality sees what changes for it and moves when it chooses', async () => {
  // The municipality works on version 1.
  const pinned = await as(t, admin).post('/api/library/framework/adopt', { frameworkUrn: NSM, version: 1 });
  assert.equal(pinned.statusCode, 200, pinned.body);
  assert.equal(json<{ inUse: { adopted: boolean } }>(pinned).inUse.adopted, true);
  assert.equal((await as(t, reader).post('/api/library/framework/adopt', { frameworkUrn: NSM, version: 1 })).statusCode, 403, 'a reader may not choose');

  // The national team publishes version 2: one requirement fewer, one changed.
  const exported = (await as(t, national).get(`/api/library/framework/export${q({ urn: NSM })}`)).body;
  const next = exported
    .replace(/^version: 1$/m, 'version: 2')
    .replace('name: Kjenn virksomhetens strategi og prioriteringer', 'name: Kjenn kommunens strategi og prioriteringer')
    .replace(/ {6}- urn: urn:samsvar:req:nsm:1\.1\.6\n(?: {8}.*\n)+/, '');
  const imported = await as(t, national).post('/api/library/import', { fileName: 'nsm-v2.yaml', content: next });
  assert.equal(imported.statusCode, 200, imported.body.slice(0, 400));
  assert.deepEqual(json<ImportResponse>(imported).result.frameworks.map((f) => [f.status, f.version, f.nodes]), [['upgraded', 2, 93]]);

  const diff = json<{ diff: { summary: Record<string, number> } }>(await as(t, reader).get(`/api/library/framework/diff${q({ urn: NSM, from: '1', to: '2' })}`));
  assert.equal(diff.diff.summary.removed, 1);
  assert.equal(diff.diff.summary.changed, 1);
  assert.ok((diff.diff.summary.mappingsRemoved ?? 0) > 0, 'the measures mapped to the removed requirement lose that mapping');

  const impact = json<ImpactResponse>(await as(t, reader).get(`/api/library/framework/impact${q({ urn: NSM })}`));
  assert.deepEqual([impact.impact.inUse.version, impact.impact.newest], [1, 2]);
  assert.equal(impact.policies.adoptVersion, false);
  const list = json<FrameworkListResponse>(await as(t, reader).get('/api/library/frameworks'));
  assert.deepEqual(list.frameworks.find((f) => f.urn === NSM)!.inUse?.version, 1, 'still on version 1 until it chooses');

  const moved = await as(t, admin).post('/api/library/framework/adopt', { frameworkUrn: NSM, version: 2 });
  assert.equal(moved.statusCode, 200);
  assert.equal(json<{ inUse: { version: number } }>(moved).inUse.version, 2);
  const tree = json<FrameworkDetailResponse>(await as(t, reader).get(`/api/library/framework${q({ urn: NSM })}`));
  assert.equal(tree.framework.version, 2);
  assert.equal(tree.nodes.length, 93);
  assert.ok(tree.nodes.find((n) => n.refId === '2.6.7')!.measures.some((m) => m.code === 'TIL-01'), 'mappings carried to the new version');
  const old = json<FrameworkDetailResponse>(await as(t, reader).get(`/api/library/framework${q({ urn: NSM, version: '1' })}`));
  assert.equal(old.nodes.length, 94, 'the old version can still be read');
});
