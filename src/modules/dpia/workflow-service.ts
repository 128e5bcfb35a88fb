import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { createAction } from '../actions/service';
import { measureByUrn } from '../assessment/library-read';
import { isMember, osloDate } from '../assessment/people';
import { processingEntries } from '../processing/schema';
import { systems } from '../systems/schema';
import { localFieldsOf } from './content';
import type { LevelsBody, SaveBody } from './contract';
import { deriveView } from './document';
import { factsFor, requireDpia, scales, versionRow, type DpiaRow } from './dpia-service';
import { dpiaError } from './errors';
import { workflowFields, type DpiaDocument, type LocalFieldDef, type RiskAdjustment, type RiskItem } from './model';
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

const onScale = (values: { value: number }[], n: number | undefined) => n === undefined || values.some((v) => v.value === n);

/**
 * The rules every new version of the document must keep, whichever route wrote it: unique ids, risks that
 * point at measures that exist, levels on the DPIA's scales, and no measure removed while a risk still uses it
 * (the residual level was assessed with that measure, so removing it silently would leave the level unfounded).
 */
export function checkDocument(previous: DpiaDocument, next: DpiaDocument): void {
  const measures = [...next.content.risks.measures, ...next.addedMeasures];
  const measureIds = measures.map((m) => m.id);
  const risks = [...next.content.risks.items, ...next.addedRisks];
  const riskIds = risks.map((r) => r.id);
  if (new Set(measureIds).size !== measureIds.length) throw dpiaError('DUPLICATE_ID', { field: 'addedMeasures' });
  if (new Set(riskIds).size !== riskIds.length) throw dpiaError('DUPLICATE_ID', { field: 'addedRisks' });
  for (const removed of previous.addedMeasures.filter((m) => !measureIds.includes(m.id))) {
    const users = risks.filter((r) => [...r.existing_measures, ...r.planned_measures].includes(removed.id));
    if (users.length) {
      throw dpiaError('MEASURE_IN_USE', {
        field: 'addedMeasures',
        message: `Tiltaket «${removed.title}» brukes av ${users.length === 1 ? 'risikoen' : 'risikoene'} ${users.map((r) => `«${r.title}»`).join(', ')}. Ta det bort fra risikoen først, og fjern så tiltaket.`,
        details: { measureId: removed.id, riskIds: users.map((r) => r.id) },
      });
    }
  }
  next.addedRisks.forEach((r, i) => {
    for (const m of [...r.existing_measures, ...r.planned_measures]) if (!measureIds.includes(m)) throw dpiaError('UNKNOWN_MEASURE', { field: `addedRisks.${i}` });
  });
  for (const id of Object.keys(next.riskAdjustments)) if (!riskIds.includes(id)) throw dpiaError('UNKNOWN_FIELD', { field: `riskAdjustments.${id}` });
  const { severity, likelihood } = scales();
  next.addedRisks.forEach((r, i) => {
    if (!onScale(severity, r.severity.value)) throw dpiaError('LEVEL_NOT_ON_SCALE', { field: `addedRisks.${i}.severity.value` });
    if (!onScale(likelihood, r.likelihood.value)) throw dpiaError('LEVEL_NOT_ON_SCALE', { field: `addedRisks.${i}.likelihood.value` });
    if (!onScale(severity, r.residual.severity)) throw dpiaError('LEVEL_NOT_ON_SCALE', { field: `addedRisks.${i}.residual.severity` });
    if (!onScale(likelihood, r.residual.likelihood)) throw dpiaError('LEVEL_NOT_ON_SCALE', { field: `addedRisks.${i}.residual.likelihood` });
  });
  for (const [id, a] of Object.entries(next.riskAdjustments)) {
    for (const [key, value] of Object.entries({ severity: a.severity, residualSeverity: a.residualSeverity })) if (!onScale(severity, value)) throw dpiaError('LEVEL_NOT_ON_SCALE', { field: `riskAdjustments.${id}.${key}` });
    for (const [key, value] of Object.entries({ likelihood: a.likelihood, residualLikelihood: a.residualLikelihood })) if (!onScale(likelihood, value)) throw dpiaError('LEVEL_NOT_ON_SCALE', { field: `riskAdjustments.${id}.${key}` });
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
  checkDocument(doc, next);
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

interface Changed {
  document: DpiaDocument;
  /** The version's change note (the person's own, or what the route did). */
  note?: string | null | undefined;
}

/**
 * Writes a changed document as a new version of the draft (the version before it is kept). On an approved DPIA
 * this starts a new draft; the approved version stays as it was. A stale row version is a conflict.
 */
async function saveNewVersion(
  tx: Tx,
  organizationId: string,
  userId: string | null,
  id: string,
  version: number,
  change: (doc: DpiaDocument) => Promise<Changed> | Changed,
): Promise<DpiaRow> {
  const dpia = await requireDpia(tx, organizationId, id);
  checkRowVersion(dpia, version);
  if (dpia.status !== 'draft' && dpia.status !== 'approved') throw dpiaError('WRONG_STATUS', { field: 'status', message: 'Vurderingen er hos personvernombudet eller til godkjenning og kan ikke endres nå.' });
  const current = await versionRow(tx, dpia);
  const { document, note: changeNote } = await change(current.document);
  const number = dpia.currentVersion + 1;
  const note = changeNote?.trim() || (dpia.status === 'approved' ? `Ny versjon etter godkjent versjon ${dpia.currentVersion}.` : null);
  await tx.insert(dpiaVersions).values({ organizationId, dpiaId: id, number, templateVersion: current.templateVersion, document, changeNote: note, createdBy: userId });
  return bumpDpia(tx, dpia, { currentVersion: number, status: 'draft', title: document.title });
}

/** Saves the draft as a new version. On an approved DPIA this starts a new draft; the approved version stays. */
export async function saveDraft(tx: Tx, organizationId: string, userId: string | null, id: string, body: SaveBody): Promise<DpiaRow> {
  return saveNewVersion(tx, organizationId, userId, id, body.version, async (doc) => ({ document: await applySave(tx, organizationId, doc, body), note: body.changeNote }));
}

/**
 * New levels for one risk. A template risk keeps the template's levels and gets an adjustment; the
 * municipality's own risk is changed itself (and any old adjustment of it dropped, so the form shows the truth).
 */
export async function setRiskLevels(tx: Tx, organizationId: string, userId: string | null, id: string, riskId: string, body: LevelsBody): Promise<DpiaRow> {
  return saveNewVersion(tx, organizationId, userId, id, body.version, (doc) => {
    const next = structuredClone(doc);
    const justification = body.justification === undefined ? undefined : body.justification.trim() || null;
    const own = next.addedRisks.find((r) => r.id === riskId);
    const template = next.content.risks.items.find((r) => r.id === riskId);
    if (own) {
      own.severity = { ...own.severity, value: body.severity };
      own.likelihood = { ...own.likelihood, value: body.likelihood };
      const residual: RiskItem['residual'] = { ...own.residual, severity: body.residualSeverity, likelihood: body.residualLikelihood };
      if (justification !== undefined) {
        if (justification) residual.justification = justification;
        else delete residual.justification;
      }
      own.residual = residual;
      delete next.riskAdjustments[riskId];
    } else if (template) {
      const adjustment: RiskAdjustment = {
        ...next.riskAdjustments[riskId],
        severity: body.severity,
        likelihood: body.likelihood,
        residualSeverity: body.residualSeverity,
        residualLikelihood: body.residualLikelihood,
      };
      if (justification !== undefined) {
        if (justification) adjustment.justification = justification;
        else delete adjustment.justification;
      }
      next.riskAdjustments[riskId] = adjustment;
    } else throw dpiaError('UNKNOWN_RISK', { field: 'riskId' });
    checkDocument(doc, next);
    return { document: next, note: `Nivåene for risikoen «${(own ?? template)!.title}» er endret.` };
  });
}

/** Removes one of the municipality's own risks (and its adjustment). The template's risks stay. */
export async function removeAddedRisk(tx: Tx, organizationId: string, userId: string | null, id: string, riskId: string, version: number): Promise<DpiaRow> {
  return saveNewVersion(tx, organizationId, userId, id, version, (doc) => {
    const risk = doc.addedRisks.find((r) => r.id === riskId);
    if (!risk) throw doc.content.risks.items.some((r) => r.id === riskId) ? dpiaError('TEMPLATE_RISK', { field: 'riskId' }) : dpiaError('UNKNOWN_RISK', { field: 'riskId' });
    const next = structuredClone(doc);
    next.addedRisks = next.addedRisks.filter((r) => r.id !== riskId);
    delete next.riskAdjustments[riskId];
    checkDocument(doc, next);
    return { document: next, note: `Risikoen «${risk.title}» er fjernet.` };
  });
}

/**
 * Removes one of the municipality's own measures. Refused while a risk uses it (MEASURE_IN_USE): the person
 * takes it off the risk first, and so decides again what the residual level is without it.
 */
export async function removeAddedMeasure(tx: Tx, organizationId: string, userId: string | null, id: string, measureId: string, version: number): Promise<DpiaRow> {
  return saveNewVersion(tx, organizationId, userId, id, version, (doc) => {
    const measure = doc.addedMeasures.find((m) => m.id === measureId);
    if (!measure) throw doc.content.risks.measures.some((m) => m.id === measureId) ? dpiaError('TEMPLATE_MEASURE', { field: 'measureId' }) : dpiaError('UNKNOWN_MEASURE', { field: 'measureId' });
    const next = structuredClone(doc);
    next.addedMeasures = next.addedMeasures.filter((m) => m.id !== measureId);
    checkDocument(doc, next);
    return { document: next, note: `Tiltaket «${measure.title}» er fjernet.` };
  });
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

