import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { organizations } from '../../src/modules/organizations/schema';
import { addMembership, buildUser, nationalOrganization, type TestUser } from '../../src/test/factories';
import { expectAccessible, freshTotp, startE2e, type E2e } from './support';

let e2e: E2e;
let admin: TestUser;
let national: TestUser;
let gran: { id: string; name: string };
let vinje: { id: string; name: string };

before(async () => {
  e2e = await startE2e();
  const db = e2e.server.database;
  const find = async (number: string) => (await db.owner.select().from(organizations).where(eq(organizations.municipalityNumber, number)))[0]!;
  gran = await find('3446');
  vinje = await find('4036');
  admin = await buildUser(db, { name: 'Åse Administrator' });
  await addMembership(db, admin.id, gran.id, ['administrator']);
  await addMembership(db, admin.id, vinje.id, ['personvernombud']);
  national = await buildUser(db, { name: 'Nils Nasjonal' });
  await addMembership(db, national.id, (await nationalOrganization(db)).id, ['fellesforvalter']);
});
after(() => e2e.close());

async function logIn(page: Page, user: Pick<TestUser, 'email' | 'password' | 'totpSecret'>) {
  await page.goto('/innlogging');
  await expectAccessible(page, 'innlogging');
  await page.getByLabel('E-postadresse').fill(user.email);
  await page.getByLabel('Passord').fill(user.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL('**/innlogging/tofaktor');
  await expectAccessible(page, 'tofaktor');
  await page.getByLabel('Engangskode eller gjenopprettingskode').fill(await freshTotp(user.totpSecret));
  await page.getByRole('button', { name: 'Bekreft' }).click();
}

test('an administrator logs in with MFA, invites a colleague who sets up MFA, and switches organisation', async () => {
  const { page, context } = await e2e.newPage();
  await logIn(page, admin);
  await page.getByRole('heading', { level: 1, name: gran.name }).waitFor();
  await expectAccessible(page, 'startside');

  await page.getByRole('link', { name: 'Brukere og tilgang' }).click();
  await page.getByRole('heading', { level: 1, name: 'Brukere og tilgang' }).waitFor();
  await expectAccessible(page, 'brukere');
  const email = `kollega-${Date.now()}@example.no`;
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Rolle', { exact: true }).selectOption('sikkerhetsleder');
  await page.getByRole('button', { name: 'Send invitasjon' }).click();
  await page.getByText(`Invitasjonen er sendt til ${email}.`).waitFor();
  await expectAccessible(page, 'brukere etter invitasjon');

  const mail = e2e.mail.find((m) => m.to.includes(email));
  assert.ok(mail, 'the invitation e-mail reached the SMTP sink');
  const link = /https?:\/\/\S+\/invitasjon#token=[\w-]+/.exec(mail.text)?.[0];
  assert.ok(link, `the e-mail holds an invitation link: ${mail.text}`);

  const invitee = await e2e.newPage();
  await invitee.page.goto(link);
  await invitee.page.getByRole('heading', { level: 1, name: 'Invitasjon til Samsvar' }).waitFor();
  await invitee.page.getByText(`Invitasjonen gjelder ${email}.`).waitFor();
  await expectAccessible(invitee.page, 'invitasjon');
  await invitee.page.getByLabel('Fullt navn').fill('Sindre Sikkerhet');
  await invitee.page.getByLabel('Velg passord').fill('kort');
  await invitee.page.getByRole('button', { name: 'Opprett konto og ta imot' }).click();
  await invitee.page.getByText('Passordet må ha minst 12 tegn.').first().waitFor();
  await expectAccessible(invitee.page, 'invitasjon med feil');
  await invitee.page.getByLabel('Velg passord').fill('et langt og godt passord for sindre');
  await invitee.page.getByRole('button', { name: 'Opprett konto og ta imot' }).click();
  await invitee.page.waitForURL('**/innlogging/oppsett');
  const secret = (await invitee.page.locator('.secret').textContent())!.trim();
  await expectAccessible(invitee.page, 'oppsett av tofaktor');
  await invitee.page.getByLabel('Engangskode eller gjenopprettingskode').fill(await freshTotp(secret));
  await invitee.page.getByRole('button', { name: 'Bekreft' }).click();
  await invitee.page.getByRole('heading', { name: 'Tofaktorinnlogging er satt opp' }).waitFor();
  assert.equal(await invitee.page.locator('.code-list li').count(), 10);
  await expectAccessible(invitee.page, 'gjenopprettingskoder');
  await invitee.page.getByRole('button', { name: 'Gå videre til Samsvar' }).click();
  await invitee.page.getByRole('heading', { level: 1, name: gran.name }).waitFor();
  await invitee.context.close();

  await page.reload();
  await page.getByRole('cell', { name: 'Sindre Sikkerhet' }).waitFor();

  await page.getByRole('link', { name: 'Endringslogg' }).click();
  await page.getByRole('heading', { level: 1, name: 'Endringslogg' }).waitFor();
  await page.getByRole('cell', { name: 'memberships' }).first().waitFor();
  await expectAccessible(page, 'endringslogg');

  await page.getByLabel('Organisasjon', { exact: true }).selectOption(vinje.id);
  await page.getByRole('heading', { level: 1, name: vinje.name }).waitFor();
  // Vinje writes nynorsk: a person without their own choice gets the organisation's language.
  await page.getByRole('link', { name: 'Brukarar og tilgang' }).waitFor();
  await expectAccessible(page, 'startside på nynorsk');
  assert.equal(await page.getByRole('link', { name: 'Endringslogg' }).count(), 0, 'a personvernombud does not see the audit log');

  await page.getByLabel('Språk').first().selectOption('en');
  await page.getByRole('link', { name: 'Users and access' }).waitFor();
  await context.close();
});

test('the national team searches the organisation registry', async () => {
  const { page, context } = await e2e.newPage();
  await logIn(page, national);
  await page.getByRole('link', { name: 'Organisasjonsregister' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organisasjonsregister' }).waitFor();
  await page.getByText('373 treff').waitFor();
  await expectAccessible(page, 'register');
  await page.getByLabel('Søk på navn eller kommunenummer').fill('Vinje');
  await page.getByText('1 treff').waitFor();
  await page.getByRole('link', { name: 'Vinje' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vinje' }).waitFor();
  await expectAccessible(page, 'registeroppføring');
  await context.close();
});
