import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { listActions } from '../actions/service';
import type { ActionDto } from '../actions/contract';
import { priorityScore } from '../actions/priority';
import { complianceOverview } from '../assessment/compliance';
import type { AreaHeatDto, FrameworkSummaryDto, MeasureListItem } from '../assessment/contract';
import type { DocumentLanguage } from '../assessment/labels';
import { allMeasures } from '../assessment/library-read';
import type { Scope } from '../assessment/policy';
import { listMeasures } from '../assessment/service';
import { organizations } from '../organizations/schema';
import { commonError } from '../../server/errors';
import { fill, labelsFor } from './labels';

export interface ReportData {
  organization: { name: string; municipalityNumber: string | null };
  language: DocumentLanguage;
  generatedAt: Date;
  measures: (MeasureListItem & { what: string })[];
  actions: ActionDto[];
  frameworks: FrameworkSummaryDto[];
  areas: AreaHeatDto[];
  topGaps: MeasureListItem[];
  nextActions: ActionDto[];
  decisions: string[];
}

const score = (m: MeasureListItem) => priorityScore({ priority: m.priority, effort: m.effort, closesFully: m.closesFully, closesPartly: m.closesPartly });

/** Everything the reports show, read once for the whole organisation (reports are for those who see all). */
export async function reportData(tx: Tx, scope: Scope, now: Date): Promise<ReportData> {
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, scope.organizationId));
  if (!organization) throw commonError('NOT_FOUND');
  const language = organization.documentLanguage;
  const labels = labelsFor(language);
  const measureList = await listMeasures(tx, scope, {}, now);
  const texts = new Map((await allMeasures(tx)).map((m) => [m.urn, m.what]));
  const actionList = await listActions(tx, scope, { sort: 'priority' }, now);
  const compliance = await complianceOverview(tx, scope.organizationId);
  const measures = measureList.items.map((m) => ({ ...m, what: texts.get(m.urn) ?? '' }));
  const open = actionList.items.filter((a) => a.status === 'open' || a.status === 'in_progress');

  const topGaps = measureList.items
    .filter((m) => m.priority === 'high' && (m.assessment.status === 'not_started' || m.assessment.status === 'partial'))
    .sort((a, b) => score(b) - score(a))
    .slice(0, 5);

  const decisions: string[] = [];
  // The ten most important open actions must each have a person and a date.
  const unowned = open.slice(0, 10).filter((a) => !a.owner || !a.dueDate).length;
  if (unowned) decisions.push(fill(labels.decideOwners, { n: unowned }));
  const overdue = open.filter((a) => a.overdue).length;
  if (overdue) decisions.push(fill(labels.decideOverdue, { n: overdue }));
  const heavy = measureList.items.filter((m) => m.priority === 'high' && m.effort === 'high' && m.assessment.status === 'not_started').length;
  if (heavy) decisions.push(fill(labels.decideResources, { n: heavy }));
  const notRelevant = measureList.counts.not_relevant;
  if (notRelevant) decisions.push(fill(labels.decideNotRelevant, { n: notRelevant }));
  const notAssessed = measureList.counts.not_assessed;
  if (notAssessed) decisions.push(fill(labels.decideAssess, { n: notAssessed }));

  return {
    organization: { name: organization.name, municipalityNumber: organization.municipalityNumber },
    language,
    generatedAt: now,
    measures,
    actions: actionList.items,
    frameworks: compliance.frameworks,
    areas: compliance.areas,
    topGaps,
    nextActions: open.slice(0, 5),
    decisions,
  };
}
