import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { countryNames, isInsideEea } from '../systems/fields';
import { recordChange } from './changes';
import type { auditReportBody, certificationBody, findingBody, incidentBody, noticeBody, subProcessorBody, updateFindingBody } from './contract';
import type { z } from '../../shared/validation';
import { vendorsError } from './errors';
import { vendorAuditReports, vendorCertifications, vendorFindings, vendorIncidents, vendorSubProcessors } from './schema';
import { getProductRow, getVendorRow } from './registry-service';

/**
 * What the national team records about a vendor between reviews. Additions that a municipality must know
 * about (a new sub-processor, a finding, an incident, a notice) are published as changes in the same
 * transaction; see changes.ts.
 */
const countryName = (code: string) => countryNames[code] ?? code;

export async function addSubProcessor(tx: Tx, vendorId: string, body: z.infer<typeof subProcessorBody>, actorId: string) {
  const vendor = await getVendorRow(tx, vendorId);
  const [row] = await tx.insert(vendorSubProcessors).values({ ...body, vendorId }).returning();
  const outside = isInsideEea(body.country) === false;
  const change = await recordChange(tx, {
    vendorId,
    kind: 'sub_processor_added',
    title: `Ny underdatabehandler hos ${vendor.name}: ${body.name} (${countryName(body.country)})`,
    summary: [body.purpose, outside ? 'Underdatabehandleren er utenfor EØS. Sjekk grunnlaget for overføring.' : null].filter(Boolean).join(' ') || null,
    dedupeKey: `sub-processor:${row!.id}`,
    createdBy: actorId,
  });
  return { row: row!, change };
}

export async function removeSubProcessor(tx: Tx, vendorId: string, id: string) {
  const rows = await tx.delete(vendorSubProcessors).where(and(eq(vendorSubProcessors.id, id), eq(vendorSubProcessors.vendorId, vendorId))).returning({ id: vendorSubProcessors.id });
  if (!rows.length) throw commonError('NOT_FOUND');
}

export async function addCertification(tx: Tx, vendorId: string, body: z.infer<typeof certificationBody>) {
  await getVendorRow(tx, vendorId);
  const [row] = await tx.insert(vendorCertifications).values({ ...body, vendorId }).returning();
  return row!;
}

export async function removeCertification(tx: Tx, vendorId: string, id: string) {
  const rows = await tx.delete(vendorCertifications).where(and(eq(vendorCertifications.id, id), eq(vendorCertifications.vendorId, vendorId))).returning({ id: vendorCertifications.id });
  if (!rows.length) throw commonError('NOT_FOUND');
}

export async function addAuditReport(tx: Tx, vendorId: string, body: z.infer<typeof auditReportBody>) {
  await getVendorRow(tx, vendorId);
  const [row] = await tx.insert(vendorAuditReports).values({ ...body, vendorId }).returning();
  return row!;
}

export async function addFinding(tx: Tx, vendorId: string, body: z.infer<typeof findingBody>, actorId: string, options: { publish?: boolean } = {}) {
  const vendor = await getVendorRow(tx, vendorId);
  const product = body.productId ? await getProductRow(tx, vendorId, body.productId) : null;
  const [row] = await tx.insert(vendorFindings).values({ ...body, vendorId, productId: product?.id ?? null }).returning();
  const change =
    options.publish === false
      ? null
      : await recordChange(tx, {
          vendorId,
          productId: product?.id ?? null,
          kind: 'finding',
          title: `Nytt funn hos ${vendor.name}${product ? ` (${product.name})` : ''}: ${body.title}`,
          summary: body.description ?? null,
          dedupeKey: `finding:${row!.id}`,
          createdBy: actorId,
        });
  return { row: row!, change };
}

export async function updateFinding(tx: Tx, vendorId: string, id: string, body: z.infer<typeof updateFindingBody>, today: string, now: Date) {
  const { version, ...changes } = body;
  const closedOn = changes.status === 'closed' ? today : changes.status === 'open' ? null : undefined;
  const [row] = await tx
    .update(vendorFindings)
    .set({ ...changes, ...(closedOn !== undefined ? { closedOn } : {}), updatedAt: now, version: sql`${vendorFindings.version} + 1` })
    .where(and(eq(vendorFindings.id, id), eq(vendorFindings.vendorId, vendorId), eq(vendorFindings.version, version)))
    .returning();
  if (row) return row;
  const [exists] = await tx.select({ id: vendorFindings.id }).from(vendorFindings).where(and(eq(vendorFindings.id, id), eq(vendorFindings.vendorId, vendorId)));
  if (!exists) throw vendorsError('FINDING_NOT_FOUND');
  throw commonError('CONFLICT');
}

export async function addIncident(tx: Tx, vendorId: string, body: z.infer<typeof incidentBody>, actorId: string) {
  const vendor = await getVendorRow(tx, vendorId);
  const product = body.productId ? await getProductRow(tx, vendorId, body.productId) : null;
  const [row] = await tx.insert(vendorIncidents).values({ ...body, vendorId, productId: product?.id ?? null }).returning();
  const change = await recordChange(tx, {
    vendorId,
    productId: product?.id ?? null,
    kind: 'incident',
    title: `Sikkerhetshendelse hos ${vendor.name}${product ? ` (${product.name})` : ''}: ${body.title}`,
    summary: [body.description, body.personalDataAffected ? 'Personopplysninger kan være berørt. Vurder om dere må melde avvik (GDPR art. 33).' : null].filter(Boolean).join(' ') || null,
    dedupeKey: `incident:${row!.id}`,
    createdBy: actorId,
  });
  return { row: row!, change };
}

/** The same notice (same kind, product, title and text) is one change: sending it twice notifies once. */
export async function publishNotice(tx: Tx, vendorId: string, body: z.infer<typeof noticeBody>, actorId: string) {
  const vendor = await getVendorRow(tx, vendorId);
  const product = body.productId ? await getProductRow(tx, vendorId, body.productId) : null;
  return recordChange(tx, {
    vendorId,
    productId: product?.id ?? null,
    kind: body.kind,
    title: `${vendor.name}${product ? ` (${product.name})` : ''}: ${body.title}`,
    summary: body.summary ?? null,
    dedupeKey: `notice:${vendorId}:${createHash('sha256').update(JSON.stringify([body.kind, product?.id ?? null, body.title, body.summary ?? null])).digest('hex')}`,
    createdBy: actorId,
  });
}
