import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { organizations } from '../../src/modules/organizations/schema';
import { buildSystem, buildVendor, publishForTest } from '../../src/modules/processing/test-support';
import { addMembership, buildUser, nationalOrganization, type TestUser } from '../../src/test/factories';
import { expectAccessible, logIn, startE2e, type E2e } from './support';

/**
 * The records-of-processing "done when", as people do it: a new municipality adopts a whole service area,
 * completes the marked fields, sees its record complete, downloads the PDF, Excel and privacy notice; the
 * national team publishes a template update, which reaches the municipality as a proposal it accepts keeping
 * its override, and a later one it declines.
 */

let e2e: E2e;
let dpo: TestUser;
let editor: TestUser;
let gran: { id: string; name: string };

before(async () => {
  e2e = await startE2e();
  const db = e2e.server.database;
  gran = (await db.owner.select().from(organizations).where(eq(organizations.municipalityNumber, '3446')))[0]!;
  dpo = await buildUser(db, { name: 'Pia Personvern' });
  await addMembership(db, dpo.id, gran.id, ['administrator', 'personvernombud']);
  editor = await buildUser(db, { name: 'Frida Fellesforvalter' });
  await addMembership(db, editor.id, (await nationalOrganization(db)).id, ['fellesforvalter']);
  await buildSystem(db, gran.id, 'Boligforvaltning Pluss');
  await buildVendor(db, 'Husbanken-tjenester AS');
});
after(() => e2e.close());


async function fillMarkedFields(page: Page, unit: string, count: string) {
  await page.getByLabel('Ansvarlig enhet', { exact: true }).fill(unit);
  await page.getByLabel('Omtrentlig antall registrerte', { exact: true }).fill(count);
  await page.getByRole('checkbox', { name: 'Boligforvaltning Pluss' }).check();
  await page.getByRole('button', { name: 'Legg til databehandler' }).click();
  await page.getByRole('checkbox', { name: 'Databehandleravtale med Husbanken-tjenester AS er inngått' }).check();
  await page.getByLabel('Dato for avtalen med Husbanken-tjenester AS').fill('2024-03-01');
}

