import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { projectRoot } from '../../../paths';
import { frameworks, questions } from '../../library/schema';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { addMembership, as, buildOrganization, buildUser, openSession } from '../../../test/factories';
import { asNational, buildVendor } from '../test-support';
import { applicableQuestions, compliance, missingAnswers } from './applicability';
import { parseQuestionnaire, questionCount } from './definition';
import { loadQuestionnaire, NATIONAL_QUESTIONNAIRE_FILE } from './loader';
import { NATIONAL_QUESTIONNAIRE_URN, templateStructure } from './structure';

// ../shared/fixtures beside the project (main checkout), or two levels up from a worktree in wt/.
const CISA_FILE = [join(projectRoot, '..', 'shared'), join(projectRoot, '..', '..', 'shared')]
  .map((dir) => join(dir, 'fixtures', 'ciso-assistant', 'cisa-vendor-scrm.yaml'))
  .find((file) => existsSync(file))!;
const national = () => parseQuestionnaire(readFileSync(NATIONAL_QUESTIONNAIRE_FILE, 'utf8'));
const q = (ref: string, n = 1) => `urn:samsvar:req:vendor-questionnaire:${ref}:q${n}`;

describe('reading questionnaire files', () => {
  test('the national questionnaire has 30–50 questions, groups with conditions, and follow-ups that point backwards', () => {
    const definition = national();
    assert.equal(definition.urn, NATIONAL_QUESTIONNAIRE_URN);
    assert.ok(questionCount(definition) >= 30 && questionCount(definition) <= 50, `${questionCount(definition)} questions`);
    assert.deepEqual(
      definition.groups.filter((g) => g.appliesIf).map((g) => g.refId),
      ['databehandler', 'helse'],
    );
    const types = new Set(definition.nodes.flatMap((n) => n.questions.map((qq) => qq.type)));
    for (const type of ['yes_no', 'choice', 'multiple_choice', 'text', 'date']) assert.ok(types.has(type as never), type);
  });

  test("CISA's vendor SCRM file (CISO Assistant format) reads as the same structure: questions with choices", () => {
    const definition = parseQuestionnaire(readFileSync(CISA_FILE, 'utf8'));
    assert.equal(definition.origin, 'import');
    assert.equal(questionCount(definition), 260);
    const choice = definition.nodes.flatMap((n) => n.questions).find((qq) => qq.type === 'choice')!;
    assert.deepEqual(
      choice.choices.map((c) => c.value),
      ['Yes', 'No', 'Alternate', 'N/A'],
    );
    const child = definition.nodes.find((n) => n.refId === '1.1')!;
    assert.equal(child.parentUrn, 'urn:intuitem:risk:req_node:cisa-scrm:1');
  });

  test('a follow-up question that points at a later question is refused', () => {
    const bad = `urn: urn:x\nname: X\nversion: 1\nnodes:\n  - urn: urn:x:1\n    questions:\n      - { urn: "urn:x:1:q1", type: yes_no, text: A, depends_on: { question: "urn:x:1:q2", answers: [yes] } }\n      - { urn: "urn:x:1:q2", type: yes_no, text: B }\n`;
    assert.throws(() => parseQuestionnaire(bad), /does not come before it/);
  });
});

describe('which questions apply', () => {
  const definition = national();
  const list = definition.nodes.flatMap((n) => n.questions.map((qq) => ({ urn: qq.urn, type: qq.type, groups: n.implementationGroups, dependsOn: qq.dependsOn, compliant: qq.compliant })));
  const rules = definition.groups.filter((g) => g.appliesIf).map((g) => ({ groupRef: g.refId, questionUrn: g.appliesIf!.question, answers: g.appliesIf!.answers }));

  test('a vendor that processes no personal data is not asked the processor questions', () => {
    const none = applicableQuestions(list, rules, new Map([[q('1.2'), ['no']]]));
    assert.ok(!none.has(q('2.1')), 'no DPA question');
    assert.ok(!none.has(q('1.2', 2)), 'no follow-up on kinds of data');
    assert.ok(none.has(q('6.1')), 'MFA is asked of everyone');
    const processor = applicableQuestions(list, rules, new Map([[q('1.2'), ['yes']]]));
    assert.ok(processor.has(q('2.1')) && processor.has(q('1.2', 2)));
    assert.ok(!processor.has(q('2.5')), 'the Normen question only for health vendors');
    const health = applicableQuestions(list, rules, new Map([[q('1.2'), ['yes']], [q('1.2', 2), ['helse']]]));
    assert.ok(health.has(q('2.5')));
  });

  test('missing answers leave out dates and questions that do not apply', () => {
    const answers = new Map<string, string[]>(list.map((qq) => [qq.urn, ['x']]));
    answers.delete(q('5.1', 3));
    answers.set(q('1.2'), ['no']);
    answers.delete(q('2.1'));
    assert.deepEqual(missingAnswers(list, rules, answers), []);
    answers.delete(q('6.1'));
    assert.deepEqual(missingAnswers(list, rules, answers), [q('6.1')]);
  });

  test('an answer meets the requirement only with a compliant value', () => {
    assert.equal(compliance({ compliant: ['yes'] }, ['yes']), 'met');
    assert.equal(compliance({ compliant: ['yes'] }, ['no']), 'not_met');
    assert.equal(compliance({ compliant: [] }, ['2027-01-01']), 'info');
    assert.equal(compliance({ compliant: ['yes'] }, []), 'unanswered');
  });
});

