import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withTenant } from '../../db/tenant';
import { addMembership, as, buildUser, openSession } from '../../test/factories';
import { assessmentTest, json, type AssessmentTest } from '../assessment/test-support/setup';
import type { ActionDetailResponse, ActionDto, ActionListResponse, GenerateResult } from './contract';
import { priorityScore } from './priority';
import { createAction } from './service';

let s: AssessmentTest;
const HIGH_LOW = 'urn:samsvar:measure:mfa-all-users';
const GAPS = ['urn:samsvar:measure:mfa-all-users', 'urn:samsvar:measure:backup-protection', 'urn:samsvar:measure:ai-literacy'];

before(async () => {
  s = await assessmentTest();
  const api = await s.api('editor');
  for (const [i, urn] of GAPS.entries()) {
    const r = await api.patch('/api/assessment/measure', { measureUrn: urn, version: 0, status: i === 1 ? 'partial' : 'not_started' });
    assert.equal(r.statusCode, 200, r.body);
  }
  await api.patch('/api/assessment/measure', { measureUrn: 'urn:samsvar:measure:backup-plan-all-data', version: 0, status: 'implemented' });
});
after(() => s.t.close());

const list = async (query = '') => json<ActionListResponse>(await (await s.api('editor')).get(`/api/actions${query}`));

describe('the action plan from gaps', () => {
  test('quick wins first: priority, requirements closed, then effort', () => {
    const base = { closesFully: 4, closesPartly: 2 };
    assert.ok(priorityScore({ priority: 'high', effort: 'low', ...base }) > priorityScore({ priority: 'high', effort: 'high', ...base }));
    assert.ok(priorityScore({ priority: 'high', effort: 'medium', ...base }) > priorityScore({ priority: 'low', effort: 'medium', ...base }));
    assert.ok(priorityScore({ priority: 'medium', effort: 'medium', closesFully: 10, closesPartly: 0 }) > priorityScore({ priority: 'medium', effort: 'medium', closesFully: 1, closesPartly: 0 }));
  });

  test('generating makes one action per assessed gap, sorted by priority', async () => {
    const api = await s.api('editor');
    const result = json<GenerateResult>(await api.post('/api/actions/generate'));
    assert.deepEqual(result, { created: 3, skipped: 0, gaps: 3 });
    const plan = await list();
    assert.deepEqual(new Set(plan.items.map((a) => a.measure?.urn)), new Set(GAPS));
    const priorities = plan.items.map((a) => a.priority);
    assert.deepEqual(priorities, [...priorities].sort((a, b) => b - a));
    assert.ok(plan.items.every((a) => a.sourceType === 'gap' && a.status === 'open'));
  });

  test('generating again neither duplicates nor overwrites what people edited', async () => {
    const api = await s.api('editor');
    const plan = await list();
    const first = plan.items.find((a) => a.measure?.urn === HIGH_LOW)!;
    const edited = await api.patch(`/api/actions/${first.id}`, { version: first.version, title: 'Tofaktor for alle – start med e-post', dueDate: '2099-03-01', ownerUserId: s.people.admin.id });
    assert.equal(edited.statusCode, 200, edited.body);
    const again = json<GenerateResult>(await api.post('/api/actions/generate'));
    assert.equal(again.created, 0);
    const after = await list();
    assert.equal(after.items.length, 3);
    assert.equal(after.items.find((a) => a.id === first.id)!.title, 'Tofaktor for alle – start med e-post');
  });

  test('a done action whose gap remains gets a successor; a cancelled one is a decision and stays', async () => {
    const api = await s.api('editor');
    const plan = await list();
    const ai = plan.items.find((a) => a.measure?.urn === 'urn:samsvar:measure:ai-literacy')!;
    const backup = plan.items.find((a) => a.measure?.urn === 'urn:samsvar:measure:backup-protection')!;
    assert.equal((await api.patch(`/api/actions/${ai.id}`, { version: ai.version, status: 'cancelled' })).statusCode, 200);
    const done = json<{ action: ActionDto }>(await api.patch(`/api/actions/${backup.id}`, { version: backup.version, status: 'done' }));
    assert.ok(done.action.completedAt);
    const result = json<GenerateResult>(await api.post('/api/actions/generate'));
    assert.equal(result.created, 1);
    const after = await list();
    assert.equal(after.items.filter((a) => a.measure?.urn === 'urn:samsvar:measure:backup-protection').length, 2);
    assert.equal(after.items.filter((a) => a.measure?.urn === 'urn:samsvar:measure:ai-literacy').length, 1);
  });

  test('a stale change is refused with 409', async () => {
    const api = await s.api('editor');
    const first = (await list()).items[0]!;
    assert.equal((await api.patch(`/api/actions/${first.id}`, { version: first.version, status: 'in_progress' })).statusCode, 200);
    const stale = await api.patch(`/api/actions/${first.id}`, { version: first.version, status: 'done' });
    assert.equal(stale.statusCode, 409);
    assert.equal(json(stale).code, 'CONFLICT');
  });

  test('overdue actions are marked and can be filtered; list sorts by due date on request', async () => {
    const api = await s.api('editor');
    const created = await api.post('/api/actions', { title: 'Øvelse på tap av IKT', dueDate: '2020-01-15', effort: 'medium' });
    assert.equal(created.statusCode, 201, created.body);
    const overdue = await list('?overdue=true');
    assert.deepEqual(overdue.items.map((a) => a.title), ['Øvelse på tap av IKT']);
    assert.equal(overdue.items[0]!.sourceType, 'manual');
    assert.ok((await list()).overdue >= 1);
    const byDue = await list('?sort=due');
    assert.equal(byDue.items[0]!.title, 'Øvelse på tap av IKT');
  });

  test('other modules add actions with their own source through createAction', async () => {
    const sourceId = '11111111-1111-4111-8111-111111111111';
    const row = await withTenant(s.t.database.app, { organizationId: s.organizationId, userId: s.people.editor.id, requestId: 'test' }, (tx) =>
      createAction(tx, s.organizationId, { title: 'Innfør logging i journalsystemet', sourceType: 'dpia', sourceId, measureUrn: 'urn:samsvar:measure:backup-protection' }),
    );
    assert.equal(row.sourceType, 'dpia');
    assert.ok(row.priority > 0, 'priority comes from the measure');
    assert.equal(row.effort, 'medium');
    assert.ok((await list('?source=dpia')).items.some((a) => a.sourceId === sourceId));
  });
});

