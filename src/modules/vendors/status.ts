import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import type { FollowUpDto } from './contract';
import { EXPIRY_WARNING_DAYS, type FollowUpStatus, type ReviewConclusion } from './fields';
import { vendorCertifications, vendorFindings, vendors } from './schema';

export interface VendorFollowUpFacts {
  lastReviewedOn: string | null;
  nextReviewOn: string | null;
  conclusion: ReviewConclusion | null;
  /** Open findings about the vendor as a whole. */
  openVendorFindings: number;
  /** Open findings per product. */
  openProductFindings: ReadonlyMap<string, number>;
  expiredCertifications: number;
  expiringCertifications: number;
}

/**
 * The central follow-up status of a product (or of the vendor when no product is given), in the order a
 * municipality must act on it: never assessed; open findings; due (review date passed or a certificate
 * expired); current.
 */
export function followUpStatus(facts: VendorFollowUpFacts, today: string, productId?: string | null): FollowUpStatus {
  if (!facts.lastReviewedOn) return 'not_assessed';
  const openFindings = facts.openVendorFindings + (productId ? (facts.openProductFindings.get(productId) ?? 0) : sumOf(facts.openProductFindings));
  if (openFindings > 0) return 'findings_open';
  if ((facts.nextReviewOn && facts.nextReviewOn <= today) || facts.expiredCertifications > 0) return 'due';
  return 'current';
}

const sumOf = (map: ReadonlyMap<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);

export function presentFollowUp(facts: VendorFollowUpFacts, today: string, productId?: string | null): FollowUpDto {
  return {
    status: followUpStatus(facts, today, productId),
    lastReviewedOn: facts.lastReviewedOn,
    nextReviewOn: facts.nextReviewOn,
    conclusion: facts.conclusion,
    openFindings: facts.openVendorFindings + (productId ? (facts.openProductFindings.get(productId) ?? 0) : sumOf(facts.openProductFindings)),
    expiredCertifications: facts.expiredCertifications,
    expiringCertifications: facts.expiringCertifications,
  };
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const osloDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
/** Today's date in Norway (deadlines and expiry dates are Norwegian calendar days). */
export const osloDay = (date: Date) => osloDate.format(date);
export const addDays = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

const emptyFacts = (): VendorFollowUpFacts => ({
  lastReviewedOn: null,
  nextReviewOn: null,
  conclusion: null,
  openVendorFindings: 0,
  openProductFindings: new Map(),
  expiredCertifications: 0,
  expiringCertifications: 0,
});

/** The follow-up facts of several vendors in three queries, whatever their number. */
export async function followUpFacts(tx: Tx, vendorIds: readonly string[], today: string): Promise<Map<string, VendorFollowUpFacts>> {
  const result = new Map<string, VendorFollowUpFacts>();
  const ids = [...new Set(vendorIds)];
  if (!ids.length) return result;
  const warnUntil = addDays(today, EXPIRY_WARNING_DAYS);
  const rows = await tx
    .select({ id: vendors.id, lastReviewedOn: vendors.lastReviewedOn, nextReviewOn: vendors.nextReviewOn, conclusion: vendors.conclusion })
    .from(vendors)
    .where(inArray(vendors.id, ids));
  for (const row of rows) result.set(row.id, { ...emptyFacts(), lastReviewedOn: row.lastReviewedOn, nextReviewOn: row.nextReviewOn, conclusion: row.conclusion });
  const certificates = await tx
    .select({
      vendorId: vendorCertifications.vendorId,
      expired: sql<number>`count(*) filter (where ${vendorCertifications.validUntil} < ${today})::int`,
      expiring: sql<number>`count(*) filter (where ${vendorCertifications.validUntil} >= ${today} and ${vendorCertifications.validUntil} <= ${warnUntil})::int`,
    })
    .from(vendorCertifications)
    .where(inArray(vendorCertifications.vendorId, ids))
    .groupBy(vendorCertifications.vendorId);
  for (const row of certificates) {
    const facts = result.get(row.vendorId);
    if (facts) Object.assign(facts, { expiredCertifications: row.expired, expiringCertifications: row.expiring });
  }
  const findings = await tx
    .select({ vendorId: vendorFindings.vendorId, productId: vendorFindings.productId, n: sql<number>`count(*)::int` })
    .from(vendorFindings)
    .where(and(inArray(vendorFindings.vendorId, ids), eq(vendorFindings.status, 'open')))
    .groupBy(vendorFindings.vendorId, vendorFindings.productId);
  for (const row of findings) {
    const facts = result.get(row.vendorId);
    if (!facts) continue;
    if (row.productId) (facts.openProductFindings as Map<string, number>).set(row.productId, row.n);
    else facts.openVendorFindings = row.n;
  }
  return result;
}
