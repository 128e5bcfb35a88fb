import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, json, type TestApp } from '../../test/app';
import { addMembership, as, buildOrganization, buildUser, nationalOrganization, openSession, type Session } from '../../test/factories';
import type { CoverageDto, EntryDetailDto, EntrySummaryDto, FieldViewDto, ProposalDetailDto, ProposalDto } from './contract';
import { parse } from 'yaml';
import { checkTemplateRules, loadMeasureCatalogue, loadProcessingContent } from './content';
import { templateFileSchema, templateUrn, type TemplateContent } from './contract';
import { fieldKeys } from './fields';
import { buildSystem, buildVendor, publishForTest } from './test-support';

/**
 * The records of processing through the API, as a municipality and the national team use it: adopting a
 * service area, filling in and overriding, the checks, template updates as proposals, and the boundaries.
 */

let t: TestApp;
let orgId: string;
let dpo: Session;
let reader: Session;
let national: Session;
let other: Session;
let systemId: string;
let vendorId: string;

before(async () => {
  t = await createTestApp();
  orgId = (await buildOrganization(t.database, { name: 'Åsnes prøvekommune' })).id;
  const otherOrg = (await buildOrganization(t.database)).id;
  const person = await buildUser(t.database);
  await addMembership(t.database, person.id, orgId, ['personvernombud']);
  dpo = await openSession(t, person.id, orgId);
  const leser = await buildUser(t.database);
  await addMembership(t.database, leser.id, orgId, ['leser']);
  reader = await openSession(t, leser.id, orgId);
  const editor = await buildUser(t.database);
  await addMembership(t.database, editor.id, (await nationalOrganization(t.database)).id, ['fellesforvalter']);
  national = await openSession(t, editor.id, (await nationalOrganization(t.database)).id);
  const stranger = await buildUser(t.database);
  await addMembership(t.database, stranger.id, otherOrg, ['administrator']);
  other = await openSession(t, stranger.id, otherOrg);
  systemId = await buildSystem(t.database, orgId, 'Boligsystemet');
  vendorId = await buildVendor(t.database, 'Bolig-leverandøren AS');
});
after(() => t.close());

const record = async (session: Session = dpo) => json<{ entries: EntrySummaryDto[]; coverage: CoverageDto }>(await as(t, session).get('/api/processing/record'));
const entry = async (id: string, session: Session = dpo) => json<{ entry: EntryDetailDto }>(await as(t, session).get(`/api/processing/entries/${id}`)).entry;
const field = (e: EntryDetailDto, key: string) => e.fields.find((f) => f.key === key) as FieldViewDto;

