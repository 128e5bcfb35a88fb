import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { withTenant } from '../../db/tenant';
import { queryRows } from '../../db/sql';
import { createTestApp, json, type TestApp } from '../../test/app';
import type { QuestionnaireDto } from './contract';
import { emailOutbox, notifications } from './notification-schema';
import { drainOutbox } from './outbox';
import { vendorQuestionnaireAnswers } from './questionnaire-schema';
import { buildSystem, buildVendor, municipalityWith, nationalTeam, vendorContact } from './test-support';

/**
 * The whole "vendors answer once" flow over HTTP: the national team sends the questionnaire, the vendor's
 * contact answers it in the portal, the national team reviews it, and every municipality using the vendor
 * sees the result and is notified once.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

/** Answers every question that applies, with a good answer where the questionnaire says what good is. */
function completeAnswers(questionnaire: QuestionnaireDto) {
  return questionnaire.nodes
    .flatMap((n) => n.questions)
    .filter((q) => q.type !== 'date')
    .map((q) => {
      if (q.urn.endsWith(':1.2:q1')) return { questionUrn: q.urn, values: ['yes'] };
      if (q.type === 'yes_no') return { questionUrn: q.urn, values: [q.compliant[0] ?? 'no'] };
      if (q.type === 'choice') return { questionUrn: q.urn, values: [q.compliant[0] ?? q.choices[0]!.value] };
      if (q.type === 'multiple_choice') return { questionUrn: q.urn, values: [q.choices[0]!.value] };
      return { questionUrn: q.urn, values: ['Skriftlig svar fra leverandøren.'] };
    });
}

