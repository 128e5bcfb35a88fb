import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import type { TestApp } from '../../test/app';
import { addMembership, as, buildOrganization, buildUser, nationalOrganization, openSession } from '../../test/factories';
import type { Role } from '../users/roles';
import { withOwner, type Tx } from '../../db/tenant';
import { systems } from '../systems/schema';
import { recordChange } from './changes';
import { vendorLocalDetails } from './local-schema';
import { ensureVendorOrganization } from './portal-organization';
import { vendorQuestionnaireAnswers, vendorQuestionnaires } from './questionnaire-schema';
import { defaultTemplateId } from './questionnaire/structure';
import { vendorCertifications, vendorFindings, vendorProducts, vendors, vendorSubProcessors } from './schema';

/** Owner work with the national writer flag on, as the national team's transactions have it. */
export function asNational<T>(database: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withOwner(database.owner, { organizationId: null, userId: null, requestId: `test-national-${randomBytes(4).toString('hex')}` }, async (tx) => {
    await tx.execute(sql`select set_config('app.national_writer', 'on', true)`);
    return work(tx);
  });
}

/** A national vendor with one product (test factory). */
export async function buildVendor(database: Database, overrides: { name?: string } = {}) {
  return asNational(database, async (tx) => {
    const [vendor] = await tx.insert(vendors).values({ name: overrides.name ?? `Testleverandør ${randomBytes(3).toString('hex')} AS` }).returning();
    const [product] = await tx.insert(vendorProducts).values({ vendorId: vendor!.id, name: 'Testprodukt', processesPersonalData: true }).returning();
    return { vendor: vendor!, product: product! };
  });
}

/** A system in an organisation, optionally on a vendor's product (test factory). */
export async function buildSystem(database: Database, organizationId: string, overrides: Partial<typeof systems.$inferInsert> = {}) {
  return withOwner(database.owner, { organizationId, userId: null, requestId: 'test-system' }, async (tx) => {
    const [row] = await tx
      .insert(systems)
      .values({ name: `System ${randomBytes(3).toString('hex')}`, ...overrides, organizationId })
      .returning();
    return row!;
  });
}

/** A questionnaire sent to the vendor's own organisation (test factory). */
export async function buildQuestionnaire(database: Database, vendorId: string) {
  return asNational(database, async (tx) => {
    const { organizationId } = await ensureVendorOrganization(tx, vendorId);
    const [row] = await tx.insert(vendorQuestionnaires).values({ organizationId, vendorId, templateId: await defaultTemplateId(tx) }).returning();
    return { questionnaire: row!, vendorOrganizationId: organizationId };
  });
}

/**
 * The systems and vendors part of the route-matrix fixture: in the victim municipality a system on a vendor's
 * product, local notes and a notification; in the vendor's own organisation a questionnaire with an answer.
 * The victim's own data carries the marker; national content (the vendor) does not, since everyone may read it.
 */
export async function buildSystemsMatrixFixture(database: Database, target: { organizationId: string; marker: string }) {
  const { vendor, product } = await buildVendor(database, { name: `Matriseleverandør ${randomBytes(3).toString('hex')} AS` });
  const system = await buildSystem(database, target.organizationId, { name: `System ${target.marker}`, vendorId: vendor.id, vendorProductId: product.id });
  const { questionnaire } = await buildQuestionnaire(database, vendor.id);
  const ids = await asNational(database, async (tx) => {
    const [sub] = await tx.insert(vendorSubProcessors).values({ vendorId: vendor.id, name: 'Matrise Drift AS', country: 'SE' }).returning();
    const [cert] = await tx.insert(vendorCertifications).values({ vendorId: vendor.id, kind: 'iso27001', validUntil: '2099-01-01' }).returning();
    const [finding] = await tx.insert(vendorFindings).values({ vendorId: vendor.id, title: 'Matrisefunn', severity: 'low' }).returning();
    await tx.insert(vendorLocalDetails).values({ organizationId: target.organizationId, vendorId: vendor.id, notes: `Lokale notater ${target.marker}` });
    await tx.insert(vendorQuestionnaireAnswers).values({
      organizationId: questionnaire.organizationId,
      questionnaireId: questionnaire.id,
      questionUrn: 'urn:samsvar:req:vendor-questionnaire:1.1:q1',
      values: [`Leverandørens svar ${target.marker}`],
    });
    await recordChange(tx, { vendorId: vendor.id, kind: 'other', title: 'Matriseendring', dedupeKey: `matrix:${vendor.id}`, createdBy: null });
    const [notification] = await tx.execute(sql`select id from notifications where organization_id = ${target.organizationId} limit 1`).then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    return { subProcessorId: sub!.id, certificationId: cert!.id, findingId: finding!.id, notificationId: notification!.id };
  });
  return { systemId: system.id, vendorId: vendor.id, productId: product.id, questionnaireId: questionnaire.id, ...ids };
}

/** Fixture keys that name national content: every organisation may see these ids. */
export const nationalSystemsFixtureKeys = ['vendorId', 'productId', 'subProcessorId', 'certificationId', 'findingId'];

/** A signed-in person with roles in an organisation, with a request helper (tests). */
export async function personIn(t: TestApp, organizationId: string, roles: Role[], overrides: { email?: string; name?: string } = {}) {
  const user = await buildUser(t.database, overrides);
  await addMembership(t.database, user.id, organizationId, roles);
  return { user, api: as(t, await openSession(t, user.id, organizationId)) };
}

export async function nationalTeam(t: TestApp) {
  return personIn(t, (await nationalOrganization(t.database)).id, ['fellesforvalter']);
}

/** A municipality of its own with one person in it. */
export async function municipalityWith(t: TestApp, roles: Role[] = ['administrator'], overrides: { email?: string } = {}) {
  const organization = await buildOrganization(t.database);
  return { organization, ...(await personIn(t, organization.id, roles, overrides)) };
}

/** A contact in the vendor's own organisation (created if needed). */
export async function vendorContact(t: TestApp, vendorId: string) {
  const { organizationId } = await asNational(t.database, (tx) => ensureVendorOrganization(tx, vendorId));
  return { organizationId, ...(await personIn(t, organizationId, ['leverandor'])) };
}