describe('adopting a service area and completing the record', () => {
  let ids: string[] = [];

  test('a whole service area is adopted at once, prefilled and with the marked fields to fill', async () => {
    const response = await as(t, dpo).post('/api/processing/entries/adopt', { serviceArea: 'bolig' });
    assert.equal(response.statusCode, 201, response.body);
    const body = json<{ created: { id: string; templateUrn: string }[]; skipped: string[] }>(response);
    assert.equal(body.created.length, 2);
    const again = json<{ created: unknown[]; skipped: string[] }>(await as(t, dpo).post('/api/processing/entries/adopt', { serviceArea: 'bolig' }));
    assert.equal(again.created.length, 0, 'adopting again duplicates nothing');
    assert.equal(again.skipped.length, 2);

    const { entries, coverage } = await record();
    assert.equal(entries.length, 2);
    assert.ok(entries.every((e) => !e.complete && e.missingFields === 4));
    assert.equal(coverage.requiredFields, 8);
    assert.equal(coverage.filledRequiredFields, 0);
    assert.equal(coverage.byServiceArea.find((a) => a.serviceArea === 'bolig')?.templatesAdopted, 2);

    ids = [templateUrn('bolig-startlan-tilskudd'), templateUrn('bolig-utleieboliger-boligsosialt')].map((urn) => entries.find((e) => e.templateUrn === urn)!.id);
    const startlan = await entry(ids[0]!);
    assert.equal(field(startlan, 'retention_period').source, 'template');
    assert.equal(field(startlan, 'responsible_unit').source, 'empty');
    assert.equal(field(startlan, 'responsible_unit').required, true);
    assert.equal(field(startlan, 'controller').source, 'organization');
    assert.equal(field(startlan, 'controller').value, 'Åsnes prøvekommune');
    assert.ok(startlan.issues.some((i) => i.code === 'MISSING_FIELD' && i.field === 'responsible_unit'));
  });

  test('filling the marked fields, linking a system and a processor with a DPA, completes an entry', async () => {
    const id = ids[0]!;
    const before = await entry(id);
    const response = await as(t, dpo).patch(`/api/processing/entries/${id}`, {
      version: before.version,
      values: { responsible_unit: 'Tildelingskontoret', data_subject_count: 'ca. 300 søkere i året' },
      systemIds: [systemId],
      processors: [{ vendorId, dpaInPlace: true, dpaDate: '2024-03-01' }],
      dpiaRecorded: true,
      dpiaReference: 'DPIA 2024/12',
    });
    assert.equal(response.statusCode, 200, response.body);
    const after = json<{ entry: EntryDetailDto }>(response).entry;
    assert.equal(after.version, before.version + 1);
    assert.equal(field(after, 'responsible_unit').source, 'local');
    assert.deepEqual(field(after, 'systems').value, ['Boligsystemet']);
    assert.deepEqual(after.issues.filter((i) => i.severity === 'error'), []);
    assert.equal(after.complete, true);
  });

  test('a stale edit is refused with 409 and saves nothing', async () => {
    const id = ids[0]!;
    const current = await entry(id);
    const stale = await as(t, dpo).patch(`/api/processing/entries/${id}`, { version: current.version - 1, values: { responsible_unit: 'Feil enhet' } });
    assert.equal(stale.statusCode, 409);
    assert.equal(json(stale).code, 'CONFLICT');
    assert.equal(field(await entry(id), 'responsible_unit').value, 'Tildelingskontoret');
  });

  test('an override is shown as such, and removing it brings back the national value', async () => {
    const id = ids[0]!;
    let current = await entry(id);
    const national = field(current, 'retention_period').value;
    await as(t, dpo).patch(`/api/processing/entries/${id}`, { version: current.version, values: { retention_period: 'Vår lokale lagringstid' } });
    current = await entry(id);
    assert.equal(field(current, 'retention_period').source, 'override');
    assert.equal(field(current, 'retention_period').templateValue, national);
    await as(t, dpo).patch(`/api/processing/entries/${id}`, { version: current.version, values: { retention_period: null } });
    current = await entry(id);
    assert.equal(field(current, 'retention_period').source, 'template');
    assert.equal(field(current, 'retention_period').value, national);
  });

  test('a value equal to the template is not stored as an override', async () => {
    const id = ids[0]!;
    const current = await entry(id);
    await as(t, dpo).patch(`/api/processing/entries/${id}`, { version: current.version, values: { name: field(current, 'name').value } });
    assert.equal(field(await entry(id), 'name').source, 'template');
  });

  test('the checks name what is missing: processor without DPA, special categories without art. 9, DPIA not recorded', async () => {
    const id = ids[1]!;
    let current = await entry(id);
    await as(t, dpo).patch(`/api/processing/entries/${id}`, {
      version: current.version,
      values: { responsible_unit: 'Boligkontoret', data_subject_count: '40 leietakere', art9_basis: ['ingen'] },
      systemsNone: true,
      processors: [{ vendorId, dpaInPlace: false }],
    });
    current = await entry(id);
    const codes = current.issues.map((i) => i.code).sort();
    assert.deepEqual(codes, ['DPIA_NOT_RECORDED', 'PROCESSOR_WITHOUT_DPA', 'SPECIAL_WITHOUT_ART9']);
    assert.equal(current.complete, false);
    assert.equal(current.issues.find((i) => i.code === 'PROCESSOR_WITHOUT_DPA')?.subjects?.[0], 'Bolig-leverandøren AS');
  });

  test('links are checked against the organisation: another organisation\'s system is refused', async () => {
    const foreign = await buildSystem(t.database, (await buildOrganization(t.database)).id, 'Fremmed system');
    const current = await entry(ids[0]!);
    const response = await as(t, dpo).patch(`/api/processing/entries/${ids[0]}`, { version: current.version, systemIds: [foreign] });
    assert.equal(response.statusCode, 400);
    assert.equal(json(response).code, 'UNKNOWN_SYSTEM');
    assert.deepEqual((await entry(ids[0]!)).systems.map((s) => s.name), ['Boligsystemet'], 'the refused change left the links alone');
  });

  test('a reader sees the record but cannot change it; another organisation sees nothing of it', async () => {
    assert.equal((await record(reader)).entries.length, 2);
    const current = await entry(ids[0]!, reader);
    const refused = await as(t, reader).patch(`/api/processing/entries/${ids[0]}`, { version: current.version, values: { notes: 'x' } });
    assert.equal(refused.statusCode, 403);
    assert.equal((await record(other)).entries.length, 0);
    const foreign = await as(t, other).get(`/api/processing/entries/${ids[0]}`);
    assert.equal(foreign.statusCode, 404);
  });

  test('the national team edits templates, not municipalities\' entries; municipalities cannot publish', async () => {
    assert.equal((await as(t, national).get(`/api/processing/entries/${ids[0]}`)).statusCode, 403);
    assert.equal((await as(t, national).post('/api/processing/entries/adopt', { serviceArea: 'bolig' })).statusCode, 403);
    const template = json<{ template: { version: number; content: Record<string, unknown>; localFields: string[]; uncertain: unknown[] } }>(
      await as(t, national).get('/api/processing/national/templates/teknisk-brann-redning'),
    ).template;
    const body = { baseVersion: template.version, content: template.content, localFields: template.localFields, uncertain: template.uncertain, changeNote: 'Forsøk fra en kommune' };
    assert.equal((await as(t, dpo).post('/api/processing/national/templates/teknisk-brann-redning/versions', body)).statusCode, 403);
  });
});

