import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { withOwner, withTenant } from '../../db/tenant';
import { createTestApp, json, type TestApp } from '../../test/app';
import { municipalityWith, personIn } from '../vendors/test-support';
import { riskContent } from './content';
import type { AssessmentDetailResponse, MatrixInput, MatrixResponse } from './contract';
import { matrixIssues, resizeInput, toMatrixInput } from './matrix-shape';
import { riskMatrices } from './schema';

/** The municipality's own risk matrix: customising, validation, conflicts, going back, snapshots per assessment. */

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const national = () => riskContent().matrix;
const dimensions = () => national().consequence_dimensions.map((d) => d.id);
const copy = (): MatrixInput => structuredClone(toMatrixInput(national()));
const owner = <T>(work: Parameters<typeof withOwner<T>>[2]) => withOwner(t.database.owner, { organizationId: null, userId: null, requestId: 'matrix-test' }, work);
const storedRow = (organizationId: string) => owner((tx) => tx.select().from(riskMatrices).where(eq(riskMatrices.organizationId, organizationId))).then((rows) => rows[0] ?? null);

/** A 4 × 4 matrix: the national one without its top level of likelihood and of consequence. */
const fourByFour = (): MatrixInput => resizeInput(copy(), 4, 4, dimensions());

describe('the matrix rules (pure)', () => {
  test('the national matrix passes', () => {
    assert.deepEqual(matrixIssues(copy(), dimensions()), []);
  });

  test('shrinking keeps a matrix valid; growing leaves the new levels to be named', () => {
    assert.deepEqual(matrixIssues(resizeInput(copy(), 3, 4, dimensions()), dimensions()), []);
    const grown = resizeInput(resizeInput(copy(), 3, 3, dimensions()), 4, 3, dimensions());
    const issues = matrixIssues(grown, dimensions());
    assert.deepEqual([...new Set(issues.map((i) => i.field))], ['matrix.likelihood.3.name', 'matrix.likelihood.3.frequency', 'matrix.likelihood.3.description']);
    assert.ok(issues.every((i) => i.code === 'MATRIX_TEXT_REQUIRED'));
  });

  test('a cell lower than the one below it or to its left is refused', () => {
    const input = copy();
    input.cells[3]![1] = 'low'; // likelihood 4, consequence 2: below is medium (3,2) and left is medium (4,1)
    const issues = matrixIssues(input, dimensions());
    assert.deepEqual(issues.map((i) => [i.code, i.field]), [['MATRIX_NOT_MONOTONIC', 'matrix.cells.3.1']]);
    assert.match(issues[0]!.message, /kan ikke synke/);
  });

  test('sizes outside 3–5 and unknown or missing cells are refused', () => {
    assert.equal(matrixIssues(resizeInput(copy(), 2, 5, dimensions()), dimensions())[0]!.code, 'MATRIX_SIZE');
    const six = copy();
    six.consequence.push(six.consequence[4]!);
    assert.deepEqual(matrixIssues(six, dimensions()).map((i) => i.field), ['matrix.consequence']);
    const unknown = copy();
    unknown.cells[0]![0] = 'extreme';
    unknown.cells[1]![0] = '';
    assert.deepEqual(matrixIssues(unknown, dimensions()).map((i) => [i.code, i.field]), [['MATRIX_CELL_INVALID', 'matrix.cells.0.0'], ['MATRIX_CELL_INVALID', 'matrix.cells.1.0']]);
  });
});

