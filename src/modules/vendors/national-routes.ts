import { enterOrganization } from '../../db/tenant';
import type { RequestContext } from '../../server/context';
import { defineRoute, policy } from '../../server/route';
import { inviteAndMail } from '../users/invite';
import { createInvitation } from '../users/service';
import { childParams, idParams, inviteContactBody, reviewBody, sendQuestionnaireBody } from './contract';
import { publishExpiredCertifications } from './expiry';
import { vendorPolicies } from './policy';
import { ensureVendorOrganization } from './portal-organization';
import { reviewQuestionnaire } from './questionnaire/review';
import { listAwaitingReview, questionnaireDetail, sendQuestionnaire } from './questionnaire/service';
import { listTemplates } from './questionnaire/structure';
import { osloDay } from './status';
import { vendorUsage } from './usage';

const tags = ['Leverandøroppfølging (nasjonalt)'];
const manage = policy(vendorPolicies.manage);
const today = (ctx: RequestContext) => osloDay(ctx.services.clock());

export const nationalRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/vendors/usage',
    summary: 'Hvilke leverandører flest kommuner bruker, og hvilke som skal følges opp (bare antall, aldri hvilke kommuner)',
    tags,
    access: policy(vendorPolicies.viewUsage),
    handler: async (ctx) => ctx.work((tx) => vendorUsage(tx, today(ctx))),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vendors/expiry-check',
    summary: 'Kontroller utløpte sertifikater nå (gjøres ellers automatisk hver time)',
    tags,
    access: manage,
    handler: async (ctx) => ({ published: await ctx.work((tx) => publishExpiredCertifications(tx, today(ctx))) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vendors/:id/contacts',
    summary: 'Inviter en kontaktperson hos leverandøren til leverandørportalen',
    tags,
    access: manage,
    params: idParams,
    body: inviteContactBody,
    example: (ids) => ({ params: { id: ids.vendorId! }, body: { email: 'kontakt@leverandor.example' } }),
    handler: async (ctx, { params, body }, reply) => {
      const actor = ctx.requireActor();
      // The invitation belongs to the vendor's own organisation: cross into it on purpose, as onboarding does.
      const result = await inviteAndMail(ctx, async (tx) => {
        const { organizationId } = await ensureVendorOrganization(tx, params.id);
        await enterOrganization(tx, organizationId);
        return createInvitation(tx, { organizationId, email: body.email, role: 'leverandor', invitedBy: actor.userId, now: ctx.services.clock() });
      });
      reply.code(201);
      return result;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/vendor-questionnaires/templates',
    summary: 'Spørreskjemaene som kan sendes til leverandører',
    tags,
    access: manage,
    handler: async (ctx) => ({ templates: (await ctx.work(listTemplates)).map((t) => ({ id: t.id, name: t.name, frameworkUrn: t.frameworkUrn })) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/vendor-questionnaires/awaiting-review',
    summary: 'Innsendte spørreskjemaer som venter på vurdering',
    tags,
    access: manage,
    handler: async (ctx) => ({ items: await ctx.work(listAwaitingReview) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vendors/:id/questionnaires',
    summary: 'Send spørreskjemaet til leverandøren',
    tags,
    access: manage,
    params: idParams,
    body: sendQuestionnaireBody,
    example: (ids) => ({ params: { id: ids.vendorId! }, body: { dueOn: '2030-01-31' } }),
    handler: async (ctx, { params, body }, reply) => {
      const actor = ctx.requireActor();
      const row = await ctx.work((tx) => sendQuestionnaire(tx, { vendorId: params.id, body, sentBy: actor.userId, now: ctx.services.clock() }));
      reply.code(201);
      return { id: row.id, status: row.status };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/vendors/:id/questionnaires/:childId',
    summary: 'Leverandørens svar, til vurdering',
    tags,
    access: manage,
    params: childParams,
    example: (ids) => ({ params: { id: ids.vendorId!, childId: ids.questionnaireId! } }),
    handler: async (ctx, { params }) => ({ questionnaire: await ctx.work((tx) => questionnaireDetail(tx, params.childId, { vendorId: params.id })) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vendors/:id/questionnaires/:childId/review',
    summary: 'Vurder svarene: funn, konklusjon og neste oppfølging (varsler kommunene)',
    tags,
    access: manage,
    params: childParams,
    body: reviewBody,
    example: (ids) => ({
      params: { id: ids.vendorId!, childId: ids.questionnaireId! },
      body: { conclusion: 'approved', summary: 'Godkjent etter gjennomgang.', nextReviewOn: '2031-01-01', findings: [] },
    }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      const { review, change } = await ctx.work((tx) =>
        reviewQuestionnaire(tx, { vendorId: params.id, id: params.childId, body, reviewerId: actor.userId, today: today(ctx), now: ctx.services.clock() }),
      );
      return { reviewId: review.id, notified: change.notified };
    },
  }),
];