describe('loading into the library tables and answering', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('the reference seed loaded the national questionnaire once; loading again changes nothing', async () => {
    const before = await t.database.owner.select({ n: sql<number>`count(*)::int` }).from(questions);
    const result = await asNational(t.database, (tx) => loadQuestionnaire(tx, national()));
    assert.equal(result.created, false);
    const after = await t.database.owner.select({ n: sql<number>`count(*)::int` }).from(questions);
    assert.equal(after[0]!.n, before[0]!.n);
    const rows = await t.database.owner.select().from(frameworks).where(and(eq(frameworks.urn, NATIONAL_QUESTIONNAIRE_URN), eq(frameworks.version, 1)));
    assert.equal(rows.length, 1);
  });

  test("CISA's questionnaire can be loaded, sent and answered with its own choices", async () => {
    const { templateId } = await asNational(t.database, (tx) => loadQuestionnaire(tx, parseQuestionnaire(readFileSync(CISA_FILE, 'utf8'))));
    const structure = await asNational(t.database, (tx) => templateStructure(tx, templateId));
    assert.equal(structure.questions.length, 260);
    const { vendor } = await buildVendor(t.database);
    const fellesforvalter = await buildUser(t.database);
    const nationalOrg = (await t.database.owner.execute(sql`select id from organizations where kind = 'national'`)) as unknown as { rows: { id: string }[] };
    await addMembership(t.database, fellesforvalter.id, nationalOrg.rows[0]!.id, ['fellesforvalter']);
    const team = as(t, await openSession(t, fellesforvalter.id, nationalOrg.rows[0]!.id));
    const sent = await team.post(`/api/vendors/${vendor.id}/questionnaires`, { templateId });
    assert.equal(sent.statusCode, 201, sent.body);
    const vendorOrg = (await t.database.owner.execute(sql`select vendor_organization_id as id from vendors where id = ${vendor.id}`)) as unknown as { rows: { id: string }[] };
    const contact = await buildUser(t.database);
    await addMembership(t.database, contact.id, vendorOrg.rows[0]!.id, ['leverandor']);
    const portal = as(t, await openSession(t, contact.id, vendorOrg.rows[0]!.id));
    const id = json<{ id: string }>(sent).id;
    const choice = structure.questions.find((qq) => qq.type === 'choice')!;
    const saved = await portal.put(`/api/portal/questionnaires/${id}/answers`, { answers: [{ questionUrn: choice.urn, values: ['Alternate'] }] });
    assert.equal(saved.statusCode, 200, saved.body);
    const wrong = await portal.put(`/api/portal/questionnaires/${id}/answers`, { answers: [{ questionUrn: choice.urn, values: ['Kanskje'] }] });
    assert.equal(wrong.statusCode, 400);
    assert.equal(json(wrong).code, 'ANSWER_INVALID');
    assert.equal(json(wrong).field, choice.urn);
  });

  test('a municipality cannot load or send questionnaires', async () => {
    const municipality = await buildOrganization(t.database);
    const admin = await buildUser(t.database);
    await addMembership(t.database, admin.id, municipality.id, ['administrator']);
    const response = await as(t, await openSession(t, admin.id, municipality.id)).get('/api/vendor-questionnaires/templates');
    assert.equal(response.statusCode, 403);
  });
});
