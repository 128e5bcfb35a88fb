import { and, count, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { priorityScore } from '../actions/priority';
import { users } from '../users/schema';
import { emptyStatusCounts } from './areas';
import { lockOrganizationAnswers, recomputeOrganization } from './compliance';
import type { AssessmentDto, FrameworkSummaryDto, MeasureDetailResponse, MeasureListItem, MeasureListQuery, MeasureListResponse, SaveAssessmentBody } from './contract';
import { assessmentError } from './errors';
import { listEvidence } from './evidence';
import { pinVersionsInUse } from '../library/versions';
import { frameworksInUse } from './framework-version';
import { allMeasures, measureByUrn, measureReach, nsmCategories, NSM_FRAMEWORK_URN, type MeasureReach } from './library-read';
import { isMember, organizationPeople, osloDate } from './people';
import type { Scope } from './policy';
import { evidence, measureAssessments } from './schema';

type AssessmentRow = typeof measureAssessments.$inferSelect & { ownerName: string | null };

const notAssessed = (measureUrn: string): AssessmentDto => ({
  measureUrn,
  status: 'not_assessed',
  maturity: null,
  notRelevantReason: null,
  owner: null,
  nextReview: null,
  comment: null,
  updatedAt: null,
  version: 0,
});

export const presentAssessment = (row: AssessmentRow): AssessmentDto => ({
  measureUrn: row.measureUrn,
  status: row.status,
  maturity: row.maturity,
  notRelevantReason: row.notRelevantReason,
  owner: row.ownerUserId ? { id: row.ownerUserId, name: row.ownerName ?? '' } : null,
  nextReview: row.nextReview,
  comment: row.comment,
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
});

/** The organisation's assessments, limited to the person's own when they may not see all (in the query). */
export async function assessmentRows(tx: Tx, scope: Scope, measureUrn?: string): Promise<AssessmentRow[]> {
  const filters = [eq(measureAssessments.organizationId, scope.organizationId)];
  if (!scope.all) filters.push(eq(measureAssessments.ownerUserId, scope.userId));
  if (measureUrn) filters.push(eq(measureAssessments.measureUrn, measureUrn));
  const rows = await tx
    .select({ assessment: measureAssessments, ownerName: users.name })
    .from(measureAssessments)
    .leftJoin(users, eq(users.id, measureAssessments.ownerUserId))
    .where(and(...filters));
  return rows.map((r) => ({ ...r.assessment, ownerName: r.ownerName }));
}

/** Per measure: how many counted requirements it closes fully and partly, and its references. */
export function reachByMeasure(reach: MeasureReach[], frameworkRefs: Map<string, string>) {
  const result = new Map<string, { closesFully: number; closesPartly: number; frameworks: Set<string>; references: string[]; nodes: Set<string> }>();
  for (const r of reach) {
    let entry = result.get(r.measureUrn);
    if (!entry) result.set(r.measureUrn, (entry = { closesFully: 0, closesPartly: 0, frameworks: new Set(), references: [], nodes: new Set() }));
    entry.frameworks.add(r.frameworkUrn);
    entry.nodes.add(r.nodeUrn);
    if (!r.counted) continue;
    if (r.relationship === 'equal' || r.relationship === 'superset') {
      entry.closesFully++;
      if (entry.references.length < 4 && r.nodeRef) entry.references.push(`${frameworkRefs.get(r.frameworkUrn) ?? ''} ${r.nodeRef}`.trim());
    } else entry.closesPartly++;
  }
  return result;
}

const priorityRank: Record<string, number> = { high: 0, medium: 1, low: 2 };

export async function listMeasures(tx: Tx, scope: Scope, query: MeasureListQuery & { sort?: 'area' | 'priority' }, now: Date): Promise<MeasureListResponse> {
  const frameworkRows = await frameworksInUse(tx, scope.organizationId);
  const measureRows = await allMeasures(tx);
  const reach = await measureReach(tx, frameworkRows);
  const nsm = await nsmCategories(tx, frameworkRows.find((f) => f.urn === NSM_FRAMEWORK_URN));
  const assessments = new Map((await assessmentRows(tx, scope)).map((a) => [a.measureUrn, a]));
  const evidenceCounts = new Map(
    (
      await tx
        .select({ measureUrn: evidence.measureUrn, n: count() })
        .from(evidence)
        .where(eq(evidence.organizationId, scope.organizationId))
        .groupBy(evidence.measureUrn)
    ).map((r) => [r.measureUrn, Number(r.n)]),
  );
  const people = await organizationPeople(tx, scope.organizationId);
  const byMeasure = reachByMeasure(reach, new Map(frameworkRows.map((f) => [f.urn, f.refId])));
  const today = osloDate(now);
  const nsmCategoryOf = (measureUrn: string) => {
    const set = new Set<string>();
    for (const node of byMeasure.get(measureUrn)?.nodes ?? []) {
      const category = nsm.categoryOf.get(node);
      if (category) set.add(category);
    }
    return set;
  };

  const all: (MeasureListItem & { nsm: Set<string>; position: number })[] = measureRows.map((m) => {
    const row = assessments.get(m.urn);
    const r = byMeasure.get(m.urn);
    const assessment = row ? presentAssessment(row) : notAssessed(m.urn);
    return {
      urn: m.urn,
      code: m.code,
      title: m.title,
      area: m.area,
      areaTitle: m.areaTitle,
      priority: m.priority,
      effort: m.effort,
      closesFully: r?.closesFully ?? 0,
      closesPartly: r?.closesPartly ?? 0,
      frameworks: [...(r?.frameworks ?? [])],
      references: r?.references ?? [],
      assessment,
      evidenceCount: evidenceCounts.get(m.urn) ?? 0,
      overdueReview: Boolean(assessment.nextReview && assessment.nextReview < today),
      nsm: nsmCategoryOf(m.urn),
      position: m.position,
    };
  });
  // A bidragsyter sees only what is assigned to them: the rows were already limited in the query.
  const visible = scope.all ? all : all.filter((item) => item.assessment.owner?.id === scope.userId);
  const counts = emptyStatusCounts();
  for (const item of visible) counts[item.assessment.status]++;
  const needle = query.q?.toLowerCase();
  const ownerId = query.owner === 'me' ? scope.userId : query.owner;
  const items = visible.filter(
    (item) =>
      (!query.framework || item.frameworks.includes(query.framework)) &&
      (!query.nsmCategory || item.nsm.has(query.nsmCategory)) &&
      (!query.status || item.assessment.status === query.status) &&
      (!query.area || item.area === query.area) &&
      (!ownerId || (ownerId === 'none' ? !item.assessment.owner : item.assessment.owner?.id === ownerId)) &&
      (!needle || item.title.toLowerCase().includes(needle) || item.code.toLowerCase().includes(needle)),
  );
  if (query.sort === 'priority') {
    items.sort(
      (a, b) =>
        priorityScore({ priority: b.priority, effort: b.effort, closesFully: b.closesFully, closesPartly: b.closesPartly }) -
          priorityScore({ priority: a.priority, effort: a.effort, closesFully: a.closesFully, closesPartly: a.closesPartly }) ||
        (priorityRank[a.priority] ?? 3) - (priorityRank[b.priority] ?? 3) ||
        a.position - b.position,
    );
  }
  const areas = new Map(measureRows.map((m) => [m.area, m.areaTitle]));
  return {
    items: items.map(({ nsm: _nsm, position: _position, ...item }) => item),
    total: visible.length,
    counts,
    facets: {
      frameworks: frameworkRows.map((f) => ({ urn: f.urn, name: f.name, refId: f.refId })),
      nsmCategories: nsm.categories,
      areas: [...areas].map(([area, title]) => ({ area, title })),
      owners: scope.all ? people : people.filter((p) => p.id === scope.userId),
    },
    onlyAssigned: !scope.all,
    policies: { edit: scope.edit, answerAssigned: scope.answer, viewAll: scope.all },
  };
}

export async function measureDetail(tx: Tx, scope: Scope, urn: string): Promise<MeasureDetailResponse> {
  const measure = await measureByUrn(tx, urn);
  if (!measure) throw assessmentError('MEASURE_NOT_FOUND', { field: 'urn' });
  const [row] = await assessmentRows(tx, scope, urn);
  if (!scope.all && !row) throw assessmentError('NOT_ASSIGNED');
  const frameworkRows = await frameworksInUse(tx, scope.organizationId);
  const reach = await measureReach(tx, frameworkRows, urn);
  const grouped = frameworkRows
    .map((f) => ({
      frameworkUrn: f.urn,
      frameworkName: f.name,
      frameworkRef: f.refId,
      requirements: reach.filter((r) => r.frameworkUrn === f.urn).map((r) => ({ urn: r.nodeUrn, ref: r.nodeRef, title: r.nodeTitle, relationship: r.relationship })),
    }))
    .filter((g) => g.requirements.length);
  return {
    measure: {
      urn: measure.urn,
      code: measure.code,
      title: measure.title,
      what: measure.what,
      why: measure.why,
      startSmall: measure.startSmall,
      evidence: measure.evidence,
      area: measure.area,
      areaTitle: measure.areaTitle,
      priority: measure.priority,
      effort: measure.effort,
      uncertain: measure.uncertain,
      libraryVersion: measure.version,
    },
    assessment: row ? presentAssessment(row) : notAssessed(urn),
    evidence: await listEvidence(tx, scope.organizationId, urn),
    reach: grouped,
    members: scope.edit ? await organizationPeople(tx, scope.organizationId) : [],
    policies: { edit: scope.edit, answer: scope.edit || (scope.answer && row?.ownerUserId === scope.userId) },
  };
}

/**
 * Saves a self-assessment (only the fields given) if nobody changed it since the person read `version`, and
 * recomputes compliance in the same transaction.
 */
export async function saveAssessment(tx: Tx, scope: Scope, body: SaveAssessmentBody, now: Date): Promise<{ assessment: AssessmentDto; compliance: FrameworkSummaryDto[] }> {
  const measure = await measureByUrn(tx, body.measureUrn);
  if (!measure) throw assessmentError('MEASURE_NOT_FOUND', { field: 'measureUrn' });
  await lockOrganizationAnswers(tx, scope.organizationId);
  const [current] = await tx
    .select()
    .from(measureAssessments)
    .where(and(eq(measureAssessments.organizationId, scope.organizationId), eq(measureAssessments.measureUrn, body.measureUrn)))
    .for('update');
  if (!scope.edit) {
    if (!scope.answer || !current || current.ownerUserId !== scope.userId) throw assessmentError('NOT_ASSIGNED', { field: 'measureUrn' });
    if (body.ownerUserId !== undefined && body.ownerUserId !== current.ownerUserId) throw assessmentError('OWNER_CHANGE_NOT_ALLOWED', { field: 'ownerUserId' });
  }
  if ((current?.version ?? 0) !== body.version) throw commonError('CONFLICT', { field: 'version' });
  const next = {
    status: body.status ?? current?.status ?? 'not_assessed',
    maturity: body.maturity !== undefined ? body.maturity : (current?.maturity ?? null),
    notRelevantReason: body.notRelevantReason !== undefined ? body.notRelevantReason || null : (current?.notRelevantReason ?? null),
    ownerUserId: body.ownerUserId !== undefined ? body.ownerUserId : (current?.ownerUserId ?? null),
    nextReview: body.nextReview !== undefined ? body.nextReview : (current?.nextReview ?? null),
    comment: body.comment !== undefined ? body.comment || null : (current?.comment ?? null),
  };
  if (next.status === 'not_relevant' && !next.notRelevantReason?.trim()) throw assessmentError('REASON_REQUIRED', { field: 'notRelevantReason' });
  if (next.ownerUserId && next.ownerUserId !== current?.ownerUserId && !(await isMember(tx, scope.organizationId, next.ownerUserId))) {
    throw assessmentError('OWNER_NOT_MEMBER', { field: 'ownerUserId' });
  }
  if (current) {
    const updated = await tx
      .update(measureAssessments)
      .set({ ...next, updatedAt: now, version: sql`${measureAssessments.version} + 1` })
      .where(and(eq(measureAssessments.id, current.id), eq(measureAssessments.version, body.version)))
      .returning({ id: measureAssessments.id });
    if (!updated.length) throw commonError('CONFLICT', { field: 'version' });
  } else {
    await tx.insert(measureAssessments).values({ organizationId: scope.organizationId, measureUrn: body.measureUrn, ...next, createdAt: now, updatedAt: now });
    await pinVersionsInUse(tx, scope.organizationId, scope.userId);
  }
  // Only the status counts in the derivation. Recomputing every framework costs no more than finding the ones
  // the measure maps to: the compiled frameworks are cached, and the derivation itself is sub-millisecond.
  const compliance = (current?.status ?? 'not_assessed') !== next.status ? await recomputeOrganization(tx, scope.organizationId) : [];
  const [row] = await assessmentRows(tx, { ...scope, all: true }, body.measureUrn);
  return { assessment: presentAssessment(row!), compliance };
}
