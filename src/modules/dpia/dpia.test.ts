import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/sql';
import { withTenant } from '../../db/tenant';
import { createTestApp, json, type TestApp } from '../../test/app';
import { addMembership, as, buildOrganization, buildUser, nationalOrganization, openSession, type Session } from '../../test/factories';
import { buildSystem } from '../processing/test-support';
import type { DpiaDetailDto, ProposalDto, ScreeningDto } from './contract';
import { loadDpiaTemplates } from './content';
import { documentFromTemplate } from './document';
import { asOwner, buildEntry, publishForTest } from './test-support';
import { checkDocument, guardReadOnly } from './workflow-service';

/**
 * DPIA through the API: screening, a DPIA from a national template through the DPO and the leader's approval,
 * roles per step, read-only approved versions (API and database), actions on approval, template proposals,
 * documents and tenant isolation.
 */

let t: TestApp;
let orgId: string;
const s: Record<'admin' | 'dpo' | 'author' | 'reader' | 'security' | 'other' | 'national', Session> = {} as never;
let entryId: string;
let systemId: string;
let authorId: string;

before(async () => {
  t = await createTestApp();
  orgId = (await buildOrganization(t.database, { name: 'Dpia prøvekommune' })).id;
  const otherOrg = (await buildOrganization(t.database)).id;
  const member = async (org: string, role: Parameters<typeof addMembership>[3][number]) => {
    const user = await buildUser(t.database);
    await addMembership(t.database, user.id, org, [role]);
    return { id: user.id, session: await openSession(t, user.id, org) };
  };
  s.admin = (await member(orgId, 'administrator')).session;
  s.dpo = (await member(orgId, 'personvernombud')).session;
  const author = await member(orgId, 'bidragsyter');
  s.author = author.session;
  authorId = author.id;
  s.reader = (await member(orgId, 'leser')).session;
  s.security = (await member(orgId, 'sikkerhetsleder')).session;
  s.other = (await member(otherOrg, 'administrator')).session;
  s.national = (await member((await nationalOrganization(t.database)).id, 'fellesforvalter')).session;
  entryId = await buildEntry(t.database, orgId, 'Elektronisk pasientjournal');
  systemId = await buildSystem(t.database, orgId, 'Journalsystemet');
});
after(() => t.close());

const code = (r: { body: string }) => (JSON.parse(r.body) as { code?: string }).code;
const criteria = (met: number[]) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ criterion: n, met: met.includes(n), reason: met.includes(n) ? `Grunn ${n}` : '' }));
const detail = async (id: string, session = s.admin) => json<DpiaDetailDto>(await as(t, session).get(`/api/dpia/dpias/${id}`));

describe('screening', () => {
  test('the outcome follows the rule and is stored with the reasoning, versioned', async () => {
    const put = (body: object) => as(t, s.author).put(`/api/dpia/screenings/${entryId}`, body);
    let r = await put({ criteria: criteria([]), listHits: [] });
    assert.equal(r.statusCode, 200, r.body);
    let screening = json<{ screening: ScreeningDto }>(r).screening;
    assert.equal(screening.outcome, 'not_required');
    assert.match(screening.reasoning, /Ingen av de ni/);
    r = await put({ criteria: criteria([4]), listHits: [], version: screening.version });
    screening = json<{ screening: ScreeningDto }>(r).screening;
    assert.equal(screening.outcome, 'recommended');
    assert.equal(screening.version, 2);
    r = await put({ criteria: criteria([4]), listHits: ['lokalisering'], version: 2 });
    assert.equal(json<{ screening: ScreeningDto }>(r).screening.outcome, 'required', 'a list hit alone with one criterion requires a DPIA');
    r = await put({ criteria: criteria([1, 4, 5, 6, 7]), listHits: [], version: 3 });
    screening = json<{ screening: ScreeningDto }>(r).screening;
    assert.equal(screening.outcome, 'required');
    assert.match(screening.reasoning, /5 av 9/);
    assert.equal(code(await put({ criteria: criteria([4]), listHits: [], version: 1 })), 'CONFLICT');
    const missingReason = criteria([4]).map((c) => ({ ...c, reason: '' }));
    const bad = await put({ criteria: missingReason, listHits: [], version: 4 });
    assert.equal(code(bad), 'REASON_REQUIRED');
    assert.equal(JSON.parse(bad.body).field, 'criteria.3.reason');
    assert.equal(code(await put({ criteria: criteria([]), listHits: ['finnes-ikke'], version: 4 })), 'UNKNOWN_LIST_ITEM');
    assert.equal((await as(t, s.reader).put(`/api/dpia/screenings/${entryId}`, { criteria: criteria([]), listHits: [], version: 4 })).statusCode, 403);
    const got = json<{ screening: ScreeningDto }>(await as(t, s.reader).get(`/api/dpia/screenings/${entryId}`));
    assert.equal(got.screening.version, 4);
  });

  test('a national template suggests a screening to confirm', async () => {
    const r = json<{ suggestion: { criteria: { met: boolean }[]; listHits: string[] } }>(await as(t, s.author).get(`/api/dpia/screenings/${entryId}?fromTemplate=epj-helse-omsorg`));
    assert.equal(r.suggestion.criteria.filter((c) => c.met).length, 5);
    assert.deepEqual(r.suggestion.listHits, ['sensitive']);
  });
});

