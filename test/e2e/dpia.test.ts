import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildEntry } from '../../src/modules/dpia/test-support';
import { organizations } from '../../src/modules/organizations/schema';
import { buildSystem } from '../../src/modules/processing/test-support';
import { addMembership, buildUser, nationalOrganization, type TestUser } from '../../src/test/factories';
import { expectAccessible, logIn, startE2e, type E2e } from './support';

/**
 * The DPIA "done when", as people do it: a municipality screens a processing activity, starts a DPIA from a
 * national template, fills in the local fields, adds, edits and removes its own risks and measures, changes a
 * template risk's levels (the risk maps follow) and sends it to the DPO; the DPO gives an opinion and sends it
 * for approval; the administrator approves and downloads the PDF; the planned measures are in the action plan.
 * Three different people, so no TOTP code is used twice.
 */

let e2e: E2e;
let author: TestUser;
let dpo: TestUser;
let leader: TestUser;
let entryId: string;
let editor: TestUser;
let contributor: TestUser;

before(async () => {
  e2e = await startE2e();
  const db = e2e.server.database;
  const gran = (await db.owner.select().from(organizations).where(eq(organizations.municipalityNumber, '3446')))[0]!;
  author = await buildUser(db, { name: 'Siri Sikkerhet' });
  await addMembership(db, author.id, gran.id, ['sikkerhetsleder']);
  dpo = await buildUser(db, { name: 'Pia Personvern' });
  await addMembership(db, dpo.id, gran.id, ['personvernombud']);
  leader = await buildUser(db, { name: 'Leif Leder' });
  await addMembership(db, leader.id, gran.id, ['administrator']);
  editor = await buildUser(db, { name: 'Frida Fellesforvalter' });
  await addMembership(db, editor.id, (await nationalOrganization(db)).id, ['fellesforvalter']);
  contributor = await buildUser(db, { name: 'Bjørn Bidrag' });
  await addMembership(db, contributor.id, gran.id, ['bidragsyter']);
  await buildSystem(db, gran.id, 'Journalsystemet');
  entryId = await buildEntry(db, gran.id, 'Pasientjournal i helse og omsorg');
});
after(() => e2e.close());


