import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../test/app';
import type { VendorDetailDto } from './contract';
import type { HistoryEntryDto } from './history';
import { runExpiryCheck } from './outbox';
import { addDays, osloDay } from './status';
import { asNational, buildSystem, buildVendor, municipalityWith, nationalTeam } from './test-support';
import { vendorProducts } from './schema';
import type { VendorUsageDto } from './usage';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Detail = { vendor: VendorDetailDto; local: { notes: string | null; version: number } | null; systems: { id: string }[] };
const detailOf = async (api: Awaited<ReturnType<typeof nationalTeam>>['api'], id: string) => json<Detail>(await api.get(`/api/vendors/${id}`));

describe('the national vendor registry', () => {
  test('the national team registers and edits a vendor; a stale edit is refused, not lost', async () => {
    const team = await nationalTeam(t);
    const invalid = await team.api.post('/api/vendors', { name: 'Feil AS', organizationNumber: '123456789' });
    assert.equal(invalid.statusCode, 400);
    assert.equal(json(invalid).field, 'organizationNumber');
    const created = await team.api.post('/api/vendors', { name: 'Registrert AS', organizationNumber: '974 760 673', dpaTerms: 'ks_standard', dpaVersion: '2024' });
    assert.equal(created.statusCode, 201, created.body);
    const vendor = json<Detail>(created).vendor;
    assert.equal(vendor.organizationNumber, '974760673');
    assert.equal(vendor.followUp.status, 'not_assessed');
    const edited = await team.api.patch(`/api/vendors/${vendor.id}`, { transfersOutsideEea: true, transferBasis: 'scc', version: vendor.version });
    assert.equal(edited.statusCode, 200, edited.body);
    const stale = await team.api.patch(`/api/vendors/${vendor.id}`, { description: 'Eldre utgave', version: vendor.version });
    assert.equal(stale.statusCode, 409);
    assert.equal(json(stale).code, 'CONFLICT');
    const municipality = await municipalityWith(t, ['administrator']);
    assert.equal((await municipality.api.post('/api/vendors', { name: 'Kommunens egen AS' })).statusCode, 403);
  });

  test('a new sub-processor reaches exactly the municipalities using the vendor, once', async () => {
    const team = await nationalTeam(t);
    const { vendor } = await buildVendor(t.database);
    const user = await municipalityWith(t);
    const bystander = await municipalityWith(t);
    await buildSystem(t.database, user.organization.id, { vendorId: vendor.id });
    const added = await team.api.post(`/api/vendors/${vendor.id}/sub-processors`, { name: 'Eksempel Support Inc', country: 'us', purpose: 'Brukerstøtte' });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal(json<{ notified: number }>(added).notified, 1);
    const inbox = json<{ items: { title: string; body: string }[] }>(await user.api.get('/api/notifications'));
    assert.equal(inbox.items.length, 1);
    assert.match(inbox.items[0]!.title, /Ny underdatabehandler hos .*: Eksempel Support Inc \(USA\)/);
    assert.match(inbox.items[0]!.body, /utenfor EØS/);
    assert.equal(json<{ items: unknown[] }>(await bystander.api.get('/api/notifications')).items.length, 0);
    const detail = await detailOf(team.api, vendor.id);
    assert.deepEqual(detail.vendor.subProcessors.map((s) => [s.country, s.insideEea]), [['US', false]]);
    assert.equal(detail.vendor.changes[0]!.recipients, 1);
  });

  test('an incident on one product reaches only the municipalities with a system on that product', async () => {
    const team = await nationalTeam(t);
    const { vendor, product } = await buildVendor(t.database);
    const [other] = await asNational(t.database, (tx) => tx.insert(vendorProducts).values({ vendorId: vendor.id, name: 'Annet produkt' }).returning());
    const onProduct = await municipalityWith(t);
    const onOther = await municipalityWith(t);
    await buildSystem(t.database, onProduct.organization.id, { vendorId: vendor.id, vendorProductId: product.id });
    await buildSystem(t.database, onOther.organization.id, { vendorId: vendor.id, vendorProductId: other!.id });
    const incident = await team.api.post(`/api/vendors/${vendor.id}/incidents`, { title: 'Løsepengevirus i driftsmiljøet', occurredOn: '2026-03-01', productId: product.id, personalDataAffected: true });
    assert.equal(json<{ notified: number }>(incident).notified, 1);
    assert.equal(json<{ unread: number }>(await onProduct.api.get('/api/notifications')).unread, 1);
    assert.equal(json<{ unread: number }>(await onOther.api.get('/api/notifications')).unread, 0);
  });

  test('an expired certificate makes the vendor due and is published once, however often the check runs', async () => {
    const team = await nationalTeam(t);
    const { vendor } = await buildVendor(t.database);
    const user = await municipalityWith(t);
    await buildSystem(t.database, user.organization.id, { vendorId: vendor.id });
    const today = osloDay(new Date());
    await team.api.patch(`/api/vendors/${vendor.id}`, { nextReviewOn: addDays(today, 200), version: 1 });
    await asNational(t.database, (tx) => tx.execute(sql`update vendors set last_reviewed_on = ${addDays(today, -30)} where id = ${vendor.id}`));
    assert.equal((await detailOf(team.api, vendor.id)).vendor.followUp.status, 'current');
    await team.api.post(`/api/vendors/${vendor.id}/certifications`, { kind: 'iso27001', validUntil: addDays(today, -1) });
    assert.equal((await detailOf(team.api, vendor.id)).vendor.followUp.status, 'due');
    assert.equal(await runExpiryCheck(t.database.owner, () => new Date()), 1);
    assert.equal(await runExpiryCheck(t.database.owner, () => new Date()), 0);
    const checked = json<{ published: number }>(await team.api.post('/api/vendors/expiry-check'));
    assert.equal(checked.published, 0);
    const inbox = json<{ items: { title: string }[] }>(await user.api.get('/api/notifications'));
    assert.equal(inbox.items.filter((n) => /ISO\/IEC 27001 .* er utløpt/.test(n.title)).length, 1);
  });

  test('a finding on one product marks that product, not the others', async () => {
    const team = await nationalTeam(t);
    const { vendor, product } = await buildVendor(t.database);
    await asNational(t.database, (tx) => tx.execute(sql`update vendors set last_reviewed_on = '2026-01-01', next_review_on = '2099-01-01' where id = ${vendor.id}`));
    const [other] = await asNational(t.database, (tx) => tx.insert(vendorProducts).values({ vendorId: vendor.id, name: 'Uten funn' }).returning());
    const added = await team.api.post(`/api/vendors/${vendor.id}/findings`, { title: 'Svak tilgangskontroll', severity: 'high', productId: product.id });
    assert.equal(added.statusCode, 201);
    const detail = (await detailOf(team.api, vendor.id)).vendor;
    assert.equal(detail.products.find((p) => p.id === product.id)!.followUp.status, 'findings_open');
    assert.equal(detail.products.find((p) => p.id === other!.id)!.followUp.status, 'current');
    const finding = detail.findings[0]!;
    const closed = await team.api.patch(`/api/vendors/${vendor.id}/findings/${finding.id}`, { status: 'closed', followUp: 'Rettet i versjon 4.2', version: finding.version });
    assert.equal(closed.statusCode, 200);
    assert.equal((await detailOf(team.api, vendor.id)).vendor.products.find((p) => p.id === product.id)!.followUp.status, 'current');
  });

  test('every change to a vendor can be read back as its history', async () => {
    const team = await nationalTeam(t);
    const created = json<Detail>(await team.api.post('/api/vendors', { name: 'Historikk AS' })).vendor;
    await team.api.patch(`/api/vendors/${created.id}`, { dpaVersion: '3.0', version: created.version });
    await team.api.post(`/api/vendors/${created.id}/sub-processors`, { name: 'Underleverandør AS', country: 'NO' });
    const history = json<{ items: HistoryEntryDto[] }>(await team.api.get(`/api/vendors/${created.id}/history`));
    const entries = history.items.map((h) => `${h.entity}:${h.action}`);
    assert.ok(entries.includes('vendors:insert') && entries.includes('vendors:update') && entries.includes('vendor_sub_processors:insert'), entries.join(', '));
    const update = history.items.find((h) => h.entity === 'vendors' && h.action === 'update' && h.changedFields.includes('dpa_version'));
    assert.ok(update, 'the update names the changed field');
    assert.equal(update.actorName, team.user.name);
    const someoneElse = json<Detail>(await team.api.post('/api/vendors', { name: 'Annen historikk AS' })).vendor;
    const other = json<{ items: HistoryEntryDto[] }>(await team.api.get(`/api/vendors/${someoneElse.id}/history`));
    assert.ok(other.items.every((h) => h.subject !== 'Underleverandør AS'), "one vendor's history holds no other vendor's events");
    const municipality = await municipalityWith(t, ['leser']);
    assert.equal((await municipality.api.get(`/api/vendors/${created.id}/history`)).statusCode, 200, 'municipalities read the history too');
  });
});

