import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import type { ComplianceOverviewResponse, FrameworkSummaryDto, FrameworkViewResponse, GapDto, NodeDto, QuestionDto, TotalsDto } from './contract';
import {
  coversFully,
  deriveCompliance,
  emptyAnswers,
  measureStatusCodes,
  NOT_MET,
  PARTIAL,
  percentMet,
  percentPartial,
  questionCompliant,
  statusName,
  summarize,
  totalsAt,
  type AnswerSet,
  type Universe,
  type ComplianceTotals,
} from './derive';
import { assessmentError } from './errors';
import { frameworksInUse, frameworkVersionFor, type FrameworkRow } from './framework-version';
import { allMeasures } from './library-read';
import { compiledFrameworks, type CompiledFramework } from './library-cache';
import { complianceSummaries, measureAssessments, questionAnswers, type AssessmentStatus } from './schema';
import { areaHeatMap } from './areas';

export const presentTotals = (t: ComplianceTotals): TotalsDto => ({ ...t, percentMet: percentMet(t), percentPartial: percentPartial(t) });

type AssessmentRow = Pick<typeof measureAssessments.$inferSelect, 'measureUrn' | 'status'>;
type AnswerRow = typeof questionAnswers.$inferSelect;

/** One organisation's answers (the rows); the derivation reads them through answerSetFor. */
export async function organizationAnswers(tx: Tx, organizationId: string, options: { questions: boolean }) {
  const assessments: AssessmentRow[] = await tx
    .select({ measureUrn: measureAssessments.measureUrn, status: measureAssessments.status })
    .from(measureAssessments)
    .where(eq(measureAssessments.organizationId, organizationId));
  const answerRows: AnswerRow[] = options.questions ? await tx.select().from(questionAnswers).where(eq(questionAnswers.organizationId, organizationId)) : [];
  return { assessments, answerRows };
}

const hasQuestions = (compiled: CompiledFramework[]) => compiled.some((c) => c.loaded.questions.size > 0);

/** The answers indexed for one compiled framework. */
export function answerSetFor(compiled: CompiledFramework, assessments: AssessmentRow[], answerRows: Pick<AnswerRow, 'questionUrn' | 'values'>[]): AnswerSet {
  const compliantValues = new Map<string, string[]>();
  for (const list of compiled.loaded.questions.values()) for (const q of list) if (q.compliantValues.length) compliantValues.set(q.urn, q.compliantValues);
  const answers = emptyAnswers(compiled.universe);
  fillAnswers(answers, compiled.universe, assessments, answerRows, compliantValues);
  return answers;
}

export function fillAnswers(answers: AnswerSet, universe: Universe, assessments: AssessmentRow[], answerRows: Pick<AnswerRow, 'questionUrn' | 'values'>[], compliantValues: Map<string, string[]>): void {
  for (const a of assessments) {
    const index = universe.measures.get(a.measureUrn);
    if (index !== undefined) answers.measureStatus[index] = measureStatusCodes[a.status];
  }
  for (const a of answerRows) {
    const index = universe.questions.get(a.questionUrn);
    const compliant = compliantValues.get(a.questionUrn);
    if (index !== undefined && compliant && a.values.length) answers.questionResult[index] = questionCompliant(a.values, compliant) ? 1 : 0;
  }
}

