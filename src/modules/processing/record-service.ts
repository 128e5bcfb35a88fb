import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { systems } from '../systems/schema';
import { vendors } from '../vendors/schema';
import type { AdoptBody, CreateEntryBody, UpdateEntryBody } from './contract';
import { processingError } from './errors';
import { fieldDef, fieldKeys, processorEntryFields, sameValue, type FieldValue } from './fields';
import { processingEntries, processingEntryProcessors, processingEntrySystems, processingEntryValues } from './schema';
import { latestTemplates, listServiceAreas, templateVersions, versionKey } from './template-service';

/** Changes to a municipality's own record: adopting templates, new entries, editing, removing. */

/**
 * Adopts templates (chosen ones, or a whole service area) into the record in one transaction. An entry
 * stores only the template version it is based on; the municipality's own values come when it fills them in.
 * Templates already adopted are skipped, not duplicated.
 */
export async function adoptTemplates(tx: Tx, organizationId: string, userId: string | null, body: AdoptBody) {
  let templates;
  if (body.serviceArea) {
    const areas = await listServiceAreas(tx);
    if (!areas.some((a) => a.id === body.serviceArea)) throw processingError('UNKNOWN_SERVICE_AREA', { field: 'serviceArea' });
    templates = await latestTemplates(tx, body.serviceArea);
  } else {
    const wanted = [...new Set(body.templateUrns!)];
    templates = (await latestTemplates(tx)).filter((t) => wanted.includes(t.urn));
    if (templates.length !== wanted.length) throw processingError('TEMPLATE_NOT_FOUND', { field: 'templateUrns' });
  }
  const existing = await tx
    .select({ urn: processingEntries.templateUrn })
    .from(processingEntries)
    .where(and(eq(processingEntries.organizationId, organizationId), inArray(processingEntries.templateUrn, templates.map((t) => t.urn).concat(['-']))));
  const have = new Set(existing.map((e) => e.urn));
  const toAdopt = templates.filter((t) => !have.has(t.urn));
  const created = toAdopt.length
    ? await tx
        .insert(processingEntries)
        .values(toAdopt.map((t) => ({ organizationId, kind: 'template' as const, templateUrn: t.urn, templateVersion: t.version, createdBy: userId })))
        .returning({ id: processingEntries.id, templateUrn: processingEntries.templateUrn })
    : [];
  return { created: created.map((c) => ({ id: c.id, templateUrn: c.templateUrn! })), skipped: templates.filter((t) => have.has(t.urn)).map((t) => t.urn) };
}

/** Template URN → the organisation's entry from it. */
export async function adoptedTemplates(tx: Tx, organizationId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: processingEntries.id, urn: processingEntries.templateUrn })
    .from(processingEntries)
    .where(and(eq(processingEntries.organizationId, organizationId), isNotNull(processingEntries.templateUrn)));
  return new Map(rows.map((r) => [r.urn!, r.id]));
}

export async function assertServiceArea(tx: Tx, id: string, field: string): Promise<void> {
  const areas = await listServiceAreas(tx);
  if (!areas.some((a) => a.id === id)) throw processingError('UNKNOWN_SERVICE_AREA', { field });
}

/** A local activity (no template) or one where the municipality is processor for another controller. */
export async function createEntry(tx: Tx, organizationId: string, userId: string | null, body: CreateEntryBody) {
  await assertServiceArea(tx, body.serviceArea, 'serviceArea');
  if (body.kind === 'processor' && !body.controller?.trim()) {
    throw commonError('VALIDATION_FAILED', { field: 'controller', message: 'Oppgi hvem kommunen behandler opplysningene for.' });
  }
  const [entry] = await tx.insert(processingEntries).values({ organizationId, kind: body.kind, createdBy: userId }).returning();
  const values: [string, FieldValue][] = [
    ['name', body.name],
    ['service_area', body.serviceArea],
  ];
  if (body.kind === 'processor') values.push(['controller', body.controller!.trim()]);
  await tx.insert(processingEntryValues).values(values.map(([field, value]) => ({ organizationId, entryId: entry!.id, field, value, updatedBy: userId })));
  return entry!;
}

function allowedFields(kind: 'template' | 'local' | 'processor'): Set<string> {
  const keys: readonly string[] = kind === 'processor' ? processorEntryFields : fieldKeys;
  return new Set(keys.filter((key) => fieldDef(key)?.type !== 'links'));
}

async function replaceSystems(tx: Tx, organizationId: string, entryId: string, systemIds: string[]): Promise<void> {
  if (new Set(systemIds).size !== systemIds.length) throw processingError('DUPLICATE_LINK', { field: 'systemIds' });
  if (systemIds.length) {
    const found = await tx.select({ id: systems.id }).from(systems).where(and(eq(systems.organizationId, organizationId), inArray(systems.id, systemIds)));
    if (found.length !== systemIds.length) throw processingError('UNKNOWN_SYSTEM', { field: 'systemIds' });
  }
  await tx.delete(processingEntrySystems).where(and(eq(processingEntrySystems.organizationId, organizationId), eq(processingEntrySystems.entryId, entryId)));
  if (systemIds.length) await tx.insert(processingEntrySystems).values(systemIds.map((systemId) => ({ organizationId, entryId, systemId })));
}

