import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { addMembership, as, buildOrganization, buildUser, openSession } from '../../test/factories';
import { eq } from 'drizzle-orm';
import { withOwner } from '../../db/tenant';
import { TEST_SECRET } from '../../test/app';
import { seedDemoAssessments } from '../assessment/demo';
import { loadCisoFramework } from '../assessment/test-support/ciso-framework';
import { assessmentTest, type AssessmentTest } from '../assessment/test-support/setup';
import { organizations } from '../organizations/schema';
import { seedDemoUsers } from '../users/demo';
import { pdfText } from './test-support/pdf-text';

let s: AssessmentTest;
const MFA = 'urn:samsvar:measure:mfa-all-users';

before(async () => {
  s = await assessmentTest({ name: 'Ås kommune' });
  const api = await s.api('editor');
  await api.patch('/api/assessment/measure', { measureUrn: MFA, version: 0, status: 'not_started', maturity: 1, ownerUserId: s.people.admin.id, comment: 'Må på plass før tilsynet – særlig for fjerntilgang' });
  await api.patch('/api/assessment/measure', { measureUrn: 'urn:samsvar:measure:backup-protection', version: 0, status: 'implemented', maturity: 4 });
  await api.patch('/api/assessment/measure', { measureUrn: 'urn:samsvar:measure:ai-literacy', version: 0, status: 'not_relevant', notRelevantReason: 'Ingen KI i bruk ennå' });
  await api.post('/api/actions/generate');
  await api.post('/api/actions', { title: 'Øvelse på tap av IKT – beredskapsplan', dueDate: '2020-06-01' });
});
after(() => s.t.close());

describe('the status report for the kommunedirektør (PDF)', () => {
  test('is one valid PDF page with the figures, the gaps, the next actions and what to decide, æøå intact', async () => {
    const response = await (await s.api('reader')).get('/api/reports/status.pdf');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.match(String(response.headers['content-disposition']), /^attachment; filename="samsvar-status-/);
    const pdf = response.rawPayload;
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.subarray(-8).toString(), /%%EOF/);
    const { text, pages } = pdfText(pdf);
    assert.equal(pages, 1);
    for (const expected of [
      'Status for personvern og informasjonssikkerhet',
      'Ås kommune',
      'Til kommunedirektøren',
      'Modenhet per område',
      'Samsvar per rammeverk',
      'Største mangler',
      'Krev tofaktorinnlogging for alle brukere',
      'Neste tiltak',
      'Øvelse på tap av IKT – beredskapsplan',
      'Dette må kommunedirektøren ta stilling til',
      'Bekreft at 1 tiltak ikke er relevante',
      'Identitet og tilgang',
    ]) {
      assert.ok(text.includes(expected), `the PDF says "${expected}"`);
    }
  });

  test('a nynorsk municipality gets it in nynorsk', async () => {
    const organization = await buildOrganization(s.t.database, { name: 'Vågå kommune', documentLanguage: 'nn' });
    const user = await buildUser(s.t.database);
    await addMembership(s.t.database, user.id, organization.id, ['leser']);
    const api = as(s.t, await openSession(s.t, user.id, organization.id));
    const { text } = pdfText((await api.get('/api/reports/status.pdf')).rawPayload);
    for (const expected of ['Status for personvern og informasjonstryggleik', 'Modnad per område', 'Vågå kommune', 'Største manglar']) assert.ok(text.includes(expected), `"${expected}" in ${text.slice(0, 400)}`);
  });

  test('stays on one page with a full, realistic self-assessment (demo data, a GDPR-sized framework), in bokmål and nynorsk', async () => {
    await loadCisoFramework(s.t.database, '/work/shared/fixtures/ciso-assistant/gdpr.yaml');
    await withOwner(s.t.database.owner, { organizationId: null, userId: null, requestId: 'test' }, async (tx) => {
      await seedDemoUsers(tx, TEST_SECRET);
      await seedDemoAssessments(tx);
    });
    for (const [number, title] of [['3446', 'Status for personvern og informasjonssikkerhet'], ['4036', 'Status for personvern og informasjonstryggleik']] as const) {
      const [organization] = await s.t.database.owner.select().from(organizations).where(eq(organizations.municipalityNumber, number));
      const user = await buildUser(s.t.database);
      await addMembership(s.t.database, user.id, organization!.id, ['leser']);
      const { text, pages } = pdfText((await as(s.t, await openSession(s.t, user.id, organization!.id)).get('/api/reports/status.pdf')).rawPayload);
      assert.ok(text.includes(title));
      assert.equal(pages, 1, `${number}: the status fits on one page`);
    }
  });

  test('a bidragsyter cannot download the reports', async () => {
    const api = await s.api('contributor');
    assert.equal((await api.get('/api/reports/status.pdf')).statusCode, 403);
    assert.equal((await api.get('/api/reports/assessment.xlsx')).statusCode, 403);
  });
});

describe('the self-assessment and action plan (Excel)', () => {
  test('has the self-assessment, the plan, compliance and the maturity scale, and reads back', async () => {
    const response = await (await s.api('editor')).get('/api/reports/assessment.xlsx');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((w) => w.name), ['Egenvurdering', 'Handlingsplan', 'Samsvar', 'Modenhetsskala']);
    const assessment = workbook.getWorksheet('Egenvurdering')!;
    assert.equal(assessment.rowCount, s.library.measures + 1);
    const header = (assessment.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 8), ['Kode', 'Tiltak', 'Område', 'Prioritet', 'Innsats', 'Status', 'Modenhet', 'Ansvarlig']);
    const mfaRow = assessment.getRows(2, s.library.measures)!.find((r) => r.getCell(2).value === 'Krev tofaktorinnlogging for alle brukere')!;
    assert.equal(mfaRow.getCell(6).value, 'Ikke startet');
    assert.equal(mfaRow.getCell(7).value, '1 – Initiell');
    assert.equal(mfaRow.getCell(8).value, s.people.admin.name);
    assert.equal(mfaRow.getCell(10).value, 'Må på plass før tilsynet – særlig for fjerntilgang');
    const plan = workbook.getWorksheet('Handlingsplan')!;
    const titles = plan.getRows(2, plan.rowCount - 1)!.map((r) => r.getCell(1).value);
    assert.ok(titles.includes('Øvelse på tap av IKT – beredskapsplan'));
    assert.ok(titles.includes('Krev tofaktorinnlogging for alle brukere'));
    const overdueRow = plan.getRows(2, plan.rowCount - 1)!.find((r) => r.getCell(1).value === 'Øvelse på tap av IKT – beredskapsplan')!;
    assert.equal(overdueRow.getCell(7).value, 'Ja');
    const frameworks = JSON.parse((await (await s.api('editor')).get('/api/compliance')).body) as { frameworks: unknown[] };
    assert.equal(workbook.getWorksheet('Samsvar')!.rowCount, frameworks.frameworks.length + 1);
    assert.equal(workbook.getWorksheet('Modenhetsskala')!.getRow(7).getCell(2).value, 'Optimalisert');
  });
});
