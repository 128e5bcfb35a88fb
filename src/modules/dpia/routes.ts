import { asc, eq } from 'drizzle-orm';
import { organizationPeople } from '../assessment/people';
import { measures } from '../library/schema';
import { systems } from '../systems/schema';
import { presentPolicies } from '../../server/policy';
import { defineRoute, policy } from '../../server/route';
import { loadRecord } from '../processing/repository';
import {
  approveBody,
  detailQuery,
  entryParams,
  idParams,
  levelsBody,
  measureParams,
  opinionBody,
  removeQuery,
  riskParams,
  saveBody,
  screeningBody,
  screeningQuery,
  startBody,
  versionBody,
} from './contract';
import { dpiaDetail, listDpias, scales, startDpia } from './dpia-service';
import { dpiaPolicies } from './policy';
import { criteria, presentScreening, requireEntry, saveScreening, screeningFor, screeningSuggestion } from './screening-service';
import { latestTemplates, presentTemplate } from './template-service';
import { dpiaScreenings } from './schema';
import { approve, giveOpinion, removeAddedMeasure, removeAddedRisk, saveDraft, setRiskLevels, submitToDpo } from './workflow-service';

const tags = ['DPIA'];

export const dpiaRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/dpia',
    summary: 'Kommunens DPIA-er og screeninger, med behandlingene de gjelder',
    tags,
    access: policy(dpiaPolicies.view),
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        const record = await loadRecord(tx, actor.organizationId);
        const screenings = await tx.select().from(dpiaScreenings).where(eq(dpiaScreenings.organizationId, actor.organizationId));
        return {
          dpias: await listDpias(tx, actor.organizationId),
          screenings: screenings.map(presentScreening),
          entries: record.entries.map((e) => ({ id: e.row.id, name: e.view.name })),
          policies: presentPolicies(dpiaPolicies, actor),
        };
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/dpia/catalogue',
    summary: 'Nasjonale DPIA-maler en kommune kan starte fra, med skalaene og screeningkriteriene',
    tags,
    access: policy(dpiaPolicies.view),
    handler: async (ctx) =>
      ctx.work(async (tx) => ({ templates: (await latestTemplates(tx)).map(presentTemplate), criteria: criteria(), scales: scales() })),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/dpia/screenings/:entryId',
    summary: 'Siste screening av en behandling (eller et forslag fra en nasjonal mal)',
    tags,
    access: policy(dpiaPolicies.view),
    params: entryParams,
    query: screeningQuery,
    example: (ids) => ({ params: { entryId: ids.dpiaEntryId! } }),
    handler: async (ctx, { params, query }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        await requireEntry(tx, actor.organizationId, params.entryId);
        const row = await screeningFor(tx, actor.organizationId, params.entryId);
        return {
          screening: row ? presentScreening(row) : null,
          suggestion: query.fromTemplate ? await screeningSuggestion(tx, query.fromTemplate) : null,
          criteria: criteria(),
          policies: presentPolicies(dpiaPolicies, actor),
        };
      });
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/dpia/screenings/:entryId',
    summary: 'Lagre screeningen av en behandling: utfallet regnes ut og lagres med begrunnelsen',
    tags,
    access: policy(dpiaPolicies.edit),
    params: entryParams,
    body: screeningBody,
    example: (ids) => ({
      params: { entryId: ids.dpiaEntryId! },
      body: { criteria: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ criterion: n, met: n === 4, reason: n === 4 ? 'Helseopplysninger.' : '' })), listHits: [], version: 1 },
    }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => ({ screening: presentScreening(await saveScreening(tx, actor.organizationId, actor.userId, params.entryId, body)) }));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/dpia/dpias',
    summary: 'Start en DPIA for en behandling, fra en nasjonal mal eller blank',
    tags,
    access: policy(dpiaPolicies.edit),
    body: startBody,
    example: (ids) => ({ body: { entryId: ids.dpiaEntryId!, templateSlug: 'epj-helse-omsorg', title: 'DPIA fra matrisetesten' } }),
    handler: async (ctx, { body }, reply) => {
      const actor = ctx.requireActor();
      const result = await ctx.work(async (tx) => {
        const row = await startDpia(tx, actor.organizationId, actor.userId, body);
        return dpiaDetail(tx, actor.organizationId, row.id, ctx.services.clock());
      });
      reply.code(201);
      return result;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/dpia/dpias/:id',
    summary: 'Én DPIA: gjeldende eller valgt versjon med risikokart, historikk og hva som mangler',
    tags,
    access: policy(dpiaPolicies.view),
    params: idParams,
    query: detailQuery,
    example: (ids) => ({ params: { id: ids.dpiaId! } }),
    handler: async (ctx, { params, query }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => ({
        ...(await dpiaDetail(tx, actor.organizationId, params.id, ctx.services.clock(), query.version ? Number(query.version) : undefined)),
        options: {
          systems: await tx.select({ id: systems.id, name: systems.name }).from(systems).where(eq(systems.organizationId, actor.organizationId)).orderBy(asc(systems.name)),
          people: await organizationPeople(tx, actor.organizationId),
          measures: await tx.select({ urn: measures.urn, code: measures.code, title: measures.title }).from(measures).orderBy(asc(measures.code)),
        },
        policies: presentPolicies(dpiaPolicies, actor),
      }));
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/dpia/dpias/:id',
    summary: 'Lagre utkastet som en ny versjon (på en godkjent DPIA: start et nytt utkast)',
    tags,
    access: policy(dpiaPolicies.edit),
    params: idParams,
    body: saveBody,
    example: (ids) => ({ params: { id: ids.dpiaId! }, body: { version: 1, values: { 'context.overview.responsible_unit': 'Helse og omsorg' } } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        await saveDraft(tx, actor.organizationId, actor.userId, params.id, body);
        return dpiaDetail(tx, actor.organizationId, params.id, ctx.services.clock());
      });
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/dpia/dpias/:id/risks/:riskId/levels',
    summary: 'Endre nivåene for én risiko (før tiltak og restrisiko) og lagre som en ny versjon',
    tags,
    access: policy(dpiaPolicies.edit),
    params: riskParams,
    body: levelsBody,
    example: (ids) => ({
      params: { id: ids.dpiaId!, riskId: 'illegitimate_access' },
      body: { version: 1, severity: 4, likelihood: 2, residualSeverity: 4, residualLikelihood: 1, justification: 'Loggkontroll hver måned.' },
    }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        await setRiskLevels(tx, actor.organizationId, actor.userId, params.id, params.riskId, body);
        return dpiaDetail(tx, actor.organizationId, params.id, ctx.services.clock());
      });
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/dpia/dpias/:id/risks/:riskId',
    summary: 'Fjern en av kommunens egne risikoer (malens risikoer kan ikke fjernes), som en ny versjon',
    tags,
    access: policy(dpiaPolicies.edit),
    params: riskParams,
    query: removeQuery,
    example: (ids) => ({ params: { id: ids.dpiaId!, riskId: 'lokal_01' }, query: { version: '1' } }),
    handler: async (ctx, { params, query }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        await removeAddedRisk(tx, actor.organizationId, actor.userId, params.id, params.riskId, query.version);
        return dpiaDetail(tx, actor.organizationId, params.id, ctx.services.clock());
      });
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/dpia/dpias/:id/measures/:measureId',
    summary: 'Fjern et av kommunens egne tiltak, som en ny versjon; avvist mens en risiko bruker det',
    tags,
    access: policy(dpiaPolicies.edit),
    params: measureParams,
    query: removeQuery,
    example: (ids) => ({ params: { id: ids.dpiaId!, measureId: 'k01' }, query: { version: '1' } }),
    handler: async (ctx, { params, query }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        await removeAddedMeasure(tx, actor.organizationId, actor.userId, params.id, params.measureId, query.version);
        return dpiaDetail(tx, actor.organizationId, params.id, ctx.services.clock());
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/dpia/dpias/:id/submit',
    summary: 'Send DPIA-en til personvernombudet',
    tags,
    access: policy(dpiaPolicies.edit),
    params: idParams,
    body: versionBody,
    example: (ids) => ({ params: { id: ids.dpiaId! }, body: { version: 1 } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        await submitToDpo(tx, actor.organizationId, params.id, body.version);
        return dpiaDetail(tx, actor.organizationId, params.id, ctx.services.clock());
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/dpia/dpias/:id/opinion',
    summary: 'Personvernombudets uttalelse: send til godkjenning, eller tilbake til utkast med merknader',
    tags,
    access: policy(dpiaPolicies.review),
    params: idParams,
    body: opinionBody,
    example: (ids) => ({ params: { id: ids.dpiaId! }, body: { version: 1, decision: 'forward', opinion: 'Vurderingen er god.' } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        await giveOpinion(tx, actor.organizationId, actor.userId, params.id, body, ctx.services.clock());
        return dpiaDetail(tx, actor.organizationId, params.id, ctx.services.clock());
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/dpia/dpias/:id/approve',
    summary: 'Godkjenn DPIA-en og restrisikoen; de planlagte tiltakene blir oppgaver i handlingsplanen',
    tags,
    access: policy(dpiaPolicies.approve),
    params: idParams,
    body: approveBody,
    example: (ids) => ({ params: { id: ids.dpiaId! }, body: { version: 1, decision: 'approved' } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        const result = await approve(tx, actor.organizationId, actor.userId, params.id, body, ctx.services.clock());
        return { ...(await dpiaDetail(tx, actor.organizationId, params.id, ctx.services.clock())), actionsCreated: result.actionsCreated };
      });
    },
  }),
];
