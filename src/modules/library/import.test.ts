import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../db/sql';
import { withTenant, type Tx } from '../../db/tenant';
import { AppError } from '../../server/errors';
import { createTestApp, type TestApp } from '../../test/app';
import { contentDir } from '../../paths';
import { cisoFixturesDir } from './ciso/fixtures';
import { parseCisoLibrary } from './ciso/parse';
import { loadContent, parseMeasureBundle } from './content/loader';
import { exportFramework, exportMappingSet, exportMeasures, readMeasures } from './export';
import { importLibraryFile, importSummary } from './import';
import { frameworks } from './schema';
import { readFramework, versionsOf } from './store';
import { diffVersions } from './versions';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const fixture = (name: string) => readFileSync(join(cisoFixturesDir(), name), 'utf8');
/** A transaction as the national content team: the application role with the national writer flag, as a request would have. */
const national = <T>(work: (tx: Tx) => Promise<T>) => withTenant(t.database.app, { organizationId: null, userId: null, requestId: 'test-import', nationalWriter: true }, work);
const auditCount = async () => Number((await queryRows<{ n: string }>(t.database.owner, sql`select count(*) as n from audit_events`))[0]!.n);

async function importError(text: string): Promise<AppError> {
  try {
    await national((tx) => importLibraryFile(tx, text));
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return error;
  }
  assert.fail('the import was accepted');
}

test('a mapping set needs its frameworks; the error names the missing one', async () => {
  const error = await importError(fixture('map-nist-csf-1.1-nist-csf-2.0.yaml'));
  assert.equal(error.code, 'LIBRARY_FRAMEWORK_MISSING');
  assert.equal(error.field, 'objects.requirement_mapping_set.source_framework_urn');
  assert.match(error.message, /urn:intuitem:risk:framework:nist-csf-1\.1 finnes ikke/);
});

test('every fixture imports with the counts in the file, and the mapping set links NIST CSF 1.1 to 2.0', async () => {
  const summaries: Record<string, unknown> = {};
  for (const file of ['gdpr.yaml', 'nis2-directive.yaml', 'nist-csf-1.1.yaml', 'nist-csf-2.0.yaml', 'map-nist-csf-1.1-nist-csf-2.0.yaml', 'cisa-vendor-scrm.yaml']) {
    summaries[file] = importSummary(await national((tx) => importLibraryFile(tx, fixture(file))));
  }
  assert.deepEqual(summaries, {
    'gdpr.yaml': { frameworks: [{ urn: 'urn:intuitem:risk:framework:gdpr', nodes: 1090, assessable: 287, questions: 0 }], mappings: 0 },
    'nis2-directive.yaml': { frameworks: [{ urn: 'urn:intuitem:risk:framework:nis2-directive', nodes: 17, assessable: 13, questions: 0 }], mappings: 0 },
    'nist-csf-1.1.yaml': { frameworks: [{ urn: 'urn:intuitem:risk:framework:nist-csf-1.1', nodes: 136, assessable: 108, questions: 0 }], mappings: 0 },
    'nist-csf-2.0.yaml': { frameworks: [{ urn: 'urn:intuitem:risk:framework:nist-csf-2.0', nodes: 134, assessable: 106, questions: 0 }], mappings: 0 },
    'map-nist-csf-1.1-nist-csf-2.0.yaml': { frameworks: [], mappings: 185 },
    'cisa-vendor-scrm.yaml': { frameworks: [{ urn: 'urn:intuitem:risk:framework:cisa-scrm', nodes: 286, assessable: 256, questions: 260 }], mappings: 0 },
  });
  const stored = await queryRows<{ source: string; target: string; n: string }>(
    t.database.owner,
    sql`select s.source_framework_urn as source, s.target_framework_urn as target, count(m.id) as n
        from requirement_mapping_sets s join requirement_mappings m on m.mapping_set_id = s.id group by 1, 2`,
  );
  assert.deepEqual(stored.map((r) => [r.source, r.target, Number(r.n)]), [['urn:intuitem:risk:framework:nist-csf-1.1', 'urn:intuitem:risk:framework:nist-csf-2.0', 185]]);
});

test('importing the same version again writes nothing', async () => {
  const before = await auditCount();
  const result = await national((tx) => importLibraryFile(tx, fixture('gdpr.yaml')));
  assert.deepEqual(result.frameworks.map((f) => f.status), ['unchanged']);
  const mapping = await national((tx) => importLibraryFile(tx, fixture('map-nist-csf-1.1-nist-csf-2.0.yaml')));
  assert.deepEqual(mapping.mappingSets.map((s) => s.status), ['unchanged']);
  assert.equal(await auditCount(), before, 'no row was written');
});

