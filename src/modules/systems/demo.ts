import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { organizations } from '../organizations/schema';
import { recordChange } from '../vendors/changes';
import { vendorLocalDetails } from '../vendors/local-schema';
import { ensureVendorOrganization } from '../vendors/portal-organization';
import { vendorQuestionnaires } from '../vendors/questionnaire-schema';
import { defaultTemplateId } from '../vendors/questionnaire/structure';
import { vendorCertifications, vendorFindings, vendorProducts, vendorReviews, vendors, vendorSubProcessors } from '../vendors/schema';
import { addDays, osloDay } from '../vendors/status';
import { systemDependencies, systems } from './schema';

/**
 * Demo data (demo mode only): a few national vendors with made-up names, and some fifteen systems for Gran
 * (3446). Every vendor, product and sub-processor here is fictional; nothing is said about real companies.
 */
interface DemoVendor {
  name: string;
  description: string;
  products: { name: string; description: string; processesPersonalData: boolean; hostingCountries: string[] }[];
  review?: { monthsAgo: number; conclusion: 'approved' | 'approved_with_findings'; summary: string };
  certificateValidDays?: number;
  finding?: string;
  subProcessors?: { name: string; purpose: string; country: string }[];
}

const demoVendors: DemoVendor[] = [
  {
    name: 'Fjordsky Fagsystemer AS (demo)',
    description: 'Fiktiv leverandør av sak- og arkivsystem og politisk møtesystem.',
    products: [
      { name: 'Fjord Sak og arkiv', description: 'Sak- og arkivsystem (Noark 5).', processesPersonalData: true, hostingCountries: ['NO'] },
      { name: 'Fjord Politisk', description: 'Politisk saksbehandling og møtepublisering.', processesPersonalData: true, hostingCountries: ['NO'] },
    ],
    review: { monthsAgo: 3, conclusion: 'approved', summary: 'Svarene er gjennomgått uten vesentlige funn.' },
    certificateValidDays: 400,
    subProcessors: [{ name: 'Eksempel Datasenter AS (demo)', purpose: 'Drift av datasenter', country: 'NO' }],
  },
  {
    name: 'Nordlys Omsorg AS (demo)',
    description: 'Fiktiv leverandør av journalsystem for pleie og omsorg.',
    products: [{ name: 'Nordlys Journal', description: 'Elektronisk pasientjournal for helse og omsorg.', processesPersonalData: true, hostingCountries: ['NO', 'SE'] }],
    review: { monthsAgo: 5, conclusion: 'approved_with_findings', summary: 'Godkjent med ett funn om logging av administratortilgang.' },
    certificateValidDays: 200,
    finding: 'Administratortilgang for leverandørens support logges ikke slik at kommunen kan se den',
    subProcessors: [{ name: 'Eksempel Skylagring AB (demo)', purpose: 'Lagring av sikkerhetskopier', country: 'SE' }],
  },
  {
    name: 'Vidda Oppvekst AS (demo)',
    description: 'Fiktiv leverandør av skole- og barnehagesystemer.',
    products: [
      { name: 'Vidda Skole', description: 'Skoleadministrativt system.', processesPersonalData: true, hostingCountries: ['NO'] },
      { name: 'Vidda Barnehage', description: 'Opptak og drift av barnehager.', processesPersonalData: true, hostingCountries: ['NO'] },
    ],
    review: { monthsAgo: 14, conclusion: 'approved', summary: 'Godkjent ved forrige gjennomgang.' },
    certificateValidDays: -20,
  },
  {
    name: 'Tindra Økonomi AS (demo)',
    description: 'Fiktiv leverandør av lønn, personal og regnskap.',
    products: [
      { name: 'Tindra Lønn og personal', description: 'Lønn, personal og reiseregninger.', processesPersonalData: true, hostingCountries: ['NO'] },
      { name: 'Tindra Regnskap', description: 'Regnskap og fakturering.', processesPersonalData: true, hostingCountries: ['NO'] },
    ],
  },
  {
    name: 'Bjørk Drift AS (demo)',
    description: 'Fiktiv leverandør av IT-drift og identitetsløsning for kommuner.',
    products: [{ name: 'Bjørk Driftsplattform', description: 'Drift av servere, identitet og sikkerhetskopi.', processesPersonalData: true, hostingCountries: ['NO'] }],
    review: { monthsAgo: 2, conclusion: 'approved', summary: 'Godkjent. Frakoblet kopi og gjenopprettingstest er dokumentert.' },
    certificateValidDays: 600,
  },
];