describe('local activities and processing for others', () => {
  test('a local activity has no template: the art. 30 minimum is required', async () => {
    const response = await as(t, dpo).post('/api/processing/entries', { kind: 'local', name: 'Frivillighetssentralens medlemsregister', serviceArea: 'kultur' });
    assert.equal(response.statusCode, 201, response.body);
    const created = json<{ entry: EntryDetailDto }>(response).entry;
    assert.equal(created.kind, 'local');
    assert.equal(field(created, 'name').source, 'local');
    const codes = created.issues.map((i) => `${i.code}:${i.field}`);
    assert.ok(codes.includes('NO_LEGAL_BASIS:art6_basis'), codes.join());
    assert.ok(codes.includes('NO_RETENTION:retention_period'), codes.join());
    assert.ok(codes.includes('MISSING_FIELD:purposes'), codes.join());
    assert.equal(created.complete, false);
    const emptied = await as(t, dpo).patch(`/api/processing/entries/${created.id}`, { version: created.version, values: { name: '  ' } });
    assert.equal(emptied.statusCode, 400, 'an own activity keeps its name');
    assert.equal(field(await entry(created.id), 'name').value, 'Frivillighetssentralens medlemsregister');
  });

  test('processing for a neighbouring municipality records the art. 30(2) fields', async () => {
    const response = await as(t, dpo).post('/api/processing/entries', { kind: 'processor', name: 'Lønn for Nabokommune', serviceArea: 'administrasjon', controller: 'Nabokommune' });
    assert.equal(response.statusCode, 201, response.body);
    const created = json<{ entry: EntryDetailDto }>(response).entry;
    assert.deepEqual(created.fields.map((f) => f.key).slice(0, 5), ['name', 'service_area', 'controller', 'dpo_contact', 'processing_categories']);
    assert.equal(field(created, 'controller').value, 'Nabokommune');
    assert.ok(created.issues.some((i) => i.field === 'processing_categories'));
    const refused = await as(t, dpo).patch(`/api/processing/entries/${created.id}`, { version: created.version, values: { art6_basis: ['6(1)(e)'] } });
    assert.equal(refused.statusCode, 400);
    assert.equal(json(refused).code, 'NOT_ALLOWED_FOR_KIND');
  });

  test('a processor entry without a controller is refused', async () => {
    const response = await as(t, dpo).post('/api/processing/entries', { kind: 'processor', name: 'Uten ansvarlig', serviceArea: 'administrasjon' });
    assert.equal(response.statusCode, 400);
    assert.equal(json(response).field, 'controller');
  });
});

