import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import type { FollowUpDto } from '../vendors/contract';
import { vendorLocalDetails } from '../vendors/local-schema';
import { vendorReviews } from '../vendors/schema';
import type { SystemListItemDto } from './contract';
import { criticalities, type Criticality, type EvidenceMeasure } from './fields';
import { systemDependencies, systems } from './schema';
import { listSystems } from './service';
import { addDays } from '../vendors/status';

export interface SystemRef {
  id: string;
  name: string;
}

export interface ServiceViewDto {
  name: string;
  criticality: Criticality | null;
  systems: { id: string; name: string; criticality: Criticality | null; dependsOn: SystemRef[] }[];
}

export interface MunicipalVendorDto {
  id: string;
  name: string;
  followUp: FollowUpDto | null;
  systems: SystemRef[];
  dpaSignedOn: string | null;
  processesPersonalData: boolean;
}

export interface SystemOverviewDto {
  total: number;
  withoutMfa: SystemRef[];
  restoreUntested: SystemRef[];
  pastEndOfSupport: SystemRef[];
  endOfSupportSoon: SystemRef[];
  processorsWithoutDpa: MunicipalVendorDto[];
  vendorsWithOpenFindings: MunicipalVendorDto[];
  vendors: MunicipalVendorDto[];
  services: ServiceViewDto[];
}

const ref = (s: SystemListItemDto): SystemRef => ({ id: s.id, name: s.name });
const rank = (c: Criticality | null) => (c ? criticalities.indexOf(c) : criticalities.length);

