import { enterOrganization } from '../../db/tenant';
import { defineRoute, policy } from '../../server/route';
import { presentPolicies } from '../../server/policy';
import { inviteBody } from '../users/contract';
import { inviteAndMail } from '../users/invite';
import { createInvitation } from '../users/service';
import { createCooperationBody, idParams, registryQuery, updateSettingsBody } from './contract';
import { organizationPolicies } from './policy';
import { presentOrganization } from './presenter';
import { cooperationMemberList, createCooperation, getOrganization, searchRegistry, updateSettings } from './service';

const tags = ['Organisasjoner'];

export const organizationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/organization',
    summary: 'Den aktive organisasjonens profil',
    tags,
    access: policy(organizationPolicies.view),
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const organization = await ctx.work((tx) => getOrganization(tx, actor.organizationId));
      return { organization: presentOrganization(organization), policies: presentPolicies(organizationPolicies, actor) };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/organization/settings',
    summary: 'Endre organisasjonens innstillinger (språk i dokumenter, personvernombud)',
    tags,
    access: policy(organizationPolicies.editSettings),
    body: updateSettingsBody,
    example: () => ({ body: { documentLanguage: 'nn' } }),
    handler: async (ctx, { body }) => {
      const actor = ctx.requireActor();
      const organization = await ctx.work((tx) => updateSettings(tx, actor.organizationId, body));
      return { organization: presentOrganization(organization) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/registry/organizations',
    summary: 'Søk i registeret over alle organisasjoner',
    tags,
    access: policy(organizationPolicies.viewRegistry),
    query: registryQuery,
    handler: async (ctx, { query }) => {
      const result = await ctx.work((tx) => searchRegistry(tx, query));
      return {
        total: result.total,
        page: query.page,
        pageSize: query.pageSize,
        items: result.items.map((row) => ({ ...presentOrganization(row.organization), members: row.members })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/registry/organizations/:id',
    summary: 'Én organisasjon i registeret',
    tags,
    access: policy(organizationPolicies.viewRegistry),
    params: idParams,
    example: (ids) => ({ params: { id: ids.organizationId! } }),
    handler: async (ctx, { params }) =>
      ctx.work(async (tx) => {
        const organization = await getOrganization(tx, params.id);
        const members = organization.kind === 'cooperation' ? await cooperationMemberList(tx, organization.id) : [];
        return { organization: presentOrganization(organization), cooperationMembers: members };
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/registry/organizations/:id/invitations',
    summary: 'Inviter en person (f.eks. første administrator) til en organisasjon i registeret',
    tags,
    access: policy(organizationPolicies.manageRegistry),
    params: idParams,
    body: inviteBody,
    example: (ids) => ({ params: { id: ids.organizationId! }, body: { email: 'forste.admin@example.no', role: 'administrator' } }),
    handler: async (ctx, { params, body }, reply) => {
      const actor = ctx.requireActor();
      // Onboarding crosses into the invited organisation's tenant on purpose; the audit trail records who did it.
      const result = await inviteAndMail(ctx, async (tx) => {
        await enterOrganization(tx, params.id);
        return createInvitation(tx, { organizationId: params.id, email: body.email, role: body.role, invitedBy: actor.userId, now: ctx.services.clock() });
      });
      reply.code(201);
      return result;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/registry/cooperations',
    summary: 'Registrer et interkommunalt samarbeid',
    tags,
    access: policy(organizationPolicies.manageCooperations),
    body: createCooperationBody,
    example: (ids) => ({ body: { name: 'Testsamarbeid IKS', memberIds: [ids.organizationId!, ids.otherOrganizationId!] } }),
    handler: async (ctx, { body }, reply) => {
      const cooperation = await ctx.work((tx) => createCooperation(tx, body.name, body.memberIds));
      reply.code(201);
      return { organization: presentOrganization(cooperation) };
    },
  }),
];