describe("a municipality's own details on top of the central follow-up", () => {
  test('its DPA date and notes are its own, and a stale save is refused', async () => {
    const { vendor } = await buildVendor(t.database);
    const a = await municipalityWith(t, ['personvernombud']);
    const b = await municipalityWith(t, ['administrator']);
    const saved = await a.api.put(`/api/vendors/${vendor.id}/local`, { dpaSignedOn: '2025-06-01', notes: 'Kommunens egne notater' });
    assert.equal(saved.statusCode, 200, saved.body);
    const version = json<{ local: { version: number } }>(saved).local.version;
    assert.equal((await a.api.put(`/api/vendors/${vendor.id}/local`, { notes: 'Ny versjon', version })).statusCode, 200);
    const stale = await a.api.put(`/api/vendors/${vendor.id}/local`, { notes: 'Gammel versjon', version });
    assert.equal(stale.statusCode, 409);
    assert.equal((await detailOf(a.api, vendor.id)).local!.notes, 'Ny versjon');
    const seenByB = await b.api.get(`/api/vendors/${vendor.id}`);
    assert.equal(json<Detail>(seenByB).local, null);
    assert.ok(!seenByB.body.includes('Ny versjon'));
    const reader = await municipalityWith(t, ['leser']);
    assert.equal((await reader.api.put(`/api/vendors/${vendor.id}/local`, { notes: 'x' })).statusCode, 403);
  });
});

