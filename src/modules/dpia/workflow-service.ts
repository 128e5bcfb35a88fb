import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { createAction } from '../actions/service';
import { measureByUrn } from '../assessment/library-read';
import { isMember, osloDate } from '../assessment/people';
import { processingEntries } from '../processing/schema';
import { systems } from '../systems/schema';
import { localFieldsOf } from './content';
import type { SaveBody } from './contract';
import { deriveView } from './document';
import { factsFor, requireDpia, scales, versionRow, type DpiaRow } from './dpia-service';
import { dpiaError } from './errors';
import { workflowFields, type DpiaDocument, type LocalFieldDef } from './model';
import { dpiaMeasureActions, dpias, dpiaVersions, type DpiaStatus } from './schema';

/**
 * The DPIA's life: saving a draft (every save is a new version row), sending it to the DPO, the DPO's opinion
 * (on for approval, or back with remarks) and the responsible leader's approval, which turns the planned
 * measures into actions once. An approved version is never changed; the database refuses it too.
 */

function checkRowVersion(dpia: DpiaRow, version: number) {
  if (dpia.version !== version) throw commonError('CONFLICT', { field: 'version' });
}

function requireStatus(dpia: DpiaRow, status: DpiaStatus) {
  if (dpia.status === 'approved' && status !== 'approved') throw dpiaError('VERSION_READ_ONLY');
  if (dpia.status !== status) throw dpiaError('WRONG_STATUS', { field: 'status' });
}

/** Maps the database's refusal to change an approved version to the API error (defence in depth). */
export async function guardReadOnly<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const hint = (error as { hint?: string; cause?: { hint?: string } }).cause?.hint ?? (error as { hint?: string }).hint;
    if (hint === 'DPIA_VERSION_READ_ONLY') throw dpiaError('VERSION_READ_ONLY');
    throw error;
  }
}

async function checkValue(tx: Tx, organizationId: string, field: LocalFieldDef, value: unknown, at: string): Promise<void> {
  if (value === null || (typeof value === 'string' && !value.trim())) return;
  const bad = (message?: string) => dpiaError('INVALID_VALUE', { field: at, ...(message ? { message } : {}) });
  const choices = (field.choices ?? []).map((c) => c.value);
  switch (field.input) {
    case 'number':
      if (typeof value !== 'number' || value < 0) throw bad('Må være et tall.');
      return;
    case 'choice':
      if (!choices.includes(value as string)) throw bad('Er ikke et av de tillatte valgene.');
      return;
    case 'multiple_choice':
      if (!Array.isArray(value) || value.some((v) => !choices.includes(v))) throw bad('Er ikke et av de tillatte valgene.');
      return;
    case 'system_ref': {
      const ok = typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value);
      const [row] = ok ? await tx.select({ id: systems.id }).from(systems).where(and(eq(systems.organizationId, organizationId), eq(systems.id, value))) : [];
      if (!row) throw dpiaError('UNKNOWN_SYSTEM', { field: at });
      return;
    }
    case 'person':
      if (typeof value !== 'string' || !/^[0-9a-f-]{36}$/i.test(value) || !(await isMember(tx, organizationId, value))) throw dpiaError('UNKNOWN_PERSON', { field: at });
      return;
    default:
      if (typeof value !== 'string') throw bad('Må være tekst.');
  }
}

