import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../test/app';
import { addDays, osloDay } from '../vendors/status';
import { asNational, buildSystem, buildVendor, municipalityWith } from '../vendors/test-support';
import type { SystemDto, SystemListItemDto } from './contract';
import type { MeasureEvidenceDto, SystemOverviewDto } from './overview';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const today = osloDay(new Date());

describe('the system inventory', () => {
  test('a municipality registers a system, links it to a product, and edits it without losing a colleague’s change', async () => {
    const { api } = await municipalityWith(t, ['sikkerhetsleder']);
    const { vendor, product } = await buildVendor(t.database);
    const invalid = await api.post('/api/systems', { name: '', mfaUsers: 'kanskje' });
    assert.equal(invalid.statusCode, 400);
    const issues = json<{ issues: { field: string; message: string }[] }>(invalid).issues;
    assert.deepEqual(issues.map((i) => i.field).sort(), ['mfaUsers', 'name']);
    assert.ok(issues.every((i) => /[æøåa-z]/i.test(i.message) && !/expected/i.test(i.message)), 'Norwegian messages');

    const created = await api.post('/api/systems', {
      name: 'Sak og arkiv',
      vendorProductId: product.id,
      criticality: 'critical',
      services: ['Saksbehandling'],
      hostingCountry: 'us',
      personalDataCategories: ['vanlige', 'helse'],
    });
    assert.equal(created.statusCode, 201, created.body);
    const system = json<{ system: SystemDto }>(created).system;
    assert.equal(system.vendor?.id, vendor.id, 'the product decides the vendor');
    assert.equal(system.hostingCountry, 'US');
    assert.equal(system.hostingOutsideEea, true);
    assert.equal(system.followUp?.status, 'not_assessed');
    assert.equal(system.flags.processorWithoutDpa, true);

    const duplicate = await api.post('/api/systems', { name: 'sak OG arkiv' });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(json(duplicate).code, 'NAME_TAKEN');

    const first = await api.patch(`/api/systems/${system.id}`, { mfaUsers: 'yes', version: system.version });
    assert.equal(first.statusCode, 200, first.body);
    const late = await api.patch(`/api/systems/${system.id}`, { mfaUsers: 'no', version: system.version });
    assert.equal(late.statusCode, 409);
    assert.equal(json<{ system: SystemDto }>(await api.get(`/api/systems/${system.id}`)).system.mfaUsers, 'yes');

    const other = await buildVendor(t.database);
    const mismatch = await api.patch(`/api/systems/${system.id}`, { vendorId: other.vendor.id, vendorProductId: product.id, version: system.version + 1 });
    assert.equal(mismatch.statusCode, 400);
    assert.equal(json(mismatch).field, 'vendorProductId');
  });

  test('dependencies are the municipality’s own systems only', async () => {
    const a = await municipalityWith(t, ['administrator']);
    const b = await municipalityWith(t, ['administrator']);
    const theirs = await buildSystem(t.database, b.organization.id, { name: 'Deres system' });
    const mine = await buildSystem(t.database, a.organization.id, { name: 'Identitet' });
    const refused = await a.api.post('/api/systems', { name: 'Fagsystem', dependsOn: [theirs.id] });
    assert.equal(refused.statusCode, 400);
    assert.equal(json(refused).code, 'DEPENDENCY_INVALID');
    const ok = json<{ system: SystemDto }>(await a.api.post('/api/systems', { name: 'Fagsystem', dependsOn: [mine.id] })).system;
    assert.deepEqual(ok.dependsOn.map((d) => d.name), ['Identitet']);
    const identity = json<{ system: SystemDto }>(await a.api.get(`/api/systems/${mine.id}`)).system;
    assert.deepEqual(identity.dependents.map((d) => d.name), ['Fagsystem']);
    const self = await a.api.patch(`/api/systems/${mine.id}`, { dependsOn: [mine.id], version: identity.version });
    assert.equal(json(self).code, 'DEPENDENCY_SELF');
    assert.equal((await b.api.get(`/api/systems/${mine.id}`)).statusCode, 404);
    assert.equal((await b.api.delete(`/api/systems/${mine.id}`)).statusCode, 404);
  });

  test('a reader sees the inventory but cannot change it', async () => {
    const { organization, api } = await municipalityWith(t, ['leser']);
    const system = await buildSystem(t.database, organization.id);
    assert.equal((await api.get('/api/systems')).statusCode, 200);
    assert.equal((await api.patch(`/api/systems/${system.id}`, { name: 'Nytt navn', version: 1 })).statusCode, 403);
  });
});

