import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { organizations } from '../../src/modules/organizations/schema';
import { addDays, osloDay } from '../../src/modules/vendors/status';
import { buildSystem } from '../../src/modules/vendors/test-support';
import { addMembership, buildUser, type TestUser } from '../../src/test/factories';
import { expectAccessible, logIn, startE2e, type E2e } from './support';

/**
 * The ROS "done when", as people do it: a security lead opens a system whose facts are recorded (no MFA for
 * users, no offline backup), starts a risk assessment from it, sees the matching threats suggested with why,
 * takes two in and dismisses one, scores them on the matrix, puts a new measure into the action plan; the risk
 * owner accepts and downloads the PDF, and finds the measure in the action plan.
 */
let e2e: E2e;
let editor: TestUser;
let riskOwner: TestUser;
let systemId: string;
const systemName = `Sak og arkiv ${Date.now().toString(36)}`;
const title = 'ROS for sak og arkiv';
const today = osloDay(new Date());

before(async () => {
  e2e = await startE2e();
  const db = e2e.server.database;
  const gran = (await db.owner.select().from(organizations).where(eq(organizations.municipalityNumber, '3446')))[0]!;
  editor = await buildUser(db, { name: 'Siri Sikkerhet', email: `siri-${Date.now()}@gran.example` });
  await addMembership(db, editor.id, gran.id, ['sikkerhetsleder']);
  riskOwner = await buildUser(db, { name: 'Rita Risikoeier', email: `rita-${Date.now()}@gran.example` });
  await addMembership(db, riskOwner.id, gran.id, ['leser']);
  const system = await buildSystem(db, gran.id, {
    name: systemName,
    mfaUsers: 'no',
    mfaAdmins: 'yes',
    backupOffline: false,
    lastRestoreTestOn: addDays(today, -60),
    endOfSupportOn: addDays(today, 800),
    personalDataCategories: ['vanlige'],
    criticality: 'important',
    hosting: 'own',
    hostingCountry: 'NO',
    monitoring: 'soc_24_7',
  });
  systemId = system.id;
});
after(() => e2e.close());

