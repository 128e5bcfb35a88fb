import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { queryRows } from '../../db/sql';
import { withOwner, type Tx } from '../../db/tenant';
import { frameworks, measures } from '../library/schema';
import { localKinds } from '../../server/policy';
import { organizations } from '../organizations/schema';
import { summarize, Universe, type ComplianceTotals } from './derive';
import { chooseVersion } from './framework-version';
import { loadFrameworks } from './library-read';
import { organizationFrameworkVersions } from './schema';

/** The smallest number of organisations behind any national figure. */
export const MIN_ORGANIZATIONS = 5;

export interface NationalRecomputeResult {
  organizations: number;
  frameworks: number;
  summaries: number;
  /** Milliseconds spent loading answers, deriving, and storing. */
  timings: { load: number; derive: number; store: number };
}

/**
 * Recomputes every organisation's compliance in every framework (in the version each one uses) from all
 * answers, and stores the totals in compliance_summaries. A system job (after a library change): it runs as
 * the owner because it reads across organisations, and it returns counts only, never an organisation's data.
 */
export async function recomputeNational(db: Db, options: { requestId?: string; userId?: string | null } = {}): Promise<NationalRecomputeResult> {
  return withOwner(db, { organizationId: null, userId: options.userId ?? null, requestId: options.requestId ?? `national-recompute:${randomUUID()}` }, (tx) => recomputeNationalIn(tx));
}

export async function recomputeNationalIn(tx: Tx): Promise<NationalRecomputeResult> {
  const started = performance.now();
  const allFrameworks = await tx.select().from(frameworks).where(eq(frameworks.kind, 'framework'));
  const universe = new Universe();
  // Every measure gets an index first, so that one organisation's answers are one small array.
  for (const m of await tx.select({ urn: measures.urn }).from(measures)) universe.measure(m.urn);
  const loaded = await loadFrameworks(tx, allFrameworks, universe, { detail: false });
  const modelById = new Map(loaded.map((l) => [l.framework.id, l.model]));
  const compliantValues = new Map<string, string[]>();
  for (const l of loaded) for (const list of l.questions.values()) for (const q of list) if (q.compliantValues.length) compliantValues.set(q.urn, q.compliantValues);

  const local = new Set((await tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.kind, [...localKinds]))).map((o) => o.id));
  const adopted = new Map<string, Map<string, number>>();
  for (const row of await tx.select().from(organizationFrameworkVersions)) {
    const map = adopted.get(row.organizationId) ?? new Map<string, number>();
    map.set(row.frameworkUrn, row.version);
    adopted.set(row.organizationId, map);
  }
  // One row per organisation with its answers packed as "index=code,…" (indexes of this run's universe, passed
  // in): a few kilobytes per organisation instead of a row per answer.
  const measureIndex = JSON.stringify(Object.fromEntries(universe.measures));
  const assessmentRows = await queryRows<{ organization_id: string; packed: string }>(
    tx,
    sql`with idx as (select key as urn, value::int as i from jsonb_each_text(${measureIndex}::jsonb))
        select a.organization_id, string_agg(idx.i || '=' || case a.status when 'not_started' then 1 when 'partial' then 2
                 when 'implemented' then 3 when 'not_relevant' then 4 else 0 end, ',') as packed
        from measure_assessments a join idx on idx.urn = a.measure_urn
        where a.status <> 'not_assessed' group by a.organization_id`,
  );
  const questionIndex = JSON.stringify(Object.fromEntries([...compliantValues].map(([urn, values]) => [urn, { i: universe.question(urn), c: values }])));
  const answerRows = compliantValues.size
    ? await queryRows<{ organization_id: string; packed: string }>(
        tx,
        sql`with idx as (select key as urn, (value ->> 'i')::int as i, array(select jsonb_array_elements_text(value -> 'c')) as compliant
                         from jsonb_each(${questionIndex}::jsonb))
            select q.organization_id, string_agg(idx.i || '=' || case when q."values" && idx.compliant then 1 else 0 end, ',') as packed
            from question_answers q join idx on idx.urn = q.question_urn
            where cardinality(q."values") > 0 group by q.organization_id`,
      )
    : [];
  const loadedAt = performance.now();
  // Organisations that have answered anything; one that has not started has nothing to recompute.
  const orgs = [...new Set([...assessmentRows.map((r) => r.organization_id), ...answerRows.map((r) => r.organization_id)])].filter((id) => local.has(id)).sort();

  const assessmentsByOrg = new Map(assessmentRows.map((r) => [r.organization_id, r.packed]));
  const answersByOrg = new Map(answerRows.map((r) => [r.organization_id, r.packed]));
  const measureStatus = new Uint8Array(universe.measures.size);
  const questionResult = new Int8Array(universe.questions.size);
  const answers = { measureStatus, questionResult };
  const unpack = (packed: string | undefined, into: Uint8Array | Int8Array) => {
    if (!packed) return;
    for (const pair of packed.split(',')) {
      const eq = pair.indexOf('=');
      into[Number(pair.slice(0, eq))] = Number(pair.slice(eq + 1));
    }
  };
  const defaultChoice = chooseVersion(allFrameworks, undefined);
  const out = { org: [] as string[], urn: [] as string[], version: [] as number[], totals: [] as ComplianceTotals[] };
  for (const organizationId of orgs) {
    measureStatus.fill(0);
    questionResult.fill(-1);
    unpack(assessmentsByOrg.get(organizationId), measureStatus);
    unpack(answersByOrg.get(organizationId), questionResult);
    const choice = adopted.has(organizationId) ? chooseVersion(allFrameworks, adopted.get(organizationId)) : defaultChoice;
    for (const framework of choice) {
      out.org.push(organizationId);
      out.urn.push(framework.urn);
      out.version.push(framework.version);
      out.totals.push(summarize(modelById.get(framework.id)!, answers));
    }
  }
  const derivedAt = performance.now();

  // One JSON parameter per batch: the same statement works on PostgreSQL and PGlite, whatever the count.
  for (let start = 0; start < out.org.length; start += 10_000) {
    const rows = out.org.slice(start, start + 10_000).map((o, k) => {
      const t = out.totals[start + k]!;
      return { o, u: out.urn[start + k], v: out.version[start + k], a: t.assessable, m: t.met, p: t.partial, nm: t.notMet, nr: t.notRelevant, na: t.notAssessed, r: t.needsReview };
    });
    await tx.execute(sql`
      insert into compliance_summaries (organization_id, framework_urn, framework_version, assessable, met, partial, not_met, not_relevant, not_assessed, needs_review, computed_at)
      select o, u, v, a, m, p, nm, nr, na, r, now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(o uuid, u text, v int, a int, m int, p int, nm int, nr int, na int, r int)
      on conflict (organization_id, framework_urn) do update set
        framework_version = excluded.framework_version, assessable = excluded.assessable, met = excluded.met,
        partial = excluded.partial, not_met = excluded.not_met, not_relevant = excluded.not_relevant,
        not_assessed = excluded.not_assessed, needs_review = excluded.needs_review, computed_at = excluded.computed_at`);
  }
  const storedAt = performance.now();
  return {
    organizations: orgs.length,
    frameworks: new Set(allFrameworks.map((f) => f.urn)).size,
    summaries: out.org.length,
    timings: { load: loadedAt - started, derive: derivedAt - loadedAt, store: storedAt - derivedAt },
  };
}

