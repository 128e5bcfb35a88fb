import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { isInsideEea } from '../systems/fields';
import { users } from '../users/schema';
import type { CreateProductBody, CreateVendorBody, updateProductBody, UpdateVendorBody, VendorDetailDto, VendorListItemDto } from './contract';
import { vendorsError } from './errors';
import { EXPIRY_WARNING_DAYS, type FollowUpStatus } from './fields';
import {
  vendorAuditReports,
  vendorCertifications,
  vendorChanges,
  vendorFindings,
  vendorIncidents,
  vendorProducts,
  vendorReviews,
  vendorSubProcessors,
  vendors,
} from './schema';
import { addDays, followUpFacts, presentFollowUp } from './status';
import { sequential } from './sequential';

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function getVendorRow(tx: Tx, id: string) {
  const [row] = await tx.select().from(vendors).where(eq(vendors.id, id));
  if (!row) throw vendorsError('VENDOR_NOT_FOUND');
  return row;
}

export async function getProductRow(tx: Tx, vendorId: string, productId: string) {
  const [row] = await tx.select().from(vendorProducts).where(and(eq(vendorProducts.id, productId), eq(vendorProducts.vendorId, vendorId)));
  if (!row) throw vendorsError('PRODUCT_NOT_FOUND', { field: 'productId' });
  return row;
}

/** The registry, searchable by name or organisation number, with each vendor's central follow-up status. */
export async function listVendors(tx: Tx, query: { q?: string; status?: FollowUpStatus; page: number; pageSize: number }, today: string) {
  const filters: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(
      or(
        ilike(vendors.name, pattern),
        ilike(vendors.organizationNumber, pattern),
        sql`exists (select 1 from ${vendorProducts} p where p.vendor_id = ${vendors.id} and p.name ilike ${pattern})`,
      )!,
    );
  }
  const where = filters.length ? and(...filters) : undefined;
  const rows = await tx.select({ id: vendors.id, name: vendors.name, organizationNumber: vendors.organizationNumber }).from(vendors).where(where).orderBy(asc(vendors.name));
  const facts = await followUpFacts(tx, rows.map((r) => r.id), today);
  let items: VendorListItemDto[] = rows.map((row) => ({ ...row, products: [], followUp: presentFollowUp(facts.get(row.id)!, today) }));
  if (query.status) items = items.filter((item) => item.followUp.status === query.status);
  const total = items.length;
  items = items.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  if (items.length) {
    const products = await tx
      .select({ id: vendorProducts.id, name: vendorProducts.name, vendorId: vendorProducts.vendorId })
      .from(vendorProducts)
      .where(inArray(vendorProducts.vendorId, items.map((i) => i.id)))
      .orderBy(asc(vendorProducts.name));
    const byVendor = new Map(items.map((i) => [i.id, i]));
    for (const product of products) byVendor.get(product.vendorId)?.products.push({ id: product.id, name: product.name });
  }
  return { total, items };
}