/** Serialises answer writes per organisation, so that the summary written last saw every answer before it. */
export async function lockOrganizationAnswers(tx: Tx, organizationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7346002, hashtext(${organizationId}))`);
}

/**
 * Recomputes the organisation's compliance in the given frameworks (default: all) and stores the totals in
 * compliance_summaries, in the caller's transaction (the one that changed the answer).
 */
export async function recomputeOrganization(tx: Tx, organizationId: string, frameworkUrns?: Set<string>): Promise<FrameworkSummaryDto[]> {
  const rows = (await frameworksInUse(tx, organizationId)).filter((f) => !frameworkUrns || frameworkUrns.has(f.urn));
  if (!rows.length) return [];
  const compiled = await compiledFrameworks(tx, rows, { detail: false });
  const { assessments, answerRows } = await organizationAnswers(tx, organizationId, { questions: hasQuestions(compiled) });
  const summaries = compiled.map((c) => ({ framework: c.loaded.framework, totals: summarize(c.loaded.model, answerSetFor(c, assessments, answerRows)) }));
  await storeSummaries(tx, organizationId, summaries);
  return summaries.map(({ framework, totals }) => presentSummary(framework, totals));
}

const presentSummary = (framework: FrameworkRow, totals: ComplianceTotals): FrameworkSummaryDto => ({
  urn: framework.urn,
  refId: framework.refId,
  name: framework.name,
  version: framework.version,
  totals: presentTotals(totals),
});

async function storeSummaries(tx: Tx, organizationId: string, summaries: { framework: FrameworkRow; totals: ComplianceTotals }[]): Promise<void> {
  if (!summaries.length) return;
  await tx
    .insert(complianceSummaries)
    .values(summaries.map(({ framework, totals }) => ({ organizationId, frameworkUrn: framework.urn, frameworkVersion: framework.version, ...totals, computedAt: new Date() })))
    .onConflictDoUpdate({
      target: [complianceSummaries.organizationId, complianceSummaries.frameworkUrn],
      set: {
        frameworkVersion: sql`excluded.framework_version`,
        assessable: sql`excluded.assessable`,
        met: sql`excluded.met`,
        partial: sql`excluded.partial`,
        notMet: sql`excluded.not_met`,
        notRelevant: sql`excluded.not_relevant`,
        notAssessed: sql`excluded.not_assessed`,
        needsReview: sql`excluded.needs_review`,
        computedAt: sql`excluded.computed_at`,
      },
    });
}

/** Compliance in every framework the organisation uses, derived now, and the self-assessment by area. */
export async function complianceOverview(tx: Tx, organizationId: string): Promise<ComplianceOverviewResponse> {
  const compiled = await compiledFrameworks(tx, await frameworksInUse(tx, organizationId), { detail: false });
  const { assessments, answerRows } = await organizationAnswers(tx, organizationId, { questions: hasQuestions(compiled) });
  const measures = await allMeasures(tx);
  const maturities = await tx
    .select({ measureUrn: measureAssessments.measureUrn, status: measureAssessments.status, maturity: measureAssessments.maturity })
    .from(measureAssessments)
    .where(eq(measureAssessments.organizationId, organizationId));
  return {
    frameworks: compiled.map((c) => presentSummary(c.loaded.framework, summarize(c.loaded.model, answerSetFor(c, assessments, answerRows)))),
    areas: areaHeatMap(measures, maturities),
  };
}

const priorityRank: Record<string, number> = { high: 0, medium: 1, low: 2 };

/** The assessment view of one framework: every requirement's status, the roll-up, the gaps and the heat map. */
export async function frameworkView(tx: Tx, organizationId: string, frameworkUrn: string, canAnswer: boolean): Promise<FrameworkViewResponse> {
  const framework = await frameworkVersionFor(tx, organizationId, frameworkUrn);
  if (!framework) throw assessmentError('FRAMEWORK_NOT_FOUND', { field: 'urn' });
  const [compiled] = await compiledFrameworks(tx, [framework], { detail: true });
  const loaded = compiled!.loaded;
  const { assessments, answerRows } = await organizationAnswers(tx, organizationId, { questions: true });
  const { model, nodes } = loaded;
  const derivation = deriveCompliance(model, answerSetFor(compiled!, assessments, answerRows));
  const statusOf = new Map<string, AssessmentStatus>(assessments.map((a) => [a.measureUrn, a.status]));
  const answerOf = new Map(answerRows.map((a) => [a.questionUrn, a]));
  const hasChildren = new Uint8Array(model.size);
  for (let i = 0; i < model.size; i++) if (model.parent[i]! >= 0) hasChildren[model.parent[i]!] = 1;

  const nodeDtos: NodeDto[] = nodes.map((node, i) => {
    const counted = model.counted[i] === 1;
    const mappings = loaded.mappings.get(node.id) ?? [];
    const questions = loaded.questions.get(node.id) ?? [];
    return {
      urn: node.urn,
      parentUrn: node.parentUrn,
      ref: node.refId,
      title: node.title,
      // Long texts of headings and recitals stay out of the tree; a requirement's own summary is shown.
      summary: counted ? node.summary : null,
      depth: node.depth,
      counted,
      status: statusName(derivation.status[i]!),
      needsReview: derivation.needsReview[i] === 1,
      unmapped: derivation.unmapped[i] === 1,
      uncertain: node.uncertain,
      totals: hasChildren[i] ? presentTotals(totalsAt(derivation, i)) : null,
      measures: mappings.filter((m) => m.relationship !== 'not_related').map((m) => ({ urn: m.measureUrn, relationship: m.relationship })),
      questions: questions.map((q): QuestionDto => {
        const answer = answerOf.get(q.urn);
        return {
          urn: q.urn,
          type: q.type,
          text: q.text,
          choices: q.choices.map((c) => ({ value: c.value, label: c.label })),
          compliantValues: q.compliantValues,
          answer: answer ? { values: answer.values, comment: answer.comment, version: answer.version, updatedAt: answer.updatedAt.toISOString() } : null,
        };
      }),
    };
  });

  const gaps: GapDto[] = [];
  nodes.forEach((node, i) => {
    const status = derivation.status[i]!;
    if (!model.counted[i] || (status !== NOT_MET && status !== PARTIAL)) return;
    const dto = nodeDtos[i]!;
    const measures = (loaded.mappings.get(node.id) ?? [])
      .filter((m) => m.relationship !== 'not_related' && statusOf.get(m.measureUrn) !== 'implemented' && statusOf.get(m.measureUrn) !== 'not_relevant')
      .sort((a, b) => Number(coversFully(b.relationship)) - Number(coversFully(a.relationship)) || (priorityRank[a.priority] ?? 3) - (priorityRank[b.priority] ?? 3))
      .map((m) => ({ urn: m.measureUrn, relationship: m.relationship }));
    gaps.push({ nodeUrn: node.urn, ref: node.refId, title: node.title, status: dto.status, needsReview: dto.needsReview, measures });
  });
  // Known gaps before partial ones; within each, the framework's own order (the sort is stable).
  gaps.sort((a, b) => Number(a.status !== 'not_met') - Number(b.status !== 'not_met'));

  const heatMap = nodes
    .map((node, i) => ({ node, i }))
    .filter(({ i }) => model.parent[i] === -1)
    .map(({ node, i }) => ({ urn: node.urn, ref: node.refId, title: node.title, totals: presentTotals(totalsAt(derivation, i)) }))
    .filter((cell) => cell.totals.assessable > 0);

  const measures: FrameworkViewResponse['measures'] = {};
  for (const list of loaded.mappings.values()) {
    for (const m of list) measures[m.measureUrn] ??= { code: m.code, title: m.title, status: statusOf.get(m.measureUrn) ?? 'not_assessed', priority: m.priority, effort: m.effort };
  }

  return {
    framework: { urn: framework.urn, refId: framework.refId, name: framework.name, version: framework.version, provider: framework.provider, origin: framework.origin, description: framework.description },
    totals: presentTotals(sumRoots(derivation, model.parent)),
    nodes: nodeDtos,
    measures,
    gaps,
    heatMap,
    policies: { answerQuestions: canAnswer },
  };
}

function sumRoots(derivation: ReturnType<typeof deriveCompliance>, parent: Int32Array): ComplianceTotals {
  const total: ComplianceTotals = { assessable: 0, met: 0, partial: 0, notMet: 0, notRelevant: 0, notAssessed: 0, needsReview: 0 };
  for (let i = 0; i < parent.length; i++) {
    if (parent[i] !== -1) continue;
    const t = totalsAt(derivation, i);
    for (const key of Object.keys(total) as (keyof ComplianceTotals)[]) total[key] += t[key];
  }
  return total;
}