describe('national overview of vendor usage', () => {
  test('counts municipalities per vendor, hiding counts below three', async () => {
    const team = await nationalTeam(t);
    const popular = await buildVendor(t.database);
    const rare = await buildVendor(t.database);
    for (let i = 0; i < 3; i++) {
      const m = await municipalityWith(t);
      await buildSystem(t.database, m.organization.id, { vendorId: popular.vendor.id });
      if (i === 0) await buildSystem(t.database, m.organization.id, { vendorId: rare.vendor.id });
    }
    const usage = json<{ minOrganizations: number; items: VendorUsageDto[] }>(await team.api.get('/api/vendors/usage'));
    assert.equal(usage.minOrganizations, 3);
    const popularRow = usage.items.find((v) => v.id === popular.vendor.id)!;
    const rareRow = usage.items.find((v) => v.id === rare.vendor.id)!;
    assert.equal(popularRow.organizations, 3);
    assert.equal(rareRow.organizations, null);
    assert.equal(rareRow.inUse, true);
    assert.ok(usage.items.indexOf(popularRow) < usage.items.indexOf(rareRow));
    assert.equal(popularRow.dueSoon, true, 'never assessed is due');
    const municipality = await municipalityWith(t, ['administrator']);
    assert.equal((await municipality.api.get('/api/vendors/usage')).statusCode, 403);
  });
});