async function applySave(tx: Tx, organizationId: string, doc: DpiaDocument, body: SaveBody): Promise<DpiaDocument> {
  const next: DpiaDocument = structuredClone(doc);
  if (body.title) next.title = body.title;
  const fields = new Map(localFieldsOf(next.content).map((f) => [f.path, f]));
  for (const [path, value] of Object.entries(body.values ?? {})) {
    const field = fields.get(path);
    if (!field || workflowFields.has(path)) throw dpiaError('UNKNOWN_FIELD', { field: `values.${path}` });
    await checkValue(tx, organizationId, field, value, `values.${path}`);
    if (value === null) delete next.values[path];
    else next.values[path] = typeof value === 'string' ? value.trim() : value;
  }
  if (body.addedMeasures) next.addedMeasures = body.addedMeasures.map((m) => ({ ...m, ...(m.status === 'planned' ? { due_months: m.due_months ?? 12 } : {}) }));
  if (body.addedRisks) next.addedRisks = body.addedRisks;
  if (body.riskAdjustments) next.riskAdjustments = body.riskAdjustments;
  const measureIds = [...next.content.risks.measures, ...next.addedMeasures].map((m) => m.id);
  const riskIds = [...next.content.risks.items, ...next.addedRisks].map((r) => r.id);
  if (new Set(measureIds).size !== measureIds.length) throw dpiaError('DUPLICATE_ID', { field: 'addedMeasures' });
  if (new Set(riskIds).size !== riskIds.length) throw dpiaError('DUPLICATE_ID', { field: 'addedRisks' });
  next.addedRisks.forEach((r, i) => {
    for (const m of [...r.existing_measures, ...r.planned_measures]) if (!measureIds.includes(m)) throw dpiaError('UNKNOWN_MEASURE', { field: `addedRisks.${i}` });
  });
  for (const id of Object.keys(next.riskAdjustments)) if (!riskIds.includes(id)) throw dpiaError('UNKNOWN_FIELD', { field: `riskAdjustments.${id}` });
  for (const [i, m] of next.addedMeasures.entries()) {
    if (m.measure_urn && !(await measureByUrn(tx, m.measure_urn))) throw dpiaError('UNKNOWN_MEASURE', { field: `addedMeasures.${i}.measure_urn`, message: 'Fant ikke det felles tiltaket i biblioteket.' });
  }
  return next;
}

async function bumpDpia(tx: Tx, dpia: DpiaRow, set: Partial<typeof dpias.$inferInsert>): Promise<DpiaRow> {
  const [row] = await tx
    .update(dpias)
    .set({ ...set, updatedAt: new Date(), version: dpia.version + 1 })
    .where(and(eq(dpias.organizationId, dpia.organizationId), eq(dpias.id, dpia.id), eq(dpias.version, dpia.version)))
    .returning();
  if (!row) throw commonError('CONFLICT', { field: 'version' });
  return row;
}

/** Saves the draft as a new version. On an approved DPIA this starts a new draft; the approved version stays. */
export async function saveDraft(tx: Tx, organizationId: string, userId: string | null, id: string, body: SaveBody): Promise<DpiaRow> {
  const dpia = await requireDpia(tx, organizationId, id);
  checkRowVersion(dpia, body.version);
  if (dpia.status !== 'draft' && dpia.status !== 'approved') throw dpiaError('WRONG_STATUS', { field: 'status', message: 'Vurderingen er hos personvernombudet eller til godkjenning og kan ikke endres nå.' });
  const current = await versionRow(tx, dpia);
  const document = await applySave(tx, organizationId, current.document, body);
  const number = dpia.currentVersion + 1;
  const note = body.changeNote?.trim() || (dpia.status === 'approved' ? `Ny versjon etter godkjent versjon ${dpia.currentVersion}.` : null);
  await tx.insert(dpiaVersions).values({ organizationId, dpiaId: id, number, templateVersion: current.templateVersion, document, changeNote: note, createdBy: userId });
  return bumpDpia(tx, dpia, { currentVersion: number, status: 'draft', title: document.title });
}

async function setVersionStatus(tx: Tx, dpia: DpiaRow, set: Partial<typeof dpiaVersions.$inferInsert>) {
  await guardReadOnly(
    tx
      .update(dpiaVersions)
      .set(set)
      .where(and(eq(dpiaVersions.organizationId, dpia.organizationId), eq(dpiaVersions.dpiaId, dpia.id), eq(dpiaVersions.number, dpia.currentVersion))),
  );
}

