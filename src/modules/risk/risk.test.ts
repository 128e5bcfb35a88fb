import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { withOwner } from '../../db/tenant';
import { createTestApp, json, type TestApp } from '../../test/app';
import { actions } from '../assessment/schema';
import { processingEntries, processingEntrySystems, processingEntryValues } from '../processing/schema';
import { addDays, osloDay } from '../vendors/status';
import { buildSystem, municipalityWith, personIn } from '../vendors/test-support';
import { riskContent } from './content';
import type { AssessmentDetailResponse, CandidatesResponse } from './contract';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const today = osloDay(new Date());
/** Everything recorded and safe, except what a test changes. */
const safeSystem = {
  mfaUsers: 'yes',
  mfaAdmins: 'yes',
  backupOffline: true,
  lastRestoreTestOn: addDays(today, -30),
  endOfSupportOn: addDays(today, 900),
  personalDataCategories: ['vanlige'],
  criticality: 'other',
  hosting: 'own',
  hostingCountry: 'NO',
  monitoring: 'soc_24_7',
} as const;

const owner = <T>(work: Parameters<typeof withOwner<T>>[2]) => withOwner(t.database.owner, { organizationId: null, userId: null, requestId: 'risk-test' }, work);

async function actionsFor(assessmentId: string) {
  return owner((tx) => tx.select().from(actions).where(and(eq(actions.sourceType, 'risk'), eq(actions.sourceId, assessmentId))));
}