describe('a DPIA from a national template, through the DPO to approval', () => {
  let id: string;

  test('starting from the template prefills all but the local fields', async () => {
    const r = await as(t, s.author).post('/api/dpia/dpias', { entryId, templateSlug: 'epj-helse-omsorg', title: 'DPIA for EPJ' });
    assert.equal(r.statusCode, 201, r.body);
    const d = json<DpiaDetailDto>(r);
    id = d.dpia.id;
    assert.equal(d.dpia.status, 'draft');
    assert.equal(d.view.localFields.length, 10);
    assert.deepEqual(d.view.missing.sort(), ['context.data.number_of_data_subjects', 'context.overview.responsible_unit', 'context.overview.services', 'context.supporting_assets.system', 'validation.data_subjects_views', 'validation.measure_owner']);
    assert.equal(d.view.risks.length, 3);
    assert.equal(d.view.principles.length, 12);
    assert.equal(d.view.actionPlan.length, 5);
    assert.equal(d.view.priorConsultation, false);
    assert.deepEqual(d.view.mapBefore[1]![3], ['illegitimate_access'], 'severity 4, likelihood 3');
    assert.equal(code(await as(t, s.author).post(`/api/dpia/dpias/${id}/submit`, { version: 1 })), 'INCOMPLETE');
  });

  test('authors fill the local fields; every save is a version; values are checked', async () => {
    const patch = (session: Session, body: object) => as(t, session).patch(`/api/dpia/dpias/${id}`, body);
    assert.equal((await patch(s.reader, { version: 1, values: {} })).statusCode, 403);
    assert.equal(code(await patch(s.author, { version: 1, values: { 'context.overview.services': ['finnes-ikke'] } })), 'INVALID_VALUE');
    assert.equal(code(await patch(s.author, { version: 1, values: { 'context.supporting_assets.system': '00000000-0000-4000-8000-000000000000' } })), 'UNKNOWN_SYSTEM');
    assert.equal(code(await patch(s.author, { version: 1, values: { 'validation.dpo_opinion': 'Jeg godkjenner selv.' } })), 'UNKNOWN_FIELD');
    assert.equal(code(await patch(s.author, { version: 1, values: { 'context.overview.title': 'x' } })), 'UNKNOWN_FIELD');
    const r = await patch(s.author, {
      version: 1,
      values: {
        'context.overview.responsible_unit': 'Kommunalsjef helse og omsorg',
        'context.overview.services': ['hjemmetjeneste', 'sykehjem'],
        'context.data.number_of_data_subjects': 2400,
        'context.supporting_assets.system': systemId,
        'validation.measure_owner': authorId,
        'validation.data_subjects_views': 'Eldrerådet er hørt og støtter tiltakene.',
      },
      addedMeasures: [{ id: 'k01', title: 'Lokal rutine for utskrift', kind: 'organisational', status: 'planned', due_months: 2 }],
      changeNote: 'Lokale felt fylt ut.',
    });
    assert.equal(r.statusCode, 200, r.body);
    const d = json<DpiaDetailDto>(r);
    assert.equal(d.dpia.currentVersion, 2);
    assert.deepEqual(d.view.missing, []);
    assert.equal(d.history.length, 2);
    assert.equal(d.view.actionPlan.length, 6);
    assert.equal(code(await patch(s.security, { version: 1, values: {} })), 'CONFLICT');
  });

  test('only the DPO gives the opinion; remarks send it back to draft', async () => {
    const submitted = await as(t, s.security).post(`/api/dpia/dpias/${id}/submit`, { version: 2 });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(json<DpiaDetailDto>(submitted).dpia.status, 'in_review');
    assert.equal(code(await as(t, s.author).patch(`/api/dpia/dpias/${id}`, { version: 3, values: {} })), 'WRONG_STATUS');
    assert.equal((await as(t, s.admin).post(`/api/dpia/dpias/${id}/opinion`, { version: 3, decision: 'forward', opinion: 'OK' })).statusCode, 403);
    assert.equal(code(await as(t, s.dpo).post(`/api/dpia/dpias/${id}/opinion`, { version: 3, decision: 'return', opinion: ' ' })), 'REMARKS_REQUIRED');
    const back = json<DpiaDetailDto>(await as(t, s.dpo).post(`/api/dpia/dpias/${id}/opinion`, { version: 3, decision: 'return', opinion: 'Beskriv loggkontrollen bedre.' }));
    assert.equal(back.dpia.status, 'draft');
    assert.equal(back.shown.dpoRemarks, 'Beskriv loggkontrollen bedre.');
    await as(t, s.author).patch(`/api/dpia/dpias/${id}`, { version: 4, riskAdjustments: { illegitimate_access: { justification: 'Loggkontroll hver måned.' } } });
    await as(t, s.author).post(`/api/dpia/dpias/${id}/submit`, { version: 5 });
    const forwarded = json<DpiaDetailDto>(await as(t, s.dpo).post(`/api/dpia/dpias/${id}/opinion`, { version: 6, decision: 'forward', opinion: 'Restrisikoen kan godtas.' }));
    assert.equal(forwarded.dpia.status, 'awaiting_approval');
    assert.equal(forwarded.shown.dpoOpinion, 'Restrisikoen kan godtas.');
  });

  test('only the administrator approves; planned measures become actions once', async () => {
    assert.equal((await as(t, s.dpo).post(`/api/dpia/dpias/${id}/approve`, { version: 7, decision: 'approved' })).statusCode, 403);
    const r = await as(t, s.admin).post(`/api/dpia/dpias/${id}/approve`, { version: 7, decision: 'approved', note: 'Godkjent i ledermøtet.' });
    assert.equal(r.statusCode, 200, r.body);
    const d = json<DpiaDetailDto & { actionsCreated: number }>(r);
    assert.equal(d.dpia.status, 'approved');
    assert.equal(d.actionsCreated, 6);
    assert.equal(d.actions.length, 6);
    const rows = await asOwner(t.database, orgId, (tx) => queryRows<{ title: string; source_id: string; owner_user_id: string; due_date: string }>(tx, sql`select title, source_id, owner_user_id, due_date::text from actions where source_type = 'dpia'`));
    assert.equal(rows.length, 6);
    assert.ok(rows.every((a) => a.source_id === id && a.owner_user_id === authorId && a.due_date));
    assert.ok(rows.some((a) => a.title === 'Systematisk loggkontroll'));
    const [entry] = await asOwner(t.database, orgId, (tx) => queryRows<{ dpia_recorded: boolean; dpia_reference: string }>(tx, sql`select dpia_recorded, dpia_reference from processing_entries where id = ${entryId}`));
    assert.equal(entry!.dpia_recorded, true);
    assert.match(entry!.dpia_reference, /DPIA for EPJ.*versjon 3/);
  });

  test('an approved version is read-only in the API; a change starts a new draft, and re-approval adds no duplicates', async () => {
    assert.equal(code(await as(t, s.dpo).post(`/api/dpia/dpias/${id}/opinion`, { version: 8, decision: 'return', opinion: 'Endring.' })), 'VERSION_READ_ONLY');
    assert.equal(code(await as(t, s.author).post(`/api/dpia/dpias/${id}/submit`, { version: 8 })), 'VERSION_READ_ONLY');
    const changed = json<DpiaDetailDto>(await as(t, s.author).patch(`/api/dpia/dpias/${id}`, { version: 8, values: { 'context.data.number_of_data_subjects': 2600 } }));
    assert.equal(changed.dpia.status, 'draft');
    assert.equal(changed.dpia.currentVersion, 4);
    assert.equal(changed.dpia.approvedVersion, 3);
    const approved = await detail(id);
    assert.equal(approved.history.find((h) => h.number === 3)?.status, 'approved');
    const old = json<DpiaDetailDto>(await as(t, s.reader).get(`/api/dpia/dpias/${id}?version=3`));
    assert.equal(old.view.localFields.find((f) => f.path === 'context.data.number_of_data_subjects')?.value, 2400);
    await as(t, s.author).post(`/api/dpia/dpias/${id}/submit`, { version: 9 });
    await as(t, s.dpo).post(`/api/dpia/dpias/${id}/opinion`, { version: 10, decision: 'forward', opinion: 'Fortsatt godt.' });
    const again = json<{ actionsCreated: number }>(await as(t, s.admin).post(`/api/dpia/dpias/${id}/approve`, { version: 11, decision: 'approved' }));
    assert.equal(again.actionsCreated, 0);
  });

  test('the database refuses to change or delete an approved version, whoever asks', async () => {
    const tryIt = (statement: ReturnType<typeof sql>) =>
      asOwner(t.database, orgId, (tx) => tx.execute(statement)).then(
        () => 'changed',
        (e: Error & { cause?: Error }) => (e.cause ?? e).message,
      );
    assert.match(await tryIt(sql`update dpia_versions set change_note = 'endret' where dpia_id = ${id} and number = 3`), /approved and read-only/);
    assert.match(await tryIt(sql`delete from dpia_versions where dpia_id = ${id} and number = 3`), /approved and read-only/);
    assert.equal(await tryIt(sql`update dpia_versions set change_note = 'utkast kan endres' where dpia_id = ${id} and number = 1`), 'changed');
    // The application role in the organisation's own tenant transaction is refused the same way.
    const asApp = await withTenant(t.database.app, { organizationId: orgId, userId: null, requestId: 'dpia-test' }, (tx) =>
      tx.execute(sql`update dpia_versions set change_note = 'endret' where dpia_id = ${id} and number = 3`),
    ).then(
      () => 'changed',
      (e: Error & { cause?: Error }) => (e.cause ?? e).message,
    );
    assert.match(asApp, /approved and read-only/);
  });

  test('every write is in the audit trail', async () => {
    const rows = await asOwner(t.database, null, (tx) =>
      queryRows<{ entity: string; n: number }>(tx, sql`select entity, count(*)::int as n from audit_events where organization_id = ${orgId} and entity like 'dpia%' group by entity`),
    );
    const by = Object.fromEntries(rows.map((r) => [r.entity, r.n]));
    for (const table of ['dpias', 'dpia_versions', 'dpia_screenings', 'dpia_measure_actions']) assert.ok((by[table] ?? 0) > 0, `${table} is audited: ${JSON.stringify(by)}`);
  });

  test('PDF and Word documents with the risk map', async () => {
    const pdf = await as(t, s.reader).get(`/api/dpia/dpias/${id}/document.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const docx = await as(t, s.reader).get(`/api/dpia/dpias/${id}/document.docx`);
    assert.equal(docx.statusCode, 200);
    assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    assert.ok(xml.includes('DPIA for EPJ'));
    assert.ok(xml.includes('Risikokart'));
    assert.ok(xml.includes('illegitimate_access'));
    assert.ok(xml.includes('Godkjent'));
  });

  test('another organisation gets 404 for every DPIA route', async () => {
    for (const r of [
      await as(t, s.other).get(`/api/dpia/dpias/${id}`),
      await as(t, s.other).patch(`/api/dpia/dpias/${id}`, { version: 1, values: {} }),
      await as(t, s.other).get(`/api/dpia/dpias/${id}/document.pdf`),
      await as(t, s.other).get(`/api/dpia/screenings/${entryId}`),
    ]) {
      assert.equal(r.statusCode, 404, r.body);
    }
    const list = json<{ dpias: unknown[]; screenings: unknown[] }>(await as(t, s.other).get('/api/dpia'));
    assert.equal(list.dpias.length, 0);
    assert.equal(list.screenings.length, 0);
    assert.equal(code(await as(t, s.other).post('/api/dpia/dpias', { entryId, templateSlug: null, title: 'Lånt' })), 'ENTRY_NOT_FOUND');
  });
});

describe('fact checks, own risks and a DPIA from scratch', () => {
  test('facts from the system inventory raise the likelihood and show why', async () => {
    const start = json<DpiaDetailDto>(await as(t, s.author).post('/api/dpia/dpias', { entryId, templateSlug: 'epj-helse-omsorg', title: 'EPJ med fakta' }));
    const before = start.view.risks.find((r) => r.id === 'illegitimate_access')!;
    assert.equal(before.likelihood, 3);
    assert.ok(before.missingFacts.includes('mfa_users'), 'an unknown fact is shown as missing, not as a hit');
    await asOwner(t.database, orgId, (tx) => tx.execute(sql`update systems set mfa_users = 'no' where id = ${systemId}`));
    const saved = json<DpiaDetailDto>(await as(t, s.author).patch(`/api/dpia/dpias/${start.dpia.id}`, { version: 1, values: { 'context.supporting_assets.system': systemId } }));
    const after = saved.view.risks.find((r) => r.id === 'illegitimate_access')!;
    assert.equal(after.likelihood, 4);
    assert.ok(after.notes.some((n) => n.includes('tofaktor')));
    assert.deepEqual(saved.view.mapBefore[0]![3], ['illegitimate_access'], 'severity 4, likelihood 4');
  });

  test('own risks must point at measures that exist; an unknown common measure is refused', async () => {
    const start = json<DpiaDetailDto>(await as(t, s.author).post('/api/dpia/dpias', { entryId, templateSlug: 'laeringsplattform-grunnskole', title: 'Egne risikoer' }));
    const risk = { id: 'lokal_01', title: 'Feil mottaker', impacts: [], threats: [], sources: [], existing_measures: [], planned_measures: ['k09'], severity: { value: 4 }, likelihood: { value: 4 }, residual: { severity: 4, likelihood: 3 } };
    const path = `/api/dpia/dpias/${start.dpia.id}`;
    assert.equal(code(await as(t, s.author).patch(path, { version: 1, addedRisks: [risk] })), 'UNKNOWN_MEASURE');
    assert.equal(code(await as(t, s.author).patch(path, { version: 1, addedMeasures: [{ id: 'k09', title: 'X', kind: 'legal', status: 'planned', measure_urn: 'urn:samsvar:measure:finnes-ikke' }] })), 'UNKNOWN_MEASURE');
    const ok = json<DpiaDetailDto>(await as(t, s.author).patch(path, { version: 1, addedMeasures: [{ id: 'k09', title: 'Kontroll av mottaker', kind: 'organisational', status: 'planned' }], addedRisks: [risk] }));
    assert.equal(ok.view.priorConsultation, true, 'a red residual risk means prior consultation (art. 36)');
    assert.deepEqual(ok.added.risks.map((r) => r.id), ['lokal_01']);
    assert.ok(ok.view.actionPlan.some((a) => a.id === 'k09' && a.dueMonths === 12));
  });

  test('a DPIA from scratch asks for every text as a local field', async () => {
    const d = json<DpiaDetailDto>(await as(t, s.author).post('/api/dpia/dpias', { entryId, templateSlug: null, title: 'Uten mal' }));
    assert.equal(d.dpia.templateUrn, null);
    assert.ok(d.view.missing.length >= 12 + 6, `${d.view.missing.length} fields to fill`);
    assert.ok(d.view.missing.includes('principles.legal_basis'));
    assert.equal(code(await as(t, s.author).post(`/api/dpia/dpias/${d.dpia.id}/submit`, { version: 1 })), 'INCOMPLETE');
  });
});

describe('national templates and proposals', () => {
  test('publishing a new version gives every DPIA from the template a proposal; accepting keeps local values', async () => {
    const start = json<DpiaDetailDto>(await as(t, s.author).post('/api/dpia/dpias', { entryId, templateSlug: 'velferdsteknologi-hjemmetjeneste', title: 'Trygghetsalarm' }));
    await as(t, s.author).patch(`/api/dpia/dpias/${start.dpia.id}`, { version: 1, values: { 'context.overview.responsible_unit': 'Hjemmetjenesten' } });
    assert.equal((await as(t, s.admin).get('/api/dpia/national/templates')).statusCode, 403);
    const tpl = json<{ template: { version: number } }>(await as(t, s.national).get('/api/dpia/national/templates/velferdsteknologi-hjemmetjeneste')).template;
    assert.equal(code(await as(t, s.national).post('/api/dpia/national/templates/velferdsteknologi-hjemmetjeneste/versions', { baseVersion: tpl.version, summary: 'Nytt sammendrag.', principles: { purposes: 'Nytt formål.' }, changeNote: 'Tydeligere formål.' })), undefined);
    const proposals = json<{ proposals: ProposalDto[] }>(await as(t, s.author).get('/api/dpia/proposals')).proposals.filter((p) => p.dpiaId === start.dpia.id);
    assert.equal(proposals.length, 1);
    assert.ok(proposals[0]!.changed.includes('principles.purposes.value'));
    assert.equal((await as(t, s.reader).post(`/api/dpia/proposals/${proposals[0]!.id}/accept`)).statusCode, 403);
    assert.equal((await as(t, s.author).post(`/api/dpia/proposals/${proposals[0]!.id}/accept`)).statusCode, 200);
    const after = await detail(start.dpia.id);
    assert.equal(after.dpia.templateVersion, tpl.version + 1);
    assert.equal(after.view.principles.find((p) => p.key === 'purposes')?.value, 'Nytt formål.');
    assert.equal(after.view.localFields.find((f) => f.path === 'context.overview.responsible_unit')?.value, 'Hjemmetjenesten');
    assert.equal(code(await as(t, s.author).post(`/api/dpia/proposals/${proposals[0]!.id}/decline`, {})), 'PROPOSAL_DECIDED');
  });

  test('a proposal can be declined and the DPIA stays as it was', async () => {
    const start = json<DpiaDetailDto>(await as(t, s.author).post('/api/dpia/dpias', { entryId, templateSlug: 'laeringsplattform-grunnskole', title: 'Læringsplattform' }));
    // Two DPIAs in the organisation are based on this template (this one and «Egne risikoer»).
    assert.equal(await publishForTest(t.database, 'laeringsplattform-grunnskole', (c) => void (c.summary = 'Endret.')), 2);
    const proposal = json<{ proposals: ProposalDto[] }>(await as(t, s.author).get('/api/dpia/proposals')).proposals.find((p) => p.dpiaId === start.dpia.id && p.status === 'open')!;
    assert.equal((await as(t, s.author).post(`/api/dpia/proposals/${proposal.id}/decline`, { note: 'Tar det ved neste revisjon.' })).statusCode, 204);
    assert.equal((await detail(start.dpia.id)).dpia.templateVersion, 1);
  });
});

describe('completing the risks and measures of a draft', () => {
  const err = (r: { body: string }) => JSON.parse(r.body) as { code?: string; field?: string; message?: string; details?: Record<string, unknown> };
  const levels = (id: string, riskId: string, body: object, session = s.author) => as(t, session).put(`/api/dpia/dpias/${id}/risks/${riskId}/levels`, body);
  const risk = (id: string, title: string, planned: string[]) => ({
    id,
    title,
    impacts: ['Noen ser opplysningene.'],
    threats: [],
    sources: [],
    existing_measures: [],
    planned_measures: planned,
    severity: { value: 2 },
    likelihood: { value: 2 },
    residual: { severity: 2, likelihood: 1 },
  });
  const measure = (id: string, title: string) => ({ id, title, kind: 'organisational' as const, status: 'planned' as const, due_months: 3 });

  test("changing a template risk's levels writes a new version, keeps the old one and moves the risk on the maps", async () => {
    const start = json<DpiaDetailDto>(await as(t, s.author).post('/api/dpia/dpias', { entryId, templateSlug: 'epj-helse-omsorg', title: 'Nivåer' }));
    const id = start.dpia.id;
    assert.deepEqual(start.view.mapBefore[1]![3], ['illegitimate_access'], 'the template says severity 4, likelihood 3');
    const r = await levels(id, 'illegitimate_access', { version: 1, severity: 3, likelihood: 2, residualSeverity: 2, residualLikelihood: 1, justification: 'Få ansatte har tilgang.' });
    assert.equal(r.statusCode, 200, r.body);
    const d = json<DpiaDetailDto>(r);
    assert.equal(d.dpia.currentVersion, 2);
    assert.equal(d.dpia.status, 'draft');
    const changed = d.view.risks.find((x) => x.id === 'illegitimate_access')!;
    assert.deepEqual([changed.severity, changed.likelihood, changed.residualSeverity, changed.residualLikelihood], [3, 2, 2, 1]);
    assert.equal(changed.justification, 'Få ansatte har tilgang.');
    assert.ok(d.view.mapBefore[2]![2]!.includes('illegitimate_access'), 'before: likelihood 2 (row 3 from the top), severity 3');
    assert.ok(!d.view.mapBefore[1]![3]!.includes('illegitimate_access'));
    assert.ok(d.view.mapAfter[3]![1]!.includes('illegitimate_access'), 'after: likelihood 1, severity 2');
    assert.deepEqual(d.added.adjustments.illegitimate_access, { severity: 3, likelihood: 2, residualSeverity: 2, residualLikelihood: 1, justification: 'Få ansatte har tilgang.' });
    assert.equal(d.history.length, 2);
    assert.match(d.history[0]!.changeNote ?? '', /Nivåene for risikoen/);
    assert.ok(d.view.risks.some((x) => x.id === 'illegitimate_access' && !x.added), 'still the template risk');
    const old = json<DpiaDetailDto>(await as(t, s.reader).get(`/api/dpia/dpias/${id}?version=1`));
    const before = old.view.risks.find((x) => x.id === 'illegitimate_access')!;
    assert.deepEqual([before.severity, before.likelihood], [4, 3], 'version 1 is kept as it was');
    assert.deepEqual(old.added.adjustments, {});
    // Leaving out the justification keeps it; an empty one removes it.
    const kept = json<DpiaDetailDto>(await levels(id, 'illegitimate_access', { version: 2, severity: 3, likelihood: 3, residualSeverity: 2, residualLikelihood: 1 }));
    assert.equal(kept.view.risks.find((x) => x.id === 'illegitimate_access')!.justification, 'Få ansatte har tilgang.');
    const cleared = json<DpiaDetailDto>(await levels(id, 'illegitimate_access', { version: 3, severity: 3, likelihood: 3, residualSeverity: 2, residualLikelihood: 1, justification: '' }));
    assert.equal(cleared.added.adjustments.illegitimate_access?.justification, undefined);
  });

  test('bad levels, an unknown risk, a stale version and a reader are refused, and nothing changes', async () => {
    const start = json<DpiaDetailDto>(await as(t, s.author).post('/api/dpia/dpias', { entryId, templateSlug: 'epj-helse-omsorg', title: 'Feil nivåer' }));
    const id = start.dpia.id;
    const good = { version: 1, severity: 3, likelihood: 2, residualSeverity: 2, residualLikelihood: 1 };
    for (const [key, value] of [['severity', 5], ['likelihood', 0], ['residualSeverity', 2.5], ['residualLikelihood', '2']] as const) {
      const bad = err(await levels(id, 'illegitimate_access', { ...good, [key]: value }));
      assert.equal(bad.code, 'VALIDATION_FAILED', `${key} = ${value}`);
      assert.equal(bad.field, key);
    }
    assert.equal(err(await levels(id, 'illegitimate_access', { ...good, extra: 1 })).code, 'VALIDATION_FAILED');
    const unknown = await levels(id, 'finnes_ikke', good);
    assert.equal(unknown.statusCode, 404);
    assert.equal(err(unknown).code, 'UNKNOWN_RISK');
    assert.equal(err(await levels(id, 'illegitimate_access', { ...good, version: 2 })).code, 'CONFLICT');
    assert.equal((await levels(id, 'illegitimate_access', good, s.reader)).statusCode, 403);
    assert.equal((await levels(id, 'illegitimate_access', good, s.other)).statusCode, 404);
    assert.equal(code(await as(t, s.author).patch(`/api/dpia/dpias/${id}`, { version: 1, riskAdjustments: { illegitimate_access: { severity: 9 } } })), 'VALIDATION_FAILED');
    const after = await detail(id);
    assert.equal(after.dpia.currentVersion, 1);
    assert.equal(after.dpia.version, 1);
    assert.deepEqual(after.added.adjustments, {});
    // While the DPO has it, the levels cannot change.
    await as(t, s.author).patch(`/api/dpia/dpias/${id}`, {
      version: 1,
      values: {
        'context.overview.responsible_unit': 'Helse',
        'context.overview.services': ['sykehjem'],
        'context.data.number_of_data_subjects': 10,
        'context.supporting_assets.system': systemId,
        'validation.measure_owner': authorId,
        'validation.data_subjects_views': 'Hørt.',
      },
    });
    assert.equal((await as(t, s.author).post(`/api/dpia/dpias/${id}/submit`, { version: 2 })).statusCode, 200);
    assert.equal(code(await levels(id, 'illegitimate_access', { ...good, version: 3 })), 'WRONG_STATUS');
  });

  test('levels on the scales are checked for every save, also where the request schema does not reach', async () => {
    const template = loadDpiaTemplates().templates.find((x) => x.slug === 'epj-helse-omsorg')!;
    const doc = documentFromTemplate(template.content, 'Skala');
    const next = structuredClone(doc);
    next.addedRisks = [{ ...risk('lokal_01', 'Utenfor skalaen', []), residual: { severity: 7, likelihood: 1 } }];
    assert.throws(() => checkDocument(doc, next), (e: { code?: string; field?: string }) => e.code === 'LEVEL_NOT_ON_SCALE' && e.field === 'addedRisks.0.residual.severity');
    next.addedRisks = [];
    next.riskAdjustments = { illegitimate_access: { likelihood: 0 } };
    assert.throws(() => checkDocument(doc, next), (e: { code?: string; field?: string }) => e.code === 'LEVEL_NOT_ON_SCALE' && e.field === 'riskAdjustments.illegitimate_access.likelihood');
    next.riskAdjustments = { illegitimate_access: { likelihood: 4 } };
    assert.doesNotThrow(() => checkDocument(doc, next));
  });

  test("the municipality's own risks and measures can be edited and removed; the template's cannot be removed", async () => {
    const start = json<DpiaDetailDto>(await as(t, s.security).post('/api/dpia/dpias', { entryId, templateSlug: 'epj-helse-omsorg', title: 'Egne tillegg' }));
    const id = start.dpia.id;
    const path = `/api/dpia/dpias/${id}`;
    let d = json<DpiaDetailDto>(await as(t, s.security).patch(path, { version: 1, addedMeasures: [measure('k01', 'Rutine for utskrift'), measure('k02', 'Låsbart skap')], addedRisks: [risk('lokal_01', 'Utskrifter blir liggende', ['k01'])] }));
    assert.equal(d.dpia.currentVersion, 2);

    // Editing: every field of the risk and of the measure, sent back whole, as the page does.
    const edited = { ...risk('lokal_01', 'Utskrifter blir liggende på vaktrommet', ['k02']), threats: ['Døren står åpen.'], existing_measures: ['k01'], severity: { value: 3 } };
    const editedMeasure = { ...measure('k01', 'Rutine for utskrift og makulering'), kind: 'technical' as const, status: 'existing' as const, description: 'Skriveren holder utskriften til den ansatte er der.' };
    d = json<DpiaDetailDto>(await as(t, s.security).patch(path, { version: 2, addedRisks: [edited], addedMeasures: [editedMeasure, measure('k02', 'Låsbart skap')] }));
    assert.equal(d.dpia.currentVersion, 3);
    assert.deepEqual(d.added.risks[0], edited);
    assert.deepEqual(d.added.measures[0], { ...editedMeasure });
    const own = d.view.risks.find((x) => x.id === 'lokal_01')!;
    assert.equal(own.title, 'Utskrifter blir liggende på vaktrommet');
    assert.equal(own.severity, 3);
    assert.ok(own.added);
    assert.ok(!d.view.actionPlan.some((a) => a.id === 'k01'), 'k01 is now an existing measure, not planned');

    // Levels of an own risk change the risk itself (the edit form shows them).
    d = json<DpiaDetailDto>(await levels(id, 'lokal_01', { version: 3, severity: 4, likelihood: 3, residualSeverity: 4, residualLikelihood: 2 }, s.security));
    assert.deepEqual([d.added.risks[0]!.severity.value, d.added.risks[0]!.likelihood.value, d.added.risks[0]!.residual.severity, d.added.risks[0]!.residual.likelihood], [4, 3, 4, 2]);
    assert.equal(d.added.adjustments.lokal_01, undefined);
    assert.equal(d.dpia.currentVersion, 4);

    // A measure a risk uses cannot be removed, through either route; nothing changes.
    const inUse = await as(t, s.security).delete(`${path}/measures/k02?version=4`);
    assert.equal(inUse.statusCode, 409);
    assert.equal(err(inUse).code, 'MEASURE_IN_USE');
    assert.match(err(inUse).message!, /Låsbart skap.*Utskrifter blir liggende på vaktrommet/);
    assert.equal(code(await as(t, s.security).patch(path, { version: 4, addedMeasures: [editedMeasure] })), 'MEASURE_IN_USE');
    assert.equal((await detail(id)).dpia.currentVersion, 4);

    // The template's risks and measures stay; unknown ids are not found.
    const templateMeasure = d.view.measures.find((m) => !d.added.measures.some((a) => a.id === m.id))!;
    assert.equal(code(await as(t, s.security).delete(`${path}/risks/illegitimate_access?version=4`)), 'TEMPLATE_RISK');
    assert.equal(code(await as(t, s.security).delete(`${path}/measures/${templateMeasure.id}?version=4`)), 'TEMPLATE_MEASURE');
    assert.equal(code(await as(t, s.security).delete(`${path}/risks/lokal_99?version=4`)), 'UNKNOWN_RISK');
    assert.equal(code(await as(t, s.security).delete(`${path}/measures/k99?version=4`)), 'UNKNOWN_MEASURE');
    assert.equal(code(await as(t, s.security).patch(path, { version: 4, addedRisks: [{ ...risk('illegitimate_access', 'Erstattet', []) }] })), 'DUPLICATE_ID', 'a template risk cannot be replaced by an own one');
    assert.equal(code(await as(t, s.security).delete(`${path}/risks/lokal_01?version=3`)), 'CONFLICT');
    assert.equal((await as(t, s.reader).delete(`${path}/risks/lokal_01?version=4`)).statusCode, 403);
    assert.equal((await detail(id)).dpia.currentVersion, 4);

    // Removing the risk, then the measure it used: two new versions, the earlier ones kept.
    d = json<DpiaDetailDto>(await as(t, s.security).delete(`${path}/risks/lokal_01?version=4`));
    assert.equal(d.dpia.currentVersion, 5);
    assert.deepEqual(d.added.risks, []);
    assert.equal(d.view.risks.length, 3, 'the three template risks are all there');
    assert.match(d.history[0]!.changeNote ?? '', /Risikoen «Utskrifter blir liggende på vaktrommet» er fjernet/);
    const removed = await as(t, s.security).delete(`${path}/measures/k02?version=${d.dpia.version}`);
    assert.equal(removed.statusCode, 200, removed.body);
    d = json<DpiaDetailDto>(removed);
    assert.deepEqual(d.added.measures.map((m) => m.id), ['k01']);
    assert.ok(!d.view.actionPlan.some((a) => a.id === 'k02'));
    const v4 = json<DpiaDetailDto>(await as(t, s.reader).get(`${path}?version=4`));
    assert.deepEqual(v4.added.risks.map((r) => r.id), ['lokal_01']);
    assert.deepEqual(v4.added.measures.map((m) => m.id), ['k01', 'k02']);
  });

  test('on an approved DPIA a level change starts a new draft; the approved version stays read-only', async () => {
    const list = json<{ dpias: { id: string; title: string; status: string; version: number; approvedVersion: number | null }[] }>(await as(t, s.author).get('/api/dpia'));
    const approved = list.dpias.find((x) => x.title === 'DPIA for EPJ' && x.status === 'approved')!;
    assert.ok(approved, 'the DPIA approved above');
    const approvedNumber = approved.approvedVersion!;
    const before = json<DpiaDetailDto>(await as(t, s.reader).get(`/api/dpia/dpias/${approved.id}?version=${approvedNumber}`));
    const r = await levels(approved.id, 'disappearance', { version: approved.version, severity: 1, likelihood: 1, residualSeverity: 1, residualLikelihood: 1 });
    assert.equal(r.statusCode, 200, r.body);
    const d = json<DpiaDetailDto>(r);
    assert.equal(d.dpia.status, 'draft');
    assert.equal(d.dpia.currentVersion, approvedNumber + 1);
    assert.equal(d.dpia.approvedVersion, approvedNumber);
    const still = json<DpiaDetailDto>(await as(t, s.reader).get(`/api/dpia/dpias/${approved.id}?version=${approvedNumber}`));
    assert.equal(still.shown.status, 'approved');
    assert.deepEqual(still.view.risks, before.view.risks, 'the approved version has its old levels');
    // Writing the new levels into the approved row is refused by the database, mapped to VERSION_READ_ONLY.
    const refused = await withTenant(t.database.app, { organizationId: orgId, userId: null, requestId: 'dpia-test' }, (tx) =>
      guardReadOnly(tx.execute(sql`update dpia_versions set document = jsonb_set(document, '{riskAdjustments}', '{"disappearance": {"severity": 1}}') where dpia_id = ${approved.id} and number = ${approvedNumber}`)),
    ).then(
      () => 'changed',
      (e: { code?: string }) => e.code,
    );
    assert.equal(refused, 'VERSION_READ_ONLY');
  });
});
