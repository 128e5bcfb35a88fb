import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { organizations } from '../../src/modules/organizations/schema';
import { addMembership, buildUser, nationalOrganization, type TestUser } from '../../src/test/factories';
import { expectAccessible, freshTotp, logIn, startE2e, type E2e } from './support';

/**
 * The systems and vendors "done when", as people do it: the national team registers a vendor and sends it
 * the questionnaire; a municipality registers and imports its systems and links one to the vendor's product;
 * the vendor's contact accepts the invitation, sets up MFA and answers in the portal; the national team
 * reviews; the municipality sees the central result and is notified once, in the app and by e-mail.
 */
let e2e: E2e;
let national: TestUser;
let granAdmin: TestUser;
let gran: { id: string; name: string };
const vendorName = `Fjellnett Fagsystem ${Date.now().toString(36)} AS`;
const productName = 'Fjellnett Omsorg';
const contactEmail = `kontakt-${Date.now()}@fjellnett.example`;

before(async () => {
  e2e = await startE2e();
  const db = e2e.server.database;
  gran = (await db.owner.select().from(organizations).where(eq(organizations.municipalityNumber, '3446')))[0]!;
  national = await buildUser(db, { name: 'Nora Nasjonal' });
  await addMembership(db, national.id, (await nationalOrganization(db)).id, ['fellesforvalter']);
  granAdmin = await buildUser(db, { name: 'Gunnar Gran', email: `gunnar-${Date.now()}@gran.example` });
  await addMembership(db, granAdmin.id, gran.id, ['administrator', 'sikkerhetsleder']);
});
after(() => e2e.close());

