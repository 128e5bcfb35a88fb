import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { queryRows } from '../../db/sql';
import { withTenant } from '../../db/tenant';
import { createTestApp, json, type TestApp } from '../../test/app';
import {
  addMembership,
  as,
  buildOrganization,
  buildUser,
  cookieFrom,
  nationalOrganization,
  openSession,
  signIn,
  type Session,
  type TestUser,
} from '../../test/factories';
import type { MeDto } from '../auth/contract';
import type { MemberDto, InvitationDto } from './contract';
import { INVITATION_DAYS } from './service';
import type { Role } from './roles';

let t: TestApp;
/** Municipalities this file adds to the registry (the registry counts below allow for them). */
const builtMunicipalities: string[] = [];

before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function newMunicipality() {
  const organization = await buildOrganization(t.database);
  builtMunicipalities.push(organization.id);
  return organization;
}

async function newMember(organizationId: string, roles: Role[], overrides: Parameters<typeof buildUser>[1] = {}): Promise<TestUser> {
  const user = await buildUser(t.database, overrides);
  await addMembership(t.database, user.id, organizationId, roles);
  return user;
}

/** An organisation with a signed-in administrator. */
async function organizationWithAdmin() {
  const organization = await newMunicipality();
  const admin = await newMember(organization.id, ['administrator']);
  const session = await signIn(t, admin);
  return { organization, admin, session };
}