async function replaceProcessors(tx: Tx, organizationId: string, entryId: string, links: NonNullable<UpdateEntryBody['processors']>): Promise<void> {
  const ids = links.map((l) => l.vendorId);
  if (new Set(ids).size !== ids.length) throw processingError('DUPLICATE_LINK', { field: 'processors' });
  if (ids.length) {
    const found = await tx.select({ id: vendors.id }).from(vendors).where(inArray(vendors.id, ids));
    if (found.length !== ids.length) throw processingError('UNKNOWN_VENDOR', { field: 'processors' });
  }
  await tx.delete(processingEntryProcessors).where(and(eq(processingEntryProcessors.organizationId, organizationId), eq(processingEntryProcessors.entryId, entryId)));
  if (links.length) {
    await tx.insert(processingEntryProcessors).values(links.map((l) => ({ organizationId, entryId, vendorId: l.vendorId, dpaInPlace: l.dpaInPlace, dpaDate: l.dpaInPlace ? (l.dpaDate ?? null) : null })));
  }
}

/**
 * Saves what the municipality changed on an entry. `version` must be the one it read: a stale write gets
 * 409 and nothing is saved. A value equal to the template's is stored as no override at all, so an override
 * shown in the record is always a real difference from the national text.
 */
export async function updateEntry(tx: Tx, organizationId: string, userId: string | null, entryId: string, body: UpdateEntryBody) {
  const [entry] = await tx.select().from(processingEntries).where(and(eq(processingEntries.organizationId, organizationId), eq(processingEntries.id, entryId)));
  if (!entry) throw commonError('NOT_FOUND');
  const allowed = allowedFields(entry.kind);
  const values = Object.entries(body.values ?? {}).filter(([, v]) => v !== undefined) as [string, FieldValue][];
  for (const [key] of values) if (!allowed.has(key)) throw processingError('NOT_ALLOWED_FOR_KIND', { field: `values.${key}` });
  const serviceArea = values.find(([key]) => key === 'service_area')?.[1];
  if (typeof serviceArea === 'string') await assertServiceArea(tx, serviceArea, 'values.service_area');
  if (entry.kind !== 'template' && values.some(([key, value]) => (key === 'name' || key === 'service_area') && (value === null || (typeof value === 'string' && !value.trim())))) {
    throw commonError('VALIDATION_FAILED', { field: 'values.name', message: 'En egen behandling må ha navn og tjenesteområde.' });
  }

  const systemsNone = body.systemIds?.length ? false : (body.systemsNone ?? entry.systemsNone);
  const processorsNone = body.processors?.length ? false : (body.processorsNone ?? entry.processorsNone);
  const [updated] = await tx
    .update(processingEntries)
    .set({
      systemsNone,
      processorsNone,
      ...(body.dpiaRecorded !== undefined ? { dpiaRecorded: body.dpiaRecorded } : {}),
      ...(body.dpiaReference !== undefined ? { dpiaReference: body.dpiaReference?.trim() || null } : {}),
      updatedAt: new Date(),
      version: sql`${processingEntries.version} + 1`,
    })
    .where(and(eq(processingEntries.organizationId, organizationId), eq(processingEntries.id, entryId), eq(processingEntries.version, body.version)))
    .returning();
  if (!updated) throw commonError('CONFLICT');

  const template =
    entry.templateUrn && entry.templateVersion ? (await templateVersions(tx, [{ urn: entry.templateUrn, version: entry.templateVersion }])).get(versionKey(entry.templateUrn, entry.templateVersion)) : undefined;
  for (const [field, value] of values) {
    const sameAsTemplate = template && !template.localFields.includes(field) && sameValue(value, template.content[field as keyof typeof template.content] ?? null);
    const empty = value === null || (typeof value === 'string' && value.trim() === '');
    if (empty || sameAsTemplate) {
      await tx.delete(processingEntryValues).where(and(eq(processingEntryValues.organizationId, organizationId), eq(processingEntryValues.entryId, entryId), eq(processingEntryValues.field, field)));
      continue;
    }
    await tx
      .insert(processingEntryValues)
      .values({ organizationId, entryId, field, value, updatedBy: userId })
      .onConflictDoUpdate({
        target: [processingEntryValues.entryId, processingEntryValues.field],
        set: { value, updatedBy: userId, updatedAt: new Date() },
        setWhere: sql`${processingEntryValues.value} is distinct from ${JSON.stringify(value)}::jsonb`,
      });
  }
  if (body.systemIds) await replaceSystems(tx, organizationId, entryId, body.systemIds);
  if (body.processors) await replaceProcessors(tx, organizationId, entryId, body.processors);
  return updated;
}

/** Removes an entry with its own values, links and proposals (the audit trail keeps what it was). */
export async function deleteEntry(tx: Tx, organizationId: string, entryId: string, version: number): Promise<void> {
  const deleted = await tx
    .delete(processingEntries)
    .where(and(eq(processingEntries.organizationId, organizationId), eq(processingEntries.id, entryId), eq(processingEntries.version, version)))
    .returning({ id: processingEntries.id });
  if (deleted.length) return;
  const [exists] = await tx.select({ id: processingEntries.id }).from(processingEntries).where(and(eq(processingEntries.organizationId, organizationId), eq(processingEntries.id, entryId)));
  throw exists ? commonError('CONFLICT') : commonError('NOT_FOUND');
}

/** What a municipality can link: its own systems and the national vendor registry. */
export async function linkOptions(tx: Tx, organizationId: string) {
  const ownSystems = await tx.select({ id: systems.id, name: systems.name, purpose: systems.purpose }).from(systems).where(eq(systems.organizationId, organizationId)).orderBy(systems.name);
  const registry = await tx.select({ id: vendors.id, name: vendors.name, organizationNumber: vendors.organizationNumber }).from(vendors).orderBy(vendors.name);
  return { systems: ownSystems, vendors: registry };
}
