import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { type Criticality, type HostingKind, type MfaState, type MonitoringKind, isInsideEea, specialCategories } from './fields';
import { systems } from './schema';

/**
 * The facts about a system that the shared threat catalogue (content/risk/threats.yaml, `facts:`) and the DPIA
 * templates' `fact_checks` reason about, read from what the system inventory already records. A fact the
 * inventory does not hold (or holds as "unknown") is null: an unknown fact never raises a threat, it is shown
 * as missing instead.
 */
export interface ThreatFacts {
  mfa_users: boolean | null;
  mfa_admins: boolean | null;
  backup_offline: boolean | null;
  restore_tested_within_12m: boolean | null;
  end_of_support_passed: boolean | null;
  /** The inventory does not record internet exposure yet; always null until it does. */
  internet_exposed: boolean | null;
  holds_special_categories: boolean | null;
  criticality: Criticality | null;
  vendor_hosted: boolean | null;
  hosting_outside_eea: boolean | null;
  monitoring: boolean | null;
}

export type ThreatFactKey = keyof ThreatFacts;

export interface ThreatFactSource {
  mfaUsers: MfaState;
  mfaAdmins: MfaState;
  backupOffline: boolean | null;
  lastRestoreTestOn: string | null;
  endOfSupportOn: string | null;
  personalDataCategories: string[];
  criticality: Criticality | null;
  hosting: HostingKind | null;
  hostingCountry: string | null;
  monitoring: MonitoringKind;
}

const mfa = (state: MfaState): boolean | null => (state === 'yes' ? true : state === 'unknown' ? null : false);

/** `today` is an ISO date (YYYY-MM-DD); dates compare as strings. */
export function threatFacts(row: ThreatFactSource, today: string): ThreatFacts {
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const special = specialCategories as readonly string[];
  return {
    mfa_users: mfa(row.mfaUsers),
    mfa_admins: mfa(row.mfaAdmins),
    backup_offline: row.backupOffline,
    // A test more than a year ago is a known "no"; no recorded test at all is unknown.
    restore_tested_within_12m: row.lastRestoreTestOn ? row.lastRestoreTestOn >= yearAgo : null,
    end_of_support_passed: row.endOfSupportOn ? row.endOfSupportOn <= today : null,
    internet_exposed: null,
    holds_special_categories: row.personalDataCategories.length ? row.personalDataCategories.some((c) => special.includes(c)) : null,
    criticality: row.criticality,
    vendor_hosted: row.hosting ? row.hosting === 'vendor_cloud' || row.hosting === 'public_cloud' : null,
    hosting_outside_eea: row.hostingCountry ? isInsideEea(row.hostingCountry) === false : null,
    monitoring: row.monitoring === 'unknown' ? null : row.monitoring !== 'none',
  };
}

const columns = {
  id: systems.id,
  mfaUsers: systems.mfaUsers,
  mfaAdmins: systems.mfaAdmins,
  backupOffline: systems.backupOffline,
  lastRestoreTestOn: systems.lastRestoreTestOn,
  endOfSupportOn: systems.endOfSupportOn,
  personalDataCategories: systems.personalDataCategories,
  criticality: systems.criticality,
  hosting: systems.hosting,
  hostingCountry: systems.hostingCountry,
  monitoring: systems.monitoring,
};

/** Facts for the given systems of one organisation, keyed by system id; systems of other organisations are absent. */
export async function loadThreatFacts(tx: Tx, organizationId: string, systemIds: readonly string[], today: string): Promise<Map<string, ThreatFacts>> {
  const facts = new Map<string, ThreatFacts>();
  if (!systemIds.length) return facts;
  const rows = await tx
    .select(columns)
    .from(systems)
    .where(and(eq(systems.organizationId, organizationId), inArray(systems.id, [...systemIds])));
  for (const row of rows) facts.set(row.id, threatFacts(row, today));
  return facts;
}