/** Every system a system depends on, directly or through others (cycles are fine). */
function closure(start: string, edges: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>();
  const stack = [...(edges.get(start) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (next === start || seen.has(next)) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return [...seen];
}

async function dependencyEdges(tx: Tx, organizationId: string) {
  const rows = await tx
    .select({ from: systemDependencies.systemId, to: systemDependencies.dependsOnId })
    .from(systemDependencies)
    .where(eq(systemDependencies.organizationId, organizationId));
  const edges = new Map<string, string[]>();
  for (const row of rows) edges.set(row.from, [...(edges.get(row.from) ?? []), row.to]);
  return edges;
}

/** The municipal services, most critical first, each with the systems behind it and what those depend on. */
export function serviceView(list: readonly SystemListItemDto[], edges: ReadonlyMap<string, readonly string[]>): ServiceViewDto[] {
  const byId = new Map(list.map((s) => [s.id, s]));
  const services = new Map<string, SystemListItemDto[]>();
  for (const system of list) for (const service of system.services) services.set(service, [...(services.get(service) ?? []), system]);
  return [...services.entries()]
    .map(([name, members]) => {
      const criticality = members.map((m) => m.criticality).sort((a, b) => rank(a) - rank(b))[0] ?? null;
      return {
        name,
        criticality,
        systems: members.map((m) => ({
          id: m.id,
          name: m.name,
          criticality: m.criticality,
          dependsOn: closure(m.id, edges)
            .map((id) => byId.get(id))
            .filter((s): s is SystemListItemDto => Boolean(s))
            .map(ref)
            .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
        })),
      };
    })
    .sort((a, b) => rank(a.criticality) - rank(b.criticality) || a.name.localeCompare(b.name, 'nb'));
}

/** The municipality's vendors: each with its central follow-up, the systems using it and the local DPA. */
async function municipalVendors(tx: Tx, organizationId: string, list: readonly SystemListItemDto[]): Promise<MunicipalVendorDto[]> {
  const byVendor = new Map<string, { name: string; followUp: FollowUpDto | null; systems: SystemListItemDto[] }>();
  for (const system of list) {
    if (!system.vendor) continue;
    const entry = byVendor.get(system.vendor.id) ?? { name: system.vendor.name, followUp: null, systems: [] };
    entry.systems.push(system);
    // The vendor-level status: the most urgent of its products' statuses in this municipality.
    if (!entry.followUp || urgency(system.followUp) < urgency(entry.followUp)) entry.followUp = system.followUp;
    byVendor.set(system.vendor.id, entry);
  }
  const local = byVendor.size
    ? await tx
        .select({ vendorId: vendorLocalDetails.vendorId, dpaSignedOn: vendorLocalDetails.dpaSignedOn })
        .from(vendorLocalDetails)
        .where(and(eq(vendorLocalDetails.organizationId, organizationId), inArray(vendorLocalDetails.vendorId, [...byVendor.keys()])))
    : [];
  const dpa = new Map(local.map((l) => [l.vendorId, l.dpaSignedOn]));
  return [...byVendor.entries()]
    .map(([id, v]) => ({
      id,
      name: v.name,
      followUp: v.followUp,
      systems: v.systems.map(ref),
      dpaSignedOn: dpa.get(id) ?? null,
      processesPersonalData: v.systems.some((s) => s.flags.processorWithoutDpa) || Boolean(dpa.get(id)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

const statusOrder = ['findings_open', 'due', 'not_assessed', 'current'];
const urgency = (f: FollowUpDto | null) => (f ? statusOrder.indexOf(f.status) : statusOrder.length);

export async function systemOverview(tx: Tx, organizationId: string, today: string): Promise<SystemOverviewDto> {
  const list = await listSystems(tx, organizationId, today);
  const edges = await dependencyEdges(tx, organizationId);
  const vendorList = await municipalVendors(tx, organizationId, list);
  const withoutDpa = new Set(list.filter((s) => s.flags.processorWithoutDpa).map((s) => s.vendor!.id));
  return {
    total: list.length,
    withoutMfa: list.filter((s) => s.flags.withoutMfa).map(ref),
    restoreUntested: list.filter((s) => s.flags.restoreUntested).map(ref),
    pastEndOfSupport: list.filter((s) => s.flags.pastEndOfSupport).map(ref),
    endOfSupportSoon: list.filter((s) => s.flags.endOfSupportSoon).map(ref),
    processorsWithoutDpa: vendorList.filter((v) => withoutDpa.has(v.id)),
    vendorsWithOpenFindings: vendorList.filter((v) => (v.followUp?.openFindings ?? 0) > 0),
    vendors: vendorList,
    services: serviceView(list, edges),
  };
}

export type EvidenceState = 'ok' | 'gap' | 'unknown';

export interface MeasureEvidenceDto {
  measureUrn: EvidenceMeasure;
  total: number;
  ok: number;
  gap: number;
  unknown: number;
  systems: { id: string; name: string; state: EvidenceState; criticality: Criticality | null }[];
}

/**
 * The systems behind a common measure, for the self-assessment's evidence: which systems meet it, which do
 * not, and which are not documented. Other modules call this inside their own tenant transaction.
 */
export async function systemFactsForMeasure(tx: Tx, organizationId: string, measureUrn: EvidenceMeasure, today: string): Promise<MeasureEvidenceDto> {
  const rows = await tx.select().from(systems).where(eq(systems.organizationId, organizationId));
  const list = new Map((await listSystems(tx, organizationId, today)).map((s) => [s.id, s]));
  const vendorIds = [...new Set(rows.flatMap((r) => (r.vendorId ? [r.vendorId] : [])))];
  const reviews = vendorIds.length
    ? await tx.select().from(vendorReviews).where(inArray(vendorReviews.vendorId, vendorIds)).orderBy(desc(vendorReviews.reviewedOn), desc(vendorReviews.createdAt))
    : [];
  const latestReview = new Map<string, (typeof reviews)[number]>();
  for (const review of reviews) if (!latestReview.has(review.vendorId)) latestReview.set(review.vendorId, review);
  const yearAgo = addDays(today, -365);
  const fromBool = (value: boolean | null | undefined): EvidenceState => (value === true ? 'ok' : value === false ? 'gap' : 'unknown');
  const fromMfa = (value: string): EvidenceState => (value === 'yes' ? 'ok' : value === 'unknown' ? 'unknown' : 'gap');

  const judge = (row: (typeof rows)[number]): EvidenceState | null => {
    const item = list.get(row.id)!;
    switch (measureUrn) {
      case 'urn:samsvar:measure:mfa-all-users':
        return fromMfa(row.mfaUsers);
      case 'urn:samsvar:measure:mfa-admin-remote':
        return fromMfa(row.mfaAdmins);
      case 'urn:samsvar:measure:backup-plan-all-data':
        return row.backupFrequency === 'unknown' ? 'unknown' : row.backupFrequency === 'none' ? 'gap' : 'ok';
      case 'urn:samsvar:measure:backup-protection':
        return fromBool(row.backupOffline);
      case 'urn:samsvar:measure:restore-testing':
        if (!row.lastRestoreTestOn) return 'gap';
        return row.lastRestoreTestOn >= yearAgo && row.lastRestoreResult !== 'failed' ? 'ok' : 'gap';
      case 'urn:samsvar:measure:vendor-backup-evidence': {
        if (row.hosting !== 'vendor_cloud' && row.hosting !== 'public_cloud') return null;
        const review = row.vendorId ? latestReview.get(row.vendorId) : undefined;
        if (!review) return 'unknown';
        return review.factBackupOffline && review.factRestoreTested ? 'ok' : review.factBackupOffline === null ? 'unknown' : 'gap';
      }
      case 'urn:samsvar:measure:end-of-support':
        return !row.endOfSupportOn ? 'unknown' : row.endOfSupportOn < today ? 'gap' : 'ok';
      case 'urn:samsvar:measure:system-inventory':
        return row.systemOwner && row.criticality ? 'ok' : 'gap';
      case 'urn:samsvar:measure:system-criticality':
      case 'urn:samsvar:measure:critical-services-map':
        return row.criticality && row.services.length ? 'ok' : 'gap';
      case 'urn:samsvar:measure:alert-followup-soc':
        if (row.monitoring === 'unknown') return 'unknown';
        return row.monitoring !== 'none' && row.alertRecipient ? 'ok' : 'gap';
      case 'urn:samsvar:measure:dpa-agreements':
        if (!row.vendorId) return null;
        return item.flags.processorWithoutDpa ? 'gap' : 'ok';
      case 'urn:samsvar:measure:vendor-followup':
        if (!row.vendorId || !item.followUp) return null;
        return item.followUp.status === 'current' ? 'ok' : item.followUp.status === 'not_assessed' ? 'unknown' : 'gap';
    }
  };
  const judged = rows
    .map((row) => ({ id: row.id, name: row.name, criticality: row.criticality, state: judge(row) }))
    .filter((s): s is { id: string; name: string; criticality: Criticality | null; state: EvidenceState } => s.state !== null)
    .sort((a, b) => rank(a.criticality) - rank(b.criticality) || a.name.localeCompare(b.name, 'nb'));
  return {
    measureUrn,
    total: judged.length,
    ok: judged.filter((s) => s.state === 'ok').length,
    gap: judged.filter((s) => s.state === 'gap').length,
    unknown: judged.filter((s) => s.state === 'unknown').length,
    systems: judged,
  };
}