type SystemSeed = Partial<typeof systems.$inferInsert> & { name: string; product?: string; dependsOn?: string[] };

const monthsAgo = (today: string, months: number) => addDays(today, -Math.round(months * 30.4));

function granSystems(today: string): SystemSeed[] {
  return [
    { name: 'Identitet og pålogging', purpose: 'Brukerkontoer, grupper og pålogging for alle ansatte.', product: 'Bjørk Driftsplattform', criticality: 'critical', services: ['Alle tjenester'], mfaUsers: 'yes', mfaAdmins: 'yes', federation: 'entra_id', backupFrequency: 'daily', backupOffline: true, lastRestoreTestOn: monthsAgo(today, 4), lastRestoreResult: 'ok', monitoring: 'soc_24_7', alertRecipient: 'IT-driftsleder', hosting: 'vendor_cloud', hostingCountry: 'NO', personalDataCategories: ['vanlige'], dataSubjects: 1200 },
    { name: 'Sak og arkiv', purpose: 'Saksbehandling, journalføring og arkiv.', product: 'Fjord Sak og arkiv', criticality: 'critical', services: ['Saksbehandling', 'Politisk behandling'], mfaUsers: 'yes', mfaAdmins: 'yes', federation: 'entra_id', backupFrequency: 'daily', backupOffline: true, lastRestoreTestOn: monthsAgo(today, 7), lastRestoreResult: 'ok', monitoring: 'business_hours', alertRecipient: 'Arkivleder', hosting: 'vendor_cloud', hostingCountry: 'NO', personalDataCategories: ['vanlige', 'fodselsnummer', 'barn', 'helse'], dataSubjects: 14000, dependsOn: ['Identitet og pålogging'] },
    { name: 'Politisk møtesystem', purpose: 'Møteinnkallinger, protokoller og publisering.', product: 'Fjord Politisk', criticality: 'important', services: ['Politisk behandling'], mfaUsers: 'partial', mfaAdmins: 'yes', backupFrequency: 'daily', monitoring: 'business_hours', hosting: 'vendor_cloud', hostingCountry: 'NO', personalDataCategories: ['vanlige'], dataSubjects: 300, dependsOn: ['Sak og arkiv'] },
    { name: 'Pasientjournal pleie og omsorg', purpose: 'Journal for hjemmetjenesten og sykehjemmet.', product: 'Nordlys Journal', criticality: 'critical', services: ['Hjemmetjenesten', 'Sykehjem'], mfaUsers: 'partial', mfaAdmins: 'yes', federation: 'helseid', backupFrequency: 'continuous', backupOffline: true, lastRestoreTestOn: monthsAgo(today, 15), lastRestoreResult: 'ok', monitoring: 'soc_24_7', alertRecipient: 'Leverandørens driftssenter', hosting: 'vendor_cloud', hostingCountry: 'NO', personalDataCategories: ['vanlige', 'fodselsnummer', 'helse'], dataSubjects: 900, consequenceUnavailable: 'Hjemmetjenesten mangler oversikt over medisiner og besøk.', consequenceAltered: 'Feil medisinering.', consequenceLeaked: 'Alvorlig krenkelse av pasienters personvern.', dependsOn: ['Identitet og pålogging'] },
    { name: 'Skoleadministrativt system', purpose: 'Elevopplysninger, vurdering, fravær og timeplaner.', product: 'Vidda Skole', criticality: 'important', services: ['Grunnskole'], mfaUsers: 'yes', mfaAdmins: 'yes', federation: 'feide', backupFrequency: 'daily', backupOffline: false, lastRestoreTestOn: monthsAgo(today, 20), lastRestoreResult: 'partial', monitoring: 'business_hours', hosting: 'vendor_cloud', hostingCountry: 'NO', personalDataCategories: ['vanlige', 'fodselsnummer', 'barn', 'helse'], dataSubjects: 1800, dependsOn: ['Identitet og pålogging'] },
    { name: 'Barnehagesystem', purpose: 'Opptak, plasser og foreldrebetaling.', product: 'Vidda Barnehage', criticality: 'important', services: ['Barnehage'], mfaUsers: 'no', mfaAdmins: 'yes', backupFrequency: 'daily', monitoring: 'unknown', hosting: 'vendor_cloud', hostingCountry: 'NO', personalDataCategories: ['vanlige', 'fodselsnummer', 'barn'], dataSubjects: 500 },
    { name: 'Lønn og personal', purpose: 'Lønn, personalsaker og reiseregninger.', product: 'Tindra Lønn og personal', criticality: 'important', services: ['Lønn og personal'], mfaUsers: 'yes', mfaAdmins: 'partial', backupFrequency: 'daily', monitoring: 'business_hours', hosting: 'vendor_cloud', hostingCountry: 'NO', personalDataCategories: ['vanlige', 'fodselsnummer', 'helse'], dataSubjects: 1100, dependsOn: ['Identitet og pålogging'] },
    { name: 'Økonomisystem', purpose: 'Regnskap, budsjett og fakturering.', product: 'Tindra Regnskap', criticality: 'important', services: ['Økonomi'], mfaUsers: 'yes', mfaAdmins: 'yes', backupFrequency: 'daily', monitoring: 'business_hours', hosting: 'vendor_cloud', hostingCountry: 'NO', personalDataCategories: ['vanlige'], dataSubjects: 6000, dependsOn: ['Lønn og personal'] },
    { name: 'E-post og samhandling', purpose: 'E-post, kalender, dokumentdeling og møter.', localVendorName: 'Skyleverandør for kontorstøtte', criticality: 'critical', services: ['Alle tjenester'], mfaUsers: 'yes', mfaAdmins: 'yes', federation: 'entra_id', backupFrequency: 'daily', backupOffline: false, monitoring: 'soc_24_7', alertRecipient: 'IT-driftsleder', hosting: 'public_cloud', hostingCountry: 'IE', personalDataCategories: ['vanlige'], dataSubjects: 1200, dependsOn: ['Identitet og pålogging'] },
    { name: 'Barnevernsystem', purpose: 'Saksbehandling i barnevernet.', localVendorName: 'Leverandør av barnevernsystem', criticality: 'critical', services: ['Barnevern'], mfaUsers: 'yes', mfaAdmins: 'unknown', backupFrequency: 'daily', backupOffline: true, lastRestoreTestOn: monthsAgo(today, 10), lastRestoreResult: 'ok', monitoring: 'business_hours', hosting: 'own', hostingCountry: 'NO', personalDataCategories: ['vanlige', 'fodselsnummer', 'barn', 'helse', 'straff'], dataSubjects: 250, dependsOn: ['Identitet og pålogging', 'Sak og arkiv'] },
    { name: 'Helsestasjonsjournal', purpose: 'Journal for helsestasjon og skolehelsetjeneste.', localVendorName: 'Leverandør av helsestasjonsjournal', criticality: 'critical', services: ['Helsestasjon'], mfaUsers: 'partial', mfaAdmins: 'partial', federation: 'helseid', backupFrequency: 'daily', monitoring: 'unknown', hosting: 'own', hostingCountry: 'NO', personalDataCategories: ['vanlige', 'fodselsnummer', 'barn', 'helse'], dataSubjects: 2500, dependsOn: ['Identitet og pålogging'] },
    { name: 'Skjema og innbyggerportal', purpose: 'Digitale skjema og innsyn for innbyggere.', localVendorName: 'Leverandør av skjemaløsning', criticality: 'important', services: ['Saksbehandling'], mfaUsers: 'yes', mfaAdmins: 'yes', federation: 'idporten', idportenLevel: 'substantial', backupFrequency: 'daily', monitoring: 'business_hours', hosting: 'vendor_cloud', hostingCountry: 'NO', personalDataCategories: ['vanlige', 'fodselsnummer'], dataSubjects: 14000, dependsOn: ['Sak og arkiv'] },
    { name: 'Kart og byggesak', purpose: 'Kartdata, planer og byggesaksbehandling.', localVendorName: 'Leverandør av kartløsning', criticality: 'other', services: ['Byggesak'], mfaUsers: 'no', mfaAdmins: 'no', backupFrequency: 'weekly', monitoring: 'none', hosting: 'own', hostingCountry: 'NO', personalDataCategories: ['vanlige'], dataSubjects: 8000, endOfSupportOn: addDays(today, 120), dependsOn: ['Sak og arkiv'] },
    { name: 'Driftskontroll vann og avløp', purpose: 'Styring og overvåking av vannverk og pumpestasjoner.', localVendorName: 'Leverandør av driftskontroll', criticality: 'critical', services: ['Vann og avløp'], mfaUsers: 'no', mfaAdmins: 'no', backupFrequency: 'monthly', backupOffline: false, monitoring: 'business_hours', alertRecipient: 'Vakthavende VA', hosting: 'own', hostingCountry: 'NO', endOfSupportOn: addDays(today, -330), consequenceUnavailable: 'Vannforsyningen må styres manuelt.', consequenceAltered: 'Feil dosering av vannbehandling kan skade helse.' },
    { name: 'Sikkerhetskopiløsning', purpose: 'Sikkerhetskopi av servere og fellesområder.', product: 'Bjørk Driftsplattform', criticality: 'critical', services: ['Alle tjenester'], mfaUsers: 'yes', mfaAdmins: 'yes', backupFrequency: 'daily', backupOffline: true, lastRestoreTestOn: monthsAgo(today, 2), lastRestoreResult: 'ok', monitoring: 'soc_24_7', alertRecipient: 'IT-driftsleder', hosting: 'vendor_cloud', hostingCountry: 'NO', dependsOn: ['Identitet og pålogging'] },
  ];
}