describe('overviews that answer real questions', () => {
  test('without MFA, without a tested restore, past end of support, processors without DPA, vendors with open findings, and the dependency view', async () => {
    const { organization, api } = await municipalityWith(t, ['administrator']);
    const reviewed = await buildVendor(t.database);
    const unsigned = await buildVendor(t.database);
    await asNational(t.database, async (tx) => {
      await tx.execute(sql`update vendors set last_reviewed_on = ${addDays(today, -10)}, next_review_on = ${addDays(today, 300)} where id = ${reviewed.vendor.id}`);
      await tx.execute(sql`insert into vendor_findings (vendor_id, title, severity) values (${reviewed.vendor.id}, 'Åpent funn', 'high')`);
    });
    const identity = await buildSystem(t.database, organization.id, { name: 'Identitet', mfaUsers: 'yes', mfaAdmins: 'yes', lastRestoreTestOn: addDays(today, -30), lastRestoreResult: 'ok', criticality: 'critical', services: ['Alle tjenester'] });
    const journal = await buildSystem(t.database, organization.id, {
      name: 'Journal',
      mfaUsers: 'partial',
      mfaAdmins: 'yes',
      lastRestoreTestOn: addDays(today, -400),
      criticality: 'critical',
      services: ['Hjemmetjenesten'],
      vendorId: reviewed.vendor.id,
      vendorProductId: reviewed.product.id,
      personalDataCategories: ['helse'],
    });
    const archive = await buildSystem(t.database, organization.id, { name: 'Arkiv', criticality: 'important', services: ['Hjemmetjenesten'], endOfSupportOn: addDays(today, -1), vendorId: unsigned.vendor.id, personalDataCategories: ['vanlige'] });
    await api.put(`/api/vendors/${reviewed.vendor.id}/local`, { dpaSignedOn: '2025-01-01' });
    await t.database.owner.execute(sql`insert into system_dependencies (organization_id, system_id, depends_on_id) values
      (${organization.id}, ${journal.id}, ${archive.id}), (${organization.id}, ${archive.id}, ${identity.id})`);

    const overview = json<SystemOverviewDto>(await api.get('/api/systems/overview'));
    const names = (list: { name: string }[]) => list.map((s) => s.name).sort();
    assert.equal(overview.total, 3);
    assert.deepEqual(names(overview.withoutMfa), ['Arkiv', 'Journal']);
    assert.deepEqual(names(overview.restoreUntested), ['Arkiv', 'Journal']);
    assert.deepEqual(names(overview.pastEndOfSupport), ['Arkiv']);
    assert.deepEqual(names(overview.processorsWithoutDpa), [unsigned.vendor.name]);
    assert.deepEqual(names(overview.vendorsWithOpenFindings), [reviewed.vendor.name]);
    const home = overview.services.find((s) => s.name === 'Hjemmetjenesten')!;
    assert.equal(home.criticality, 'critical');
    assert.deepEqual(home.systems.find((s) => s.name === 'Journal')!.dependsOn.map((d) => d.name), ['Arkiv', 'Identitet'], 'dependencies through other systems count');
    assert.equal(overview.services[0]!.criticality, 'critical');

    const list = json<{ items: SystemListItemDto[] }>(await api.get('/api/systems')).items;
    assert.equal(list.find((s) => s.name === 'Journal')!.followUp!.status, 'findings_open');
    assert.equal(list.find((s) => s.name === 'Identitet')!.followUp, null);

    const mfa = json<MeasureEvidenceDto>(await api.get('/api/systems/evidence?measure=urn:samsvar:measure:mfa-all-users'));
    assert.deepEqual([mfa.total, mfa.ok, mfa.gap, mfa.unknown], [3, 1, 1, 1]);
    const restore = json<MeasureEvidenceDto>(await api.get('/api/systems/evidence?measure=urn:samsvar:measure:restore-testing'));
    assert.deepEqual(restore.systems.filter((s) => s.state === 'ok').map((s) => s.name), ['Identitet']);
    assert.equal((await api.get('/api/systems/evidence?measure=urn:samsvar:measure:ukjent')).statusCode, 400);
  });
});
