import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { withOwner } from '../../src/db/tenant';
import { organizationFrameworkVersions } from '../../src/modules/assessment/schema';
import { cisoFixturesDir } from '../../src/modules/library/ciso/fixtures';
import { exportFramework } from '../../src/modules/library/export';
import { organizations } from '../../src/modules/organizations/schema';
import { addMembership, buildUser, nationalOrganization, type TestUser } from '../../src/test/factories';
import { expectAccessible, logIn, startE2e, type E2e } from './support';

let e2e: E2e;
let national: TestUser;
let officer: TestUser;
let files: string;
const NSM = 'urn:samsvar:framework:nsm';

before(async () => {
  e2e = await startE2e();
  const db = e2e.server.database;
  const [hamar] = await db.owner.select().from(organizations).where(eq(organizations.municipalityNumber, '3403'));
  national = await buildUser(db, { name: 'Nora Nasjonal' });
  await addMembership(db, national.id, (await nationalOrganization(db)).id, ['fellesforvalter']);
  officer = await buildUser(db, { name: 'Per Personvernombud' });
  await addMembership(db, officer.id, hamar!.id, ['personvernombud']);
  // Hamar chose version 1 of NSM's principles earlier (for instance when it started its self-assessment).
  await withOwner(db.owner, { organizationId: hamar!.id, userId: officer.id, requestId: 'e2e-setup' }, (tx) =>
    tx.insert(organizationFrameworkVersions).values({ organizationId: hamar!.id, frameworkUrn: NSM, version: 1, adoptedBy: officer.id }),
  );
  // The national team's next version of NSM: one principle measure is reworded, one is withdrawn.
  files = mkdtempSync(join(tmpdir(), 'samsvar-e2e-library-'));
  const v1 = await withOwner(db.owner, { organizationId: null, userId: null, requestId: 'e2e-setup' }, (tx) => exportFramework(tx, NSM, 1, 'yaml'));
  const v2 = v1.body
    .toString('utf8')
    .replace(/^version: 1$/m, 'version: 2')
    .replace('name: Kjenn virksomhetens strategi og prioriteringer', 'name: Kjenn kommunens strategi og prioriteringer')
    .replace(/ {6}- urn: urn:samsvar:req:nsm:1\.1\.6\n(?: {8}.*\n)+/, '');
  writeFileSync(join(files, 'nsm-v2.yaml'), v2);
  writeFileSync(join(files, 'broken.yaml'), v2.replace('parent_urn: urn:samsvar:req:nsm:1.1\n', 'parent_urn: urn:samsvar:req:nsm:9.9\n').replace(/^version: 2$/m, 'version: 3'));
});
after(async () => {
  await e2e.close();
  rmSync(files, { recursive: true, force: true });
});


