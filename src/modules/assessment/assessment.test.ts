import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { withOwner } from '../../db/tenant';
import type { FrameworkViewResponse, MeasureDetailResponse, MeasureListResponse, OverviewResponse, ComplianceOverviewResponse, AssessmentDto, FrameworkSummaryDto } from './contract';
import { complianceSummaries } from './schema';
import { assessmentTest, json, type AssessmentTest } from './test-support/setup';

const MFA = 'urn:samsvar:measure:mfa-all-users';
const NSM = 'urn:samsvar:framework:nsm';
const GDPR = 'urn:samsvar:framework:gdpr';
const TILSYN = 'urn:samsvar:framework:tilsyn-2026';

let s: AssessmentTest;
before(async () => {
  s = await assessmentTest();
});
after(() => s.t.close());

const measureQuery = (urn: string) => `/api/assessment/measure?urn=${encodeURIComponent(urn)}`;
const frameworkQuery = (urn: string) => `/api/compliance/framework?urn=${encodeURIComponent(urn)}`;
const nodeIn = (view: FrameworkViewResponse, urn: string) => view.nodes.find((n) => n.urn === urn)!;

describe('self-assessment of the common measures', () => {
  test('the list shows every common measure, not assessed, with where each counts', async () => {
    const api = await s.api('editor');
    const response = await api.get('/api/assessment/measures');
    assert.equal(response.statusCode, 200);
    const body = json<MeasureListResponse>(response);
    assert.equal(body.total, s.library.measures);
    assert.equal(body.counts.not_assessed, s.library.measures);
    assert.equal(body.facets.frameworks.length, 7);
    assert.equal(body.facets.nsmCategories.length, 4);
    const mfa = body.items.find((i) => i.urn === MFA)!;
    assert.ok(mfa.frameworks.includes(NSM) && mfa.frameworks.includes(GDPR));
    assert.ok(mfa.closesFully >= 3, `MFA closes ${mfa.closesFully} requirements fully`);
    assert.ok(mfa.references.some((r) => r.includes('2.6.7')));
    assert.equal(body.policies.edit, true);
  });

  test('answering a measure changes compliance in every framework it maps to, at once', async () => {
    const api = await s.api('editor');
    const before = json<FrameworkViewResponse>(await api.get(frameworkQuery(NSM)));
    assert.equal(nodeIn(before, 'urn:samsvar:req:nsm:2.6.7').status, 'not_assessed');
    const saved = await api.patch('/api/assessment/measure', { measureUrn: MFA, version: 0, status: 'implemented', maturity: 3, comment: 'Tofaktor på alt – også for politikere' });
    assert.equal(saved.statusCode, 200, saved.body);
    const result = json<{ assessment: AssessmentDto; compliance: FrameworkSummaryDto[] }>(saved);
    assert.equal(result.assessment.version, 1);
    assert.equal(result.assessment.comment, 'Tofaktor på alt – også for politikere');
    const nsmSummary = result.compliance.find((c) => c.urn === NSM)!;
    assert.equal(nsmSummary.totals.met, 1);
    assert.deepEqual(new Set(result.compliance.map((c) => c.urn)).has(GDPR), true);

    const nsm = json<FrameworkViewResponse>(await api.get(frameworkQuery(NSM)));
    assert.equal(nodeIn(nsm, 'urn:samsvar:req:nsm:2.6.7').status, 'met');
    assert.equal(nsm.totals.met, before.totals.met + 1);
    // The category and principle above it roll up the change.
    assert.equal(nodeIn(nsm, 'urn:samsvar:req:nsm:2').totals!.met, 1);
    const gdpr = json<FrameworkViewResponse>(await api.get(frameworkQuery(GDPR)));
    const art32 = nodeIn(gdpr, 'urn:samsvar:req:gdpr:art32-1-b');
    assert.equal(art32.status, 'partial');
    assert.equal(art32.needsReview, true);
    assert.ok(gdpr.gaps.some((g) => g.nodeUrn === art32.urn), 'a partial requirement is in the gap list');

    const stored = await s.t.database.owner
      .select()
      .from(complianceSummaries)
      .where(and(eq(complianceSummaries.organizationId, s.organizationId), eq(complianceSummaries.frameworkUrn, NSM)));
    assert.equal(stored[0]?.met, 1, 'the summary is stored in the same transaction');
  });

  test('a change in the library is seen at once, although compiled frameworks are kept in memory', async () => {
    const api = await s.api('editor');
    const met = json<FrameworkViewResponse>(await api.get(frameworkQuery(NSM)));
    assert.equal(nodeIn(met, 'urn:samsvar:req:nsm:2.6.7').status, 'met');
    const setRelationship = (relationship: 'equal' | 'subset') =>
      withOwner(s.t.database.owner, { organizationId: null, userId: null, requestId: 'test' }, (tx) =>
        tx.execute(sql`update measure_mappings set relationship = ${relationship}
          where measure_id = (select id from measures where urn = ${MFA})
            and node_id in (select id from requirement_nodes where urn = 'urn:samsvar:req:nsm:2.6.7')`),
      );
    await setRelationship('subset');
    try {
      const changed = json<FrameworkViewResponse>(await api.get(frameworkQuery(NSM)));
      assert.equal(nodeIn(changed, 'urn:samsvar:req:nsm:2.6.7').status, 'partial');
      const overview = json<ComplianceOverviewResponse>(await api.get('/api/compliance'));
      assert.equal(overview.frameworks.find((f) => f.urn === NSM)!.totals.met, 0);
    } finally {
      await setRelationship('equal');
    }
    assert.equal(nodeIn(json<FrameworkViewResponse>(await api.get(frameworkQuery(NSM))), 'urn:samsvar:req:nsm:2.6.7').status, 'met');
  });

  test('a stale write is refused with 409, and the saved answer is kept', async () => {
    const api = await s.api('admin');
    const stale = await api.patch('/api/assessment/measure', { measureUrn: MFA, version: 0, status: 'not_started' });
    assert.equal(stale.statusCode, 409);
    assert.equal(json(stale).code, 'CONFLICT');
    const detail = json<MeasureDetailResponse>(await api.get(measureQuery(MFA)));
    assert.equal(detail.assessment.status, 'implemented');
  });

  test('not relevant needs a reason; maturity is 0–5; the owner must be a member', async () => {
    const api = await s.api('editor');
    const urn = 'urn:samsvar:measure:ai-literacy';
    const noReason = await api.patch('/api/assessment/measure', { measureUrn: urn, version: 0, status: 'not_relevant' });
    assert.equal(noReason.statusCode, 400);
    assert.deepEqual([json(noReason).code, json(noReason).field], ['REASON_REQUIRED', 'notRelevantReason']);
    const badMaturity = await api.patch('/api/assessment/measure', { measureUrn: urn, version: 0, maturity: 7 });
    assert.equal(badMaturity.statusCode, 400);
    assert.equal(json(badMaturity).field, 'maturity');
    const stranger = await api.patch('/api/assessment/measure', { measureUrn: urn, version: 0, ownerUserId: '00000000-0000-4000-8000-000000000001' });
    assert.equal(json(stranger).code, 'OWNER_NOT_MEMBER');
    const ok = await api.patch('/api/assessment/measure', { measureUrn: urn, version: 0, status: 'not_relevant', notRelevantReason: 'Kommunen bruker ikke KI-verktøy.' });
    assert.equal(ok.statusCode, 200, ok.body);
    const unknown = await api.patch('/api/assessment/measure', { measureUrn: 'urn:samsvar:measure:finnes-ikke', version: 0, status: 'implemented' });
    assert.equal(json(unknown).code, 'MEASURE_NOT_FOUND');
  });

  test('filters by framework, NSM category, owner and status', async () => {
    const api = await s.api('editor');
    const all = json<MeasureListResponse>(await api.get('/api/assessment/measures'));
    const byFramework = json<MeasureListResponse>(await api.get(`/api/assessment/measures?framework=${encodeURIComponent('urn:samsvar:framework:ai-act')}`));
    assert.ok(byFramework.items.length > 0 && byFramework.items.length < all.items.length);
    assert.ok(byFramework.items.every((i) => i.frameworks.includes('urn:samsvar:framework:ai-act')));
    const category = json<MeasureListResponse>(await api.get(`/api/assessment/measures?nsmCategory=${encodeURIComponent('urn:samsvar:req:nsm:4')}`));
    assert.ok(category.items.length > 0 && category.items.length < all.items.length);
    assert.ok(category.items.every((i) => i.frameworks.includes(NSM)));
    const implemented = json<MeasureListResponse>(await api.get('/api/assessment/measures?status=implemented'));
    assert.deepEqual(implemented.items.map((i) => i.urn), [MFA]);
    const unowned = json<MeasureListResponse>(await api.get('/api/assessment/measures?owner=none'));
    assert.equal(unowned.items.length, all.items.length);
    const sorted = json<MeasureListResponse>(await api.get('/api/assessment/measures?sort=priority'));
    assert.equal(sorted.items[0]!.priority, 'high');
  });

  test('a question answered on a framework node counts where it maps, and a wrong answer is refused', async () => {
    const api = await s.api('editor');
    const question = 'urn:samsvar:req:tilsyn-2026:t1-1:q1';
    const bad = await api.patch('/api/assessment/question', { questionUrn: question, version: 0, values: ['kanskje'] });
    assert.equal(json(bad).code, 'ANSWER_INVALID');
    const saved = await api.patch('/api/assessment/question', { questionUrn: question, version: 0, values: ['yes'] });
    assert.equal(saved.statusCode, 200, saved.body);
    const view = json<FrameworkViewResponse>(await api.get(frameworkQuery(TILSYN)));
    const node = nodeIn(view, 'urn:samsvar:req:tilsyn-2026:t1-1');
    assert.equal(node.status, 'met');
    assert.deepEqual(node.questions[0]!.answer?.values, ['yes']);
    const again = await api.patch('/api/assessment/question', { questionUrn: question, version: 0, values: ['no'] });
    assert.equal(again.statusCode, 409);
  });

  test('the overview offers the next step; the heat map covers every area', async () => {
    const api = await s.api('editor');
    const overview = json<OverviewResponse>(await api.get('/api/assessment/overview'));
    assert.equal(overview.next.kind, 'assess');
    assert.equal(overview.next.count, s.library.measures - 2);
    assert.ok(overview.next.highPriority > 0);
    const compliance = json<ComplianceOverviewResponse>(await api.get('/api/compliance'));
    assert.equal(compliance.areas.length, 14);
    const identity = compliance.areas.find((a) => a.area === 'identity-access')!;
    assert.equal(identity.counts.implemented, 1);
    assert.equal(identity.averageMaturity, 3);
  });
});