describe('candidate risks', () => {
  test('a system without MFA for users and without offline backup raises the matching threats and not the others', async () => {
    const { organization, api } = await municipalityWith(t, ['sikkerhetsleder']);
    const system = await buildSystem(t.database, organization.id, { ...safeSystem, name: 'Sak og arkiv', mfaUsers: 'no', backupOffline: false, personalDataCategories: [...safeSystem.personalDataCategories] });
    const created = await api.post('/api/risk/assessments', { subjectKind: 'system', systemId: system.id, title: 'ROS for sak og arkiv' });
    assert.equal(created.statusCode, 201, created.body);
    const { assessment } = json<AssessmentDetailResponse>(created);
    assert.equal(assessment.subjectName, 'Sak og arkiv');
    const { candidates, systems } = json<CandidatesResponse>(await api.get(`/api/risk/assessments/${assessment.id}/candidates`));
    assert.deepEqual(systems.map((s) => s.name), ['Sak og arkiv']);
    const raised = new Set(candidates.filter((c) => c.raised).map((c) => c.threatUrn.split(':').pop()));
    for (const id of ['svak-autentisering', 'phishing-kontoovertakelse', 'fakturasvindel', 'losepengevirus', 'tap-av-sikkerhetskopier']) assert.ok(raised.has(id), `${id} in ${[...raised]}`);
    for (const id of ['mislykket-gjenoppretting', 'leverandorsvikt', 'uoppdaget-inntrenging', 'overforing-utenfor-eos', 'programvare-uten-stotte']) assert.ok(!raised.has(id), id);
    const mfa = candidates.find((c) => c.threatUrn.endsWith(':svak-autentisering'))!;
    assert.deepEqual(mfa.reasons, [{ systemName: 'Sak og arkiv', text: 'Tofaktor er ikke på plass for alle brukere' }]);
    // Internet exposure is not recorded: a threat it alone would raise is listed as missing, not raised.
    const missing = candidates.filter((c) => !c.raised);
    assert.ok(missing.length > 0);
    assert.ok(missing.every((c) => c.reasons.length === 0 && c.missing.length > 0));
    assert.ok(missing.some((c) => c.missing.some((m) => m.fact === 'internet_exposed')));
  });

  test('a system with nothing recorded raises nothing but lists what is missing', async () => {
    const { organization, api } = await municipalityWith(t, ['bidragsyter']);
    const system = await buildSystem(t.database, organization.id, { name: 'Ukjent system' });
    const { assessment } = json<AssessmentDetailResponse>(await api.post('/api/risk/assessments', { subjectKind: 'system', systemId: system.id, title: 'ROS' }));
    const { candidates } = json<CandidatesResponse>(await api.get(`/api/risk/assessments/${assessment.id}/candidates`));
    assert.equal(candidates.filter((c) => c.raised).length, 0);
    const ransomware = candidates.find((c) => c.threatUrn.endsWith(':losepengevirus'))!;
    assert.ok(ransomware.missing.some((m) => m.fact === 'backup_offline' && m.title.length > 0));
  });

  test('a processing activity is assessed through the systems it uses; added and dismissed threats are not suggested again', async () => {
    const { organization, api } = await municipalityWith(t, ['personvernombud']);
    const journal = await buildSystem(t.database, organization.id, { ...safeSystem, name: 'Journal', personalDataCategories: ['helse'] });
    const booking = await buildSystem(t.database, organization.id, { ...safeSystem, name: 'Booking', personalDataCategories: [], mfaUsers: 'no' });
    const entryId = await owner(async (tx) => {
      await tx.execute(sql`select set_config('app.organization_id', ${organization.id}, true)`);
      const [entry] = await tx.insert(processingEntries).values({ organizationId: organization.id, kind: 'local' }).returning();
      await tx.insert(processingEntryValues).values({ organizationId: organization.id, entryId: entry!.id, field: 'name', value: 'Helsestasjon' });
      await tx.insert(processingEntrySystems).values([journal, booking].map((s) => ({ organizationId: organization.id, entryId: entry!.id, systemId: s.id })));
      return entry!.id;
    });
    const created = await api.post('/api/risk/assessments', { subjectKind: 'processing', processingEntryId: entryId, title: 'ROS for helsestasjonen' });
    assert.equal(created.statusCode, 201, created.body);
    const id = json<AssessmentDetailResponse>(created).assessment.id;
    assert.equal(json<AssessmentDetailResponse>(created).assessment.subjectName, 'Helsestasjon');
    const first = json<CandidatesResponse>(await api.get(`/api/risk/assessments/${id}/candidates`));
    assert.deepEqual(first.systems.map((s) => s.name), ['Booking', 'Journal']);
    const insider = first.candidates.find((c) => c.threatUrn.endsWith(':innsidemisbruk'))!;
    assert.deepEqual(insider.reasons.map((r) => r.systemName), ['Journal']);
    const mfa = first.candidates.find((c) => c.threatUrn.endsWith(':svak-autentisering'))!;
    assert.deepEqual(mfa.reasons.map((r) => r.systemName), ['Booking']);

    assert.equal((await api.post(`/api/risk/assessments/${id}/risks`, { threatUrn: insider.threatUrn })).statusCode, 201);
    const dismissed = await api.post(`/api/risk/assessments/${id}/dismissals`, { threatUrn: mfa.threatUrn, reason: 'Booking har bare offentlige opplysninger.' });
    assert.equal(dismissed.statusCode, 200, dismissed.body);
    assert.equal(json<AssessmentDetailResponse>(dismissed).dismissed[0]!.rejectionReason, 'Booking har bare offentlige opplysninger.');
    const again = await api.post(`/api/risk/assessments/${id}/risks`, { threatUrn: mfa.threatUrn });
    assert.equal(json(again).code, 'THREAT_ALREADY_ADDED');
    const noReason = await api.post(`/api/risk/assessments/${id}/dismissals`, { threatUrn: 'urn:samsvar:threat:fakturasvindel', reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(json(noReason).field, 'reason');
    const second = json<CandidatesResponse>(await api.get(`/api/risk/assessments/${id}/candidates`));
    assert.ok(!second.candidates.some((c) => c.threatUrn === insider.threatUrn || c.threatUrn === mfa.threatUrn));
    assert.equal(json((await api.post(`/api/risk/assessments/${id}/risks`, { threatUrn: 'urn:samsvar:threat:finnes-ikke' }))).code, 'UNKNOWN_THREAT');
  });
});

describe('a risk assessment from draft to accepted', () => {
  test('only the risk owner accepts; measures go to the action plan once; an accepted ROS is read-only until revised', async () => {
    const { organization, api: editor } = await municipalityWith(t, ['sikkerhetsleder']);
    const riskOwner = await personIn(t, organization.id, ['leser'], { name: 'Rita Risikoeier' });
    const system = await buildSystem(t.database, organization.id, { ...safeSystem, name: 'Lønn', backupOffline: false, personalDataCategories: ['vanlige'] });
    const stranger = await municipalityWith(t, ['administrator']);
    const badOwner = await editor.post('/api/risk/assessments', { subjectKind: 'system', systemId: system.id, title: 'ROS', riskOwnerUserId: stranger.user.id });
    assert.equal(json(badOwner).code, 'OWNER_NOT_MEMBER');
    assert.equal(json(await editor.post('/api/risk/assessments', { subjectKind: 'system', title: 'ROS' })).code, 'SUBJECT_REQUIRED');
    const otherSystem = await buildSystem(t.database, stranger.organization.id);
    assert.equal(json(await editor.post('/api/risk/assessments', { subjectKind: 'system', systemId: otherSystem.id, title: 'ROS' })).code, 'UNKNOWN_SYSTEM');

    const created = json<AssessmentDetailResponse>(
      await editor.post('/api/risk/assessments', { subjectKind: 'system', systemId: system.id, title: 'ROS for lønn', riskOwnerUserId: riskOwner.user.id, reviewDate: addDays(today, 365) }),
    );
    const id = created.assessment.id;
    assert.equal(created.canAccept, false, 'the editor is not the risk owner');
    let detail = json<AssessmentDetailResponse>(await editor.post(`/api/risk/assessments/${id}/risks`, { threatUrn: 'urn:samsvar:threat:tap-av-sikkerhetskopier' }));
    detail = json<AssessmentDetailResponse>(await editor.post(`/api/risk/assessments/${id}/risks`, { title: 'Lønn utbetales feil', description: 'Feil i satser.' }));
    const catalogueTitle = riskContent().catalogue.threats.find((th) => th.id === 'tap-av-sikkerhetskopier')!.title;
    assert.deepEqual(detail.risks.map((r) => [r.number, r.title]), [[1, catalogueTitle], [2, 'Lønn utbetales feil']]);
    const [backup, own] = detail.risks;
    const outOfScale = await editor.patch(`/api/risk/assessments/${id}/risks/${backup!.id}`, { likelihood: 6 });
    assert.equal(outOfScale.statusCode, 400);
    assert.equal(json(outOfScale).field, 'likelihood');
    detail = json<AssessmentDetailResponse>(
      await editor.patch(`/api/risk/assessments/${id}/risks/${backup!.id}`, { likelihood: 4, consequence: 4, existingMeasures: 'Daglig kopi', residualLikelihood: 2, residualConsequence: 4 }),
    );
    assert.equal(detail.risks[0]!.level, 'very_high');
    assert.equal(detail.risks[0]!.residualLevel, 'medium');
    detail = json<AssessmentDetailResponse>(await editor.post(`/api/risk/assessments/${id}/risks/${backup!.id}/measures`, { title: 'Uforanderlig sikkerhetskopi' }));
    detail = json<AssessmentDetailResponse>(await editor.post(`/api/risk/assessments/${id}/risks/${own!.id}/measures`, { title: 'Kontroll av satser' }));
    const unknownMeasure = await editor.post(`/api/risk/assessments/${id}/risks/${own!.id}/measures`, { title: 'X', measureUrn: 'urn:samsvar:measure:finnes-ikke' });
    assert.equal(json(unknownMeasure).code, 'UNKNOWN_MEASURE');
    const measure = detail.risks[0]!.measures[0]!;

    // «Legg i handlingsplanen», twice: one action.
    const toPlan = await editor.post(`/api/risk/assessments/${id}/measures/${measure.id}/action`, {});
    assert.equal(toPlan.statusCode, 200, toPlan.body);
    assert.equal(json<{ created: number }>(toPlan).created, 1);
    assert.equal(json<{ created: number }>(await editor.post(`/api/risk/assessments/${id}/measures/${measure.id}/action`, {})).created, 0);
    assert.equal((await actionsFor(id)).length, 1);

    // The reader who owns the risk cannot edit; the editor cannot accept.
    const readerEdit = await riskOwner.api.patch(`/api/risk/assessments/${id}/risks/${own!.id}`, { likelihood: 1 });
    assert.equal(readerEdit.statusCode, 403);
    assert.equal(json(readerEdit).code, 'FORBIDDEN');
    const editorAccept = await editor.post(`/api/risk/assessments/${id}/accept`, { note: 'Ok' });
    assert.equal(editorAccept.statusCode, 403);
    assert.equal(json(editorAccept).code, 'NOT_RISK_OWNER');
    const unscored = await riskOwner.api.post(`/api/risk/assessments/${id}/accept`, {});
    assert.equal(json(unscored).code, 'UNSCORED_RISKS');
    await editor.patch(`/api/risk/assessments/${id}/risks/${own!.id}`, { likelihood: 2, consequence: 3 });
    assert.equal(json<AssessmentDetailResponse>(await riskOwner.api.get(`/api/risk/assessments/${id}`)).canAccept, true);
    const accepted = await riskOwner.api.post(`/api/risk/assessments/${id}/accept`, { note: 'Restrisikoen er akseptabel.' });
    assert.equal(accepted.statusCode, 200, accepted.body);
    detail = json<AssessmentDetailResponse>(accepted);
    assert.equal(detail.assessment.status, 'accepted');
    assert.equal(detail.assessment.acceptedBy?.name, 'Rita Risikoeier');
    assert.equal(detail.versions.length, 1);
    const planned = await actionsFor(id);
    assert.equal(planned.length, 2, 'the other measure joined the plan; the first was not added twice');
    assert.ok(planned.every((a) => a.ownerUserId === riskOwner.user.id));
    assert.ok(detail.risks.every((r) => r.measures.every((m) => m.actionId)));

    // Read-only once accepted.
    for (const response of [
      await editor.patch(`/api/risk/assessments/${id}/risks/${own!.id}`, { likelihood: 1 }),
      await editor.post(`/api/risk/assessments/${id}/risks`, { title: 'Ny' }),
      await editor.patch(`/api/risk/assessments/${id}`, { title: 'Nytt navn', version: detail.assessment.version }),
      await editor.delete(`/api/risk/assessments/${id}/measures/${measure.id}`),
      await riskOwner.api.post(`/api/risk/assessments/${id}/accept`, {}),
    ]) {
      assert.equal(response.statusCode, 409, response.body);
      assert.equal(json(response).code, 'ASSESSMENT_ACCEPTED');
    }

    // A revision is a new draft; the accepted version is kept.
    const revised = json<AssessmentDetailResponse>(await editor.post(`/api/risk/assessments/${id}/revise`, {}));
    assert.equal(revised.assessment.status, 'draft');
    assert.equal(revised.assessment.revision, 2);
    assert.equal(revised.versions[0]!.revision, 1);
    const [snapshot] = await owner((tx) => tx.execute(sql`select snapshot from risk_assessment_versions where assessment_id = ${id}`)).then((r) => (r as unknown as { rows: { snapshot: AssessmentDetailResponse }[] }).rows);
    assert.equal(snapshot!.snapshot.assessment.status, 'accepted');
    assert.equal(snapshot!.snapshot.risks.length, 2);
    assert.equal(json(await editor.post(`/api/risk/assessments/${id}/revise`, {})).code, 'NOT_ACCEPTED');
    assert.equal(json(await editor.delete(`/api/risk/assessments/${id}`)).code, 'HAS_ACCEPTED_VERSIONS');
    await riskOwner.api.post(`/api/risk/assessments/${id}/accept`, {});
    assert.equal((await actionsFor(id)).length, 2, 'accepting again creates no new actions');

    // The PDF.
    const pdf = await editor.get(`/api/risk/assessments/${id}/pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.rawPayload.length > 5000);

    // The list.
    const list = json<{ items: { id: string; status: string; highest: string }[] }>(await riskOwner.api.get(`/api/risk/assessments?systemId=${system.id}`));
    assert.deepEqual(list.items.map((i) => [i.id, i.status, i.highest]), [[id, 'accepted', 'very_high']]);
  });

  test('another organisation reaches none of it', async () => {
    const a = await municipalityWith(t, ['administrator']);
    const b = await municipalityWith(t, ['administrator']);
    const created = json<AssessmentDetailResponse>(await a.api.post('/api/risk/assessments', { subjectKind: 'service', serviceName: 'Kommunens nettside', title: 'ROS for nettsiden' }));
    const id = created.assessment.id;
    const risk = json<AssessmentDetailResponse>(await a.api.post(`/api/risk/assessments/${id}/risks`, { title: 'Nettsiden er nede' })).risks[0]!;
    for (const response of [
      await b.api.get(`/api/risk/assessments/${id}`),
      await b.api.get(`/api/risk/assessments/${id}/candidates`),
      await b.api.get(`/api/risk/assessments/${id}/pdf`),
      await b.api.patch(`/api/risk/assessments/${id}/risks/${risk.id}`, { likelihood: 1 }),
      await b.api.post(`/api/risk/assessments/${id}/accept`, {}),
      await b.api.delete(`/api/risk/assessments/${id}`),
    ]) {
      assert.equal(response.statusCode, 404, response.body);
      assert.equal(json(response).code, 'ASSESSMENT_NOT_FOUND');
    }
    assert.deepEqual(json<{ items: unknown[] }>(await b.api.get('/api/risk/assessments')).items, []);
    // A service has no systems, so nothing to suggest from.
    assert.deepEqual(json<CandidatesResponse>(await a.api.get(`/api/risk/assessments/${id}/candidates`)).systems, []);
    assert.equal((await a.api.delete(`/api/risk/assessments/${id}`)).statusCode, 204);

    // Every write is in the audit trail, with who did it.
    const audited = await owner((tx) =>
      tx.execute(sql`select entity, action, actor_user_id from audit_events where organization_id = ${a.organization.id} and entity in ('risk_assessments', 'risk_assessment_risks') order by id`),
    ).then((r) => (r as unknown as { rows: { entity: string; action: string; actor_user_id: string }[] }).rows);
    assert.deepEqual(
      audited.map((e) => `${e.entity} ${e.action}`).sort(),
      ['risk_assessment_risks delete', 'risk_assessment_risks insert', 'risk_assessments delete', 'risk_assessments insert'],
    );
    assert.ok(audited.every((e) => e.actor_user_id === a.user.id));
  });
});
