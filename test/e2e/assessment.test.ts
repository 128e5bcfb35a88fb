import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { loadLibraryFixture } from '../../src/modules/assessment/test-support/library-fixture';
import { organizations } from '../../src/modules/organizations/schema';
import { pdfText } from '../../src/modules/reports/test-support/pdf-text';
import { addMembership, buildUser, type TestUser } from '../../src/test/factories';
import { expectAccessible, freshTotp, startE2e, type E2e } from './support';

let e2e: E2e;
let dpo: TestUser;
let contributor: TestUser;
let gran: { id: string; name: string };

before(async () => {
  e2e = await startE2e();
  const db = e2e.server.database;
  await loadLibraryFixture(db);
  gran = (await db.owner.select().from(organizations).where(eq(organizations.municipalityNumber, '3446')))[0]!;
  dpo = await buildUser(db, { name: 'Åshild Personvern' });
  await addMembership(db, dpo.id, gran.id, ['personvernombud', 'sikkerhetsleder']);
  contributor = await buildUser(db, { name: 'Bjørn Bidrag' });
  await addMembership(db, contributor.id, gran.id, ['bidragsyter']);
});
after(() => e2e.close());

async function logIn(page: Page, user: Pick<TestUser, 'email' | 'password' | 'totpSecret'>) {
  await page.goto('/innlogging');
  await page.getByLabel('E-postadresse').fill(user.email);
  await page.getByLabel('Passord').fill(user.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL('**/innlogging/tofaktor');
  await page.getByLabel('Engangskode eller gjenopprettingskode').fill(await freshTotp(user.totpSecret));
  await page.getByRole('button', { name: 'Bekreft' }).click();
}

test('a municipality answers the common measures, sees compliance change, gets an action plan and downloads the reports', async () => {
  const { page, context } = await e2e.newPage();
  await logIn(page, dpo);
  await page.getByRole('heading', { level: 1, name: gran.name }).waitFor();
  const nextStep = page.getByRole('link', { name: /129 tiltak er ikke vurdert – start med de viktigste/ });
  await nextStep.waitFor();
  await expectAccessible(page, 'startside med neste steg');

  // The compliance before anything is answered.
  await page.getByRole('link', { name: 'Samsvar per rammeverk' }).click();
  await page.getByRole('heading', { level: 1, name: 'Samsvar per rammeverk' }).waitFor();
  const nsmCard = page.locator('.framework-cards > *').filter({ hasText: 'NSMs grunnprinsipper for IKT-sikkerhet' });
  await nsmCard.getByText('0 % oppfylt').waitFor();
  await expectAccessible(page, 'samsvar før svar');

  // The next step: the list of measures not yet assessed, most important first.
  await page.goto('/');
  await nextStep.click();
  await page.getByRole('heading', { level: 1, name: 'Egenvurdering' }).waitFor();
  await page.getByText('129 av 129 tiltak').waitFor();
  await expectAccessible(page, 'egenvurdering');
  await page.getByLabel('Rammeverk').selectOption({ label: 'KI-forordningen – plikter for kommunen som bruker av KI-systemer' });
  await page.getByText(/^(?!129 av)\d+ av 129 tiltak$/).waitFor();
  await page.getByLabel('Rammeverk').selectOption('');

  // Answer the MFA measure, with evidence.
  await page.getByRole('link', { name: 'Krev tofaktorinnlogging for alle brukere' }).click();
  await page.getByRole('heading', { level: 1, name: 'TIL-01 Krev tofaktorinnlogging for alle brukere' }).waitFor();
  await expectAccessible(page, 'tiltak');
  await page.getByRole('radio', { name: 'Innført', exact: true }).check();
  await page.getByLabel('Modenhet (0–5)').selectOption('3');
  await page.getByLabel('Kommentar').fill('Tofaktor for alle ansatte og politikere siden januar – også for fjerntilgang.');
  await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
  await page.getByText('Vurderingen er lagret. Samsvaret i rammeverkene er regnet ut på nytt.').waitFor();
  await expectAccessible(page, 'tiltak lagret');
  await page.getByLabel('Tittel på lenken').fill('Rutine for tofaktor i kvalitetssystemet');
  await page.getByLabel('Nettadresse').fill('https://kvalitet.gran.kommune.no/rutiner/tofaktor');
  await page.getByRole('button', { name: 'Legg til lenke' }).click();
  await page.getByRole('link', { name: 'Åpne Rutine for tofaktor i kvalitetssystemet' }).waitFor();
  await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'tofaktor-dekning.csv', mimeType: 'text/csv', buffer: Buffer.from('enhet;andel med tofaktor\nOppvekst;100 %\nHelse;98 %\n') });
  await page.getByRole('button', { name: 'Last opp fil' }).click();
  await page.getByRole('link', { name: 'Last ned tofaktor-dekning.csv' }).waitFor();
  await expectAccessible(page, 'tiltak med dokumentasjon');

  // A gap, and a measure that needs a reason to be "not relevant".
  await page.goto('/egenvurdering?q=TIL-02');
  await page.getByRole('link', { name: 'Krev sterk tofaktor for administratorer og all fjerntilgang' }).click();
  await page.getByRole('radio', { name: 'Ikke startet', exact: true }).check();
  await page.getByLabel('Ansvarlig').selectOption({ label: 'Bjørn Bidrag' });
  await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
  await page.getByText('Vurderingen er lagret.', { exact: false }).waitFor();
  await page.goto('/egenvurdering?area=ai');
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('radio', { name: 'Ikke relevant', exact: true }).check();
  await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
  await page.getByRole('link', { name: 'Skriv hvorfor tiltaket ikke er relevant for dere.' }).waitFor();
  await expectAccessible(page, 'tiltak med feil');
  await page.getByLabel('Hvorfor er tiltaket ikke relevant for dere?').fill('Kommunen bruker ikke KI-systemer ennå.');
  await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
  await page.getByText('Vurderingen er lagret.', { exact: false }).waitFor();

  // Compliance has changed in the frameworks the answers map to.
  await page.getByRole('link', { name: 'Samsvar per rammeverk' }).click();
  await nsmCard.getByText('1 % oppfylt').waitFor();
  await expectAccessible(page, 'samsvar etter svar');
  await page.getByRole('link', { name: 'Se samsvar med NSMs grunnprinsipper for IKT-sikkerhet' }).click();
  await page.getByRole('heading', { level: 1, name: 'NSMs grunnprinsipper for IKT-sikkerhet' }).waitFor();
  await page.locator('summary', { hasText: /^2 Beskytte og opprettholde/ }).click();
  const mfaRequirement = page.locator('.tree li').filter({ hasText: '2.6.7' }).first();
  await mfaRequirement.getByText('Oppfylt', { exact: true }).waitFor();
  await expectAccessible(page, 'rammeverk – krav');
  await page.getByRole('tab', { name: /Mangler/ }).click();
  await page.getByRole('tabpanel').getByRole('link', { name: /TIL-02/ }).first().waitFor();
  await expectAccessible(page, 'rammeverk – mangler');
  await page.getByRole('tab', { name: 'Varmekart' }).click();
  await page.getByRole('rowheader', { name: /Beskytte og opprettholde/ }).waitFor();
  await expectAccessible(page, 'rammeverk – varmekart');

  // The action plan from the gaps: list, board (moved with a button), a progress note.
  await page.getByRole('link', { name: 'Handlingsplan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Handlingsplan' }).waitFor();
  await page.getByText('Handlingsplanen er tom.', { exact: false }).waitFor();
  await expectAccessible(page, 'tom handlingsplan');
  await page.getByRole('button', { name: 'Lag tiltak fra mangler' }).click();
  await page.getByText('1 nye tiltak fra 1 mangler.', { exact: false }).waitFor();
  await page.getByRole('link', { name: 'Krev sterk tofaktor for administratorer og all fjerntilgang' }).waitFor();
  await expectAccessible(page, 'handlingsplan – liste');
  await page.getByRole('tab', { name: 'Tavle' }).click();
  await page.getByRole('button', { name: 'Flytt «Krev sterk tofaktor for administratorer og all fjerntilgang» til Pågår' }).click();
  await page.getByText('«Krev sterk tofaktor for administratorer og all fjerntilgang» er flyttet til Pågår.').waitFor();
  await page.getByRole('heading', { name: 'Pågår (1)' }).waitFor();
  await expectAccessible(page, 'handlingsplan – tavle');
  await page.getByRole('tabpanel').getByRole('link', { name: 'Krev sterk tofaktor for administratorer og all fjerntilgang' }).click();
  await page.getByRole('heading', { level: 1, name: 'Krev sterk tofaktor for administratorer og all fjerntilgang' }).waitFor();
  await page.getByLabel('Frist').fill('2026-12-31');
  await page.getByRole('button', { name: 'Lagre endringene' }).click();
  await page.getByText('Tiltaket er lagret.').waitFor();
  await page.getByLabel('Fremdriftsnotat').fill('Bestilt sikkerhetsnøkler til alle IT-administratorer.');
  await page.getByRole('button', { name: 'Lagre notatet' }).click();
  await page.getByText('Bestilt sikkerhetsnøkler til alle IT-administratorer.').waitFor();
  await expectAccessible(page, 'tiltak i handlingsplanen');

  // The reports.
  await page.getByRole('link', { name: 'Rapporter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
  await expectAccessible(page, 'rapporter');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned statusrapporten (PDF)' }).click()]);
  const pdfBytes = readFileSync((await pdf.path())!);
  const { text, pages } = pdfText(pdfBytes);
  assert.equal(pages, 1);
  for (const expected of ['Status for personvern og informasjonssikkerhet', gran.name, 'Krev sterk tofaktor for administratorer og all fjerntilgang', 'Bekreft at 1 tiltak ikke er relevante']) {
    assert.ok(text.includes(expected), `the PDF says "${expected}"`);
  }
  const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned egenvurderingen (Excel)' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await excel.path())!) as unknown as ArrayBuffer);
  const plan = workbook.getWorksheet('Handlingsplan')!;
  assert.equal(plan.getRow(2).getCell(1).value, 'Krev sterk tofaktor for administratorer og all fjerntilgang');
  assert.equal(plan.getRow(2).getCell(2).value, 'Pågår');
  await context.close();
});

test('a bidragsyter sees only what is assigned to them', async () => {
  const { page, context } = await e2e.newPage();
  await logIn(page, contributor);
  await page.getByRole('heading', { level: 1, name: gran.name }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Samsvar per rammeverk' }).count(), 0);
  await page.getByRole('link', { name: 'Egenvurdering' }).first().click();
  await page.getByText('Her er tiltakene som er tildelt deg.', { exact: false }).waitFor();
  await page.getByText('1 av 1 tiltak').waitFor();
  await expectAccessible(page, 'egenvurdering for bidragsyter');
  await page.getByRole('link', { name: 'Handlingsplan' }).click();
  await page.getByRole('link', { name: 'Krev sterk tofaktor for administratorer og all fjerntilgang' }).waitFor();
  await expectAccessible(page, 'handlingsplan for bidragsyter');
  await context.close();
});