test('screening, a DPIA from a national template, the DPO, approval, PDF and the action plan', async () => {
  // The author screens the activity with the template's answers and starts the DPIA.
  const { page, context } = await e2e.newPage();
  await logIn(page, author);
  await page.getByRole('link', { name: 'DPIA', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Vurdering av personvernkonsekvenser (DPIA)' }).waitFor();
  await expectAccessible(page, 'DPIA-oversikt, tom');
  await page.getByLabel('Screen en behandling').selectOption(entryId);
  await page.getByRole('button', { name: 'Gå til screening' }).click();
  await page.getByRole('heading', { level: 1, name: 'Screening: trenger behandlingen en DPIA?' }).waitFor();
  await expectAccessible(page, 'screening, tom');
  await page.getByLabel('Fyll ut fra en nasjonal mal').selectOption({ label: 'Elektronisk pasientjournal (EPJ) i kommunal helse og omsorg' });
  await page.getByRole('radio', { name: 'Oppfylt', exact: true, checked: true }).nth(4).waitFor();
  await page.getByText('ikke verifisert mot Datatilsynets liste').first().waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Oppfylt', exact: true, checked: true }).count(), 5);
  await page.getByRole('button', { name: 'Lagre screeningen' }).click();
  await page.getByRole('heading', { name: /Resultat/ }).getByText('DPIA kreves').waitFor();
  await expectAccessible(page, 'screening lagret');

  await page.getByRole('link', { name: 'Start en DPIA' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Start en DPIA' }).waitFor();
  await page.getByRole('radio', { name: /Elektronisk pasientjournal/ }).check();
  await expectAccessible(page, 'start DPIA');
  await page.getByRole('button', { name: 'Start DPIA' }).click();
  await page.getByRole('heading', { level: 1, name: 'DPIA: Elektronisk pasientjournal (EPJ) i kommunal helse og omsorg' }).waitFor();
  await page.getByText('6 lokale felt står tomme.').waitFor();
  await expectAccessible(page, 'DPIA fra mal, lokale felt tomme');

  await page.getByLabel('Hvilken enhet eier journalen').fill('Kommunalsjef helse og omsorg');
  await page.getByRole('checkbox', { name: 'Hjemmesykepleie og praktisk bistand' }).check();
  await page.getByRole('checkbox', { name: 'Sykehjem og korttidsplasser' }).check();
  await page.getByLabel('Omtrent hvor mange pasienter').fill('2400');
  await page.getByLabel('Velg EPJ-systemet').selectOption({ label: 'Journalsystemet' });
  await page.getByLabel('Hvem har ansvaret for at de planlagte tiltakene').selectOption({ label: 'Siri Sikkerhet' });
  await page.getByLabel('Hva mente pasientene og brukerne').fill('Eldrerådet er hørt og støtter tiltakene.');
  await page.getByRole('button', { name: 'Lagre som ny versjon' }).click();
  await page.getByRole('link', { name: 'Vis versjon 2' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await page.getByText('lokale felt står tomme').count(), 0);
  await expectAccessible(page, 'DPIA utfylt');

  // A measure of its own, carrying out a common measure from the library, and a risk of its own it treats.
  await page.locator('summary', { hasText: 'Legg til et eget tiltak' }).click();
  await page.getByLabel('Navn på tiltaket').fill('Lokal rutine for utskrift');
  await page.getByLabel('Frist i måneder etter godkjenning').fill('2');
  await page.getByLabel('Felles tiltak i biblioteket som tiltaket gjennomfører').selectOption({ index: 1 });
  await expectAccessible(page, 'DPIA: legg til tiltak');
  await page.getByRole('button', { name: 'Legg til og lagre som ny versjon' }).click();
  await page.getByRole('link', { name: 'Vis versjon 3' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('summary', { hasText: 'Legg til en egen risiko' }).click();
  await page.getByLabel('Hva kan skje?').fill('Utskrifter blir liggende fremme på vaktrommet');
  await page.getByLabel('Virkninger for de registrerte').fill('Besøkende ser helseopplysninger.');
  const k01 = page.getByRole('checkbox', { name: 'k01: Lokal rutine for utskrift' });
  await k01.check();
  assert.ok(await k01.isChecked());
  await page.getByRole('button', { name: 'Legg til og lagre som ny versjon' }).click();
  await page.getByRole('link', { name: 'Vis versjon 4' }).waitFor();
  await page.getByRole('heading', { name: 'lokal_01: Utskrifter blir liggende fremme på vaktrommet' }).waitFor();
  await expectAccessible(page, 'DPIA med egen risiko');

  // The template risk's levels change: before measures and after (residual), and the risk maps follow.
  const cell = (map: string, likelihood: number, severity: number) =>
    page.getByRole('region', { name: map, exact: true }).locator('tbody tr').nth(4 - likelihood).locator('td').nth(severity - 1);
  assert.match(await cell('Før planlagte tiltak', 3, 4).innerText(), /illegitimate_access/);
  assert.doesNotMatch(await cell('Før planlagte tiltak', 2, 2).innerText(), /illegitimate_access/);
  await page.locator('summary', { hasText: 'Endre nivåene for illegitimate_access' }).click();
  const levels = page.locator('details', { has: page.locator('summary', { hasText: 'Endre nivåene for illegitimate_access' }) });
  await levels.getByRole('group', { name: 'Før tiltak' }).getByLabel('Alvorlighet').selectOption('2');
  await levels.getByRole('group', { name: 'Før tiltak' }).getByLabel('Sannsynlighet').selectOption('2');
  await levels.getByRole('group', { name: 'Etter tiltak (restrisiko)' }).getByLabel('Alvorlighet').selectOption('2');
  await levels.getByRole('group', { name: 'Etter tiltak (restrisiko)' }).getByLabel('Sannsynlighet').selectOption('1');
  await levels.getByText('Risikonivå med disse valgene: før tiltak').waitFor();
  await levels.getByLabel('Begrunnelse for nivåene').fill('Tilgangsstyring per avdeling og månedlig loggkontroll.');
  await expectAccessible(page, 'DPIA: endre nivåene for en risiko fra malen');
  await levels.getByRole('button', { name: 'Lagre nivåene som ny versjon' }).click();
  await page.getByRole('link', { name: 'Vis versjon 5' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.match(await cell('Før planlagte tiltak', 2, 2).innerText(), /illegitimate_access/);
  assert.doesNotMatch(await cell('Før planlagte tiltak', 3, 4).innerText(), /illegitimate_access/);
  assert.match(await cell('Etter planlagte tiltak (restrisiko)', 1, 2).innerText(), /illegitimate_access/);
  await page.getByText('Alvorlighet 2, sannsynlighet 2').first().waitFor();
  await expectAccessible(page, 'DPIA med endrede nivåer');

  // The own risk is edited: a sharper title and how it can happen.
  await page.locator('summary', { hasText: 'Endre risikoen lokal_01' }).click();
  const editRisk = page.locator('details', { has: page.locator('summary', { hasText: 'Endre risikoen lokal_01' }) });
  assert.equal(await editRisk.getByLabel('Hva kan skje?').inputValue(), 'Utskrifter blir liggende fremme på vaktrommet');
  await editRisk.getByLabel('Hva kan skje?').fill('Utskrifter blir liggende fremme på vaktrommet om natten');
  await editRisk.getByLabel('Hvordan det kan skje').fill('Nattevakten skriver ut og blir kalt bort.');
  await expectAccessible(page, 'DPIA: endre egen risiko');
  await editRisk.getByRole('button', { name: 'Lagre endringene som ny versjon' }).click();
  await page.getByRole('link', { name: 'Vis versjon 6' }).waitFor();
  await page.getByRole('heading', { name: 'lokal_01: Utskrifter blir liggende fremme på vaktrommet om natten' }).waitFor();
  await expectAccessible(page, 'DPIA med endret egen risiko');

  // A measure the risk uses cannot be removed: the dialog says why, and nothing changes.
  await page.getByRole('button', { name: 'Fjern tiltaket k01' }).click();
  await page.getByRole('dialog').getByText('Vil du fjerne tiltaket «Lokal rutine for utskrift»?').waitFor();
  await expectAccessible(page, 'DPIA: bekreft fjerning av tiltak');
  await page.getByRole('dialog').getByRole('button', { name: 'Fjern', exact: true }).click();
  await page.getByRole('dialog').getByText(/brukes av risikoen «Utskrifter blir liggende fremme på vaktrommet om natten»/).waitFor();
  await expectAccessible(page, 'DPIA: tiltak i bruk kan ikke fjernes');
  await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
  assert.equal(await page.getByRole('link', { name: 'Vis versjon 7' }).count(), 0);

  // A measure added by mistake is removed after a confirmation.
  await page.locator('summary', { hasText: 'Legg til et eget tiltak' }).click();
  const addMeasure = page.locator('details', { has: page.locator('summary', { hasText: 'Legg til et eget tiltak' }) });
  await addMeasure.getByLabel('Navn på tiltaket').fill('Tiltak lagt inn ved en feil');
  await addMeasure.getByRole('button', { name: 'Legg til og lagre som ny versjon' }).click();
  await page.getByRole('link', { name: 'Vis versjon 7' }).waitFor();
  const measureList = page.getByRole('region', { name: 'Tiltak og handlingsplan' });
  await measureList.locator('strong', { hasText: 'k02: Tiltak lagt inn ved en feil' }).waitFor();
  await page.getByRole('button', { name: 'Fjern tiltaket k02' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Fjern', exact: true }).click();
  await page.getByRole('link', { name: 'Vis versjon 8' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await measureList.locator('strong', { hasText: 'k02: Tiltak lagt inn ved en feil' }).count(), 0);
  await measureList.locator('strong', { hasText: 'k01: Lokal rutine for utskrift' }).waitFor();
  await page.getByText('Tiltaket «Tiltak lagt inn ved en feil» er fjernet.').waitFor();
  await expectAccessible(page, 'DPIA etter fjernet tiltak');
  await page.getByRole('button', { name: 'Send til personvernombudet' }).click();
  await page.getByText('Vurderingen ligger hos personvernombudet.').waitFor();
  const dpiaUrl = page.url();
  await context.close();

  // The DPO gives the opinion and sends it for approval.
  const dpoSession = await e2e.newPage();
  await logIn(dpoSession.page, dpo);
  await dpoSession.page.goto(dpiaUrl);
  await dpoSession.page.getByRole('button', { name: 'Send til godkjenning' }).waitFor();
  await expectAccessible(dpoSession.page, 'DPIA hos personvernombudet');
  await dpoSession.page.getByLabel('Personvernombudets uttalelse').fill('Vurderingen er grundig. Restrisikoen kan godtas når loggkontrollen er på plass.');
  await dpoSession.page.getByRole('button', { name: 'Send til godkjenning' }).click();
  await dpoSession.page.getByText('Vurderingen venter på godkjenning fra ansvarlig leder.').waitFor();
  await dpoSession.context.close();

  // The responsible leader approves, downloads the PDF and finds the measures in the action plan.
  const leaderSession = await e2e.newPage();
  const lp = leaderSession.page;
  await logIn(lp, leader);
  await lp.goto(dpiaUrl);
  await lp.getByRole('button', { name: 'Godkjenn DPIA-en' }).waitFor();
  await lp.getByText(/Vurderingen er grundig/).first().waitFor();
  await expectAccessible(lp, 'DPIA til godkjenning');
  await lp.getByRole('button', { name: 'Godkjenn DPIA-en' }).click();
  await lp.getByText(/Godkjent av Leif Leder/).waitFor();
  await lp.getByText('6 tiltak er lagt i handlingsplanen.').waitFor();
  await expectAccessible(lp, 'DPIA godkjent');
  const [pdf] = await Promise.all([lp.waitForEvent('download'), lp.getByRole('link', { name: 'DPIA som PDF' }).click()]);
  assert.equal(readFileSync((await pdf.path())!).subarray(0, 5).toString(), '%PDF-');

  await lp.getByRole('link', { name: 'Gå til handlingsplanen' }).click();
  await lp.getByRole('heading', { level: 1, name: 'Handlingsplan' }).waitFor();
  for (const title of ['Systematisk loggkontroll', 'Halvårlig gjennomgang av tilganger', 'Årlig gjenopprettingstest', 'Rutine for innsyn i logg', 'Øvelse på bortfall av EPJ', 'Lokal rutine for utskrift']) {
    await lp.getByRole('link', { name: title }).waitFor();
  }
  await expectAccessible(lp, 'handlingsplan med DPIA-tiltak');
  await leaderSession.context.close();
});

test('the national team publishes a new template version; the municipality takes it in as a new draft', async () => {
  const national = await e2e.newPage();
  await logIn(national.page, editor);
  await national.page.getByRole('link', { name: 'DPIA-maler' }).click();
  await national.page.getByRole('heading', { level: 1, name: 'Nasjonale DPIA-maler' }).waitFor();
  await expectAccessible(national.page, 'nasjonale DPIA-maler');
  await national.page.getByRole('link', { name: 'Elektronisk pasientjournal (EPJ) i kommunal helse og omsorg' }).click();
  await national.page.getByRole('button', { name: 'Publiser ny versjon' }).waitFor();
  await expectAccessible(national.page, 'nasjonal DPIA-mal');
  await national.page.getByRole('button', { name: 'Publiser ny versjon' }).click();
  await national.page.getByText('Hva er endret').first().waitFor();
  await national.page.getByRole('link', { name: 'Feltet må fylles ut.' }).waitFor();
  await expectAccessible(national.page, 'nasjonal DPIA-mal med feiloppsummering');
  await national.page.getByLabel('Formål', { exact: true }).fill('Gi og dokumentere forsvarlig helsehjelp til den enkelte pasient.');
  await national.page.getByLabel('Hva er endret').fill('Kortere formål.');
  await national.page.getByRole('button', { name: 'Publiser ny versjon' }).click();
  await national.page.getByText('Versjon 2 er publisert. 1 kommuner har fått forslag.').waitFor();
  await national.context.close();

  const { page, context } = await e2e.newPage();
  await logIn(page, contributor);
  await page.goto('/dpia');
  await page.getByRole('link', { name: /Forslag fra nye versjoner av nasjonale maler \(1 åpne\)/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Forslag fra nye malversjoner' }).waitFor();
  await page.getByText('Endret i malen: principles.purposes.value').waitFor();
  await expectAccessible(page, 'DPIA-forslag');
  await page.getByRole('button', { name: 'Ta inn den nye versjonen' }).click();
  await page.getByText('Tatt inn').waitFor();
  await page.getByRole('link', { name: 'DPIA: Elektronisk pasientjournal (EPJ) i kommunal helse og omsorg' }).click();
  await page.getByText('Gi og dokumentere forsvarlig helsehjelp til den enkelte pasient.').waitFor();
  await page.getByRole('heading', { level: 1, name: 'DPIA: Elektronisk pasientjournal (EPJ) i kommunal helse og omsorg' }).waitFor();
  await page.getByText('Utkast', { exact: true }).first().waitFor();
  assert.equal(await page.getByText('lokale felt står tomme').count(), 0, 'the local values were kept');
  await expectAccessible(page, 'DPIA etter ny malversjon');
  await context.close();
});