export async function submitToDpo(tx: Tx, organizationId: string, id: string, version: number): Promise<DpiaRow> {
  const dpia = await requireDpia(tx, organizationId, id);
  checkRowVersion(dpia, version);
  requireStatus(dpia, 'draft');
  const current = await versionRow(tx, dpia);
  const missing = deriveView(current.document, scales(), null).missing;
  if (missing.length) throw dpiaError('INCOMPLETE', { field: `values.${missing[0]}`, details: { missing } });
  await setVersionStatus(tx, dpia, { status: 'in_review' });
  return bumpDpia(tx, dpia, { status: 'in_review' });
}

export async function giveOpinion(tx: Tx, organizationId: string, userId: string, id: string, body: { version: number; decision: 'forward' | 'return'; opinion: string }, now: Date): Promise<DpiaRow> {
  const dpia = await requireDpia(tx, organizationId, id);
  checkRowVersion(dpia, body.version);
  requireStatus(dpia, 'in_review');
  const text = body.opinion.trim();
  if (!text) throw dpiaError(body.decision === 'forward' ? 'OPINION_REQUIRED' : 'REMARKS_REQUIRED', { field: 'opinion' });
  if (body.decision === 'forward') {
    await setVersionStatus(tx, dpia, { status: 'awaiting_approval', dpoOpinion: text, dpoBy: userId, dpoAt: now });
    return bumpDpia(tx, dpia, { status: 'awaiting_approval' });
  }
  await setVersionStatus(tx, dpia, { status: 'draft', dpoRemarks: text, dpoBy: userId, dpoAt: now });
  return bumpDpia(tx, dpia, { status: 'draft' });
}

const addMonths = (date: string, months: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
};

/** Approval by the responsible leader: the version becomes read-only and planned measures become actions (once). */
export async function approve(tx: Tx, organizationId: string, userId: string, id: string, body: { version: number; decision: 'approved' | 'approved_with_conditions'; note?: string }, now: Date) {
  const dpia = await requireDpia(tx, organizationId, id);
  checkRowVersion(dpia, body.version);
  requireStatus(dpia, 'awaiting_approval');
  const current = await versionRow(tx, dpia);
  await setVersionStatus(tx, dpia, { status: 'approved', approvalDecision: body.decision, approvalNote: body.note?.trim() || null, approvedBy: userId, approvedAt: now });
  const view = deriveView(current.document, scales(), await factsFor(tx, organizationId, current.document, now));
  const owner = current.document.values['validation.measure_owner'];
  const ownerUserId = typeof owner === 'string' && (await isMember(tx, organizationId, owner)) ? owner : null;
  const done = new Set(
    (await tx.select({ measureId: dpiaMeasureActions.measureId }).from(dpiaMeasureActions).where(and(eq(dpiaMeasureActions.organizationId, organizationId), eq(dpiaMeasureActions.dpiaId, id)))).map(
      (r) => r.measureId,
    ),
  );
  const today = osloDate(now);
  let created = 0;
  for (const measure of view.actionPlan) {
    if (done.has(measure.id)) continue;
    const action = await createAction(tx, organizationId, {
      title: measure.title,
      description: `${measure.description ?? ''}\n\nFra DPIA: ${current.document.title} (versjon ${current.number}).`.trim(),
      sourceType: 'dpia',
      sourceId: id,
      measureUrn: measure.measureUrn,
      ownerUserId,
      dueDate: addMonths(today, measure.dueMonths),
      createdBy: userId,
    });
    await tx.insert(dpiaMeasureActions).values({ organizationId, dpiaId: id, measureId: measure.id, actionId: action.id });
    created++;
  }
  // The record of processing learns that the activity has an approved DPIA (closes its "DPIA missing" check).
  await tx
    .update(processingEntries)
    .set({ dpiaRecorded: true, dpiaReference: `DPIA i Samsvar: «${current.document.title}», versjon ${current.number}, godkjent ${today}`, updatedAt: now, version: sql`${processingEntries.version} + 1` })
    .where(and(eq(processingEntries.organizationId, organizationId), eq(processingEntries.id, dpia.entryId)));
  const row = await bumpDpia(tx, dpia, { status: 'approved', approvedVersion: dpia.currentVersion });
  return { dpia: row, actionsCreated: created, priorConsultation: view.priorConsultation };
}

