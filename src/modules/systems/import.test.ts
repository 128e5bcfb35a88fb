import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, json, type TestApp } from '../../test/app';
import { buildSystem, buildVendor, municipalityWith } from '../vendors/test-support';
import type { SystemDto, SystemListItemDto } from './contract';
import type { ImportPreviewDto } from './import';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const csv = (text: string, fileName = 'systemer.csv') => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') });

async function xlsx(rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Systemer');
  for (const row of rows) sheet.addRow(row);
  return { fileName: 'systemer.xlsx', contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}

describe('importing the inventory from Excel or CSV', () => {
  test('the preview names each bad cell by row and column, and a file with errors imports nothing', async () => {
    const { api } = await municipalityWith(t, ['sikkerhetsleder']);
    const file = csv(
      [
        'Navn;Kritikalitet;Tofaktor for brukere;Siste gjenopprettingstest;Antall personer;Avhenger av',
        'Sak og arkiv;Kritisk;Ja;15.03.2026;ca. 14 000;',
        'Lønn;Høyest;Ja;2026-02-30;mange;',
        ';Viktig;Nei;;;',
        '',
        'Barnehage;Viktig;Nei;;;"Sak og arkiv; Ukjent system"',
        'sak og arkiv;Annet;Nei;;;',
      ].join('\n'),
    );
    const preview = await api.post('/api/systems/import/preview', file);
    assert.equal(preview.statusCode, 200, preview.body);
    const body = json<ImportPreviewDto>(preview);
    const errors = body.rows.flatMap((r) => r.errors.map((e) => `${r.row}|${e.column}|${e.message}`));
    assert.deepEqual(errors, [
      '3|Kritikalitet|«Høyest» er ikke et gyldig valg. Bruk Kritisk, Viktig, Annet.',
      '3|Siste gjenopprettingstest|«2026-02-30» er ikke en gyldig dato. Skriv for eksempel 31.12.2025 eller 2025-12-31.',
      '3|Antall personer|«mange» er ikke et helt tall.',
      '4|Navn|Navn mangler.',
      '6|Avhenger av|Fant ikke systemet «Ukjent system» i filen eller i systemoversikten.',
      '7|Navn|«sak og arkiv» står også på rad 2. Hvert system kan bare stå én gang.',
    ]);
    assert.equal(body.errorCount, 6);

    const refused = await api.post('/api/systems/import', file);
    assert.equal(refused.statusCode, 400);
    const refusal = json<{ code: string; issues: { message: string }[] }>(refused);
    assert.equal(refusal.code, 'IMPORT_INVALID');
    assert.equal(refusal.issues[0]!.message, 'Rad 3, Kritikalitet: «Høyest» er ikke et gyldig valg. Bruk Kritisk, Viktig, Annet.');
    assert.equal(json<{ items: unknown[] }>(await api.get('/api/systems')).items.length, 0, 'nothing imported');
  });

  test('a clean file imports every row, links registry vendors and dependencies, and keeps unknown vendors as text', async () => {
    const { api } = await municipalityWith(t, ['personvernombud']);
    const { vendor, product } = await buildVendor(t.database);
    const file = await xlsx([
      ['Navn', 'Leverandør', 'Produkt', 'Tjenester', 'Personopplysninger', 'Tofaktor for brukere', 'Frakoblet eller uforanderlig kopi', 'Slutt på støtte', 'Land', 'Avhenger av', 'Ukjent kolonne'],
      ['Journal', vendor.name.toUpperCase(), 'Testprodukt', 'Hjemmetjenesten; Sykehjem', 'Helseopplysninger, Fødselsnummer', 'Delvis', 'Ja', new Date(Date.UTC(2027, 0, 31)), 'Sverige', 'Identitet', 'x'],
      ['Identitet', 'Lokal Leverandør AS', '', 'Alle tjenester', '', 'Ja', 'Nei', null, 'NO', '', ''],
    ]);
    const preview = json<ImportPreviewDto>(await api.post('/api/systems/import/preview', file));
    assert.equal(preview.errorCount, 0, JSON.stringify(preview.rows));
    assert.deepEqual(preview.ignoredColumns, ['Ukjent kolonne']);
    assert.match(preview.rows[1]!.warnings[0]!.message, /Lokal Leverandør AS.*finnes ikke i det nasjonale leverandørregisteret/);
    const imported = await api.post('/api/systems/import', file);
    assert.equal(imported.statusCode, 200, imported.body);
    assert.deepEqual(json(imported), { created: 2, updated: 0 });
    const list = json<{ items: SystemListItemDto[] }>(await api.get('/api/systems')).items;
    const journal = list.find((s) => s.name === 'Journal')!;
    assert.equal(journal.product?.id, product.id);
    assert.equal(journal.endOfSupportOn, '2027-01-31');
    assert.equal(journal.mfaUsers, 'partial');
    const detail = json<{ system: SystemDto }>(await api.get(`/api/systems/${journal.id}`)).system;
    assert.deepEqual(detail.services, ['Hjemmetjenesten', 'Sykehjem']);
    assert.deepEqual(detail.personalDataCategories, ['helse', 'fodselsnummer']);
    assert.equal(detail.hostingCountry, 'SE');
    assert.equal(detail.backupOffline, true);
    assert.deepEqual(detail.dependsOn.map((d) => d.name), ['Identitet']);
    assert.equal(list.find((s) => s.name === 'Identitet')!.localVendorName, 'Lokal Leverandør AS');
  });

  test('exported Excel imports again as updates, and columns left out of a file stay as they were', async () => {
    const { organization, api } = await municipalityWith(t, ['administrator']);
    await buildSystem(t.database, organization.id, { name: 'Økonomi', criticality: 'important', mfaUsers: 'yes', purpose: 'Regnskap', lastRestoreTestOn: '2026-01-15' });
    const exported = await api.get('/api/systems/export');
    assert.equal(exported.statusCode, 200);
    assert.match(String(exported.headers['content-type']), /spreadsheetml/);
    const file = { fileName: 'eksport.xlsx', contentBase64: exported.rawPayload.toString('base64') };
    const preview = json<ImportPreviewDto>(await api.post('/api/systems/import/preview', file));
    assert.equal(preview.errorCount, 0, JSON.stringify(preview.rows));
    assert.deepEqual([preview.createCount, preview.updateCount], [0, 1]);
    assert.deepEqual(json(await api.post('/api/systems/import', file)), { created: 0, updated: 1 });
    const partial = csv('Navn,Tofaktor for brukere\nØkonomi,Nei\n');
    assert.deepEqual(json(await api.post('/api/systems/import', partial)), { created: 0, updated: 1 });
    const [system] = json<{ items: SystemListItemDto[] }>(await api.get('/api/systems')).items;
    assert.equal(system!.mfaUsers, 'no');
    assert.equal(system!.lastRestoreTestOn, '2026-01-15');
    assert.equal(system!.criticality, 'important');
  });

  test('CSV saved by older Excel (Windows-1252) reads correctly; unreadable files are refused clearly', async () => {
    const { api } = await municipalityWith(t, ['administrator']);
    const latin1 = { fileName: 'gammel.csv', contentBase64: Buffer.from('Navn;Formål\nBærum-system;Økonomi og lønn\n', 'latin1').toString('base64') };
    const preview = json<ImportPreviewDto>(await api.post('/api/systems/import/preview', latin1));
    assert.deepEqual(preview.rows.map((r) => r.name), ['Bærum-system']);
    const noName = await api.post('/api/systems/import/preview', csv('System;Formål\nA;B\n'));
    assert.equal(noName.statusCode, 400);
    assert.equal(json(noName).message, 'Filen mangler kolonnen «Navn» i første rad.');
    const broken = await api.post('/api/systems/import/preview', { fileName: 'x.xlsx', contentBase64: Buffer.from('PK\u0003\u0004 ikke en zip').toString('base64') });
    assert.equal(json(broken).code, 'IMPORT_UNREADABLE');
    const reader = await municipalityWith(t, ['leser']);
    assert.equal((await reader.api.post('/api/systems/import', csv('Navn\nX\n'))).statusCode, 403);
  });
});