async function seedVendor(tx: Tx, demo: DemoVendor, today: string): Promise<{ id: string; products: Map<string, string> }> {
  const [existing] = await tx.select({ id: vendors.id }).from(vendors).where(eq(vendors.name, demo.name));
  const products = new Map<string, string>();
  if (existing) {
    for (const p of await tx.select().from(vendorProducts).where(eq(vendorProducts.vendorId, existing.id))) products.set(p.name, p.id);
    return { id: existing.id, products };
  }
  const reviewedOn = demo.review ? monthsAgo(today, demo.review.monthsAgo) : null;
  const [vendor] = await tx
    .insert(vendors)
    .values({
      name: demo.name,
      description: demo.description,
      contactEmail: `kontakt@${demo.name.split(' ')[0]!.toLowerCase().replace('ø', 'o')}.example`,
      dpaTerms: 'ks_standard',
      dpaVersion: '2024',
      transfersOutsideEea: false,
      lastReviewedOn: reviewedOn,
      conclusion: demo.review?.conclusion ?? null,
      conclusionSummary: demo.review?.summary ?? null,
      nextReviewOn: reviewedOn ? addDays(reviewedOn, 365) : null,
    })
    .returning({ id: vendors.id });
  for (const product of demo.products) {
    const [row] = await tx.insert(vendorProducts).values({ ...product, vendorId: vendor!.id, hosting: 'vendor_cloud' }).returning({ id: vendorProducts.id });
    products.set(product.name, row!.id);
  }
  if (demo.review && reviewedOn) {
    await tx.insert(vendorReviews).values({
      vendorId: vendor!.id,
      conclusion: demo.review.conclusion,
      summary: demo.review.summary,
      reviewedOn,
      nextReviewOn: addDays(reviewedOn, 365),
      factMfaPossible: true,
      factBackupOffline: true,
      factRestoreTested: demo.review.conclusion === 'approved',
      factMonitoring247: true,
      factOutsideEea: false,
    });
  }
  if (demo.certificateValidDays !== undefined) {
    await tx.insert(vendorCertifications).values({ vendorId: vendor!.id, kind: 'iso27001', scope: 'Utvikling og drift av tjenestene', validUntil: addDays(today, demo.certificateValidDays) });
  }
  if (demo.finding) await tx.insert(vendorFindings).values({ vendorId: vendor!.id, title: demo.finding, severity: 'medium', source: 'questionnaire', dueOn: addDays(today, 60) });
  for (const sub of demo.subProcessors ?? []) await tx.insert(vendorSubProcessors).values({ ...sub, vendorId: vendor!.id });
  return { id: vendor!.id, products };
}