describe('template updates reach every adopter as proposals', () => {
  let entryId: string;

  before(async () => {
    const adopted = json<{ created: { id: string }[] }>(await as(t, dpo).post('/api/processing/entries/adopt', { templateUrns: [templateUrn('teknisk-eiendomsskatt-gebyrer')] }));
    entryId = adopted.created[0]!.id;
    const current = await entry(entryId);
    await as(t, dpo).patch(`/api/processing/entries/${entryId}`, {
      version: current.version,
      values: { responsible_unit: 'Eiendomsskattekontoret', retention_period: 'Vår egen lagringstid', disposal: 'Vår egen kassasjon', notes: 'Vår merknad' },
    });
  });

  test('publishing changes nothing in the entry; it creates one open proposal', async () => {
    const before = await entry(entryId);
    const published = await as(t, national).get('/api/processing/national/templates/teknisk-eiendomsskatt-gebyrer');
    const template = json<{ template: { version: number; content: Record<string, unknown>; localFields: string[]; uncertain: unknown[] } }>(published).template;
    const response = await as(t, national).post('/api/processing/national/templates/teknisk-eiendomsskatt-gebyrer/versions', {
      baseVersion: template.version,
      content: { ...template.content, retention_period: 'Ny nasjonal lagringstid', disposal: 'Vår egen kassasjon', description: 'Ny nasjonal beskrivelse' },
      localFields: template.localFields,
      uncertain: template.uncertain,
      changeNote: 'Ny lagringstid etter arkivlova (LOV-2025-06-20-96).',
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(json<{ proposals: number }>(response).proposals, 1);
    const after = await entry(entryId);
    assert.deepEqual(after.fields, before.fields, 'nothing in the entry changed');
    assert.equal(after.templateVersion, before.templateVersion);
    assert.equal(after.latestTemplateVersion, template.version + 1);
    assert.ok(after.openProposalId);
  });

  test('the published version can be taken back into content/ as a valid template file', async () => {
    const response = await as(t, national).get('/api/processing/national/templates/teknisk-eiendomsskatt-gebyrer/yaml');
    assert.equal(response.statusCode, 200);
    const file = templateFileSchema.parse(parse(response.body));
    assert.equal(file.version, 2);
    assert.equal((file as Record<string, unknown>).retention_period, 'Ny nasjonal lagringstid');
    const content = loadProcessingContent();
    const checked = checkTemplateRules(
      { content: Object.fromEntries(fieldKeys.map((k) => [k, (file as Record<string, unknown>)[k]])) as TemplateContent, localFields: file.local_fields, uncertain: file.uncertain },
      { serviceAreaIds: new Set(content.serviceAreas.map((a) => a.id)), measures: loadMeasureCatalogue() },
    );
    assert.deepEqual(checked.errors, []);
    assert.equal((await as(t, dpo).get('/api/processing/national/templates/teknisk-eiendomsskatt-gebyrer/yaml')).statusCode, 403);
  });

  test('publishing from a stale version is refused with 409', async () => {
    const template = json<{ template: { version: number; content: Record<string, unknown>; localFields: string[]; uncertain: unknown[] } }>(
      await as(t, national).get('/api/processing/national/templates/teknisk-eiendomsskatt-gebyrer'),
    ).template;
    const stale = await as(t, national).post('/api/processing/national/templates/teknisk-eiendomsskatt-gebyrer/versions', {
      baseVersion: template.version - 1,
      content: { ...template.content, notes: 'annet' },
      localFields: template.localFields,
      uncertain: template.uncertain,
      changeNote: 'For sent',
    });
    assert.equal(stale.statusCode, 409);
  });

  test('the proposal shows the national change and the conflict with the municipality\'s override', async () => {
    const { proposals } = json<{ proposals: ProposalDto[] }>(await as(t, dpo).get('/api/processing/proposals'));
    const open = proposals.find((p) => p.entryId === entryId && p.status === 'open')!;
    assert.equal(open.conflicts, 1);
    const detail = json<{ proposal: ProposalDetailDto }>(await as(t, dpo).get(`/api/processing/proposals/${open.id}`)).proposal;
    const byKey = Object.fromEntries(detail.fields.map((f) => [f.key, f]));
    assert.equal(byKey.retention_period?.change, 'conflict');
    assert.equal(byKey.retention_period?.mine, 'Vår egen lagringstid');
    assert.equal(byKey.retention_period?.theirs, 'Ny nasjonal lagringstid');
    assert.equal(byKey.description?.change, 'updated');
    assert.equal(byKey.disposal?.change, 'converged');
    assert.equal(byKey.notes?.change, 'kept');
    assert.equal(detail.changeNote, 'Ny lagringstid etter arkivlova (LOV-2025-06-20-96).');
  });

  test('accepting without resolving the conflict is refused; with "keep mine" the override survives the merge', async () => {
    const { proposals } = json<{ proposals: ProposalDto[] }>(await as(t, dpo).get('/api/processing/proposals'));
    const open = proposals.find((p) => p.entryId === entryId && p.status === 'open')!;
    const before = await entry(entryId);
    const unresolved = await as(t, dpo).post(`/api/processing/proposals/${open.id}/accept`, { entryVersion: before.version, resolutions: {} });
    assert.equal(unresolved.statusCode, 400);
    assert.equal(json(unresolved).field, 'resolutions.retention_period');
    const accepted = await as(t, dpo).post(`/api/processing/proposals/${open.id}/accept`, { entryVersion: before.version, resolutions: { retention_period: 'mine' } });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const after = await entry(entryId);
    assert.equal(after.templateVersion, open.toVersion);
    assert.equal(field(after, 'retention_period').value, 'Vår egen lagringstid');
    assert.equal(field(after, 'retention_period').source, 'override');
    assert.equal(field(after, 'description').value, 'Ny nasjonal beskrivelse');
    assert.equal(field(after, 'description').source, 'template');
    assert.equal(field(after, 'disposal').source, 'template', 'an override equal to the new national value is folded in');
    assert.equal(field(after, 'notes').value, 'Vår merknad');
    assert.equal(field(after, 'responsible_unit').value, 'Eiendomsskattekontoret');
    assert.equal(after.openProposalId, null);
    const again = await as(t, dpo).post(`/api/processing/proposals/${open.id}/accept`, { entryVersion: after.version, resolutions: {} });
    assert.equal(again.statusCode, 409);
    assert.equal(json(again).code, 'PROPOSAL_DECIDED');
  });

  test('"take new" drops the override; declining keeps the entry and records the decision', async () => {
    await publishForTest(t.database, 'teknisk-eiendomsskatt-gebyrer', { retention_period: 'Enda nyere lagringstid', notes: 'Ny nasjonal merknad' });
    let proposals = json<{ proposals: ProposalDto[] }>(await as(t, dpo).get('/api/processing/proposals')).proposals;
    let open = proposals.find((p) => p.entryId === entryId && p.status === 'open')!;
    let before = await entry(entryId);
    const accepted = await as(t, dpo).post(`/api/processing/proposals/${open.id}/accept`, { entryVersion: before.version, resolutions: { retention_period: 'theirs', notes: 'mine' } });
    assert.equal(accepted.statusCode, 200, accepted.body);
    let after = await entry(entryId);
    assert.equal(field(after, 'retention_period').value, 'Enda nyere lagringstid');
    assert.equal(field(after, 'retention_period').source, 'template');
    assert.equal(field(after, 'notes').value, 'Vår merknad');

    const { version } = await publishForTest(t.database, 'teknisk-eiendomsskatt-gebyrer', { description: 'Beskrivelse vi ikke vil ha' });
    proposals = json<{ proposals: ProposalDto[] }>(await as(t, dpo).get('/api/processing/proposals')).proposals;
    open = proposals.find((p) => p.entryId === entryId && p.status === 'open')!;
    assert.equal(open.toVersion, version);
    before = await entry(entryId);
    const declined = await as(t, dpo).post(`/api/processing/proposals/${open.id}/decline`, { note: 'Passer ikke hos oss.' });
    assert.equal(declined.statusCode, 204);
    after = await entry(entryId);
    assert.deepEqual(after.fields, before.fields);
    assert.equal(after.templateVersion, version - 1);
    proposals = json<{ proposals: ProposalDto[] }>(await as(t, dpo).get('/api/processing/proposals')).proposals;
    const decided = proposals.find((p) => p.id === open.id)!;
    assert.equal(decided.status, 'declined');
    assert.equal(decided.decisionNote, 'Passer ikke hos oss.');
  });

  test('a proposal accepted against an entry that changed meanwhile is refused with 409', async () => {
    await publishForTest(t.database, 'teknisk-eiendomsskatt-gebyrer', { description: 'Enda en beskrivelse' });
    const proposals = json<{ proposals: ProposalDto[] }>(await as(t, dpo).get('/api/processing/proposals')).proposals;
    const open = proposals.find((p) => p.entryId === entryId && p.status === 'open')!;
    const seen = await entry(entryId);
    await as(t, dpo).patch(`/api/processing/entries/${entryId}`, { version: seen.version, values: { data_subject_count: '2 000 eiendommer' } });
    const stale = await as(t, dpo).post(`/api/processing/proposals/${open.id}/accept`, { entryVersion: seen.version, resolutions: {} });
    assert.equal(stale.statusCode, 409);
    assert.equal((await entry(entryId)).templateVersion, seen.templateVersion);
  });

  test('another organisation cannot see or decide the proposal', async () => {
    const proposals = json<{ proposals: ProposalDto[] }>(await as(t, dpo).get('/api/processing/proposals')).proposals;
    const open = proposals.find((p) => p.status === 'open')!;
    assert.equal((await as(t, other).get(`/api/processing/proposals/${open.id}`)).statusCode, 404);
    assert.equal((await as(t, other).post(`/api/processing/proposals/${open.id}/decline`, {})).statusCode, 404);
    assert.equal(json<{ proposals: ProposalDto[] }>(await as(t, other).get('/api/processing/proposals')).proposals.length, 0);
  });
});