export interface NationalComplianceRow {
  frameworkUrn: string;
  organizations: number;
  assessable: number;
  met: number;
  partial: number;
  notMet: number;
  notRelevant: number;
  notAssessed: number;
  averagePercentMet: number | null;
}

export interface NationalMeasureRow {
  measureUrn: string;
  organizations: number;
  notStarted: number;
  partial: number;
  implemented: number;
  notRelevant: number;
  averageMaturity: number | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Anonymous national figures, each over at least MIN_ORGANIZATIONS organisations (the database enforces it). */
export async function nationalAggregates(tx: Tx, minOrganizations = MIN_ORGANIZATIONS): Promise<{ frameworks: NationalComplianceRow[]; measures: NationalMeasureRow[] }> {
  const k = Math.max(minOrganizations, MIN_ORGANIZATIONS);
  const frameworkRows = await queryRows<Record<string, unknown>>(tx, sql`select * from national_compliance(${k}) order by framework_urn`);
  const measureRows = await queryRows<Record<string, unknown>>(tx, sql`select * from national_measure_status(${k}) order by measure_urn`);
  return {
    frameworks: frameworkRows.map((r) => ({
      frameworkUrn: String(r.framework_urn),
      organizations: Number(r.organizations),
      assessable: Number(r.assessable),
      met: Number(r.met),
      partial: Number(r.partial),
      notMet: Number(r.not_met),
      notRelevant: Number(r.not_relevant),
      notAssessed: Number(r.not_assessed),
      averagePercentMet: num(r.average_percent_met),
    })),
    measures: measureRows.map((r) => ({
      measureUrn: String(r.measure_urn),
      organizations: Number(r.organizations),
      notStarted: Number(r.not_started),
      partial: Number(r.partial),
      implemented: Number(r.implemented),
      notRelevant: Number(r.not_relevant),
      averageMaturity: num(r.average_maturity),
    })),
  };
}
