import { defineRoute, policy } from '../../server/route';
import { idParams } from '../assessment/contract';
import { actionListQuery, addNoteBody, createActionBody, updateActionBody } from './contract';
import { actionPolicies, actionScope } from './policy';
import { actionDetail, addNote, createAction, generateFromGaps, listActions, updateAction } from './service';

const tags = ['Handlingsplan'];

export const actionRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/actions',
    summary: 'Handlingsplanen: tiltak med ansvarlig, frist, status og prioritet (raske gevinster først)',
    tags,
    access: policy(actionPolicies.view),
    query: actionListQuery,
    handler: async (ctx, { query }) => {
      const scope = actionScope(ctx.requireActor());
      return ctx.work((tx) => listActions(tx, scope, query, ctx.services.clock()));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/actions',
    summary: 'Legg til et tiltak i handlingsplanen',
    tags,
    access: policy(actionPolicies.edit),
    body: createActionBody,
    example: () => ({ body: { title: 'Gjennomfør gjenopprettingstest av fagsystemet', effort: 'medium' } }),
    handler: async (ctx, { body }, reply) => {
      const actor = ctx.requireActor();
      const scope = actionScope(actor);
      const now = ctx.services.clock();
      const result = await ctx.work(async (tx) => {
        const row = await createAction(tx, actor.organizationId, { ...body, sourceType: 'manual', createdBy: actor.userId });
        return actionDetail(tx, scope, row.id, now);
      });
      reply.code(201);
      return result;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/actions/generate',
    summary: 'Lag tiltak fra manglene i egenvurderingen (lager aldri dobbelt, endrer ikke eksisterende tiltak)',
    tags,
    access: policy(actionPolicies.edit),
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.work((tx) => generateFromGaps(tx, actionScope(actor), actor.userId));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/actions/:id',
    summary: 'Ett tiltak med fremdriftsnotater',
    tags,
    access: policy(actionPolicies.view),
    params: idParams,
    example: (ids) => ({ params: { id: ids.actionId! } }),
    handler: async (ctx, { params }) => {
      const scope = actionScope(ctx.requireActor());
      return ctx.work((tx) => actionDetail(tx, scope, params.id, ctx.services.clock()));
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/actions/:id',
    summary: 'Endre et tiltak (status, ansvarlig, frist …); bidragsytere kan bare flytte sine egne',
    tags,
    access: policy(actionPolicies.updateAssigned),
    params: idParams,
    body: updateActionBody,
    example: (ids) => ({ params: { id: ids.actionId! }, body: { version: 1, status: 'in_progress' } }),
    handler: async (ctx, { params, body }) => {
      const scope = actionScope(ctx.requireActor());
      return { action: await ctx.work((tx) => updateAction(tx, scope, params.id, body, ctx.services.clock())) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/actions/:id/notes',
    summary: 'Skriv et fremdriftsnotat',
    tags,
    access: policy(actionPolicies.updateAssigned),
    params: idParams,
    body: addNoteBody,
    example: (ids) => ({ params: { id: ids.actionId! }, body: { body: 'Bestilt test hos leverandøren.' } }),
    handler: async (ctx, { params, body }, reply) => {
      const scope = actionScope(ctx.requireActor());
      const note = await ctx.work((tx) => addNote(tx, scope, params.id, body.body, ctx.services.clock()));
      reply.code(201);
      return { note };
    },
  }),
];
