import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { withTenant } from '../../db/tenant';
import { auditEvents } from '../audit/schema';
import { createTestApp, json, type TestApp } from '../../test/app';
import { addMembership, as, buildOrganization, buildUser, openSession, type Session } from '../../test/factories';
import type { EntryDetailDto } from './contract';
import { templateUrn } from './contract';
import { recordPdfDefinition } from './outputs/pdf';
import type { PrivacyNotice } from './outputs/privacy-notice';
import { buildRecordDocument } from './outputs/record-document';
import { loadRecord } from './repository';
import { buildSystem, buildVendor } from './test-support';

/** The documents made from the record: PDF and Excel (art. 30) and the privacy notice, in bokmål and nynorsk. */

let t: TestApp;
let orgId: string;
let session: Session;
const ORG = 'Åsnes og Ørsta prøvekommune';

before(async () => {
  t = await createTestApp();
  orgId = (await buildOrganization(t.database, { name: ORG, documentLanguage: 'nn', dpoContact: 'Personvernombodet, tlf. 12 34 56 78' })).id;
  const user = await buildUser(t.database);
  await addMembership(t.database, user.id, orgId, ['personvernombud']);
  session = await openSession(t, user.id, orgId);
  const systemId = await buildSystem(t.database, orgId, 'Kulturskoleadministrasjon');
  const vendorId = await buildVendor(t.database, 'Kulturløsninger AS');
  const adopted = json<{ created: { id: string }[] }>(await as(t, session).post('/api/processing/entries/adopt', { templateUrns: [templateUrn('kultur-kulturskole-bibliotek-booking')] }));
  const id = adopted.created[0]!.id;
  const entry = json<{ entry: EntryDetailDto }>(await as(t, session).get(`/api/processing/entries/${id}`)).entry;
  const saved = await as(t, session).patch(`/api/processing/entries/${id}`, {
    version: entry.version,
    values: { responsible_unit: 'Kulturskolen på Ørnes', data_subject_count: 'ca. 250 elevar', local_retention_note: 'Påmeldingar blir sletta etter éin sesong.' },
    systemIds: [systemId],
    processors: [{ vendorId, dpaInPlace: true, dpaDate: '2024-05-01' }],
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const processor = await as(t, session).post('/api/processing/entries', { kind: 'processor', name: 'Lønn for Nabokommune', serviceArea: 'administrasjon', controller: 'Nabø kommune' });
  assert.equal(processor.statusCode, 201, processor.body);
});
after(() => t.close());

/** The PDF's title from its info dictionary (PDFKit writes non-ASCII strings as UTF-16BE with a byte-order mark). */
function pdfTitle(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(text)?.[1];
  const start = text.indexOf(`\n${ref} 0 obj\n(`) + `\n${ref} 0 obj\n(`.length;
  const end = text.indexOf(')\n', start);
  const bytes = Buffer.from(text.slice(start, end).replace(/\\([()\\])/g, '$1'), 'latin1');
  const body = bytes.subarray(2);
  const swapped = Buffer.alloc(body.length);
  for (let i = 0; i + 1 < body.length; i += 2) {
    swapped[i] = body[i + 1]!;
    swapped[i + 1] = body[i]!;
  }
  return swapped.toString('utf16le');
}

describe('the record of processing as documents', () => {
  test('the art. 30 document has every letter of art. 30(1) and 30(2), in the organisation\'s nynorsk', async () => {
    const doc = await withTenant(t.database.app, { organizationId: orgId, userId: null, requestId: 'outputs' }, async (tx) => {
      const record = await loadRecord(tx, orgId);
      return buildRecordDocument(record, { language: 'nn', serviceAreaTitle: (id) => id ?? '', measureTitle: (v) => v }, new Date('2026-02-01T10:00:00Z'));
    });
    assert.equal(doc.title, 'Protokoll over behandlingsaktivitetar');
    const own = doc.controllerEntries[0]!;
    assert.deepEqual([...new Set(own.rows.map((r) => r.article).filter(Boolean))], ['1(a)', '1(b)', '1(c)', '1(d)', '1(e)', '1(f)', '1(g)']);
    assert.deepEqual([...new Set(doc.processorEntries[0]!.rows.map((r) => r.article).filter(Boolean))], ['2(a)', '2(b)', '2(c)', '2(d)']);
    const byKey = Object.fromEntries(own.rows.map((r) => [r.key, r]));
    assert.equal(byKey.controller?.text, ORG);
    assert.equal(byKey.controller?.label, 'Behandlingsansvarleg');
    assert.equal(byKey.responsible_unit?.text, 'Kulturskolen på Ørnes');
    assert.equal(byKey.processors?.text, 'Kulturløsninger AS (databehandlaravtale 2024-05-01)');
    assert.equal(byKey.dpo_contact?.text, 'Personvernombodet, tlf. 12 34 56 78');
    assert.ok(own.rows.every((r) => r.text.trim() !== ''));
    const definition = JSON.stringify(recordPdfDefinition(doc));
    for (const expected of ['Kulturskolen på Ørnes', 'Lønn for Nabokommune', 'Nabø kommune', 'Behandlingar der kommunen er databehandlar (art. 30 nr. 2)']) {
      assert.ok(definition.includes(expected), expected);
    }
  });

  test('PDF: a real PDF in the organisation\'s language by default, in bokmål on request', async () => {
    const response = await as(t, session).get('/api/processing/outputs/record.pdf');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.match(String(response.headers['content-disposition']), /filename\*=UTF-8''behandlingsprotokoll-%C3%A5snes-og-%C3%B8rsta-pr%C3%B8vekommune\.pdf/);
    const pdf = response.rawPayload;
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length > 20_000, 'the fonts are embedded');
    assert.equal(pdfTitle(pdf), `Protokoll over behandlingsaktivitetar – ${ORG}`);
    const bokmal = await as(t, session).get('/api/processing/outputs/record.pdf?language=nb');
    assert.equal(pdfTitle(bokmal.rawPayload), `Protokoll over behandlingsaktiviteter – ${ORG}`);
  });

  test('Excel: one row per activity, a column per art. 30 field, æøå intact', async () => {
    const response = await as(t, session).get('/api/processing/outputs/record.xlsx?language=nb');
    assert.equal(response.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Om protokollen', 'Art. 30(1)', 'Art. 30(2)']);
    const own = workbook.getWorksheet('Art. 30(1)')!;
    const headers = (own.getRow(1).values as unknown[]).filter(Boolean).map(String);
    for (const header of ['Behandlingsansvarlig (art. 30(1)(a))', 'Formål (art. 30(1)(b))', 'Kategorier av registrerte (art. 30(1)(c))', 'Eksterne mottakere (art. 30(1)(d))', 'Overføring til tredjeland (art. 30(1)(e))', 'Lagringstid (art. 30(1)(f))', 'Sikkerhetstiltak (art. 30(1)(g))']) {
      assert.ok(headers.includes(header), `${header} in ${headers.join(' | ')}`);
    }
    assert.equal(own.rowCount, 2);
    const row = own.getRow(2).values as unknown[];
    assert.ok(row.includes('Kulturskolen på Ørnes'));
    assert.ok(row.some((v) => String(v).includes('TIL-01 Krev tofaktorinnlogging for alle brukere')), 'measures are shown by code and title');
    const processor = workbook.getWorksheet('Art. 30(2)')!;
    assert.ok((processor.getRow(2).values as unknown[]).includes('Nabø kommune'));
  });

  test('privacy notice: in nynorsk by default, in bokmål on request, only where the municipality is controller', async () => {
    const nn = json<{ notice: PrivacyNotice; defaultLanguage: string }>(await as(t, session).get('/api/processing/outputs/privacy-notice'));
    assert.equal(nn.defaultLanguage, 'nn');
    assert.equal(nn.notice.title, `Personvernerklæring for ${ORG}`);
    const headings = nn.notice.sections.map((s) => s.heading);
    assert.ok(headings.includes('Rettane dine') && headings.includes('Kven er ansvarleg') && headings.includes('Kultur og fritid'), headings.join());
    const text = JSON.stringify(nn.notice);
    assert.ok(text.includes('Personvernombodet, tlf. 12 34 56 78'));
    assert.ok(text.includes('ei oppgåve i interessa til ålmenta eller utøving av offentleg styresmakt (GDPR art. 6(1)(e))'));
    assert.ok(!text.includes('Lønn for Nabokommune'), 'processing for others is not in our notice');
    const nb = json<{ notice: PrivacyNotice }>(await as(t, session).get('/api/processing/outputs/privacy-notice?language=nb')).notice;
    assert.ok(nb.sections.some((s) => s.heading === 'Dine rettigheter'));
    assert.ok(JSON.stringify(nb).includes('Klage'));
    const activity = nb.sections.flatMap((s) => s.activities ?? [])[0]!;
    assert.deepEqual(
      activity.facts.map((f) => f.label),
      ['Formål', 'Dette gir oss lov til å behandle opplysningene', 'Hvem opplysningene gjelder', 'Hvilke opplysninger', 'Hvor vi henter opplysningene', 'Hvem vi deler opplysningene med', 'Hvor lenge vi lagrer opplysningene'],
    );
  });

  test('privacy notice as HTML for the website, escaped, with its language', async () => {
    const response = await as(t, session).get('/api/processing/outputs/privacy-notice.html?language=nn');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/html; charset=utf-8/);
    const html = response.body;
    assert.ok(html.startsWith('<!doctype html>\n<html lang="nn">'));
    assert.ok(html.includes(`<h1>Personvernerklæring for ${ORG}</h1>`));
    assert.ok(!/<script/i.test(html));
  });

  test('every export is recorded in the organisation\'s audit trail', async () => {
    const events = await t.database.owner
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, orgId), eq(auditEvents.entity, 'processing_record'), eq(auditEvents.action, 'export')));
    const formats = events.map((e) => (e.after as { format: string }).format).sort();
    assert.deepEqual([...new Set(formats)], ['pdf', 'privacy-notice', 'xlsx']);
  });
});