test('the national team reads the library and the common measures, and imports a new version all or nothing', async () => {
  const { page, context } = await e2e.newPage();
  await logIn(page, national);
  await page.getByRole('link', { name: 'Kravbibliotek', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Kravbibliotek' }).waitFor();
  await page.getByRole('link', { name: 'NSMs grunnprinsipper for IKT-sikkerhet' }).waitFor();
  await expectAccessible(page, 'kravbibliotek');

  await page.getByRole('link', { name: 'NSMs grunnprinsipper for IKT-sikkerhet' }).click();
  await page.getByRole('heading', { level: 1, name: 'NSMs grunnprinsipper for IKT-sikkerhet' }).waitFor();
  await page.getByText('Beskytte og opprettholde').first().waitFor();
  await expectAccessible(page, 'rammeverk som tre');
  await page.getByText('Beskytte og opprettholde').first().click();
  await page.getByText('Ha kontroll på identiteter og tilganger').first().click();
  await page.getByText('NSM-GP 2.6.7').waitFor();
  await expectAccessible(page, 'rammeverk med åpne noder');

  await page.getByLabel('Søk i kravene').fill('nettverket');
  await page.getByText(/krav passer søket/).waitFor();
  await page.getByText('Vurderes på prinsippnivå').first().waitFor({ state: 'attached' });
  await expectAccessible(page, 'søk i rammeverket');

  await page.getByRole('link', { name: 'Felles tiltak' }).click();
  await page.getByRole('heading', { level: 1, name: 'Felles tiltak' }).waitFor();
  await expectAccessible(page, 'felles tiltak');
  await page.getByLabel('Rammeverk', { exact: true }).selectOption({ label: 'NSM-GP' });
  await page.getByLabel('Søk i tiltakene').fill('tofaktor');
  await page.getByRole('link', { name: 'Krev tofaktorinnlogging for alle brukere' }).click();
  await page.getByRole('heading', { level: 1, name: 'Krev tofaktorinnlogging for alle brukere' }).waitFor();
  await page.getByRole('heading', { name: 'Krav tiltaket oppfyller' }).waitFor();
  await page.getByRole('cell', { name: 'NSM-GP 2.6.7' }).waitFor();
  await expectAccessible(page, 'ett felles tiltak');

  await page.getByRole('link', { name: 'Importer bibliotek' }).click();
  await page.getByRole('heading', { level: 1, name: 'Importer bibliotek' }).waitFor();
  await expectAccessible(page, 'import');
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await page.getByText('Velg en fil først.').waitFor();
  await expectAccessible(page, 'import uten fil');

  await page.getByLabel('Biblioteksfil (YAML)').setInputFiles(join(files, 'broken.yaml'));
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await page.getByText('Fila er ikke importert. Ingenting er endret.').waitFor();
  await page.getByText(/objects\.framework\.requirement_nodes\[\d+\]\.parent_urn/).first().waitFor();
  await expectAccessible(page, 'import med feil');

  await page.getByLabel('Biblioteksfil (YAML)').setInputFiles(join(cisoFixturesDir(), 'nis2-directive.yaml'));
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await page.getByRole('heading', { name: 'Dette vil skje' }).waitFor();
  await page.getByRole('cell', { name: 'urn:intuitem:risk:framework:nis2-directive' }).waitFor();
  await page.getByRole('cell', { name: '17', exact: true }).waitFor();
  await expectAccessible(page, 'forhåndsvisning');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await page.getByRole('heading', { name: 'Importert' }).waitFor();

  await page.getByLabel('Biblioteksfil (YAML)').setInputFiles(join(files, 'nsm-v2.yaml'));
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await page.getByRole('cell', { name: 'Ny versjon (fra 1)' }).waitFor();
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await page.getByRole('heading', { name: 'Importert' }).waitFor();
  await expectAccessible(page, 'importert');

  await page.getByRole('link', { name: NSM }).click();
  await page.getByRole('heading', { level: 1, name: 'NSMs grunnprinsipper for IKT-sikkerhet' }).waitFor();
  await page.getByRole('link', { name: 'Se endringer mellom versjoner' }).click();
  await page.getByRole('heading', { level: 1, name: 'Endringer i NSMs grunnprinsipper for IKT-sikkerhet' }).waitFor();
  await page.getByText('0 nye, 1 fjernet og 1 endrede krav.', { exact: false }).waitFor();
  await expectAccessible(page, 'endringer mellom versjoner');
  await context.close();
});

test('a municipality sees what the new version means for it and moves when it chooses', async () => {
  const { page, context } = await e2e.newPage();
  await logIn(page, officer);
  await page.getByRole('link', { name: 'Kravbibliotek', exact: true }).click();
  await page.getByText('Ny versjon 2').waitFor();
  await expectAccessible(page, 'kravbibliotek med ny versjon');
  await page.getByRole('link', { name: 'NSMs grunnprinsipper for IKT-sikkerhet' }).click();
  await page.getByRole('heading', { name: 'Ny versjon av NSMs grunnprinsipper for IKT-sikkerhet: versjon 2' }).waitFor();
  await page.getByText('Dere bruker versjon 1.', { exact: false }).waitFor();
  await page.getByText('1 krav er fjernet').waitFor();
  await expectAccessible(page, 'varsel om ny versjon');

  await page.getByRole('link', { name: 'Se alle endringer' }).click();
  await page.getByRole('heading', { name: 'Fjernede krav (1)' }).waitFor();
  await expectAccessible(page, 'endringer for kommunen');
  await page.goBack();

  await page.getByRole('button', { name: 'Gå over til versjon 2' }).click();
  await page.getByText('Dere bruker nå versjon 2. Svarene deres er beholdt.').waitFor();
  await expectAccessible(page, 'gått over til ny versjon');
  await page.getByRole('link', { name: 'Kravbibliotek', exact: true }).click();
  await page.getByText('Dere bruker versjon 2').first().waitFor();
  assert.equal(await page.getByText('Ny versjon 2').count(), 0);
  await context.close();
});