const newEmail = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@example.no`;

const invite = (session: Session, email: string, role: Role) => as(t, session).post('/api/invitations', { email, role });

/** The token in the newest invitation e-mail to this address, as the invitee would follow it. */
function tokenFromMail(email: string): string {
  const mail = t.mail.filter((m) => m.to.includes(email)).at(-1);
  assert.ok(mail, `no e-mail to ${email}`);
  const match = /\/invitasjon#token=([A-Za-z0-9_-]+)/.exec(mail.text);
  assert.ok(match, `no invitation link in: ${mail.text}`);
  return match[1]!;
}

const mailsTo = (email: string) => t.mail.filter((m) => m.to.includes(email)).length;

const lookup = (token: string) => t.app.inject({ method: 'POST', url: '/api/invitations/lookup', payload: { token } });
const accept = (token: string, password = 'et godt langt passord 42', name = 'Ny Person') =>
  t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, name, password } });

function assertError(response: LightMyRequestResponse, status: number, code: string, field?: string): void {
  assert.equal(response.statusCode, status, response.body);
  const body = json<{ code: string; message: string; field?: string }>(response);
  assert.equal(body.code, code);
  assert.ok(body.message.length > 0);
  if (field !== undefined) assert.equal(body.field, field);
}

/** First login of a new account: set up TOTP with the app's secret and finish with a code. */
async function enrol(pending: Session): Promise<Session> {
  const start = await as(t, pending).get('/api/auth/mfa/enrolment');
  assert.equal(start.statusCode, 200, start.body);
  const { secret } = json<{ secret: string }>(start);
  const done = await as(t, pending).post('/api/auth/mfa/enrolment', { code: authenticator.generate(secret) });
  assert.equal(done.statusCode, 200, done.body);
  return { cookie: cookieFrom(done)!, csrf: json<{ csrfToken: string }>(done).csrfToken };
}

async function me(session: Session): Promise<MeDto> {
  const response = await as(t, session).get('/api/me');
  assert.equal(response.statusCode, 200, response.body);
  return json<MeDto>(response);
}

async function members(session: Session) {
  const response = await as(t, session).get('/api/members');
  assert.equal(response.statusCode, 200, response.body);
  return json<{ members: MemberDto[]; invitations: InvitationDto[] }>(response);
}

describe('invitation by e-mail', () => {
  test('an administrator invites; the invitee looks it up, creates an account, enrols TOTP and becomes a member', async () => {
    const { organization, session } = await organizationWithAdmin();
    const email = newEmail('invitert');

    const sent = await invite(session, email, 'leser');
    assert.equal(sent.statusCode, 201, sent.body);
    const created = json<{ invitation: InvitationDto; emailSent: boolean }>(sent);
    assert.equal(created.emailSent, true);
    assert.equal(created.invitation.email, email);
    assert.equal(created.invitation.role, 'leser');
    assert.equal(created.invitation.expired, false);
    const mail = t.mail.filter((m) => m.to.includes(email)).at(-1)!;
    assert.match(mail.subject, new RegExp(organization.name));
    assert.match(mail.text, /http:\/\/localhost:3000\/invitasjon#token=/);
    const token = tokenFromMail(email);
    // Only the hash of the token is stored; the pending invitation is listed for the administrator.
    assert.ok(!JSON.stringify(created).includes(token));
    assert.ok((await members(session)).invitations.some((i) => i.email === email && i.role === 'leser'));

    const shown = await lookup(token);
    assert.equal(shown.statusCode, 200, shown.body);
    const details = json<{ organizationName: string; email: string; role: string; accountExists: boolean; expiresAt: string }>(shown);
    assert.equal(details.organizationName, organization.name);
    assert.equal(details.email, email);
    assert.equal(details.role, 'leser');
    assert.equal(details.accountExists, false);

    assertError(await accept(token, 'kort'), 400, 'VALIDATION_FAILED', 'password');
    assertError(await accept(token, 'aaaaaaaaaaaaaaaa'), 400, 'PASSWORD_WEAK', 'password');
    assertError(await accept(token, `${email.split('@')[0]}-passord`), 400, 'PASSWORD_WEAK', 'password');

    const accepted = await accept(token, 'et godt langt passord 42', 'Nina Ny');
    assert.equal(accepted.statusCode, 201, accepted.body);
    assert.equal(json(accepted).state, 'mfa_enrolment');
    const pending = { cookie: cookieFrom(accepted)!, csrf: json<{ csrfToken: string }>(accepted).csrfToken };
    assert.ok(pending.cookie);

    // Without TOTP the new account reaches nothing.
    assertError(await as(t, pending).get('/api/me'), 401, 'MFA_REQUIRED');
    assertError(await as(t, pending).get('/api/members'), 401, 'MFA_REQUIRED');
    const status = await as(t, pending).get('/api/auth/status');
    assert.equal(json(status).state, 'mfa_enrolment');

    const active = await enrol(pending);
    const profile = await me(active);
    assert.equal(profile.user.email, email);
    assert.equal(profile.user.name, 'Nina Ny');
    assert.equal(profile.organization?.id, organization.id);
    assert.deepEqual(profile.roles, ['leser']);

    const list = await members(session);
    const newcomer = list.members.find((m) => m.email === email);
    assert.ok(newcomer, 'the new person is listed as a member');
    assert.deepEqual(newcomer.roles, ['leser']);
    assert.equal(newcomer.mfaEnrolled, true);
    assert.ok(!list.invitations.some((i) => i.email === email), 'the used invitation is no longer pending');

    // The account works for a normal login afterwards.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'et godt langt passord 42' } });
    assert.equal(login.statusCode, 200);
    assert.equal(json(login).state, 'mfa_required');
  });

  test('a used invitation cannot be used again', async () => {
    const { session } = await organizationWithAdmin();
    const email = newEmail('brukt');
    await invite(session, email, 'bidragsyter');
    const token = tokenFromMail(email);
    assert.equal((await accept(token)).statusCode, 201);
    assertError(await lookup(token), 404, 'INVITATION_INVALID', 'token');
    assertError(await accept(token), 404, 'INVITATION_INVALID', 'token');
  });

  test('a revoked invitation is invalid', async () => {
    const { session } = await organizationWithAdmin();
    const email = newEmail('trukket');
    const sent = await invite(session, email, 'leser');
    const { id } = json<{ invitation: InvitationDto }>(sent).invitation;
    const token = tokenFromMail(email);
    assert.equal((await as(t, session).delete(`/api/invitations/${id}`)).statusCode, 204);
    assertError(await lookup(token), 404, 'INVITATION_INVALID', 'token');
    assertError(await accept(token), 404, 'INVITATION_INVALID', 'token');
    assert.ok(!(await members(session)).invitations.some((i) => i.id === id));
    // Revoking twice finds nothing to revoke.
    assertError(await as(t, session).delete(`/api/invitations/${id}`), 404, 'NOT_FOUND');
  });

  test('an unknown token is invalid', async () => {
    assertError(await lookup('x'.repeat(43)), 404, 'INVITATION_INVALID', 'token');
  });

  test('inviting the same address to the same role again replaces the old invitation', async () => {
    const { session } = await organizationWithAdmin();
    const email = newEmail('igjen');
    assert.equal((await invite(session, email, 'leser')).statusCode, 201);
    const first = tokenFromMail(email);
    assert.equal((await invite(session, email, 'leser')).statusCode, 201);
    const second = tokenFromMail(email);
    assert.notEqual(first, second);
    assert.equal(mailsTo(email), 2);

    assertError(await lookup(first), 404, 'INVITATION_INVALID');
    assert.equal((await lookup(second)).statusCode, 200);
    const pending = (await members(session)).invitations.filter((i) => i.email === email);
    assert.equal(pending.length, 1);

    // A different role is a different invitation and does not replace it.
    assert.equal((await invite(session, email, 'bidragsyter')).statusCode, 201);
    assert.equal((await lookup(second)).statusCode, 200);
    assert.equal((await members(session)).invitations.filter((i) => i.email === email).length, 2);
  });

  test('an invitation to someone who already has the role is refused', async () => {
    const { organization, session } = await organizationWithAdmin();
    const existing = await newMember(organization.id, ['leser']);
    assertError(await invite(session, existing.email, 'leser'), 409, 'ALREADY_MEMBER', 'email');
  });

  test('an expired invitation gives 410 INVITATION_EXPIRED', async () => {
    const { session } = await organizationWithAdmin();
    const email = newEmail('utlopt');
    await invite(session, email, 'leser');
    const token = tokenFromMail(email);
    t.advanceClock((INVITATION_DAYS + 1) * 86_400_000);
    assertError(await lookup(token), 410, 'INVITATION_EXPIRED', 'token');
    assertError(await accept(token), 410, 'INVITATION_EXPIRED', 'token');
    const listed = (await members(session)).invitations.find((i) => i.email === email);
    assert.equal(listed?.expired, true);
    // A new invitation (sent after the clock moved) works.
    await invite(session, email, 'leser');
    assert.equal((await lookup(tokenFromMail(email))).statusCode, 200);
  });
});

describe('accepting with an existing account', () => {
  test('the invited person, signed in, joins the organisation; someone else cannot use the link', async () => {
    const { organization, session: adminSession } = await organizationWithAdmin();
    const home = await newMunicipality();
    const person = await newMember(home.id, ['leser']);
    const personSession = await signIn(t, person);
    const other = await newMember(home.id, ['administrator']);
    const otherSession = await signIn(t, other);

    await invite(adminSession, person.email, 'bidragsyter');
    const token = tokenFromMail(person.email);
    assert.equal(json(await lookup(token)).accountExists, true);
    // A second account for the same address cannot be made with the link.
    assertError(await accept(token), 409, 'ACCOUNT_EXISTS', 'token');

    assertError(await as(t, otherSession).post('/api/invitations/accept-existing', { token }), 403, 'INVITATION_OTHER_EMAIL', 'token');
    assert.ok(!(await me(otherSession)).memberships.some((m) => m.organizationId === organization.id));

    const accepted = await as(t, personSession).post('/api/invitations/accept-existing', { token });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(json(accepted).organizationId, organization.id);
    const profile = await me(personSession);
    assert.deepEqual(profile.memberships.find((m) => m.organizationId === organization.id)?.roles, ['bidragsyter']);
    // The session stays in the organisation it was in.
    assert.equal(profile.organization?.id, home.id);
    assertError(await as(t, personSession).post('/api/invitations/accept-existing', { token }), 404, 'INVITATION_INVALID');
  });
});

describe('roles and access', () => {
  test('an administrator changes roles; removing the last administrator is refused', async () => {
    const { organization, admin, session } = await organizationWithAdmin();
    const person = await newMember(organization.id, ['leser']);

    assert.equal((await as(t, session).put(`/api/members/${person.id}/roles`, { roles: ['bidragsyter', 'leser'] })).statusCode, 204);
    assert.deepEqual((await members(session)).members.find((m) => m.userId === person.id)?.roles, ['bidragsyter', 'leser']);
    assert.equal((await as(t, session).put(`/api/members/${person.id}/roles`, { roles: ['sikkerhetsleder'] })).statusCode, 204);
    assert.deepEqual((await members(session)).members.find((m) => m.userId === person.id)?.roles, ['sikkerhetsleder']);

    assertError(await as(t, session).put(`/api/members/${admin.id}/roles`, { roles: ['leser'] }), 409, 'LAST_ADMINISTRATOR', 'roles');
    assertError(await as(t, session).delete(`/api/members/${admin.id}`), 409, 'LAST_ADMINISTRATOR');
    assert.deepEqual((await members(session)).members.find((m) => m.userId === admin.id)?.roles, ['administrator']);

    // With a second administrator, the first may step down.
    assert.equal((await as(t, session).put(`/api/members/${person.id}/roles`, { roles: ['administrator'] })).statusCode, 204);
    assert.equal((await as(t, session).put(`/api/members/${admin.id}/roles`, { roles: ['personvernombud'] })).statusCode, 204);
    assert.deepEqual((await members(session)).members.find((m) => m.userId === admin.id)?.roles, ['personvernombud']);

    assertError(await as(t, session).put(`/api/members/${person.id}/roles`, { roles: [] }), 400, 'VALIDATION_FAILED', 'roles');
  });

  test('a person who is not a member cannot be given roles', async () => {
    const { session } = await organizationWithAdmin();
    const stranger = await buildUser(t.database);
    assertError(await as(t, session).put(`/api/members/${stranger.id}/roles`, { roles: ['leser'] }), 404, 'NOT_FOUND');
  });

  test('removing a member ends their access to the organisation at once', async () => {
    const { organization, session } = await organizationWithAdmin();
    const person = await newMember(organization.id, ['leser', 'bidragsyter']);
    const personSession = await signIn(t, person);
    assert.deepEqual((await me(personSession)).roles, ['bidragsyter', 'leser']);
    assert.equal((await as(t, personSession).get('/api/members')).statusCode, 200);

    assert.equal((await as(t, session).delete(`/api/members/${person.id}`)).statusCode, 204);
    assert.ok(!(await members(session)).members.some((m) => m.userId === person.id));

    const after = await me(personSession);
    assert.deepEqual(after.roles, []);
    assert.equal(after.organization, null);
    assert.ok(!after.memberships.some((m) => m.organizationId === organization.id));
    assertError(await as(t, personSession).get('/api/members'), 403, 'NO_ORGANIZATION');
    assertError(await as(t, personSession).get('/api/organization'), 403, 'NO_ORGANIZATION');
    // Nor can they switch back in.
    assertError(await as(t, personSession).post('/api/session/organization', { organizationId: organization.id }), 403, 'NOT_A_MEMBER', 'organizationId');
    assertError(await as(t, session).delete(`/api/members/${person.id}`), 404, 'NOT_FOUND');
  });

  test('a non-administrator cannot manage members', async () => {
    const { organization } = await organizationWithAdmin();
    const reader = await newMember(organization.id, ['leser', 'personvernombud']);
    const session = await openSession(t, reader.id, organization.id);
    assertError(await invite(session, newEmail('nei'), 'leser'), 403, 'FORBIDDEN');
    assertError(await as(t, session).put(`/api/members/${reader.id}/roles`, { roles: ['administrator'] }), 403, 'FORBIDDEN');
    // Members may see who has access, but not the pending invitations.
    const list = await members(session);
    assert.ok(list.members.some((m) => m.userId === reader.id));
    assert.deepEqual(list.invitations, []);
  });

  test('roles that do not exist for the kind of organisation are refused', async () => {
    const { organization, session } = await organizationWithAdmin();
    const person = await newMember(organization.id, ['leser']);
    assertError(await invite(session, newEmail('feil-rolle'), 'fellesforvalter'), 400, 'ROLE_NOT_ALLOWED', 'role');
    assertError(await invite(session, newEmail('feil-rolle'), 'analytiker'), 400, 'ROLE_NOT_ALLOWED', 'role');
    assertError(await as(t, session).put(`/api/members/${person.id}/roles`, { roles: ['leser', 'fellesforvalter'] }), 400, 'ROLE_NOT_ALLOWED', 'roles.1');
    assert.deepEqual((await members(session)).members.find((m) => m.userId === person.id)?.roles, ['leser']);
    assertError(await invite(session, newEmail('ukjent'), 'sjef' as Role), 400, 'VALIDATION_FAILED', 'role');
  });
});

describe('several organisations', () => {
  test('a person switches between their organisations and /api/me follows', async () => {
    const first = await newMunicipality();
    const second = await newMunicipality();
    const outside = await newMunicipality();
    const person = await newMember(first.id, ['administrator']);
    await addMembership(t.database, person.id, second.id, ['personvernombud']);
    const session = await signIn(t, person);

    const start = await me(session);
    assert.equal(start.organization?.id, first.id);
    assert.deepEqual(start.roles, ['administrator']);
    assert.deepEqual(start.memberships.map((m) => m.organizationId).sort(), [first.id, second.id].sort());

    assert.equal((await as(t, session).post('/api/session/organization', { organizationId: second.id })).statusCode, 204);
    const switched = await me(session);
    assert.equal(switched.organization?.id, second.id);
    assert.deepEqual(switched.roles, ['personvernombud']);
    assert.equal(switched.policies.users?.manageMembers, false);
    assertError(await invite(session, newEmail('x'), 'leser'), 403, 'FORBIDDEN');
    assert.ok((await members(session)).members.every((m) => m.userId !== person.id || m.roles.includes('personvernombud')));

    assertError(await as(t, session).post('/api/session/organization', { organizationId: outside.id }), 403, 'NOT_A_MEMBER', 'organizationId');
    assert.equal((await me(session)).organization?.id, second.id);

    // The choice is remembered for the next login (a minute later, so the TOTP code is a fresh one).
    t.advanceClock(60_000);
    const again = await signIn(t, person);
    assert.equal((await me(again)).organization?.id, second.id);
  });
});

describe('national onboarding and the registry', () => {
  test('a national fellesforvalter invites a municipality’s first administrator, who can then run it', async () => {
    const national = await nationalOrganization(t.database);
    const steward = await newMember(national.id, ['fellesforvalter']);
    const session = await signIn(t, steward);
    const municipality = await newMunicipality();
    const email = newEmail('forste-admin');

    const sent = await as(t, session).post(`/api/registry/organizations/${municipality.id}/invitations`, { email, role: 'administrator' });
    assert.equal(sent.statusCode, 201, sent.body);
    assert.equal(json(sent).emailSent, true);
    assertError(
      await as(t, session).post(`/api/registry/organizations/${municipality.id}/invitations`, { email: newEmail('x'), role: 'fellesforvalter' }),
      400,
      'ROLE_NOT_ALLOWED',
      'role',
    );
    const token = tokenFromMail(email);
    const shown = json<{ organizationName: string; role: string }>(await lookup(token));
    assert.equal(shown.organizationName, municipality.name);
    assert.equal(shown.role, 'administrator');

    const accepted = await accept(token);
    assert.equal(accepted.statusCode, 201, accepted.body);
    const adminSession = await enrol({ cookie: cookieFrom(accepted)!, csrf: json<{ csrfToken: string }>(accepted).csrfToken });
    const profile = await me(adminSession);
    assert.equal(profile.organization?.id, municipality.id);
    assert.deepEqual(profile.roles, ['administrator']);
    // The new administrator can invite their colleagues.
    assert.equal((await invite(adminSession, newEmail('kollega'), 'sikkerhetsleder')).statusCode, 201);
    // The national steward did not become a member of the municipality.
    assert.ok(!(await members(adminSession)).members.some((m) => m.userId === steward.id));
  });

  test('the registry holds 357 municipalities, 15 counties and one national organisation, and can be searched', async () => {
    const national = await nationalOrganization(t.database);
    const analyst = await newMember(national.id, ['analytiker']);
    const session = await openSession(t, analyst.id, national.id);
    type Registry = { total: number; items: { id: string; kind: string; name: string; municipalityNumber: string | null; countyNumber: string | null }[] };
    const search = async (query: string) => {
      const response = await as(t, session).get(`/api/registry/organizations?${query}`);
      assert.equal(response.statusCode, 200, response.body);
      return json<Registry>(response);
    };

    const municipalities = await search('kind=municipality&pageSize=100');
    assert.equal(municipalities.total, 357 + builtMunicipalities.length);
    assert.equal(municipalities.items.length, 100);
    assert.ok(municipalities.items.every((o) => o.kind === 'municipality'));
    const counties = await search('kind=county&pageSize=100');
    assert.equal(counties.total, 15);
    assert.equal(new Set(counties.items.map((c) => c.countyNumber)).size, 15);
    const nationals = await search('kind=national');
    assert.equal(nationals.total, 1);
    assert.equal(nationals.items[0]!.id, national.id);

    // Every municipality of the real registry sits in one of the 15 counties.
    let inCounties = 0;
    for (const county of counties.items) inCounties += (await search(`kind=municipality&county=${county.countyNumber}&pageSize=1`)).total;
    assert.equal(inCounties, 357);
    assert.equal((await search('kind=municipality&county=34')).total, 46);

    const byNumber = await search('q=3446');
    assert.equal(byNumber.total, 1);
    assert.equal(byNumber.items[0]!.name, 'Gran');
    const byName = await search('q=gran&kind=municipality');
    assert.ok(byName.items.some((o) => o.municipalityNumber === '3446'));
    assert.ok(byName.items.some((o) => o.municipalityNumber === '1825'), 'Grane matches too');
    assert.ok(byName.items.every((o) => /gran/i.test(o.name)));
    const paged = await search('kind=municipality&county=34&pageSize=10&page=5');
    assert.equal(paged.items.length, 6);
    assert.equal((await search('q=finnes-ikke-kommune')).total, 0);
    // Wildcards in the search text are taken literally.
    assert.equal((await search('q=%25')).total, 0);
  });

  test('the registry shows how many people have access to each organisation, to the national team only', async () => {
    const national = await nationalOrganization(t.database);
    const analyst = await newMember(national.id, ['analytiker']);
    const municipality = await newMunicipality();
    await newMember(municipality.id, ['administrator']);
    await newMember(municipality.id, ['leser', 'bidragsyter']);
    const session = await openSession(t, analyst.id, national.id);
    const response = await as(t, session).get(`/api/registry/organizations?q=${encodeURIComponent(municipality.name)}`);
    const found = json<{ items: { id: string; members: number }[] }>(response).items.find((o) => o.id === municipality.id);
    assert.equal(found?.members, 2);
    // The counting function answers nothing outside a national transaction.
    const outside = await withTenant(t.database.app, { organizationId: municipality.id, userId: null, requestId: 'test' }, (tx) =>
      queryRows<{ members: number }>(tx, sql`select * from organization_member_counts(${`{${municipality.id}}`}::uuid[])`),
    );
    assert.deepEqual(outside, []);
  });

  test('municipal roles cannot reach the registry', async () => {
    const { organization, session } = await organizationWithAdmin();
    assertError(await as(t, session).get('/api/registry/organizations?q=gran'), 403, 'FORBIDDEN');
    assertError(await as(t, session).get(`/api/registry/organizations/${organization.id}`), 403, 'FORBIDDEN');
    assertError(
      await as(t, session).post(`/api/registry/organizations/${organization.id}/invitations`, { email: newEmail('x'), role: 'administrator' }),
      403,
      'FORBIDDEN',
    );
  });
});
