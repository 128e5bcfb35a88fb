import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import type { FollowUpDto } from '../vendors/contract';
import { vendorLocalDetails } from '../vendors/local-schema';
import { vendorProducts, vendorReviews, vendors } from '../vendors/schema';
import { addDays, followUpFacts, presentFollowUp } from '../vendors/status';
import type { CreateSystemBody, SystemDto, SystemFlags, SystemListItemDto, UpdateSystemBody } from './contract';
import { systemsError } from './errors';
import { isInsideEea } from './fields';
import { systemDependencies, systems } from './schema';
import { sequential } from '../vendors/sequential';

type SystemRow = typeof systems.$inferSelect;

/** Decided once, here: what needs attention on a system. */
export function systemFlags(
  row: Pick<SystemRow, 'mfaUsers' | 'mfaAdmins' | 'lastRestoreTestOn' | 'lastRestoreResult' | 'endOfSupportOn' | 'personalDataCategories' | 'vendorId'>,
  context: { today: string; productProcessesPersonalData: boolean | null; dpaSignedOn: string | null },
): SystemFlags {
  const yearAgo = addDays(context.today, -365);
  const holdsPersonalData = row.personalDataCategories.length > 0 || context.productProcessesPersonalData === true;
  return {
    withoutMfa: row.mfaUsers !== 'yes' || row.mfaAdmins !== 'yes',
    restoreUntested: !row.lastRestoreTestOn || row.lastRestoreTestOn < yearAgo || row.lastRestoreResult === 'failed',
    pastEndOfSupport: row.endOfSupportOn !== null && row.endOfSupportOn < context.today,
    endOfSupportSoon: row.endOfSupportOn !== null && row.endOfSupportOn >= context.today && row.endOfSupportOn <= addDays(context.today, 180),
    processorWithoutDpa: row.vendorId !== null && holdsPersonalData && !context.dpaSignedOn,
  };
}

/** The columns the list needs (the inventory has many more; a list of hundreds should not carry them). */
const listColumns = {
  id: systems.id,
  name: systems.name,
  criticality: systems.criticality,
  services: systems.services,
  vendorId: systems.vendorId,
  vendorProductId: systems.vendorProductId,
  localVendorName: systems.localVendorName,
  personalDataCategories: systems.personalDataCategories,
  mfaUsers: systems.mfaUsers,
  mfaAdmins: systems.mfaAdmins,
  backupFrequency: systems.backupFrequency,
  lastRestoreTestOn: systems.lastRestoreTestOn,
  lastRestoreResult: systems.lastRestoreResult,
  endOfSupportOn: systems.endOfSupportOn,
  monitoring: systems.monitoring,
  version: systems.version,
};

function listQuery(tx: Tx, organizationId: string, systemId?: string) {
  return tx
    .select({
      system: listColumns,
      vendorName: vendors.name,
      productName: vendorProducts.name,
      productProcessesPersonalData: vendorProducts.processesPersonalData,
      dpaSignedOn: vendorLocalDetails.dpaSignedOn,
    })
    .from(systems)
    .leftJoin(vendors, eq(vendors.id, systems.vendorId))
    .leftJoin(vendorProducts, eq(vendorProducts.id, systems.vendorProductId))
    .leftJoin(vendorLocalDetails, and(eq(vendorLocalDetails.organizationId, systems.organizationId), eq(vendorLocalDetails.vendorId, systems.vendorId)))
    .where(and(eq(systems.organizationId, organizationId), systemId ? eq(systems.id, systemId) : undefined));
}

type ListRow = { system: Pick<SystemRow, keyof typeof listColumns>; vendorName: string | null; productName: string | null; productProcessesPersonalData: boolean | null; dpaSignedOn: string | null };

function presentListItem(row: ListRow, followUp: FollowUpDto | null, today: string): SystemListItemDto {
  const s = row.system;
  return {
    id: s.id,
    name: s.name,
    criticality: s.criticality,
    services: s.services,
    vendor: s.vendorId && row.vendorName ? { id: s.vendorId, name: row.vendorName } : null,
    product: s.vendorProductId && row.productName ? { id: s.vendorProductId, name: row.productName } : null,
    localVendorName: s.localVendorName,
    followUp,
    mfaUsers: s.mfaUsers,
    mfaAdmins: s.mfaAdmins,
    backupFrequency: s.backupFrequency,
    lastRestoreTestOn: s.lastRestoreTestOn,
    endOfSupportOn: s.endOfSupportOn,
    monitoring: s.monitoring,
    flags: systemFlags(s, { today, productProcessesPersonalData: row.productProcessesPersonalData, dpaSignedOn: row.dpaSignedOn }),
    version: s.version,
  };
}

