import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { frameworksInUse } from '../assessment/framework-version';
import { allMeasures, measureByUrn, measureReach } from '../assessment/library-read';
import { isMember, organizationPeople, osloDate } from '../assessment/people';
import type { Scope } from '../assessment/policy';
import { actions, measureAssessments, type ActionEffort, type ActionSource, type ActionStatus, type AssessmentStatus } from '../assessment/schema';
import { reachByMeasure } from '../assessment/service';
import { measures } from '../library/schema';
import { users } from '../users/schema';
import type { ActionDetailResponse, ActionDto, ActionListQuery, ActionListResponse, ActionNoteDto, GenerateResult, UpdateActionBody } from './contract';
import { actionError } from './errors';
import { priorityScore } from './priority';
import { actionNotes } from './schema';

export interface NewAction {
  title: string;
  description?: string | null;
  sourceType: ActionSource;
  /** The DPIA, risk assessment, incident … the action came from. */
  sourceId?: string | null;
  measureUrn?: string | null;
  ownerUserId?: string | null;
  dueDate?: string | null;
  effort?: ActionEffort | null;
  /** Computed from the measure when left out (and 0 without one). */
  priority?: number;
  createdBy?: string | null;
}

/**
 * Adds an action to the organisation's plan. For other modules (DPIA, risk, incidents, exercises): call it
 * inside your own tenant transaction with your source type and id.
 */
export async function createAction(tx: Tx, organizationId: string, input: NewAction): Promise<typeof actions.$inferSelect> {
  let priority = input.priority;
  let effort = input.effort ?? null;
  if (input.measureUrn) {
    const measure = await measureByUrn(tx, input.measureUrn);
    if (!measure) throw actionError('MEASURE_NOT_FOUND', { field: 'measureUrn' });
    effort ??= measure.effort;
    if (priority === undefined) {
      const reach = reachByMeasure(await measureReach(tx, await frameworksInUse(tx, organizationId), input.measureUrn), new Map()).get(input.measureUrn);
      priority = priorityScore({ priority: measure.priority, effort, closesFully: reach?.closesFully ?? 0, closesPartly: reach?.closesPartly ?? 0 });
    }
  }
  if (input.ownerUserId && !(await isMember(tx, organizationId, input.ownerUserId))) throw actionError('OWNER_NOT_MEMBER', { field: 'ownerUserId' });
  const [row] = await tx
    .insert(actions)
    .values({
      organizationId,
      title: input.title,
      description: input.description ?? null,
      sourceType: input.sourceType,
      sourceId: input.sourceId ?? null,
      measureUrn: input.measureUrn ?? null,
      ownerUserId: input.ownerUserId ?? null,
      dueDate: input.dueDate ?? null,
      effort,
      priority: priority ?? 0,
      createdBy: input.createdBy ?? null,
    })
    .returning();
  return row!;
}

/**
 * Turns assessed gaps (measures not started or partly implemented) into actions, most valuable and cheapest
 * first. Idempotent: a measure that already has an open, ongoing or deliberately cancelled gap action gets
 * no new one, and existing actions are never changed.
 */
export async function generateFromGaps(tx: Tx, scope: Scope, userId: string | null): Promise<GenerateResult> {
  const frameworkRows = await frameworksInUse(tx, scope.organizationId);
  const reach = reachByMeasure(await measureReach(tx, frameworkRows), new Map());
  const measureRows = new Map((await allMeasures(tx)).map((m) => [m.urn, m]));
  const gaps = await tx
    .select({ measureUrn: measureAssessments.measureUrn, ownerUserId: measureAssessments.ownerUserId })
    .from(measureAssessments)
    .where(and(eq(measureAssessments.organizationId, scope.organizationId), inArray(measureAssessments.status, ['not_started', 'partial'])));
  const existing = await tx
    .select({ measureUrn: actions.measureUrn })
    .from(actions)
    .where(and(eq(actions.organizationId, scope.organizationId), eq(actions.sourceType, 'gap'), inArray(actions.status, ['open', 'in_progress', 'cancelled'])));
  const covered = new Set(existing.map((e) => e.measureUrn));
  const rows = gaps
    .filter((gap) => !covered.has(gap.measureUrn) && measureRows.has(gap.measureUrn))
    .map((gap) => {
      const measure = measureRows.get(gap.measureUrn)!;
      const r = reach.get(gap.measureUrn);
      return {
        organizationId: scope.organizationId,
        title: measure.title,
        description: measure.what,
        sourceType: 'gap' as const,
        measureUrn: measure.urn,
        ownerUserId: gap.ownerUserId,
        effort: measure.effort,
        priority: priorityScore({ priority: measure.priority, effort: measure.effort, closesFully: r?.closesFully ?? 0, closesPartly: r?.closesPartly ?? 0 }),
        createdBy: userId,
      };
    });
  // The partial unique index (one open gap action per measure) makes a concurrent second run harmless.
  const inserted = rows.length ? await tx.insert(actions).values(rows).onConflictDoNothing().returning({ id: actions.id }) : [];
  return { created: inserted.length, skipped: gaps.length - inserted.length, gaps: gaps.length };
}