export async function seedSystemsDemo(tx: Tx): Promise<void> {
  const [gran] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.municipalityNumber, '3446'));
  if (!gran) return;
  await tx.execute(sql`select set_config('app.national_writer', 'on', true)`);
  const today = osloDay(new Date());
  const productIds = new Map<string, { vendorId: string; productId: string }>();
  const vendorIds = new Map<string, string>();
  for (const demo of demoVendors) {
    const { id, products } = await seedVendor(tx, demo, today);
    vendorIds.set(demo.name, id);
    for (const [name, productId] of products) productIds.set(name, { vendorId: id, productId });
  }
  const [already] = await tx.select({ id: systems.id }).from(systems).where(eq(systems.organizationId, gran.id)).limit(1);
  if (already) return;
  const seeds = granSystems(today);
  const ids = new Map<string, string>();
  for (const { product, dependsOn: _d, ...seed } of seeds) {
    const link = product ? productIds.get(product) : undefined;
    const [row] = await tx
      .insert(systems)
      .values({ ...seed, organizationId: gran.id, vendorId: link?.vendorId ?? null, vendorProductId: link?.productId ?? null, systemOwner: seed.systemOwner ?? 'Kommunalsjef for fagområdet', technicalContact: seed.technicalContact ?? 'IT-avdelingen' })
      .returning({ id: systems.id });
    ids.set(seed.name, row!.id);
  }
  for (const seed of seeds) {
    for (const target of seed.dependsOn ?? []) {
      await tx.insert(systemDependencies).values({ organizationId: gran.id, systemId: ids.get(seed.name)!, dependsOnId: ids.get(target)! });
    }
  }
  const signed = ['Fjordsky Fagsystemer AS (demo)', 'Nordlys Omsorg AS (demo)', 'Bjørk Drift AS (demo)'];
  for (const name of signed) {
    await tx
      .insert(vendorLocalDetails)
      .values({ organizationId: gran.id, vendorId: vendorIds.get(name)!, dpaSignedOn: monthsAgo(today, 18), dpaReference: 'Arkivsak 2024/118', notes: 'Signert KS-mal.' })
      .onConflictDoNothing();
  }
  // A few neighbours use the same vendors, so the national usage overview has figures to show.
  const neighbours = await tx.select({ id: organizations.id }).from(organizations).where(sql`${organizations.municipalityNumber} in ('4036', '3401', '3403', '3405', '3407')`);
  for (const neighbour of neighbours) {
    const [has] = await tx.select({ id: systems.id }).from(systems).where(eq(systems.organizationId, neighbour.id)).limit(1);
    if (has) continue;
    for (const product of ['Fjord Sak og arkiv', 'Nordlys Journal']) {
      const link = productIds.get(product)!;
      await tx.insert(systems).values({ organizationId: neighbour.id, name: product, vendorId: link.vendorId, vendorProductId: link.productId, criticality: 'critical' });
    }
  }
  const nordlys = vendorIds.get('Nordlys Omsorg AS (demo)')!;
  await recordChange(tx, {
    vendorId: nordlys,
    kind: 'sub_processor_added',
    title: 'Ny underdatabehandler hos Nordlys Omsorg AS (demo): Eksempel Skylagring AB (demo) (Sverige)',
    summary: 'Lagring av sikkerhetskopier.',
    dedupeKey: 'demo:nordlys-sub-processor',
    createdBy: null,
  });
  // A questionnaire waiting for the vendor, so the portal and the national review have something to show.
  const vidda = vendorIds.get('Vidda Oppvekst AS (demo)')!;
  const { organizationId } = await ensureVendorOrganization(tx, vidda);
  const [sent] = await tx.select({ id: vendorQuestionnaires.id }).from(vendorQuestionnaires).where(and(eq(vendorQuestionnaires.vendorId, vidda)));
  if (!sent) await tx.insert(vendorQuestionnaires).values({ organizationId, vendorId: vidda, templateId: await defaultTemplateId(tx), dueOn: addDays(today, 30), message: 'Årlig oppfølging.' });
}