/** The municipality's systems with their central vendor follow-up: four queries, whatever the number. */
export async function listSystems(tx: Tx, organizationId: string, today: string): Promise<SystemListItemDto[]> {
  const rows: ListRow[] = await listQuery(tx, organizationId).orderBy(asc(systems.name));
  const facts = await followUpFacts(tx, rows.flatMap((r) => (r.system.vendorId ? [r.system.vendorId] : [])), today);
  return rows.map((row) => {
    const vendorFacts = row.system.vendorId ? facts.get(row.system.vendorId) : undefined;
    return presentListItem(row, vendorFacts ? presentFollowUp(vendorFacts, today, row.system.vendorProductId) : null, today);
  });
}

export async function getSystem(tx: Tx, organizationId: string, id: string, today: string): Promise<SystemDto> {
  const [row] = await listQuery(tx, organizationId, id);
  const [s] = await tx.select().from(systems).where(and(eq(systems.organizationId, organizationId), eq(systems.id, id)));
  if (!row || !s) throw systemsError('SYSTEM_NOT_FOUND');
  const facts = s.vendorId ? (await followUpFacts(tx, [s.vendorId], today)).get(s.vendorId) : undefined;
  const [dependsOn, dependents, review] = await sequential(
    () => tx
      .select({ id: systems.id, name: systems.name })
      .from(systemDependencies)
      .innerJoin(systems, eq(systems.id, systemDependencies.dependsOnId))
      .where(and(eq(systemDependencies.organizationId, organizationId), eq(systemDependencies.systemId, id)))
      .orderBy(asc(systems.name)),
    () => tx
      .select({ id: systems.id, name: systems.name })
      .from(systemDependencies)
      .innerJoin(systems, eq(systems.id, systemDependencies.systemId))
      .where(and(eq(systemDependencies.organizationId, organizationId), eq(systemDependencies.dependsOnId, id)))
      .orderBy(asc(systems.name)),
    () => s.vendorId
      ? tx.select().from(vendorReviews).where(eq(vendorReviews.vendorId, s.vendorId)).orderBy(desc(vendorReviews.reviewedOn), desc(vendorReviews.createdAt)).limit(1)
      : Promise.resolve([]),
  );
  const latest = review[0];
  return {
    ...presentListItem(row, facts ? presentFollowUp(facts, today, s.vendorProductId) : null, today),
    purpose: s.purpose,
    systemOwner: s.systemOwner,
    technicalContact: s.technicalContact,
    hosting: s.hosting,
    hostingCountry: s.hostingCountry,
    hostingOutsideEea: s.hostingCountry ? !isInsideEea(s.hostingCountry) : null,
    consequenceUnavailable: s.consequenceUnavailable,
    consequenceAltered: s.consequenceAltered,
    consequenceLeaked: s.consequenceLeaked,
    personalDataCategories: s.personalDataCategories,
    dataSubjects: s.dataSubjects,
    federation: s.federation,
    idportenLevel: s.idportenLevel,
    backupScope: s.backupScope,
    backupOffline: s.backupOffline,
    lastRestoreResult: s.lastRestoreResult,
    alertRecipient: s.alertRecipient,
    notes: s.notes,
    dependsOn,
    dependents,
    vendorFacts: latest
      ? {
          reviewedOn: latest.reviewedOn,
          mfaPossible: latest.factMfaPossible,
          backupOffline: latest.factBackupOffline,
          restoreTested: latest.factRestoreTested,
          monitoring247: latest.factMonitoring247,
          outsideEea: latest.factOutsideEea,
        }
      : null,
    updatedAt: s.updatedAt.toISOString(),
  };
}

/**
 * A product decides its vendor; a vendor alone must exist in the registry; choosing another vendor or none
 * clears the product. Returns only the columns to change.
 */
