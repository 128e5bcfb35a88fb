import { defineRoute, policy } from '../../server/route';
import { answersBody, idParams } from './contract';
import { vendorPortalPolicies } from './policy';
import { listPortalQuestionnaires, questionnaireDetail, saveAnswers, submitQuestionnaire } from './questionnaire/service';

const tags = ['Leverandørportal'];
const answer = policy(vendorPortalPolicies.answer);

/**
 * The vendor portal. Every query is scoped to the vendor's own organisation (the session's membership), and
 * RLS limits the rows to it as well: a vendor's contact reaches its own questionnaires and nothing else.
 */
export const portalRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/portal/questionnaires',
    summary: 'Spørreskjemaene leverandøren er bedt om å svare på',
    tags,
    access: answer,
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return { items: await ctx.work((tx) => listPortalQuestionnaires(tx, actor.organizationId)) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/portal/questionnaires/:id',
    summary: 'Ett spørreskjema med spørsmål og leverandørens svar så langt',
    tags,
    access: answer,
    params: idParams,
    example: (ids) => ({ params: { id: ids.questionnaireId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      return { questionnaire: await ctx.work((tx) => questionnaireDetail(tx, params.id, { organizationId: actor.organizationId })) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/portal/questionnaires/:id/answers',
    summary: 'Lagre svar (lagres fortløpende mens leverandøren svarer)',
    tags,
    access: answer,
    params: idParams,
    body: answersBody,
    example: (ids) => ({ params: { id: ids.questionnaireId! }, body: { answers: [{ questionUrn: 'urn:samsvar:req:vendor-questionnaire:1.2:q1', values: ['yes'] }] } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      const answers = await ctx.work((tx) => saveAnswers(tx, { organizationId: actor.organizationId, userId: actor.userId, id: params.id, body, now: ctx.services.clock() }));
      return { answers };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/portal/questionnaires/:id/submit',
    summary: 'Send svarene til den nasjonale fellesforvaltningen',
    tags,
    access: answer,
    params: idParams,
    example: (ids) => ({ params: { id: ids.questionnaireId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      const row = await ctx.work((tx) => submitQuestionnaire(tx, { organizationId: actor.organizationId, userId: actor.userId, id: params.id, now: ctx.services.clock() }));
      return { id: row.id, status: row.status, submittedAt: row.submittedAt?.toISOString() ?? null };
    },
  }),
];