const openStatuses: ActionStatus[] = ['open', 'in_progress'];

function scopeFilters(scope: Scope): SQL[] {
  const filters = [eq(actions.organizationId, scope.organizationId)];
  if (!scope.all) filters.push(eq(actions.ownerUserId, scope.userId));
  return filters;
}

async function actionRows(tx: Tx, organizationId: string, filters: SQL[]) {
  const noteCounts = tx
    .select({ actionId: actionNotes.actionId, n: count().as('n') })
    .from(actionNotes)
    .where(eq(actionNotes.organizationId, organizationId))
    .groupBy(actionNotes.actionId)
    .as('note_counts');
  return tx
    .select({
      action: actions,
      ownerName: users.name,
      measureCode: measures.code,
      measureTitle: measures.title,
      measureStatus: measureAssessments.status,
      noteCount: noteCounts.n,
    })
    .from(actions)
    .leftJoin(users, eq(users.id, actions.ownerUserId))
    .leftJoin(measures, eq(measures.urn, actions.measureUrn))
    .leftJoin(measureAssessments, and(eq(measureAssessments.organizationId, actions.organizationId), eq(measureAssessments.measureUrn, actions.measureUrn)))
    .leftJoin(noteCounts, eq(noteCounts.actionId, actions.id))
    .where(and(...filters));
}

type ActionRow = Awaited<ReturnType<typeof actionRows>>[number];

function presentAction(row: ActionRow, today: string): ActionDto {
  const a = row.action;
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    sourceType: a.sourceType,
    sourceId: a.sourceId,
    measure: a.measureUrn && row.measureCode ? { urn: a.measureUrn, code: row.measureCode, title: row.measureTitle ?? '', status: (row.measureStatus ?? 'not_assessed') as AssessmentStatus } : null,
    status: a.status,
    priority: a.priority,
    effort: a.effort,
    owner: a.ownerUserId ? { id: a.ownerUserId, name: row.ownerName ?? '' } : null,
    dueDate: a.dueDate,
    overdue: Boolean(a.dueDate && a.dueDate < today && openStatuses.includes(a.status)),
    completedAt: a.completedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
    noteCount: Number(row.noteCount ?? 0),
  };
}

const statusRank: Record<ActionStatus, number> = { in_progress: 0, open: 1, done: 2, cancelled: 3 };
const byDue = (a: ActionDto, b: ActionDto) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');

export function sortActions(items: ActionDto[], sort: ActionListQuery['sort']): ActionDto[] {
  const closedLast = (a: ActionDto, b: ActionDto) => Number(!openStatuses.includes(a.status)) - Number(!openStatuses.includes(b.status));
  const comparators: Record<ActionListQuery['sort'], (a: ActionDto, b: ActionDto) => number> = {
    priority: (a, b) => closedLast(a, b) || b.priority - a.priority || byDue(a, b) || a.title.localeCompare(b.title, 'nb'),
    due: (a, b) => closedLast(a, b) || byDue(a, b) || b.priority - a.priority,
    status: (a, b) => statusRank[a.status] - statusRank[b.status] || b.priority - a.priority,
    title: (a, b) => a.title.localeCompare(b.title, 'nb'),
  };
  return [...items].sort(comparators[sort]);
}

export async function listActions(tx: Tx, scope: Scope, query: ActionListQuery, now: Date): Promise<ActionListResponse> {
  const today = osloDate(now);
  const all = (await actionRows(tx, scope.organizationId, scopeFilters(scope))).map((row) => presentAction(row, today));
  const counts: Record<ActionStatus, number> = { open: 0, in_progress: 0, done: 0, cancelled: 0 };
  for (const a of all) counts[a.status]++;
  const ownerId = query.owner === 'me' ? scope.userId : query.owner;
  const items = all.filter(
    (a) =>
      (!query.status || a.status === query.status) &&
      (!query.source || a.sourceType === query.source) &&
      (!ownerId || (ownerId === 'none' ? !a.owner : a.owner?.id === ownerId)) &&
      (!query.overdue || a.overdue === (query.overdue === 'true')),
  );
  const people = await organizationPeople(tx, scope.organizationId);
  return {
    items: sortActions(items, query.sort),
    counts,
    overdue: all.filter((a) => a.overdue).length,
    people: scope.all ? people : people.filter((p) => p.id === scope.userId),
    onlyAssigned: !scope.all,
    policies: { edit: scope.edit, updateAssigned: scope.answer },
  };
}