export async function resolveVendor(tx: Tx, body: { vendorId?: string | null; vendorProductId?: string | null }): Promise<{ vendorId?: string | null; vendorProductId?: string | null }> {
  if (body.vendorProductId) {
    const [product] = await tx.select({ id: vendorProducts.id, vendorId: vendorProducts.vendorId }).from(vendorProducts).where(eq(vendorProducts.id, body.vendorProductId));
    if (!product || (body.vendorId && body.vendorId !== product.vendorId)) throw systemsError('PRODUCT_MISMATCH', { field: 'vendorProductId' });
    return { vendorId: product.vendorId, vendorProductId: product.id };
  }
  if (body.vendorId) {
    const [vendor] = await tx.select({ id: vendors.id }).from(vendors).where(eq(vendors.id, body.vendorId));
    if (!vendor) throw systemsError('VENDOR_NOT_FOUND', { field: 'vendorId' });
    return { vendorId: vendor.id, vendorProductId: null };
  }
  if (body.vendorId === null) return { vendorId: null, vendorProductId: null };
  if (body.vendorProductId === null) return { vendorProductId: null };
  return {};
}

async function assertNameFree(tx: Tx, organizationId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: systems.id })
    .from(systems)
    .where(and(eq(systems.organizationId, organizationId), sql`lower(${systems.name}) = lower(${name})`, exceptId ? ne(systems.id, exceptId) : undefined));
  if (clash) throw systemsError('NAME_TAKEN', { field: 'name' });
}

/** Replaces the system's dependencies; every target must be one of the municipality's own systems. */
export async function setDependencies(tx: Tx, organizationId: string, systemId: string, dependsOn: string[]) {
  const targets = [...new Set(dependsOn)];
  if (targets.includes(systemId)) throw systemsError('DEPENDENCY_SELF', { field: 'dependsOn' });
  if (targets.length) {
    const found = await tx.select({ id: systems.id }).from(systems).where(and(eq(systems.organizationId, organizationId), inArray(systems.id, targets)));
    if (found.length !== targets.length) throw systemsError('DEPENDENCY_INVALID', { field: 'dependsOn' });
  }
  await tx.delete(systemDependencies).where(and(eq(systemDependencies.organizationId, organizationId), eq(systemDependencies.systemId, systemId)));
  if (targets.length) await tx.insert(systemDependencies).values(targets.map((dependsOnId) => ({ organizationId, systemId, dependsOnId })));
}

export async function createSystem(tx: Tx, organizationId: string, body: CreateSystemBody): Promise<SystemRow> {
  const { dependsOn, vendorId: _v, vendorProductId: _p, ...fields } = body;
  await assertNameFree(tx, organizationId, body.name);
  const vendor = await resolveVendor(tx, body);
  const [row] = await tx
    .insert(systems)
    .values({ ...fields, organizationId, vendorId: vendor.vendorId ?? null, vendorProductId: vendor.vendorProductId ?? null })
    .returning();
  if (dependsOn?.length) await setDependencies(tx, organizationId, row!.id, dependsOn);
  return row!;
}

/** Optimistic concurrency: the write names the version it read; a stale write is refused with 409. */
export async function updateSystem(tx: Tx, organizationId: string, id: string, body: UpdateSystemBody, now: Date): Promise<SystemRow> {
  const { dependsOn, version, vendorId: _v, vendorProductId: _p, ...fields } = body;
  if (fields.name) await assertNameFree(tx, organizationId, fields.name, id);
  const vendor = await resolveVendor(tx, body);
  const [row] = await tx
    .update(systems)
    .set({ ...fields, ...vendor, updatedAt: now, version: sql`${systems.version} + 1` })
    .where(and(eq(systems.organizationId, organizationId), eq(systems.id, id), eq(systems.version, version)))
    .returning();
  if (!row) {
    const [exists] = await tx.select({ id: systems.id }).from(systems).where(and(eq(systems.organizationId, organizationId), eq(systems.id, id)));
    if (!exists) throw systemsError('SYSTEM_NOT_FOUND');
    throw commonError('CONFLICT');
  }
  if (dependsOn) await setDependencies(tx, organizationId, id, dependsOn);
  return row;
}

export async function deleteSystem(tx: Tx, organizationId: string, id: string): Promise<void> {
  const rows = await tx.delete(systems).where(and(eq(systems.organizationId, organizationId), eq(systems.id, id))).returning({ id: systems.id });
  if (!rows.length) throw systemsError('SYSTEM_NOT_FOUND');
}