/** A fresh browser for one person; on failure a screenshot in /tmp shows what they would have seen. */
async function inBrowser(label: string, work: (page: Page) => Promise<void>): Promise<void> {
  const { page, context } = await e2e.newPage();
  try {
    await work(page);
  } catch (error) {
    await page.screenshot({ path: `/tmp/e2e-systems-${label}.png`, fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}


test('the national team registers a vendor, invites its contact and sends the questionnaire', async () => {
  await inBrowser('national', async (page) => {
    await logIn(page, national);
    await page.getByRole('link', { name: 'Leverandører', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Leverandører og databehandlere' }).waitFor();
    await expectAccessible(page, 'leverandørregister (nasjonalt)');
    await page.getByLabel('Navn', { exact: true }).fill(vendorName);
    await page.getByLabel('Organisasjonsnummer', { exact: true }).fill('123456789');
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByText('Organisasjonsnummeret er ikke gyldig').first().waitFor();
    await expectAccessible(page, 'ny leverandør med feil');
    await page.getByLabel('Organisasjonsnummer', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: vendorName }).waitFor();
    await expectAccessible(page, 'leverandør (nasjonalt)');

    await page.getByRole('tab', { name: /Produkter/ }).click();
    await page.getByText('Legg til produkt', { exact: true }).click();
    await page.getByLabel('Produktnavn').fill(productName);
    await page.getByRole('button', { name: 'Legg til', exact: true }).click();
    await page.getByRole('cell', { name: new RegExp(productName) }).waitFor();
    await expectAccessible(page, 'produkter');

    await page.getByText('Inviter kontaktperson hos leverandøren', { exact: true }).click();
    await page.getByLabel('E-post', { exact: true }).fill(contactEmail);
    await page.getByRole('button', { name: 'Send invitasjon' }).click();
    await page.getByText(`Invitasjonen er sendt til ${contactEmail}.`).waitFor();
    await page.getByText('Send spørreskjema', { exact: true }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Spørreskjemaet er sendt.').waitFor();
    await page.getByRole('cell', { name: 'Ikke påbegynt' }).waitFor();
    await expectAccessible(page, 'oppfølging sendt');
  });
});

test('a municipality registers and imports its systems and links one to the vendor product', async () => {
  await inBrowser('municipality', async (page) => {
    await logIn(page, granAdmin);
    await page.getByRole('link', { name: 'Systemoversikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Systemoversikt' }).waitFor();
    await page.getByText('Registrer eller importer systemene dere bruker').waitFor();
    await expectAccessible(page, 'tom systemoversikt');

    await page.getByRole('link', { name: 'Registrer system' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrer system' }).waitFor();
    await page.getByRole('button', { name: 'Registrer systemet' }).click();
    await page.getByRole('link', { name: 'Feltet må fylles ut.' }).waitFor();
    await expectAccessible(page, 'nytt system med feil');
    await page.getByLabel('Navn', { exact: true }).fill('Pasientjournal');
    await page.getByLabel('Leverandør', { exact: true }).selectOption({ label: vendorName });
    await page.getByLabel('Produkt', { exact: true }).selectOption({ label: productName });
    await page.getByLabel('Tjenester som avhenger av systemet').fill('Hjemmetjenesten, Sykehjem');
    await page.getByRole('radio', { name: 'Kritisk' }).check();
    await page.getByLabel('Helseopplysninger').check();
    await page.getByLabel('Tofaktor for brukere').selectOption('partial');
    await page.getByLabel('Tofaktor for administratorer').selectOption('yes');
    await page.getByRole('button', { name: 'Registrer systemet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pasientjournal' }).waitFor();
    await page.getByText('Sentral oppfølging:').waitFor();
    await page.getByText('Ikke vurdert').first().waitFor();
    await expectAccessible(page, 'system med sentral oppfølging');

    await page.getByRole('link', { name: 'Tilbake til systemoversikten' }).click();
    await page.getByRole('link', { name: 'Importer fra Excel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importer systemer' }).waitFor();
    await expectAccessible(page, 'import');
    const bad = 'Navn;Kritikalitet;Tofaktor for brukere;Siste gjenopprettingstest;Avhenger av\nSak og arkiv;Kritisk;Ja;15.03.2026;\nLønn;Høyest;Ja;;Pasientjournal\n';
    await page.getByLabel('Fil (.xlsx eller .csv)').setInputFiles({ name: 'systemer.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByText('Rad 3, Kritikalitet: «Høyest» er ikke et gyldig valg. Bruk Kritisk, Viktig, Annet.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Importer alle radene (2)' }).isDisabled(), true, 'a file with errors cannot be imported');
    await expectAccessible(page, 'import med feil');
    const good = bad.replace('Høyest', 'Viktig');
    await page.getByLabel('Fil (.xlsx eller .csv)').setInputFiles({ name: 'systemer.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByText('Nye: 2 · Oppdateres: 0 · Feil: 0').waitFor();
    await page.getByRole('button', { name: 'Importer alle radene (2)' }).click();
    await page.getByText('Importen er fullført. Nye systemer: 2. Oppdaterte: 0.').waitFor();
    await expectAccessible(page, 'import fullført');

    await page.getByRole('link', { name: 'Gå til systemoversikten' }).click();
    await page.getByRole('heading', { level: 2, name: 'Det som trenger oppfølging (systemer i alt: 3)' }).waitFor();
    await page.getByRole('link', { name: 'Sak og arkiv' }).first().waitFor();
    await expectAccessible(page, 'systemoversikt');
    await page.getByRole('tab', { name: 'Tjenester og avhengigheter' }).click();
    await page.getByRole('heading', { level: 3, name: /Hjemmetjenesten/ }).waitFor();
    await expectAccessible(page, 'tjenester og avhengigheter');
    await page.getByRole('tab', { name: 'Leverandører' }).click();
    await page.getByRole('tabpanel', { name: 'Leverandører' }).getByRole('link', { name: vendorName }).click();
    await page.getByRole('heading', { level: 1, name: vendorName }).waitFor();
    await page.getByLabel('Databehandleravtale signert').fill('2026-01-15');
    await page.getByLabel('Egne notater').fill('Avtale signert av kommunedirektøren.');
    await page.getByRole('button', { name: 'Lagre kommunens opplysninger' }).click();
    await page.getByText('Lagret.').waitFor();
    await expectAccessible(page, 'leverandør sett fra kommunen');

    // Deleting a system asks first; cancelling keeps it, confirming removes it from the overview.
    await page.getByRole('link', { name: 'Systemoversikt' }).click();
    await page.getByRole('link', { name: 'Sak og arkiv' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Sak og arkiv' }).waitFor();
    await page.getByRole('button', { name: 'Slett system' }).click();
    const dialog = page.getByRole('dialog', { name: 'Slett system' });
    await dialog.getByText('Slette Sak og arkiv?').waitFor();
    await expectAccessible(page, 'slett system');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: 'Sak og arkiv' }).waitFor();
    await page.getByRole('button', { name: 'Slett system' }).click();
    await dialog.getByRole('button', { name: 'Slett system' }).click();
    await page.getByRole('heading', { level: 2, name: 'Det som trenger oppfølging (systemer i alt: 2)' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Sak og arkiv' }).count(), 0, 'the deleted system is gone from the overview');
  });
});

test("the vendor's contact accepts the invitation, sets up MFA, and answers the questionnaire in the portal", async () => {
  const mail = e2e.mail.find((m) => m.to.includes(contactEmail));
  assert.ok(mail, 'the contact got an invitation');
  const link = /https?:\/\/\S+\/invitasjon#token=[\w-]+/.exec(mail.text)?.[0];
  assert.ok(link);
  await inBrowser('vendor', async (page) => {
    await page.goto(link);
    await page.getByText(`Invitasjonen gjelder ${contactEmail}.`).waitFor();
    await expectAccessible(page, 'invitasjon til leverandørportalen');
    await page.getByLabel('Fullt navn').fill('Frida Fjellnett');
    await page.getByLabel('Velg passord').fill('et langt passord for leverandøren');
    await page.getByRole('button', { name: 'Opprett konto og ta imot' }).click();
    await page.waitForURL('**/innlogging/oppsett');
    const secret = (await page.locator('.secret').textContent())!.trim();
    await page.getByLabel('Engangskode eller gjenopprettingskode').fill(await freshTotp(secret));
    await page.getByRole('button', { name: 'Bekreft' }).click();
    await page.getByRole('button', { name: 'Gå videre til Samsvar' }).click();
    await page.getByRole('link', { name: 'Spørreskjemaer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leverandørportal' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Systemoversikt' }).count(), 0, 'a vendor sees no municipal pages');
    assert.equal(await page.getByRole('link', { name: 'Leverandører', exact: true }).count(), 0);
    await expectAccessible(page, 'leverandørportal');

    await page.getByRole('link', { name: 'Nasjonalt spørreskjema for leverandører og databehandlere' }).click();
    await page.getByText(/0 av \d+ spørsmål besvart/).waitFor();
    await expectAccessible(page, 'spørreskjema');
    await page.getByRole('button', { name: 'Send inn svarene' }).click();
    await page.getByRole('link', { name: 'Spørsmål 1.1 mangler svar.' }).waitFor();
    await expectAccessible(page, 'spørreskjema med manglende svar');

    // Answer as a vendor would: the first choice where there are choices, a sentence where there is text.
    // Follow-up questions appear as earlier ones are answered, so go round until nothing is left.
    for (let round = 0; round < 6; round++) {
      let answeredSomething = false;
      for (const fieldset of await page.locator('fieldset[id^="q-"]').all()) {
        if ((await fieldset.locator('input:checked').count()) > 0) continue;
        await fieldset.locator('input').first().check();
        answeredSomething = true;
      }
      for (const area of await page.locator('textarea[id^="q-"]').all()) {
        if ((await area.inputValue()) !== '') continue;
        await area.fill('Tjenesten driftes av oss i Norge, med sikkerhetskopi i Sverige.');
        answeredSomething = true;
      }
      if (!answeredSomething) break;
    }
    await page.getByText(/Lagret/).waitFor();
    await page.getByRole('button', { name: 'Send inn svarene' }).click();
    await page.getByText('Svarene er sendt inn.').waitFor();
    await expectAccessible(page, 'spørreskjema sendt inn');
  });
});

test('the national team reviews the answers; the municipality sees the result and is notified once', async () => {
  await inBrowser('review', async (page) => {
    await logIn(page, national);
    await page.getByRole('link', { name: 'Leverandører', exact: true }).click();
    await page.getByText('Spørreskjemaer som venter på vurdering (1)').waitFor();
    await page.getByRole('link', { name: new RegExp(vendorName) }).first().click();
    await page.getByRole('heading', { level: 1, name: `Vurdering av ${vendorName}` }).waitFor();
    await expectAccessible(page, 'vurdering av svar');
    await page.getByRole('radio', { name: 'Godkjent med funn' }).check();
    await page.getByLabel('Oppsummering for kommunene').fill('Godkjent. Leverandøren må rette funnene innen fristen.');
    await page.getByRole('button', { name: 'Publiser vurderingen' }).click();
    await page.getByText('Vurderingen er publisert. Organisasjoner som ble varslet: 1.').waitFor();
    await expectAccessible(page, 'vurdering publisert');
    await page.getByRole('link', { name: 'Tilbake til leverandøren' }).first().click();
    await page.getByRole('tab', { name: 'Historikk' }).click();
    await page.getByRole('cell', { name: /Vurdering lagt til/ }).waitFor();
    await expectAccessible(page, 'historikk');
    await page.getByRole('link', { name: 'Leverandørbruk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leverandørbruk i kommunene' }).waitFor();
    await page.getByRole('row', { name: new RegExp(vendorName) }).getByText('Færre enn 3').waitFor();
    await expectAccessible(page, 'leverandørbruk');
  });

  // The municipality: the status beside its system, one notification in the app, one e-mail.
  await inBrowser('result', async (page) => {
    await logIn(page, granAdmin);
    await page.getByRole('link', { name: 'Varsler' }).click();
    await page.getByText('Uleste varsler om leverandørene dere bruker: 1.').waitFor();
    await page.getByText(new RegExp(`Ny vurdering av ${vendorName}: godkjent med funn`)).waitFor();
    await expectAccessible(page, 'varsler');
    await page.getByRole('link', { name: 'Se hva det betyr for dere' }).click();
    await page.getByRole('heading', { level: 1, name: vendorName }).waitFor();
    await page.getByText('Godkjent med funn.').waitFor();
    await expectAccessible(page, 'leverandør med resultat');
    await page.getByRole('link', { name: 'Systemoversikt' }).click();
    await page.getByRole('cell', { name: /Åpne funn/ }).first().waitFor();
  });

  const deadline = Date.now() + 20_000;
  while (!e2e.mail.some((m) => m.to.includes(granAdmin.email) && m.text.includes(vendorName)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  const mails = e2e.mail.filter((m) => m.to.includes(granAdmin.email) && m.text.includes(vendorName));
  assert.equal(mails.length, 1, 'one e-mail to the municipality for the change');
});