test('a stored framework reads back exactly as the file had it, and export → import round-trips', async () => {
  const parsed = parseCisoLibrary(fixture('gdpr.yaml')).frameworks[0]!;
  const [v2] = await versionsOf(t.database.owner as unknown as Tx, parsed.urn);
  assert.deepEqual(await national((tx) => readFramework(tx, v2!.id)), parsed);
  const exported = await national((tx) => exportFramework(tx, parsed.urn, undefined, 'yaml'));
  assert.equal(exported.fileName, 'gdpr-v2.yaml');
  const upgraded = exported.body.toString('utf8').replace(/^version: 2$/m, 'version: 3');
  const result = await national((tx) => importLibraryFile(tx, upgraded));
  assert.deepEqual(result.frameworks.map((f) => [f.status, f.version, f.previousVersion]), [['upgraded', 3, 2]]);
  const versions = await versionsOf(t.database.owner as unknown as Tx, parsed.urn);
  assert.deepEqual(versions.map((v) => v.version), [3, 2], 'the old version is kept');
  assert.deepEqual(await national((tx) => readFramework(tx, versions[0]!.id)), { ...parsed, version: 3 });
  const diff = await national((tx) => diffVersions(tx, parsed.urn, 2, 3));
  assert.deepEqual(diff.summary, { added: 0, removed: 0, changed: 0, questionsChanged: 0, mappingsAdded: 0, mappingsRemoved: 0, mappingsChanged: 0 });
  const set = await national((tx) => exportMappingSet(tx, 'urn:intuitem:risk:requirement_mapping_set:nist-csf-1.1-to-nist-csf-2.0'));
  assert.deepEqual(parseCisoLibrary(set.body.toString('utf8')).mappingSets[0]!.mappings, parseCisoLibrary(fixture('map-nist-csf-1.1-nist-csf-2.0.yaml')).mappingSets[0]!.mappings);
});

test('an older version is refused, and the same version with other content is a conflict', async () => {
  const older = await importError(fixture('gdpr.yaml').replace(/^version: 2$/m, 'version: 1'));
  assert.equal(older.code, 'LIBRARY_VERSION_OLDER');
  const nis2 = fixture('nis2-directive.yaml');
  const changed = await importError(nis2.replace('name: NIS 2 directive requirements\n    description', 'name: Endret navn\n    description'));
  assert.equal(changed.code, 'LIBRARY_VERSION_CONFLICT');
  assert.equal(changed.field, 'version');
});

test('a bad file changes nothing: a framework and a broken mapping set in one file', async () => {
  const before = await auditCount();
  const file = `urn: urn:x:library:alt-eller-ingenting
name: Alt eller ingenting
version: 1
objects:
  framework:
    urn: urn:x:framework:alt-eller-ingenting
    ref_id: AEI
    name: Alt eller ingenting
    requirement_nodes:
      - { urn: "urn:x:req:aei:1", depth: 1, assessable: true, name: Krav }
  requirement_mapping_sets:
    - urn: urn:x:mapping:aei
      name: Til NIS2
      source_framework_urn: urn:x:framework:alt-eller-ingenting
      target_framework_urn: urn:intuitem:risk:framework:nis2-directive
      requirement_mappings:
        - { source_requirement_urn: "urn:x:req:aei:1", target_requirement_urn: "urn:intuitem:risk:req_node:nis2-directive:21.1", relationship: equal }
        - { source_requirement_urn: "urn:x:req:aei:1", target_requirement_urn: "urn:intuitem:risk:req_node:nis2-directive:99", relationship: equal }
`;
  const error = await importError(file);
  assert.equal(error.code, 'LIBRARY_REFERENCE_MISSING');
  assert.equal(error.field, 'objects.requirement_mapping_sets[0].requirement_mappings[1].target_requirement_urn');
  assert.equal(await auditCount(), before);
  assert.equal((await t.database.owner.select().from(frameworks).where(eq(frameworks.urn, 'urn:x:framework:alt-eller-ingenting'))).length, 0);
  const fixed = file.replace('nis2-directive:99', 'nis2-directive:21.2');
  const result = await national((tx) => importLibraryFile(tx, fixed));
  assert.deepEqual(importSummary(result), { frameworks: [{ urn: 'urn:x:framework:alt-eller-ingenting', nodes: 1, assessable: 1, questions: 0 }], mappings: 2 });
});

test('the application role cannot import without the national writer flag', async () => {
  const file = fixture('nis2-directive.yaml').replace(/^version: 3$/m, 'version: 4');
  await assert.rejects(
    withTenant(t.database.app, { organizationId: null, userId: null, requestId: 'test-no-writer', nationalWriter: false }, (tx) => importLibraryFile(tx, file)),
    (error: unknown) => /row-level security|permission denied/i.test(String((error as { cause?: unknown }).cause ?? error)),
  );
});

test('the common measures export in the content format and read back the same', async () => {
  const stored = await national((tx) => readMeasures(tx));
  const file = await national((tx) => exportMeasures(tx, 'yaml'));
  const back = parseMeasureBundle(file.body.toString('utf8'));
  assert.deepEqual(back, stored);
  const sorted = (list: typeof stored) => list.map((m) => ({ ...m, mappings: [...m.mappings].sort((a, b) => a.target.localeCompare(b.target)) }));
  assert.deepEqual(sorted(back), sorted(loadContent(contentDir).measures.map((m) => m.measure)), 'what is stored is what the content says');
});

test('Excel exports open and hold every requirement and every measure', async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await national((tx) => exportFramework(tx, 'urn:samsvar:framework:nsm', undefined, 'xlsx'))).body as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Krav')!;
  assert.equal(sheet.rowCount, 1 + 94);
  assert.equal(sheet.getRow(2).getCell(3).value, 'Identifisere og kartlegge');
  const measuresBook = new ExcelJS.Workbook();
  await measuresBook.xlsx.load((await national((tx) => exportMeasures(tx, 'xlsx'))).body as unknown as ArrayBuffer);
  assert.equal(measuresBook.getWorksheet('Felles tiltak')!.rowCount, 1 + 129);
  assert.equal(measuresBook.getWorksheet('Koblinger')!.rowCount, 1 + 538);
});
