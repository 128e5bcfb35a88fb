import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  compileFramework,
  deriveCompliance,
  emptyAnswers,
  measureStatusCodes,
  percentMet,
  statusName,
  summarize,
  totalsAt,
  Universe,
  type AnswerSet,
  type ModelNode,
} from './derive';

const node = (urn: string, parentUrn: string | null, counted: boolean, mappings: [string, string][] = [], questionUrns: string[] = []): ModelNode => ({
  urn,
  parentUrn,
  counted,
  mappings: mappings.map(([measureUrn, relationship]) => ({ measureUrn, relationship })),
  questionUrns,
});

function build(nodes: ModelNode[]) {
  const universe = new Universe();
  const model = compileFramework({ id: 'f', urn: 'urn:test:framework', version: 1 }, nodes, universe);
  const answers = () => emptyAnswers(universe);
  const set = (a: AnswerSet, measure: string, status: keyof typeof measureStatusCodes) => {
    a.measureStatus[universe.measure(measure)] = measureStatusCodes[status];
  };
  const answer = (a: AnswerSet, question: string, compliant: boolean) => {
    a.questionResult[universe.question(question)] = compliant ? 1 : 0;
  };
  const status = (a: AnswerSet) => {
    const d = deriveCompliance(model, a);
    return Object.fromEntries(nodes.map((n, i) => [n.urn, { status: statusName(d.status[i]!), review: d.needsReview[i] === 1, unmapped: d.unmapped[i] === 1 }]));
  };
  return { universe, model, answers, set, answer, status };
}

const tree = [
  node('root', null, false),
  node('a', 'root', true, [['m1', 'equal']]),
  node('b', 'root', true, [['m1', 'subset']]),
  node('c', 'root', true, [['m2', 'superset'], ['m3', 'intersect']]),
  node('d', 'root', true, [], ['q1']),
  node('e', 'root', true),
  node('f', 'root', true, [['m4', 'not_related']]),
];

describe('the derivation rule', () => {
  test('nothing answered: every requirement is not assessed, and unmapped ones say so', () => {
    const t = build(tree);
    const s = t.status(t.answers());
    for (const urn of ['a', 'b', 'c', 'd', 'e']) assert.equal(s[urn]!.status, 'not_assessed', urn);
    assert.equal(s.e!.unmapped, true);
    assert.equal(s.a!.unmapped, false);
    // A not_related mapping is no mapping at all.
    assert.equal(s.f!.unmapped, true);
  });

  test('an implemented measure meets what it equals, and only partly (flagged for review) what it is a subset of', () => {
    const t = build(tree);
    const a = t.answers();
    t.set(a, 'm1', 'implemented');
    const s = t.status(a);
    assert.deepEqual(s.a, { status: 'met', review: false, unmapped: false });
    assert.deepEqual(s.b, { status: 'partial', review: true, unmapped: false });
  });

  test('a partly implemented measure gives partial, even where it covers fully', () => {
    const t = build(tree);
    const a = t.answers();
    t.set(a, 'm1', 'partial');
    assert.equal(t.status(a).a!.status, 'partial');
    assert.equal(t.status(a).a!.review, true);
  });

  test('not started is a known gap; not relevant everywhere is not relevant; a mix with unassessed stays not assessed', () => {
    const t = build(tree);
    const a = t.answers();
    t.set(a, 'm2', 'not_started');
    assert.equal(t.status(a).c!.status, 'not_met');
    t.set(a, 'm2', 'not_relevant');
    assert.equal(t.status(a).c!.status, 'not_assessed');
    t.set(a, 'm3', 'not_relevant');
    assert.equal(t.status(a).c!.status, 'not_relevant');
    t.set(a, 'm3', 'implemented');
    assert.equal(t.status(a).c!.status, 'partial');
    t.set(a, 'm2', 'implemented');
    assert.equal(t.status(a).c!.status, 'met');
  });

  test('a question answered with a compliant value meets the node; a non-compliant answer is a gap', () => {
    const t = build(tree);
    const a = t.answers();
    t.answer(a, 'q1', true);
    assert.equal(t.status(a).d!.status, 'met');
    t.answer(a, 'q1', false);
    assert.equal(t.status(a).d!.status, 'not_met');
  });

  test('answers that contradict each other are flagged for review', () => {
    const t = build([node('x', null, true, [['m1', 'equal']], ['q1'])]);
    const a = t.answers();
    t.set(a, 'm1', 'implemented');
    t.answer(a, 'q1', false);
    assert.deepEqual(t.status(a).x, { status: 'met', review: true, unmapped: false });
  });

  test('parents roll up their subtree: counts and a percentage of what applies', () => {
    const t = build(tree);
    const a = t.answers();
    t.set(a, 'm1', 'implemented');
    t.set(a, 'm2', 'not_relevant');
    t.set(a, 'm3', 'not_relevant');
    const d = deriveCompliance(t.model, a);
    const root = totalsAt(d, 0);
    assert.deepEqual(root, { assessable: 6, met: 1, partial: 1, notMet: 0, notRelevant: 1, notAssessed: 3, needsReview: 1 });
    assert.equal(percentMet(root), 20);
  });
});