async function inBrowser(label: string, work: (page: Page) => Promise<void>): Promise<void> {
  const { page, context } = await e2e.newPage();
  try {
    await work(page);
  } catch (error) {
    await page.screenshot({ path: `/tmp/e2e-risk-${label}.png`, fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}


async function score(page: Page, n: number, values: { l: string; c: string; rl: string; rc: string }) {
  await page.locator(`#risk-${n}-l`).selectOption(values.l);
  await page.locator(`#risk-${n}-c`).selectOption(values.c);
  await page.locator(`#risk-${n}-rl`).selectOption(values.rl);
  await page.locator(`#risk-${n}-rc`).selectOption(values.rc);
  await page.locator('form', { has: page.locator(`#risk-${n}-l`) }).getByRole('button', { name: 'Lagre vurderingen' }).click();
}

test('a security lead starts a ROS from a system, takes in the suggested threats, scores them and plans a measure', async () => {
  await inBrowser('editor', async (page) => {
    await logIn(page, editor);
    await page.getByRole('link', { name: 'Risikovurdering (ROS)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risikovurderinger (ROS)' }).waitFor();
    await page.getByText('Kommunen har ingen risikovurderinger ennå').waitFor();
    await expectAccessible(page, 'tom ROS-liste');

    await page.goto(`/systemer/${systemId}`);
    await page.getByRole('heading', { level: 1, name: systemName }).waitFor();
    await page.getByRole('link', { name: 'Start risikovurdering av systemet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny risikovurdering' }).waitFor();
    assert.equal(await page.getByLabel('Systemet som skal vurderes').inputValue(), systemId, 'the system is chosen');
    await page.getByRole('button', { name: 'Start risikovurderingen' }).click();
    await page.getByRole('link', { name: 'Feltet må fylles ut.' }).waitFor();
    await expectAccessible(page, 'ny ROS med feil');
    await page.getByLabel('Tittel').fill(title);
    await page.getByLabel('Risikoeier').selectOption({ label: 'Rita Risikoeier' });
    await page.getByRole('button', { name: 'Start risikovurderingen' }).click();

    // The suggestions follow from the recorded facts, with why.
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Svak eller manglende tofaktorautentisering' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Tap eller ødeleggelse av sikkerhetskopier' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Løsepengevirus' }).waitFor();
    await page.getByText(`Tofaktor er ikke på plass for alle brukere (${systemName})`).first().waitFor();
    await page.getByText(`Det finnes ingen frakoblet eller uforanderlig sikkerhetskopi (${systemName})`).first().waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Gjenoppretting som feiler eller tar for lang tid' }).count(), 0, 'restore was tested: not suggested');
    assert.equal(await page.getByRole('heading', { name: 'Overføring og tilgang fra land utenfor EØS' }).count(), 0);
    await page.getByText(/Mangler opplysninger \(\d+\)/).click();
    await page.getByText(/Mangler opplysninger: .*internett/).first().waitFor();
    await expectAccessible(page, 'ROS med forslag');

    await page.getByRole('button', { name: 'Ta med: Svak eller manglende tofaktorautentisering' }).click();
    await page.getByRole('heading', { level: 3, name: 'R1. Svak eller manglende tofaktorautentisering' }).waitFor();
    await page.getByRole('button', { name: 'Ta med: Tap eller ødeleggelse av sikkerhetskopier' }).click();
    await page.getByRole('heading', { level: 3, name: 'R2. Tap eller ødeleggelse av sikkerhetskopier' }).waitFor();
    await page.getByRole('button', { name: 'Avvis: Løsepengevirus' }).click();
    await page.getByLabel('Hvorfor er trusselen ikke aktuell? (Løsepengevirus)').fill('Vurderes i den felles ROS-en for driftsmiljøet.');
    await page.getByRole('button', { name: 'Avvis forslaget' }).click();
    await page.getByRole('heading', { level: 2, name: 'Avviste forslag' }).waitFor();

    await score(page, 1, { l: '4', c: '3', rl: '2', rc: '3' });
    await page.getByRole('cell', { name: /^R1/ }).first().waitFor();
    await score(page, 2, { l: '3', c: '4', rl: '1', rc: '4' });
    await page.getByRole('cell', { name: /^R2/ }).first().waitFor();
    await page.locator('#risk-1-measure').fill('Tofaktor for alle brukere');
    await page.locator('form', { has: page.locator('#risk-1-measure') }).getByRole('button', { name: 'Legg til tiltak' }).click();
    await page.getByRole('button', { name: 'Legg i handlingsplanen: Tofaktor for alle brukere' }).click();
    await page.getByText('I handlingsplanen', { exact: true }).waitFor();
    await page.getByText('Bare risikoeieren (Rita Risikoeier) kan godkjenne.').waitFor();
    await expectAccessible(page, 'ROS med risikoer og tiltak');
  });
});

test('the risk owner accepts the ROS, downloads the PDF and finds the measure in the action plan', async () => {
  await inBrowser('owner', async (page) => {
    await logIn(page, riskOwner);
    await page.getByRole('link', { name: 'Risikovurdering (ROS)' }).click();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expectAccessible(page, 'ROS for risikoeieren');
    await page.getByLabel('Merknad (valgfritt)').fill('Restrisikoen er akseptabel når tofaktor er på plass.');
    await page.getByRole('button', { name: 'Godkjenn risikovurderingen' }).click();
    await page.getByText('Risikovurderingen er godkjent og kan ikke endres.').waitFor();
    await page.getByText(/Versjon 1 godkjent .* av Rita Risikoeier/).waitFor();
    await expectAccessible(page, 'godkjent ROS');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned PDF' }).click()]);
    const file = readFileSync((await download.path())!);
    assert.equal(file.subarray(0, 5).toString(), '%PDF-');

    await page.getByRole('link', { name: 'Risikovurdering (ROS)' }).click();
    await page.getByRole('cell', { name: 'Godkjent' }).waitFor();
    await expectAccessible(page, 'ROS-liste');
    await page.goto('/handlingsplan');
    await page.getByText('Tofaktor for alle brukere').first().waitFor();
    await expectAccessible(page, 'handlingsplan med tiltak fra ROS');
  });
});

test('the security lead makes the municipality its own 4 × 5 risk matrix and goes back to the national one', async () => {
  await inBrowser('matrix', async (page) => {
    await logIn(page, editor);
    await page.getByRole('link', { name: 'Risikovurdering (ROS)' }).click();
    await page.getByRole('link', { name: 'Risikomatrise' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risikomatrise' }).waitFor();
    await page.getByText('Kommunen bruker den nasjonale risikomatrisen').waitFor();
    const rows = page.locator('table', { has: page.getByText('Risikonivå for hver kombinasjon') }).locator('tbody tr');
    assert.equal(await rows.count(), 5);
    await expectAccessible(page, 'risikomatrise (nasjonal)');

    await page.getByRole('button', { name: 'Tilpass matrisen' }).click();
    await page.getByLabel('Antall nivåer for sannsynlighet').selectOption('4');
    // A cell lower than the one below it is refused; the error summary links to the cell.
    await page.getByLabel('Sannsynlighet 4, konsekvens 5').selectOption({ label: 'Lav' });
    await page.getByRole('button', { name: 'Lagre matrisen' }).click();
    await page.getByRole('link', { name: /Sannsynlighet 4 og konsekvens 5 kan ikke ha lavere risiko/ }).waitFor();
    await expectAccessible(page, 'risikomatrise med feil');
    await page.getByLabel('Sannsynlighet 4, konsekvens 5').selectOption({ label: 'Svært høy' });
    await page.getByText('Risikonivåer: aksept og frist for tiltak').click();
    await page.locator('#m-riskLevels-high-responseTime').fill('Tiltak på plass innen 6 uker.');
    await expectAccessible(page, 'risikomatrise under endring');
    await page.getByRole('button', { name: 'Lagre matrisen' }).click();

    await page.getByText('Matrisen er lagret. Nye risikovurderinger bruker den.').waitFor();
    await page.getByText('Kommunen bruker sin egen risikomatrise (4 × 5)').waitFor();
    assert.equal(await rows.count(), 4);
    await page.getByText('Slik vurderer du sannsynlighet og konsekvens').click();
    await page.getByText('Tiltak på plass innen 6 uker.').waitFor();
    await expectAccessible(page, 'risikomatrise (egen)');

    // A new assessment is scored on the municipality's matrix: four levels of likelihood.
    await page.goto('/risikovurdering/ny');
    await page.getByRole('heading', { level: 1, name: 'Ny risikovurdering' }).waitFor();
    await page.getByLabel('Systemet som skal vurderes').selectOption(systemId);
    await page.getByLabel('Tittel').fill('ROS med kommunens matrise');
    await page.getByRole('button', { name: 'Start risikovurderingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'ROS med kommunens matrise' }).waitFor();
    await page.getByRole('button', { name: 'Ta med: Svak eller manglende tofaktorautentisering' }).click();
    await page.locator('#risk-1-l').waitFor();
    assert.equal(await page.locator('#risk-1-l option').count(), 5, 'empty choice and four levels');
    assert.equal(await page.locator('#risk-1-c option').count(), 6, 'empty choice and five levels');

    await page.goto('/risikovurdering/matrise');
    await page.getByRole('button', { name: 'Bruk den nasjonale matrisen' }).click();
    await page.getByRole('button', { name: 'Ja, bruk den nasjonale' }).click();
    await page.getByText('Kommunen bruker den nasjonale matrisen igjen.').waitFor();
    await page.getByText('Kommunen bruker den nasjonale risikomatrisen').waitFor();
    assert.equal(await rows.count(), 5);
  });
});