describe('a municipality customises its risk matrix', () => {
  test('the national matrix until it saves its own; a sikkerhetsleder saves a 4 × 4, a stale save is a conflict, and it goes back', async () => {
    const { organization, api } = await municipalityWith(t, ['sikkerhetsleder']);
    const first = json<MatrixResponse>(await api.get('/api/risk/matrix'));
    assert.equal(first.source, 'national');
    assert.equal(first.version, 0);
    assert.equal(first.matrix.urn, national().urn);
    assert.equal(first.policies.configureMatrix, true);

    const input = fourByFour();
    input.likelihood[3]!.name = 'Ofte';
    input.riskLevels.high.responseTime = 'Innen 6 uker';
    const saved = await api.put('/api/risk/matrix', { matrix: input, version: 0 });
    assert.equal(saved.statusCode, 200, saved.body);
    const local = json<MatrixResponse>(saved);
    assert.equal(local.source, 'local');
    assert.equal(local.version, 1);
    assert.deepEqual([local.matrix.likelihood.length, local.matrix.consequence.length], [4, 4]);
    assert.equal(local.matrix.likelihood[3]!.name, 'Ofte');
    assert.equal(local.matrix.risk_levels.find((l) => l.id === 'high')!.response_time, 'Innen 6 uker');
    assert.deepEqual(Object.keys(local.matrix.cells).sort(), ['1', '2', '3', '4']);
    assert.equal(local.national.urn, national().urn, 'the national matrix is shown beside it');
    assert.ok(local.updatedBy);

    // Someone else saved in between: the second save names version 0 again.
    const stale = await api.put('/api/risk/matrix', { matrix: copy(), version: 0 });
    assert.equal(stale.statusCode, 409, stale.body);
    assert.equal(json(stale).code, 'CONFLICT');
    assert.equal((await storedRow(organization.id))!.matrix!.likelihood.length, 4, 'the stale save changed nothing');

    const back = await api.put('/api/risk/matrix', { matrix: null, version: 1 });
    assert.equal(back.statusCode, 200, back.body);
    const reset = json<MatrixResponse>(back);
    assert.equal(reset.source, 'national');
    assert.equal(reset.version, 2);
    assert.equal(reset.matrix.likelihood.length, 5);
    assert.equal((await storedRow(organization.id))!.matrix, null);

    // Every change is in the audit trail.
    const audited = await owner((tx) => tx.execute(sql`select action, actor_user_id from audit_events where organization_id = ${organization.id} and entity = 'risk_matrices' order by id`)).then(
      (r) => (r as unknown as { rows: { action: string }[] }).rows,
    );
    assert.deepEqual(audited.map((e) => e.action), ['insert', 'update']);
  });

  test('bad matrices are refused with a code, a Norwegian message and the field, and change nothing', async () => {
    const { organization, api } = await municipalityWith(t, ['administrator']);
    assert.equal((await api.put('/api/risk/matrix', { matrix: fourByFour(), version: 0 })).statusCode, 200);
    const before = await storedRow(organization.id);

    const noName = fourByFour();
    noName.likelihood[1]!.name = '  ';
    const notMonotonic = fourByFour();
    notMonotonic.cells[3]![3] = 'low';
    const tooSmall = resizeInput(fourByFour(), 2, 4, dimensions());
    const noDefinition = fourByFour();
    noDefinition.consequence[0]!.byDimension.privacy = '';
    const unknownLevel = fourByFour();
    unknownLevel.cells[0]![0] = 'none';
    const cases: [MatrixInput, string, string, RegExp][] = [
      [noName, 'MATRIX_TEXT_REQUIRED', 'matrix.likelihood.1.name', /navnet på sannsynlighetsnivå 2/],
      [notMonotonic, 'MATRIX_NOT_MONOTONIC', 'matrix.cells.3.3', /kan ikke synke/],
      [tooSmall, 'MATRIX_SIZE', 'matrix.likelihood', /3, 4 eller 5/],
      [noDefinition, 'MATRIX_TEXT_REQUIRED', 'matrix.consequence.0.byDimension.privacy', /Beskriv konsekvensnivå 1/],
      [unknownLevel, 'MATRIX_CELL_INVALID', 'matrix.cells.0.0', /Velg risikonivå/],
    ];
    for (const [matrix, code, field, message] of cases) {
      const response = await api.put('/api/risk/matrix', { matrix, version: 1 });
      assert.equal(response.statusCode, 400, `${code}: ${response.body}`);
      const body = json<{ code: string; field: string; message: string; issues?: { field: string }[] }>(response);
      assert.equal(body.code, code);
      assert.equal(body.field, field);
      assert.match(body.message, message);
      assert.ok(body.issues?.some((i) => i.field === field));
    }
    const after = await storedRow(organization.id);
    assert.equal(after!.version, before!.version);
    assert.deepEqual(after!.matrix, before!.matrix);

    // A leser, a bidragsyter and a personvernombud may look but not change it.
    for (const role of ['leser', 'bidragsyter', 'personvernombud'] as const) {
      const person = await personIn(t, organization.id, [role]);
      assert.equal(json<MatrixResponse>(await person.api.get('/api/risk/matrix')).policies.configureMatrix, false);
      const refused = await person.api.put('/api/risk/matrix', { matrix: null, version: 1 });
      assert.equal(refused.statusCode, 403, role);
    }
    assert.equal((await storedRow(organization.id))!.version, 1);
  });

  test('a new assessment records the local matrix; an existing one keeps its levels, and a 4 × 4 scale refuses a 5', async () => {
    const { api } = await municipalityWith(t, ['sikkerhetsleder']);
    const create = async (title: string) => json<AssessmentDetailResponse>(await api.post('/api/risk/assessments', { subjectKind: 'service', serviceName: 'Skolen', title }));
    const old = await create('ROS før egen matrise');
    assert.equal(old.matrix.urn, national().urn);
    const oldRisk = json<AssessmentDetailResponse>(await api.post(`/api/risk/assessments/${old.assessment.id}/risks`, { title: 'Datatap' })).risks[0]!;
    let oldDetail = json<AssessmentDetailResponse>(await api.patch(`/api/risk/assessments/${old.assessment.id}/risks/${oldRisk.id}`, { likelihood: 2, consequence: 2 }));
    assert.equal(oldDetail.risks[0]!.level, 'low');

    // The municipality's own matrix rates everything at least high.
    const strict = fourByFour();
    strict.cells = strict.cells.map((row) => row.map((cell) => (cell === 'very_high' ? 'very_high' : 'high')));
    assert.equal((await api.put('/api/risk/matrix', { matrix: strict, version: 0 })).statusCode, 200);

    oldDetail = json<AssessmentDetailResponse>(await api.get(`/api/risk/assessments/${old.assessment.id}`));
    assert.equal(oldDetail.risks[0]!.level, 'low', 'the existing assessment keeps the matrix it was made with');
    assert.equal(oldDetail.matrix.likelihood.length, 5);
    const list = json<{ items: { id: string; highest: string }[] }>(await api.get('/api/risk/assessments'));
    assert.equal(list.items.find((i) => i.id === old.assessment.id)!.highest, 'low');
    // It can still be scored 5: its own matrix is 5 × 5.
    assert.equal((await api.patch(`/api/risk/assessments/${old.assessment.id}/risks/${oldRisk.id}`, { likelihood: 5, consequence: 5 })).statusCode, 200);

    const fresh = await create('ROS med egen matrise');
    assert.equal(fresh.matrix.urn, 'urn:samsvar:risk-matrix:local');
    assert.deepEqual([fresh.matrix.likelihood.length, fresh.matrix.consequence.length], [4, 4]);
    const risk = json<AssessmentDetailResponse>(await api.post(`/api/risk/assessments/${fresh.assessment.id}/risks`, { title: 'Datatap' })).risks[0]!;
    const five = await api.patch(`/api/risk/assessments/${fresh.assessment.id}/risks/${risk.id}`, { likelihood: 5, consequence: 2 });
    assert.equal(five.statusCode, 400, five.body);
    assert.equal(json(five).code, 'SCORE_OUT_OF_RANGE');
    assert.equal(json(five).field, 'likelihood');
    assert.match(json<{ message: string }>(five).message, /1 til 4/);
    const residual = await api.patch(`/api/risk/assessments/${fresh.assessment.id}/risks/${risk.id}`, { residualConsequence: 5 });
    assert.equal(json(residual).field, 'residualConsequence');
    assert.equal(json<AssessmentDetailResponse>(await api.get(`/api/risk/assessments/${fresh.assessment.id}`)).risks[0]!.likelihood, null, 'the refused score was not saved');
    const scored = json<AssessmentDetailResponse>(await api.patch(`/api/risk/assessments/${fresh.assessment.id}/risks/${risk.id}`, { likelihood: 2, consequence: 2 }));
    assert.equal(scored.risks[0]!.level, 'high', 'the same scores are high on the local matrix');

    // Going back to the national matrix does not change the assessment made with the local one.
    assert.equal((await api.put('/api/risk/matrix', { matrix: null, version: 1 })).statusCode, 200);
    const still = json<AssessmentDetailResponse>(await api.get(`/api/risk/assessments/${fresh.assessment.id}`));
    assert.equal(still.risks[0]!.level, 'high');
    assert.equal(still.matrix.likelihood.length, 4);
    const pdf = await api.get(`/api/risk/assessments/${fresh.assessment.id}/pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });

  test('an accepted assessment and its stored version keep their matrix when the municipality changes it', async () => {
    const { organization, api, user } = await municipalityWith(t, ['administrator']);
    const created = json<AssessmentDetailResponse>(await api.post('/api/risk/assessments', { subjectKind: 'service', serviceName: 'Nettside', title: 'ROS', riskOwnerUserId: user.id }));
    const id = created.assessment.id;
    const risk = json<AssessmentDetailResponse>(await api.post(`/api/risk/assessments/${id}/risks`, { title: 'Nede' })).risks[0]!;
    await api.patch(`/api/risk/assessments/${id}/risks/${risk.id}`, { likelihood: 3, consequence: 3 });
    const accepted = await api.post(`/api/risk/assessments/${id}/accept`, {});
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(json<AssessmentDetailResponse>(accepted).risks[0]!.level, 'medium');

    const allVeryHigh = copy();
    allVeryHigh.cells = allVeryHigh.cells.map((row) => row.map(() => 'very_high'));
    assert.equal((await api.put('/api/risk/matrix', { matrix: allVeryHigh, version: 0 })).statusCode, 200);
    assert.equal(json<AssessmentDetailResponse>(await api.get(`/api/risk/assessments/${id}`)).risks[0]!.level, 'medium');
    const [version] = await owner((tx) => tx.execute(sql`select snapshot from risk_assessment_versions where organization_id = ${organization.id} and assessment_id = ${id}`)).then(
      (r) => (r as unknown as { rows: { snapshot: AssessmentDetailResponse }[] }).rows,
    );
    assert.equal(version!.snapshot.risks[0]!.level, 'medium');
    assert.equal(version!.snapshot.matrix.urn, national().urn, 'the stored version carries the matrix it was accepted on');
    // A revision keeps the assessment's matrix too.
    assert.equal(json<AssessmentDetailResponse>(await api.post(`/api/risk/assessments/${id}/revise`, {})).risks[0]!.level, 'medium');
  });

  test('another organisation neither sees nor changes the matrix', async () => {
    const a = await municipalityWith(t, ['administrator']);
    const b = await municipalityWith(t, ['administrator']);
    const input = copy();
    input.likelihood[0]!.name = 'Bare hos A';
    assert.equal((await a.api.put('/api/risk/matrix', { matrix: input, version: 0 })).statusCode, 200);
    const seen = await b.api.get('/api/risk/matrix');
    assert.equal(json<MatrixResponse>(seen).source, 'national');
    assert.ok(!seen.body.includes('Bare hos A'));
    // B saving with A's version number makes B's own first matrix a conflict, not a change to A's.
    assert.equal((await b.api.put('/api/risk/matrix', { matrix: null, version: 1 })).statusCode, 409);
    assert.equal((await b.api.put('/api/risk/matrix', { matrix: null, version: 0 })).statusCode, 200);
    assert.equal(json<MatrixResponse>(await a.api.get('/api/risk/matrix')).matrix.likelihood[0]!.name, 'Bare hos A');
    assert.equal((await storedRow(a.organization.id))!.version, 1);
    // The app role sees only its own organisation's row, whatever the query asks for.
    const visible = await withTenant(t.database.app, { organizationId: b.organization.id, userId: b.user.id, requestId: 'matrix-rls' }, (tx) => tx.select().from(riskMatrices));
    assert.deepEqual(visible.map((r) => r.organizationId), [b.organization.id]);
  });
});