describe('properties over random frameworks and answers', () => {
  const statuses = Object.keys(measureStatusCodes) as (keyof typeof measureStatusCodes)[];
  const relationships = ['equal', 'superset', 'subset', 'intersect', 'not_related'];
  const frameworkArb = fc
    .array(
      fc.record({
        parent: fc.nat(),
        counted: fc.boolean(),
        mappings: fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.constantFrom(...relationships)), { maxLength: 3 }),
        questions: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 40 },
    )
    .map((specs) =>
      specs.map((spec, i) =>
        node(
          `n${i}`,
          i === 0 || spec.parent % (i + 1) === i ? null : `n${spec.parent % i}`,
          spec.counted,
          spec.mappings.map(([m, r]) => [`m${m}`, r] as [string, string]),
          [...new Set(spec.questions)].map((q) => `q${q}`),
        ),
      ),
    );
  const answersArb = fc.record({
    measures: fc.array(fc.constantFrom(...statuses), { minLength: 8, maxLength: 8 }),
    questions: fc.array(fc.constantFrom(-1, 0, 1), { minLength: 4, maxLength: 4 }),
  });

  function setup(nodes: ModelNode[], spec: { measures: string[]; questions: number[] }) {
    const t = build(nodes);
    for (let m = 0; m < 8; m++) t.universe.measure(`m${m}`);
    for (let q = 0; q < 4; q++) t.universe.question(`q${q}`);
    const a = t.answers();
    spec.measures.forEach((s, m) => t.set(a, `m${m}`, s as keyof typeof measureStatusCodes));
    spec.questions.forEach((r, q) => (a.questionResult[t.universe.question(`q${q}`)] = r));
    return { t, a };
  }

  test('the roll-up of the roots equals the fast summary, and every counted requirement is counted once', () => {
    fc.assert(
      fc.property(frameworkArb, answersArb, (nodes, spec) => {
        const { t, a } = setup(nodes, spec);
        const d = deriveCompliance(t.model, a);
        const sum = { assessable: 0, met: 0, partial: 0, notMet: 0, notRelevant: 0, notAssessed: 0, needsReview: 0 };
        for (let i = 0; i < t.model.size; i++) {
          if (t.model.parent[i] !== -1) continue;
          const r = totalsAt(d, i);
          for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += r[key];
        }
        assert.deepEqual(sum, summarize(t.model, a));
        assert.equal(sum.assessable, nodes.filter((n) => n.counted).length);
      }),
      { numRuns: 300 },
    );
  });

  test('implementing one more measure never lowers the number of requirements met', () => {
    fc.assert(
      fc.property(frameworkArb, answersArb, fc.integer({ min: 0, max: 7 }), (nodes, spec, pick) => {
        const { t, a } = setup(nodes, spec);
        const before = summarize(t.model, a).met;
        t.set(a, `m${pick}`, 'implemented');
        assert.ok(summarize(t.model, a).met >= before);
      }),
      { numRuns: 300 },
    );
  });

  test('with no answers at all, nothing is met, partial, not met or not relevant', () => {
    fc.assert(
      fc.property(frameworkArb, (nodes) => {
        const t = build(nodes);
        const totals = summarize(t.model, t.answers());
        assert.equal(totals.notAssessed, totals.assessable);
      }),
    );
  });
});