async function visibleAction(tx: Tx, scope: Scope, id: string, now: Date): Promise<ActionDto> {
  const [row] = await actionRows(tx, scope.organizationId, [...scopeFilters(scope), eq(actions.id, id)]);
  if (!row) throw commonError('NOT_FOUND');
  return presentAction(row, osloDate(now));
}

export async function actionDetail(tx: Tx, scope: Scope, id: string, now: Date): Promise<ActionDetailResponse> {
  const action = await visibleAction(tx, scope, id, now);
  const notes = await tx
    .select({ note: actionNotes, authorName: users.name })
    .from(actionNotes)
    .leftJoin(users, eq(users.id, actionNotes.authorUserId))
    .where(and(eq(actionNotes.organizationId, scope.organizationId), eq(actionNotes.actionId, id)))
    .orderBy(asc(actionNotes.createdAt));
  return {
    action,
    notes: notes.map(
      ({ note, authorName }): ActionNoteDto => ({
        id: note.id,
        body: note.body,
        author: note.authorUserId ? { id: note.authorUserId, name: authorName ?? '' } : null,
        createdAt: note.createdAt.toISOString(),
      }),
    ),
    people: scope.edit ? await organizationPeople(tx, scope.organizationId) : [],
    policies: { edit: scope.edit, update: scope.edit || (scope.answer && action.owner?.id === scope.userId) },
  };
}

/** Changes an action if nobody changed it since `version`; a bidragsyter may only move their own along. */
export async function updateAction(tx: Tx, scope: Scope, id: string, body: UpdateActionBody, now: Date): Promise<ActionDto> {
  const current = await visibleAction(tx, scope, id, now);
  const { version, ...changes } = body;
  if (!scope.edit) {
    if (!scope.answer || current.owner?.id !== scope.userId) throw actionError('NOT_ASSIGNED');
    const disallowed = Object.keys(changes).find((key) => key !== 'status');
    if (disallowed) throw actionError('FIELD_NOT_ALLOWED', { field: disallowed });
  }
  if (changes.ownerUserId && changes.ownerUserId !== current.owner?.id && !(await isMember(tx, scope.organizationId, changes.ownerUserId))) {
    throw actionError('OWNER_NOT_MEMBER', { field: 'ownerUserId' });
  }
  const set: Partial<typeof actions.$inferInsert> = { ...changes, updatedAt: now };
  if (changes.status && changes.status !== current.status) set.completedAt = changes.status === 'done' ? now : null;
  const updated = await tx
    .update(actions)
    .set({ ...set, version: sql`${actions.version} + 1` })
    .where(and(...scopeFilters(scope), eq(actions.id, id), eq(actions.version, version)))
    .returning({ id: actions.id });
  if (!updated.length) throw commonError('CONFLICT', { field: 'version' });
  return visibleAction(tx, scope, id, now);
}

export async function addNote(tx: Tx, scope: Scope, id: string, body: string, now: Date): Promise<ActionNoteDto> {
  const action = await visibleAction(tx, scope, id, now);
  if (!scope.edit && (!scope.answer || action.owner?.id !== scope.userId)) throw actionError('NOT_ASSIGNED');
  const [note] = await tx.insert(actionNotes).values({ organizationId: scope.organizationId, actionId: id, body, authorUserId: scope.userId, createdAt: now }).returning();
  const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
  return { id: note!.id, body: note!.body, author: { id: scope.userId, name: author?.name ?? '' }, createdAt: note!.createdAt.toISOString() };
}

/** Counts for the start page. */
export async function actionCounts(tx: Tx, scope: Scope, now: Date): Promise<{ open: number; overdue: number }> {
  const today = osloDate(now);
  const [row] = await tx
    .select({
      open: sql<number>`count(*) filter (where ${actions.status} in ('open', 'in_progress'))`,
      overdue: sql<number>`count(*) filter (where ${actions.status} in ('open', 'in_progress') and ${actions.dueDate} < ${today})`,
    })
    .from(actions)
    .where(and(...scopeFilters(scope)));
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
}
