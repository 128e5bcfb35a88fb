import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { actionCounts } from '../actions/service';
import { measures } from '../library/schema';
import { emptyStatusCounts } from './areas';
import type { OverviewResponse } from './contract';
import { osloDate } from './people';
import type { Scope } from './policy';
import { actions, measureAssessments } from './schema';

/** What the start page needs to offer one next step: counts, never lists. */
export async function assessmentOverview(tx: Tx, scope: Scope, now: Date): Promise<OverviewResponse> {
  const rows = await tx
    .select({ urn: measures.urn, priority: measures.priority, status: measureAssessments.status, ownerUserId: measureAssessments.ownerUserId, nextReview: measureAssessments.nextReview })
    .from(measures)
    .leftJoin(measureAssessments, and(eq(measureAssessments.measureUrn, measures.urn), eq(measureAssessments.organizationId, scope.organizationId)));
  const visible = scope.all ? rows : rows.filter((r) => r.ownerUserId === scope.userId);
  const counts = emptyStatusCounts();
  for (const r of visible) counts[r.status ?? 'not_assessed']++;
  const today = osloDate(now);
  const overdueReviews = visible.filter((r) => r.nextReview && r.nextReview < today).length;
  const notAssessed = visible.filter((r) => !r.status || r.status === 'not_assessed');
  const { open, overdue } = await actionCounts(tx, scope, now);
  const [planless] = await tx
    .select({ n: sql<number>`count(*)` })
    .from(measureAssessments)
    .leftJoin(actions, and(eq(actions.organizationId, measureAssessments.organizationId), eq(actions.measureUrn, measureAssessments.measureUrn), eq(actions.sourceType, 'gap'), notInArray(actions.status, ['done'])))
    .where(and(eq(measureAssessments.organizationId, scope.organizationId), inArray(measureAssessments.status, ['not_started', 'partial']), isNull(actions.id), ...(scope.all ? [] : [eq(measureAssessments.ownerUserId, scope.userId)])));
  const gapsWithoutAction = Number(planless?.n ?? 0);
  const next: OverviewResponse['next'] = notAssessed.length
    ? { kind: 'assess', count: notAssessed.length, highPriority: notAssessed.filter((r) => r.priority === 'high').length }
    : scope.edit && gapsWithoutAction
      ? { kind: 'plan', count: gapsWithoutAction, highPriority: 0 }
      : overdue
        ? { kind: 'act', count: overdue, highPriority: 0 }
        : overdueReviews
          ? { kind: 'review', count: overdueReviews, highPriority: 0 }
          : { kind: 'done', count: 0, highPriority: 0 };
  return { counts, total: visible.length, next, openActions: open, overdueActions: overdue, overdueReviews, onlyAssigned: !scope.all };
}