/** Everything the national team knows about one vendor, as every municipality sees it. */
export async function vendorDetail(tx: Tx, id: string, today: string): Promise<VendorDetailDto> {
  const vendor = await getVendorRow(tx, id);
  const [products, subProcessors, certifications, auditReports, findings, incidents, reviews, changes, facts] = await sequential(
    () => tx.select().from(vendorProducts).where(eq(vendorProducts.vendorId, id)).orderBy(asc(vendorProducts.name)),
    () => tx.select().from(vendorSubProcessors).where(eq(vendorSubProcessors.vendorId, id)).orderBy(asc(vendorSubProcessors.name)),
    () => tx.select().from(vendorCertifications).where(eq(vendorCertifications.vendorId, id)).orderBy(asc(vendorCertifications.kind)),
    () => tx.select().from(vendorAuditReports).where(eq(vendorAuditReports.vendorId, id)).orderBy(desc(vendorAuditReports.reportDate)),
    () => tx.select().from(vendorFindings).where(eq(vendorFindings.vendorId, id)).orderBy(asc(vendorFindings.status), desc(vendorFindings.createdAt)),
    () => tx.select().from(vendorIncidents).where(eq(vendorIncidents.vendorId, id)).orderBy(desc(vendorIncidents.occurredOn)),
    () => tx
      .select({ review: vendorReviews, reviewerName: users.name })
      .from(vendorReviews)
      .leftJoin(users, eq(users.id, vendorReviews.reviewedBy))
      .where(eq(vendorReviews.vendorId, id))
      .orderBy(desc(vendorReviews.reviewedOn), desc(vendorReviews.createdAt)),
    () => tx.select().from(vendorChanges).where(eq(vendorChanges.vendorId, id)).orderBy(desc(vendorChanges.createdAt)).limit(20),
    () => followUpFacts(tx, [id], today),
  );
  const vendorFacts = facts.get(id)!;
  const warnUntil = addDays(today, EXPIRY_WARNING_DAYS);
  return {
    id: vendor.id,
    name: vendor.name,
    organizationNumber: vendor.organizationNumber,
    website: vendor.website,
    description: vendor.description,
    contactName: vendor.contactName,
    contactEmail: vendor.contactEmail,
    contactPhone: vendor.contactPhone,
    dpaTerms: vendor.dpaTerms,
    dpaVersion: vendor.dpaVersion,
    transfersOutsideEea: vendor.transfersOutsideEea,
    transferBasis: vendor.transferBasis,
    transferNotes: vendor.transferNotes,
    reviewIntervalMonths: vendor.reviewIntervalMonths,
    conclusionSummary: vendor.conclusionSummary,
    hasPortalOrganization: vendor.vendorOrganizationId !== null,
    version: vendor.version,
    updatedAt: vendor.updatedAt.toISOString(),
    followUp: presentFollowUp(vendorFacts, today),
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      hosting: p.hosting,
      hostingCountries: p.hostingCountries,
      processesPersonalData: p.processesPersonalData,
      currentVersion: p.currentVersion,
      endOfSupportOn: p.endOfSupportOn,
      version: p.version,
      followUp: presentFollowUp(vendorFacts, today, p.id),
    })),
    subProcessors: subProcessors.map((s) => ({ id: s.id, name: s.name, purpose: s.purpose, country: s.country, insideEea: isInsideEea(s.country) ?? false, transferBasis: s.transferBasis })),
    certifications: certifications.map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      scope: c.scope,
      issuer: c.issuer,
      validUntil: c.validUntil,
      state: !c.validUntil ? 'unknown' : c.validUntil < today ? 'expired' : c.validUntil <= warnUntil ? 'expiring' : 'valid',
    })),
    auditReports: auditReports.map((r) => ({ id: r.id, kind: r.kind, title: r.title, reportDate: r.reportDate, periodEnd: r.periodEnd, summary: r.summary })),
    findings: findings.map((f) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      severity: f.severity,
      status: f.status,
      source: f.source,
      productId: f.productId,
      dueOn: f.dueOn,
      followUp: f.followUp,
      closedOn: f.closedOn,
      version: f.version,
    })),
    incidents: incidents.map((i) => ({ id: i.id, title: i.title, description: i.description, occurredOn: i.occurredOn, personalDataAffected: i.personalDataAffected, status: i.status, productId: i.productId })),
    reviews: reviews.map(({ review, reviewerName }) => ({
      id: review.id,
      conclusion: review.conclusion,
      summary: review.summary,
      reviewedOn: review.reviewedOn,
      nextReviewOn: review.nextReviewOn,
      reviewerName,
    })),
    changes: changes.map((c) => ({ id: c.id, kind: c.kind, title: c.title, summary: c.summary, createdAt: c.createdAt.toISOString(), recipients: c.recipients })),
  };
}

export async function createVendor(tx: Tx, body: CreateVendorBody) {
  const [row] = await tx.insert(vendors).values(body).returning();
  return row!;
}

/** Optimistic concurrency: the write names the version it read; a stale write is refused with 409. */
export async function updateVendor(tx: Tx, id: string, body: UpdateVendorBody, now: Date) {
  const { version, ...changes } = body;
  const [row] = await tx
    .update(vendors)
    .set({ ...changes, updatedAt: now, version: sql`${vendors.version} + 1` })
    .where(and(eq(vendors.id, id), eq(vendors.version, version)))
    .returning();
  if (row) return row;
  await getVendorRow(tx, id);
  throw commonError('CONFLICT');
}

export async function createProduct(tx: Tx, vendorId: string, body: CreateProductBody) {
  await getVendorRow(tx, vendorId);
  const [row] = await tx.insert(vendorProducts).values({ ...body, vendorId }).returning();
  return row!;
}

export async function updateProduct(tx: Tx, vendorId: string, productId: string, body: ReturnType<typeof updateProductBody.parse>, now: Date) {
  const { version, ...changes } = body;
  const [row] = await tx
    .update(vendorProducts)
    .set({ ...changes, updatedAt: now, version: sql`${vendorProducts.version} + 1` })
    .where(and(eq(vendorProducts.id, productId), eq(vendorProducts.vendorId, vendorId), eq(vendorProducts.version, version)))
    .returning();
  if (row) return row;
  await getProductRow(tx, vendorId, productId);
  throw commonError('CONFLICT');
}


/** Every vendor and its products, for choosing one when registering a system. */
export async function vendorOptions(tx: Tx) {
  const [vendorRows, productRows] = await sequential(
    () => tx.select({ id: vendors.id, name: vendors.name, organizationNumber: vendors.organizationNumber }).from(vendors).orderBy(asc(vendors.name)),
    () => tx.select({ id: vendorProducts.id, name: vendorProducts.name, vendorId: vendorProducts.vendorId }).from(vendorProducts).orderBy(asc(vendorProducts.name)),
  );
  const products = new Map<string, { id: string; name: string }[]>();
  for (const p of productRows) products.set(p.vendorId, [...(products.get(p.vendorId) ?? []), { id: p.id, name: p.name }]);
  return vendorRows.map((v) => ({ ...v, products: products.get(v.id) ?? [] }));
}
