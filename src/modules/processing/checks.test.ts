import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { withTenant } from '../../db/tenant';
import { createTestApp, type TestApp } from '../../test/app';
import { buildOrganization } from '../../test/factories';
import { checkEntry, isComplete } from './checks';
import { loadProcessingContent } from './content';
import type { FieldValue } from './fields';
import { loadSystemFacts, systemFacts, type SystemFacts } from './systems-adapter';
import { buildSystem } from './test-support';
import { buildEntryView, type EntryLinks, type EntryRow, type TemplateVersionRow } from './view';

const loaded = loadProcessingContent().templates.find((x) => x.slug === 'helse-pleie-omsorg')!;
const template: TemplateVersionRow = { ...loaded, changeNote: null, publishedAt: new Date() };
const row = (over: Partial<EntryRow> = {}): EntryRow => ({
  id: 'e1',
  kind: 'template',
  templateUrn: template.urn,
  templateVersion: 1,
  systemsNone: false,
  processorsNone: false,
  dpiaRecorded: true,
  dpiaReference: null,
  version: 1,
  updatedAt: new Date(),
  ...over,
});
const org = { name: 'Vågå kommune', dpoContact: 'personvernombud@vaga.kommune.no' };
const filled = new Map<string, FieldValue>([
  ['responsible_unit', 'Helse og omsorg'],
  ['data_subject_count', 'ca. 400'],
]);
const links: EntryLinks = { systems: [{ id: 's1', name: 'Journalsystemet' }], processors: [{ vendorId: 'v1', name: 'Journalleverandøren AS', dpaInPlace: true, dpaDate: '2024-01-01' }] };

function issues(options: { own?: Map<string, FieldValue>; entry?: Partial<EntryRow>; links?: EntryLinks; facts?: Map<string, SystemFacts> } = {}) {
  const entry = row(options.entry);
  const l = options.links ?? links;
  const view = buildEntryView(entry, options.own ?? filled, template, org, l);
  return checkEntry(entry, view, l, options.facts ?? new Map());
}
const codes = (list: ReturnType<typeof issues>) => list.map((i) => i.code).sort();

describe('completeness checks of one entry', () => {
  test('a template entry with its marked fields filled and a DPIA recorded is complete', () => {
    const result = issues();
    assert.deepEqual(result, []);
    assert.equal(isComplete(result), true);
  });

  test('each marked field left empty is missing', () => {
    const result = issues({ own: new Map(), links: { systems: [], processors: [] } });
    assert.deepEqual(
      result.map((i) => i.field),
      ['responsible_unit', 'systems', 'processors', 'data_subject_count'],
    );
    assert.ok(result.every((i) => i.code === 'MISSING_FIELD'));
  });

  test('"no processors" is an answer, an empty list is not', () => {
    const noProcessors = { systems: links.systems, processors: [] };
    assert.ok(codes(issues({ links: noProcessors })).includes('MISSING_FIELD'));
    assert.deepEqual(issues({ links: noProcessors, entry: { processorsNone: true } }), []);
  });

  test('DPIA likely but none recorded', () => {
    assert.deepEqual(codes(issues({ entry: { dpiaRecorded: false } })), ['DPIA_NOT_RECORDED']);
  });

  test('no legal basis, special categories without art. 9, criminal data without art. 10, no retention', () => {
    const own = new Map(filled);
    own.set('art6_basis', []);
    own.set('art9_basis', ['ingen']);
    own.set('criminal_offence_data', true);
    own.set('art10_basis', null);
    own.set('retention_period', '   ');
    const result = issues({ own });
    assert.deepEqual(codes(result), ['CRIMINAL_WITHOUT_ART10', 'NO_LEGAL_BASIS', 'NO_RETENTION', 'SPECIAL_WITHOUT_ART9']);
    own.set('art10_basis', '');
    own.set('retention_period', null);
    own.set('art6_basis', ['6(1)(e)']);
    own.set('art6_national_basis', []);
    assert.deepEqual(codes(issues({ own })), ['CRIMINAL_WITHOUT_ART10', 'NO_NATIONAL_BASIS', 'NO_RETENTION', 'SPECIAL_WITHOUT_ART9']);
  });

  test('a processor without a data processing agreement is named', () => {
    const result = issues({ links: { systems: links.systems, processors: [{ vendorId: 'v1', name: 'Journalleverandøren AS', dpaInPlace: false, dpaDate: null }] } });
    assert.deepEqual(codes(result), ['PROCESSOR_WITHOUT_DPA']);
    assert.deepEqual(result[0]!.subjects, ['Journalleverandøren AS']);
  });

  test('a system without MFA that holds special categories, as the adapter reports it', () => {
    const noMfa = new Map([['s1', systemFacts({ mfaUsers: 'partial', personalDataCategories: ['helse'] })]]);
    const result = issues({ facts: noMfa });
    assert.deepEqual(codes(result), ['SYSTEM_WITHOUT_MFA']);
    assert.deepEqual(result[0]!.subjects, ['Journalsystemet']);
    assert.deepEqual(issues({ facts: new Map([['s1', systemFacts({ mfaUsers: 'yes', personalDataCategories: ['helse'] })]]) }), []);
    assert.deepEqual(issues({ facts: new Map([['s1', systemFacts({ mfaUsers: 'no', personalDataCategories: ['vanlige'] })]]) }), [], 'no special categories in the system: no MFA issue');
    // Unknown to the system inventory: the entry's own special categories decide.
    assert.deepEqual(codes(issues({ facts: new Map([['s1', systemFacts({ mfaUsers: 'no', personalDataCategories: [] })]]) })), ['SYSTEM_WITHOUT_MFA']);
    assert.deepEqual(issues({ facts: new Map([['s1', systemFacts({ mfaUsers: 'unknown', personalDataCategories: [] })]]) }), [], 'MFA not recorded: nothing claimed');
  });

  test('the adapter reads the expected columns in whatever form they take', () => {
    assert.deepEqual(systemFacts({ mfaUsers: 'yes', personalDataCategories: ['vanlige', 'andre_saerlige'] }), { mfaAllUsers: true, holdsSpecialCategories: true });
    assert.deepEqual(systemFacts({ mfaUsers: 'no', personalDataCategories: ['vanlige', 'fodselsnummer'] }), { mfaAllUsers: false, holdsSpecialCategories: false });
    assert.deepEqual(systemFacts({ mfaUsers: 'unknown', personalDataCategories: [] }), { mfaAllUsers: null, holdsSpecialCategories: null });
  });
});

describe('the system facts adapter against the database', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('reads the facts the system inventory records, and nothing of another organisation', async () => {
    const org = await buildOrganization(t.database);
    const systemId = await buildSystem(t.database, org.id, 'Journal');
    const read = () => withTenant(t.database.app, { organizationId: org.id, userId: null, requestId: 'adapter' }, (tx) => loadSystemFacts(tx, org.id, [systemId]));
    assert.deepEqual((await read()).get(systemId), { mfaAllUsers: null, holdsSpecialCategories: null });
    await t.database.owner.execute(sql`update systems set mfa_users = 'partial', personal_data_categories = '{vanlige,helse}' where id = ${systemId}`);
    assert.deepEqual((await read()).get(systemId), { mfaAllUsers: false, holdsSpecialCategories: true });
    const otherOrg = await buildOrganization(t.database);
    const foreign = await withTenant(t.database.app, { organizationId: otherOrg.id, userId: null, requestId: 'adapter' }, (tx) => loadSystemFacts(tx, otherOrg.id, [systemId]));
    assert.equal(foreign.size, 0, 'another organisation\'s system is not read');
  });
});
