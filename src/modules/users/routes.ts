import { commonError } from '../../server/errors';
import { defineRoute, policy, publicAccess, userAccess } from '../../server/route';

import { createSession } from '../auth/sessions';
import { setSessionCookie } from '../auth/sessions';
import { acceptNewBody, invitationIdParams, inviteBody, setRolesBody, tokenBody, userIdParams } from './contract';
import { inviteAndMail } from './invite';
import { userPolicies } from './policy';
import { presentInvitation, presentMember } from './presenter';
import {
  acceptAsExistingUser,
  acceptAsNewUser,
  createInvitation,
  invitationForToken,
  listMembers,
  listPendingInvitations,
  removeMember,
  resendInvitation,
  revokeInvitation,
  setRoles,
} from './service';

const tags = ['Brukere og tilgang'];

export const userRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/members',
    summary: 'Hvem har tilgang til organisasjonen',
    tags,
    access: policy(userPolicies.viewMembers),
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const now = ctx.services.clock();
      const canManage = userPolicies.manageMembers.roles.some((r) => actor.roles.includes(r));
      return ctx.work(async (tx) => ({
        members: (await listMembers(tx, actor.organizationId)).map(presentMember),
        invitations: canManage ? (await listPendingInvitations(tx, actor.organizationId)).map((i) => presentInvitation(i, now)) : [],
      }));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/invitations',
    summary: 'Inviter en person med en rolle',
    tags,
    access: policy(userPolicies.manageMembers),
    body: inviteBody,
    example: () => ({ body: { email: 'ny.person@example.no', role: 'leser' } }),
    handler: async (ctx, { body }, reply) => {
      const actor = ctx.requireActor();
      const result = await inviteAndMail(ctx, (tx) =>
        createInvitation(tx, { organizationId: actor.organizationId, email: body.email, role: body.role, invitedBy: actor.userId, now: ctx.services.clock() }),
      );
      reply.code(201);
      return result;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/invitations/:id/resend',
    summary: 'Send invitasjonen på nytt (ny lenke)',
    tags,
    access: policy(userPolicies.manageMembers),
    params: invitationIdParams,
    example: (ids) => ({ params: { id: ids.invitationId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      return inviteAndMail(ctx, (tx) => resendInvitation(tx, actor.organizationId, params.id, actor.userId, ctx.services.clock()));
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/invitations/:id',
    summary: 'Trekk tilbake en invitasjon',
    tags,
    access: policy(userPolicies.manageMembers),
    params: invitationIdParams,
    example: (ids) => ({ params: { id: ids.invitationId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => revokeInvitation(tx, actor.organizationId, params.id, ctx.services.clock()));
      return undefined;
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/members/:userId/roles',
    summary: 'Endre roller for en person',
    tags,
    access: policy(userPolicies.manageMembers),
    params: userIdParams,
    body: setRolesBody,
    example: (ids) => ({ params: { userId: ids.memberUserId! }, body: { roles: ['leser'] } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => setRoles(tx, actor.organizationId, params.userId, body.roles));
      return undefined;
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/members/:userId',
    summary: 'Fjern en persons tilgang til organisasjonen',
    tags,
    access: policy(userPolicies.manageMembers),
    params: userIdParams,
    example: (ids) => ({ params: { userId: ids.memberUserId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => removeMember(tx, actor.organizationId, params.userId));
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/invitations/lookup',
    summary: 'Vis en invitasjon (fra lenken i e-posten)',
    tags,
    access: publicAccess,
    rateLimit: 'login',
    body: tokenBody,
    example: () => ({ body: { token: 'x'.repeat(43) } }),
    handler: async (ctx, { body }) => {
      const invitation = await ctx.personalWork((tx) => invitationForToken(tx, body.token, ctx.services.clock()));
      return {
        organizationName: invitation.organizationName,
        email: invitation.email,
        role: invitation.role,
        expiresAt: invitation.expiresAt.toISOString(),
        accountExists: invitation.accountExists,
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/invitations/accept',
    summary: 'Ta imot en invitasjon og opprett konto',
    tags,
    access: publicAccess,
    rateLimit: 'login',
    body: acceptNewBody,
    example: () => ({ body: { token: 'x'.repeat(43), name: 'Ny Person', password: 'et langt passord her' } }),
    handler: async (ctx, { body }, reply) => {
      const now = ctx.services.clock();
      const issued = await ctx.personalWork(async (tx) => {
        const { user, organizationId } = await acceptAsNewUser(tx, { ...body, now });
        return createSession(tx, ctx.services.config, { userId: user.id, state: 'mfa_enrolment', authMethod: 'password', activeOrganizationId: organizationId, ip: ctx.ip, userAgent: ctx.userAgent }, now);
      });
      reply.code(201);
      return { state: 'mfa_enrolment', csrfToken: setSessionCookie(reply, issued) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/invitations/accept-existing',
    summary: 'Ta imot en invitasjon med kontoen du er logget inn med',
    tags,
    access: userAccess,
    body: tokenBody,
    example: () => ({ body: { token: 'x'.repeat(43) } }),
    handler: async (ctx, { body }) => {
      const session = ctx.session;
      if (!session) throw commonError('UNAUTHENTICATED');
      const result = await ctx.personalWork((tx) => acceptAsExistingUser(tx, { token: body.token, userId: session.userId, email: session.email, now: ctx.services.clock() }));
      return { organizationId: result.organizationId };
    },
  }),
];