describe('who does what in the action plan', () => {
  test('a bidragsyter sees only their own actions, moves them along and writes notes, and nothing more', async () => {
    const editor = await s.api('editor');
    const target = (await list()).items.find((a) => a.status === 'open')!;
    const assigned = await editor.patch(`/api/actions/${target.id}`, { version: target.version, ownerUserId: s.people.contributor.id });
    assert.equal(assigned.statusCode, 200, assigned.body);

    const contributor = await s.api('contributor');
    const mine = json<ActionListResponse>(await contributor.get('/api/actions'));
    assert.deepEqual(mine.items.map((a) => a.id), [target.id]);
    assert.equal(mine.onlyAssigned, true);
    const version = mine.items[0]!.version;
    const retitle = await contributor.patch(`/api/actions/${target.id}`, { version, title: 'Noe annet' });
    assert.deepEqual([json(retitle).code, json(retitle).field], ['FIELD_NOT_ALLOWED', 'title']);
    const moved = await contributor.patch(`/api/actions/${target.id}`, { version, status: 'in_progress' });
    assert.equal(moved.statusCode, 200, moved.body);
    const note = await contributor.post(`/api/actions/${target.id}/notes`, { body: 'Har bestilt nøkler til alle ansatte.' });
    assert.equal(note.statusCode, 201);
    const detail = json<ActionDetailResponse>(await editor.get(`/api/actions/${target.id}`));
    assert.equal(detail.notes.at(-1)!.body, 'Har bestilt nøkler til alle ansatte.');
    assert.equal(detail.notes.at(-1)!.author?.id, s.people.contributor.id);

    const other = (await list()).items.find((a) => a.owner?.id !== s.people.contributor.id)!;
    assert.equal((await contributor.get(`/api/actions/${other.id}`)).statusCode, 404);
    assert.equal((await contributor.patch(`/api/actions/${other.id}`, { version: other.version, status: 'done' })).statusCode, 404);
    assert.equal((await contributor.post(`/api/actions/${other.id}/notes`, { body: 'x' })).statusCode, 404);
    assert.equal((await contributor.post('/api/actions/generate')).statusCode, 403);
  });

  test('a person who is both leser and bidragsyter reads everything but changes only their own', async () => {
    const both = await buildUser(s.t.database, { name: 'Leser og bidragsyter' });
    await addMembership(s.t.database, both.id, s.organizationId, ['leser', 'bidragsyter']);
    const api = as(s.t, await openSession(s.t, both.id, s.organizationId));
    const plan = json<ActionListResponse>(await api.get('/api/actions'));
    assert.ok(plan.items.length >= 4, 'the leser role sees the whole plan');
    const notTheirs = plan.items[0]!;
    const refused = await api.patch(`/api/actions/${notTheirs.id}`, { version: notTheirs.version, status: 'done' });
    assert.equal(json(refused).code, 'NOT_ASSIGNED');
    assert.equal(json(await api.post(`/api/actions/${notTheirs.id}/notes`, { body: 'x' })).code, 'NOT_ASSIGNED');
  });

  test('a leser reads the plan and cannot change it', async () => {
    const reader = await s.api('reader');
    const plan = json<ActionListResponse>(await reader.get('/api/actions'));
    assert.ok(plan.items.length >= 4);
    assert.equal(plan.policies.edit, false);
    assert.equal((await reader.patch(`/api/actions/${plan.items[0]!.id}`, { version: plan.items[0]!.version, status: 'done' })).statusCode, 403);
  });
});