test('a municipality adopts a service area, completes it, and takes out its record and privacy notice', async () => {
  const { page, context } = await e2e.newPage();
  await logIn(page, dpo);
  await page.getByRole('link', { name: 'Behandlingsprotokoll', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Behandlingsprotokoll' }).waitFor();
  await page.getByText('Start med de nasjonale malene').waitFor();
  await expectAccessible(page, 'tom behandlingsprotokoll');

  await page.getByRole('link', { name: 'Ta i bruk maler' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ta i bruk nasjonale maler' }).waitFor();
  await page.getByLabel('Tjenesteområde').selectOption('bolig');
  await page.getByRole('button', { name: 'Ta i bruk alle maler i tjenesteområdet (2)' }).waitFor();
  const preview = page.locator('details', { hasText: 'Se hva som blir forhåndsutfylt i «Startlån og tilskudd etter Husbankens ordninger»' });
  await preview.locator('summary').click();
  await preview.getByText('Rettsgrunnlag for lagringstid').waitFor();
  await expectAccessible(page, 'maler for bolig med forhåndsvisning');
  await page.getByRole('button', { name: 'Ta i bruk alle maler i tjenesteområdet (2)' }).click();
  await page.getByRole('heading', { name: 'Behandlinger lagt til i protokollen: 2' }).waitFor();
  await expectAccessible(page, 'maler tatt i bruk');

  await page.getByRole('link', { name: 'Startlån og tilskudd etter Husbankens ordninger' }).click();
  await page.getByRole('heading', { level: 1, name: 'Startlån og tilskudd etter Husbankens ordninger' }).waitFor();
  await page.getByRole('heading', { name: '4 ting mangler før behandlingen er komplett' }).waitFor();
  await expectAccessible(page, 'behandling fra mal, ikke utfylt');
  await fillMarkedFields(page, 'Tildelingskontoret', 'ca. 120 søkere i året');
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await page.getByRole('heading', { name: 'Behandlingen er komplett' }).waitFor();
  await expectAccessible(page, 'behandling komplett');

  // An override is visible as such, with the national text one click away.
  await page.getByRole('button', { name: 'Overstyr: Lagringstid' }).click();
  await page.getByLabel('Lagringstid', { exact: true }).fill('Gran kommune sletter avslåtte søknader etter fem år.');
  await page.getByRole('button', { name: 'Lagre Lagringstid' }).click();
  const retention = page.locator('#field-retention_period');
  await retention.getByText('Overstyrt lokalt').waitFor();
  await retention.getByText('Se teksten i nasjonal mal v1').waitFor();
  await expectAccessible(page, 'behandling med overstyring');

  await page.getByRole('link', { name: 'Tilbake til behandlingsprotokollen' }).click();
  await page.getByRole('link', { name: 'Utleieboliger og boligsosialt arbeid' }).click();
  await page.getByRole('heading', { level: 1, name: 'Utleieboliger og boligsosialt arbeid' }).waitFor();
  await fillMarkedFields(page, 'Boligkontoret', 'ca. 60 leietakere');
  await page.getByRole('checkbox', { name: 'DPIA er gjennomført for behandlingen' }).check();
  await page.getByLabel('Hvor finnes DPIA-en (saksnummer eller lenke)').fill('Sak 2024/311');
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await page.getByRole('heading', { name: 'Behandlingen er komplett' }).waitFor();

  // The record as a whole: the last step is the DPO's contact details in the organisation profile.
  await page.getByRole('link', { name: 'Tilbake til behandlingsprotokollen' }).click();
  await page.getByRole('link', { name: 'Registrer kontaktopplysningene til personvernombudet i kommuneprofilen' }).click();
  await page.getByLabel('Personvernombud (kontakt)').fill('Pia Personvern, personvernombud@gran.kommune.no');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await page.getByText('Lagret.').waitFor();
  await page.getByRole('link', { name: 'Behandlingsprotokoll', exact: true }).click();
  await page.getByRole('heading', { name: 'Protokollen er komplett' }).waitFor();
  await page.getByText('8 av 8 (100 %)').waitFor();
  await expectAccessible(page, 'komplett protokoll');

  await page.getByRole('link', { name: 'Last ned protokollen og personvernerklæringen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Protokoll og personvernerklæring' }).waitFor();
  await page.getByRole('heading', { name: 'Personvernerklæring for Gran' }).waitFor();
  await expectAccessible(page, 'dokumenter');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned PDF' }).click()]);
  assert.equal(pdf.suggestedFilename(), 'behandlingsprotokoll-gran.pdf');
  assert.equal(readFileSync((await pdf.path())!).subarray(0, 5).toString(), '%PDF-');
  const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned Excel' }).click()]);
  assert.equal(excel.suggestedFilename(), 'behandlingsprotokoll-gran.xlsx');
  const [notice] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned som HTML til nettsiden' }).click()]);
  assert.match(readFileSync((await notice.path())!, 'utf8'), /<h1>Personvernerklæring for Gran<\/h1>/);
  await page.locator('#notice-language').getByLabel('Nynorsk').check();
  await page.getByRole('heading', { name: 'Rettane dine' }).waitFor();
  await expectAccessible(page, 'personvernerklæring på nynorsk');
  await context.close();
});

test('a template update reaches the municipality as a proposal: accepted keeping its override, then one declined', async () => {
  const national = await e2e.newPage();
  await logIn(national.page, editor);
  await national.page.getByRole('link', { name: 'Behandlingsmaler' }).click();
  await national.page.getByRole('heading', { level: 1, name: 'Behandlingsmaler' }).waitFor();
  await expectAccessible(national.page, 'nasjonale behandlingsmaler');
  await national.page.getByRole('link', { name: 'Startlån og tilskudd etter Husbankens ordninger' }).click();
  await national.page.getByRole('heading', { level: 1, name: 'Startlån og tilskudd etter Husbankens ordninger' }).waitFor();
  await expectAccessible(national.page, 'rediger nasjonal mal');
  await national.page.getByRole('textbox', { name: 'Lagringstid', exact: true }).fill('Ny nasjonal lagringstid etter arkivlova (LOV-2025-06-20-96).');
  await national.page.getByRole('textbox', { name: 'Merknader', exact: true }).fill('Oppdatert etter ny arkivlov.');
  await national.page.getByLabel('Hva er endret og hvorfor').fill('Lagringstid etter ny arkivlov.');
  await national.page.getByRole('button', { name: 'Publiser versjon 2' }).click();
  await national.page.getByText('Versjon 2 er publisert. Kommuner som har fått forslag: 1.').waitFor();
  await expectAccessible(national.page, 'mal publisert');
  await national.context.close();

  const { page, context } = await e2e.newPage();
  await logIn(page, dpo);
  await page.getByRole('link', { name: 'Behandlingsprotokoll', exact: true }).click();
  await page.getByRole('link', { name: '1 forslag fra nye versjoner av nasjonale maler venter på avgjørelse' }).click();
  await page.getByRole('heading', { level: 1, name: 'Forslag fra nasjonale maler' }).waitFor();
  await expectAccessible(page, 'forslag');
  await page.getByRole('link', { name: 'Startlån og tilskudd etter Husbankens ordninger' }).click();
  await page.getByRole('heading', { name: 'Velg for 1 felt der dere har egen tekst' }).waitFor();
  await page.getByText('Lagringstid etter ny arkivlov.').waitFor();
  await expectAccessible(page, 'forslag med konflikt');
  await page.getByRole('button', { name: 'Godta forslaget' }).click();
  await page.getByText('Velg om du vil beholde din verdi eller ta den nye for hvert felt i konflikt.').first().waitFor();
  await page.getByRole('radio', { name: 'Behold vår tekst' }).check();
  await page.getByRole('button', { name: 'Godta forslaget' }).click();
  await page.getByRole('heading', { level: 1, name: 'Startlån og tilskudd etter Husbankens ordninger' }).waitFor();
  await page.locator('#field-retention_period').getByText('Gran kommune sletter avslåtte søknader etter fem år.').waitFor();
  await page.locator('#field-retention_period').getByText('Overstyrt lokalt').waitFor();
  await page.locator('#field-notes').getByText('Oppdatert etter ny arkivlov.').waitFor();
  await page.locator('#field-notes').getByText('Nasjonal mal v2').waitFor();
  await expectAccessible(page, 'behandling etter godtatt forslag');

  await publishForTest(e2e.server.database, 'bolig-startlan-tilskudd', { description: 'En beskrivelse kommunen ikke vil ha.' });
  await page.getByRole('link', { name: 'Behandlingsprotokoll', exact: true }).click();
  await page.getByRole('link', { name: '1 forslag fra nye versjoner av nasjonale maler venter på avgjørelse' }).click();
  await page.getByRole('link', { name: 'Startlån og tilskudd etter Husbankens ordninger' }).first().click();
  await page.getByRole('heading', { name: 'Endringer som kommer inn automatisk (1)' }).waitFor();
  await page.getByLabel('Hvorfor avviser dere (valgfritt)').fill('Vi beholder dagens beskrivelse.');
  await page.getByRole('button', { name: 'Avvis forslaget' }).click();
  await page.getByRole('heading', { level: 1, name: 'Forslag fra nasjonale maler' }).waitFor();
  await page.getByText('Avvist').first().waitFor();
  await page.getByText('Ingen forslag venter.').waitFor();
  await expectAccessible(page, 'forslag avvist');
  await context.close();
});