describe('who sees and changes what', () => {
  test('a leser reads everything and changes nothing', async () => {
    const api = await s.api('reader');
    assert.equal(json<MeasureListResponse>(await api.get('/api/assessment/measures')).total, s.library.measures);
    assert.equal((await api.get(frameworkQuery(NSM))).statusCode, 200);
    const write = await api.patch('/api/assessment/measure', { measureUrn: MFA, version: 1, status: 'partial' });
    assert.equal(write.statusCode, 403);
  });

  test('a bidragsyter sees and answers only the measures assigned to them', async () => {
    const editor = await s.api('editor');
    const backup = 'urn:samsvar:measure:backup-plan-all-data';
    const assigned = await editor.patch('/api/assessment/measure', { measureUrn: backup, version: 0, ownerUserId: s.people.contributor.id });
    assert.equal(assigned.statusCode, 200, assigned.body);

    const contributor = await s.api('contributor');
    const list = json<MeasureListResponse>(await contributor.get('/api/assessment/measures'));
    assert.deepEqual(list.items.map((i) => i.urn), [backup]);
    assert.equal(list.onlyAssigned, true);
    assert.equal(list.total, 1);
    assert.equal(json(await contributor.get(measureQuery(MFA))).code, 'NOT_ASSIGNED');
    const overview = json<OverviewResponse>(await contributor.get('/api/assessment/overview'));
    assert.equal(overview.total, 1);

    const notMine = await contributor.patch('/api/assessment/measure', { measureUrn: MFA, version: 1, status: 'not_started' });
    assert.equal(json(notMine).code, 'NOT_ASSIGNED');
    const reassign = await contributor.patch('/api/assessment/measure', { measureUrn: backup, version: 1, ownerUserId: s.people.otherContributor.id });
    assert.equal(json(reassign).code, 'OWNER_CHANGE_NOT_ALLOWED');
    const mine = await contributor.patch('/api/assessment/measure', { measureUrn: backup, version: 1, status: 'partial', maturity: 2 });
    assert.equal(mine.statusCode, 200, mine.body);
    assert.equal((await contributor.get('/api/compliance')).statusCode, 403);

    const other = await s.api('otherContributor');
    assert.equal(json<MeasureListResponse>(await other.get('/api/assessment/measures')).items.length, 0);
  });
});