describe('a vendor answers once, and every municipality using it sees the result', () => {
  test('send, answer, submit, review, notify once', async () => {
    const team = await nationalTeam(t);
    const { vendor, product } = await buildVendor(t.database);
    const users = await municipalityWith(t, ['sikkerhetsleder'], { email: `sikkerhet-${Date.now()}@a.example` });
    const other = await municipalityWith(t, ['administrator']);
    const bystander = await municipalityWith(t, ['administrator']);
    await buildSystem(t.database, users.organization.id, { name: 'Journal', vendorId: vendor.id, vendorProductId: product.id });
    await buildSystem(t.database, users.organization.id, { name: 'Journal 2', vendorId: vendor.id, vendorProductId: product.id });
    await buildSystem(t.database, other.organization.id, { name: 'Fagsystem', vendorId: vendor.id });

    const sent = await team.api.post(`/api/vendors/${vendor.id}/questionnaires`, { productId: product.id, dueOn: '2030-01-31', message: 'Årlig oppfølging' });
    assert.equal(sent.statusCode, 201, sent.body);
    const id = json<{ id: string }>(sent).id;

    const contact = await vendorContact(t, vendor.id);
    const list = json<{ items: { id: string; status: string }[] }>(await contact.api.get('/api/portal/questionnaires'));
    assert.deepEqual(list.items.map((i) => [i.id, i.status]), [[id, 'sent']]);
    const questionnaire = json<{ questionnaire: QuestionnaireDto }>(await contact.api.get(`/api/portal/questionnaires/${id}`)).questionnaire;
    assert.ok(questionnaire.nodes.length > 10);

    // Submitting too early names every missing question.
    const early = await contact.api.post(`/api/portal/questionnaires/${id}/submit`);
    assert.equal(early.statusCode, 400);
    const earlyBody = json<{ code: string; issues: { field: string; message: string }[] }>(early);
    assert.equal(earlyBody.code, 'QUESTIONNAIRE_INCOMPLETE');
    assert.ok(earlyBody.issues.length >= 20 && earlyBody.issues.every((i) => /^Spørsmål [\d.]+ mangler svar\.$/.test(i.message)), JSON.stringify(earlyBody.issues.slice(0, 3)));

    const answers = completeAnswers(questionnaire);
    const saved = await contact.api.put(`/api/portal/questionnaires/${id}/answers`, { answers });
    assert.equal(saved.statusCode, 200, saved.body);
    const first = json<{ answers: { questionUrn: string; version: number }[] }>(saved).answers[0]!;
    // A second contact saving over an answer they read before the first saved gets 409, not a silent overwrite.
    const stale = await contact.api.put(`/api/portal/questionnaires/${id}/answers`, { answers: [{ questionUrn: first.questionUrn, values: ['Annen tekst'], version: first.version - 1 || 99 }] });
    assert.equal(stale.statusCode, 409);
    assert.equal(json(stale).code, 'CONFLICT');

    const submitted = await contact.api.post(`/api/portal/questionnaires/${id}/submit`);
    assert.equal(submitted.statusCode, 200, submitted.body);
    const locked = await contact.api.put(`/api/portal/questionnaires/${id}/answers`, { answers: [answers[0]] });
    assert.equal(locked.statusCode, 409);
    assert.equal(json(locked).code, 'QUESTIONNAIRE_LOCKED');

    const awaiting = json<{ items: { id: string }[] }>(await team.api.get('/api/vendor-questionnaires/awaiting-review'));
    assert.ok(awaiting.items.some((i) => i.id === id));
    const forReview = json<{ questionnaire: QuestionnaireDto }>(await team.api.get(`/api/vendors/${vendor.id}/questionnaires/${id}`)).questionnaire;
    assert.equal(forReview.answers.length, answers.length);

    const reviewed = await team.api.post(`/api/vendors/${vendor.id}/questionnaires/${id}/review`, {
      conclusion: 'approved_with_findings',
      summary: 'Godkjent med ett funn.',
      nextReviewOn: '2031-01-01',
      findings: [{ title: 'Logg over administratortilgang mangler', severity: 'medium', productId: product.id }],
    });
    assert.equal(reviewed.statusCode, 200, reviewed.body);
    assert.equal(json<{ notified: number }>(reviewed).notified, 2, 'the two municipalities using the vendor, not the bystander');

    // The municipality sees the central status beside its system, and one notification.
    const systems = json<{ items: { name: string; followUp: { status: string; openFindings: number; conclusion: string } }[] }>(await users.api.get('/api/systems'));
    const journal = systems.items.find((s) => s.name === 'Journal')!;
    assert.equal(journal.followUp.status, 'findings_open');
    assert.equal(journal.followUp.conclusion, 'approved_with_findings');
    const inbox = json<{ unread: number; items: { id: string; title: string; link: string }[] }>(await users.api.get('/api/notifications'));
    assert.equal(inbox.unread, 1);
    assert.match(inbox.items[0]!.title, /Ny vurdering av .*: godkjent med funn/);
    assert.equal(inbox.items[0]!.link, `/leverandorer/${vendor.id}`);
    assert.equal(json<{ unread: number }>(await bystander.api.get('/api/notifications')).unread, 0);

    // One e-mail per municipality: the outbox has one row each, and the worker sends it to the right people.
    const outbox = await t.database.owner.select().from(emailOutbox).where(eq(emailOutbox.referenceId, (await queryRows<{ id: string }>(t.database.owner, sql`select id from vendor_changes where vendor_id = ${vendor.id} and kind = 'review_published'`))[0]!.id));
    assert.deepEqual(outbox.map((o) => o.organizationId).sort(), [users.organization.id, other.organization.id].sort());
    await drainOutbox({ db: t.database.owner, mailer: t.services.mailer, publicUrl: t.config.publicUrl, clock: () => new Date() });
    const mails = t.mail.filter((m) => m.to.includes(users.user.email));
    assert.equal(mails.length, 1);
    // (The test SMTP sink joins encoded header words with stray spaces, so compare without them.)
    assert.match(mails[0]!.subject.replace(/\s+/g, ''), /^Endringhosleverandør:Nyvurderingav/);
    assert.match(mails[0]!.text, new RegExp(`/leverandorer/${vendor.id}`));

    // Reading it clears the person's unread count, not the colleague's.
    assert.equal((await users.api.post(`/api/notifications/${inbox.items[0]!.id}/read`)).statusCode, 204);
    assert.equal(json<{ unread: number }>(await users.api.get('/api/notifications')).unread, 0);
  });

  test('a vendor sees only its own questionnaires; municipalities never see vendor answers', async () => {
    const team = await nationalTeam(t);
    const a = await buildVendor(t.database);
    const b = await buildVendor(t.database);
    const sent = json<{ id: string }>(await team.api.post(`/api/vendors/${a.vendor.id}/questionnaires`, {}));
    const contactA = await vendorContact(t, a.vendor.id);
    const contactB = await vendorContact(t, b.vendor.id);
    await contactA.api.put(`/api/portal/questionnaires/${sent.id}/answers`, { answers: [{ questionUrn: 'urn:samsvar:req:vendor-questionnaire:1.1:q1', values: ['Hemmelig svar'] }] });

    assert.equal((await contactB.api.get(`/api/portal/questionnaires/${sent.id}`)).statusCode, 404);
    assert.deepEqual(json<{ items: unknown[] }>(await contactB.api.get('/api/portal/questionnaires')).items, []);
    const write = await contactB.api.put(`/api/portal/questionnaires/${sent.id}/answers`, { answers: [{ questionUrn: 'urn:samsvar:req:vendor-questionnaire:1.1:q1', values: ['Overskrevet'] }] });
    assert.equal(write.statusCode, 404);
    assert.equal((await contactB.api.get('/api/vendors')).statusCode, 403, 'a vendor does not browse the registry');
    assert.equal((await contactB.api.get('/api/systems')).statusCode, 403);

    const municipality = await municipalityWith(t, ['administrator', 'personvernombud', 'sikkerhetsleder']);
    assert.equal((await municipality.api.get(`/api/portal/questionnaires/${sent.id}`)).statusCode, 403);
    assert.equal((await municipality.api.get(`/api/vendors/${a.vendor.id}/questionnaires/${sent.id}`)).statusCode, 403);
    const detail = await municipality.api.get(`/api/vendors/${a.vendor.id}`);
    assert.equal(detail.statusCode, 200);
    assert.ok(!detail.body.includes('Hemmelig svar'));
    assert.deepEqual(json<{ questionnaires: unknown[] }>(detail).questionnaires, []);
  });

  test('below the application, RLS shows vendor answers to the vendor and the national team only', async () => {
    const team = await nationalTeam(t);
    const { vendor } = await buildVendor(t.database);
    const sent = json<{ id: string }>(await team.api.post(`/api/vendors/${vendor.id}/questionnaires`, {}));
    const contact = await vendorContact(t, vendor.id);
    await contact.api.put(`/api/portal/questionnaires/${sent.id}/answers`, { answers: [{ questionUrn: 'urn:samsvar:req:vendor-questionnaire:1.2:q1', values: ['yes'] }] });
    const municipality = await municipalityWith(t);
    const otherVendor = await vendorContact(t, (await buildVendor(t.database)).vendor.id);
    const visibleTo = (organizationId: string | null, nationalWriter = false) =>
      withTenant(t.database.app, { organizationId, userId: null, requestId: 'rls-test', nationalWriter }, async (tx) =>
        (await tx.select().from(vendorQuestionnaireAnswers).where(eq(vendorQuestionnaireAnswers.questionnaireId, sent.id))).length,
      );
    assert.equal(await visibleTo(contact.organizationId), 1);
    assert.equal(await visibleTo(municipality.organization.id), 0);
    assert.equal(await visibleTo(otherVendor.organizationId), 0);
    assert.equal(await visibleTo(null), 0);
    assert.equal(await visibleTo(null, true), 1);
    // The national team reads answers but cannot write them.
    await assert.rejects(
      withTenant(t.database.app, { organizationId: null, userId: null, requestId: 'rls-test', nationalWriter: true }, (tx) =>
        tx.update(vendorQuestionnaireAnswers).set({ values: ['no'] }).where(eq(vendorQuestionnaireAnswers.questionnaireId, sent.id)).returning(),
      ).then((rows) => {
        if (!rows.length) throw new Error('no rows updated');
      }),
    );
  });

  test('the national team invites a vendor contact into the vendor organisation', async () => {
    const team = await nationalTeam(t);
    const { vendor } = await buildVendor(t.database);
    const email = `kontakt-${Date.now()}@leverandor.example`;
    const invited = await team.api.post(`/api/vendors/${vendor.id}/contacts`, { email });
    assert.equal(invited.statusCode, 201, invited.body);
    assert.equal(json<{ invitation: { role: string } }>(invited).invitation.role, 'leverandor');
    const mail = t.mail.find((m) => m.to.includes(email));
    assert.ok(mail && /invitasjon#token=/.test(mail.text), 'the contact gets an invitation link');
    const organization = await queryRows<{ kind: string; name: string }>(t.database.owner, sql`select o.kind, o.name from vendors v join organizations o on o.id = v.vendor_organization_id where v.id = ${vendor.id}`);
    assert.deepEqual(organization, [{ kind: 'vendor', name: vendor.name }]);
  });

  test('notifications are created once per change and organisation', async () => {
    const team = await nationalTeam(t);
    const { vendor } = await buildVendor(t.database);
    const municipality = await municipalityWith(t);
    await buildSystem(t.database, municipality.organization.id, { vendorId: vendor.id });
    const notice = { kind: 'dpa_changed', title: 'Ny versjon av databehandleravtalen', summary: 'Versjon 3.' };
    const first = await team.api.post(`/api/vendors/${vendor.id}/notices`, notice);
    const again = await team.api.post(`/api/vendors/${vendor.id}/notices`, notice);
    assert.equal(json<{ notified: number }>(first).notified, 1);
    assert.equal(json<{ notified: number }>(again).notified, 0);
    assert.equal(json<{ changeId: string }>(first).changeId, json<{ changeId: string }>(again).changeId);
    const rows = await t.database.owner.select().from(notifications).where(eq(notifications.organizationId, municipality.organization.id));
    assert.equal(rows.length, 1);
    const queued = await t.database.owner.select().from(emailOutbox).where(eq(emailOutbox.organizationId, municipality.organization.id));
    assert.equal(queued.length, 1);
  });
});
