import { presentPolicies } from '../../server/policy';
import { defineRoute, policy } from '../../server/route';
import {
  acceptProposalBody,
  adoptBody,
  catalogueQuery,
  createEntryBody,
  declineProposalBody,
  deleteEntryQuery,
  idParams,
  recordQuery,
  templateUrn,
  updateEntryBody,
  type CatalogueTemplateDto,
} from './contract';
import { processingError } from './errors';
import { processingPolicies } from './policy';
import { measureUrnsIn, presentServiceArea, presentTemplateSummary } from './presenter';
import { acceptProposal, declineProposal, listProposals, proposalDetail } from './proposal-service';
import { adoptedTemplates, adoptTemplates, createEntry, deleteEntry, linkOptions, updateEntry } from './record-service';
import { coverageOf, loadRecord, presentDetail, presentSummary } from './repository';
import { latestTemplates, listServiceAreas, measureTitles } from './template-service';
import type { Tx } from '../../db/tenant';

const tags = ['Behandlingsprotokoll'];

async function entryResponse(tx: Tx, organizationId: string, id: string) {
  const record = await loadRecord(tx, organizationId, id);
  const entry = record.entries[0]!;
  const urns = measureUrnsIn(entry.view.values, ...(entry.template ? [entry.template.content] : []));
  return { entry: presentDetail(entry), measures: Object.fromEntries(await measureTitles(tx, urns)) };
}

export const processingRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/processing/record',
    summary: 'Behandlingsprotokollen: behandlingene med status, og dekningen for hele protokollen',
    tags,
    access: policy(processingPolicies.view),
    query: recordQuery,
    handler: async (ctx, { query }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        const record = await loadRecord(tx, actor.organizationId);
        const areas = await listServiceAreas(tx);
        const entries = record.entries.filter((e) => !query.serviceArea || e.view.serviceArea === query.serviceArea);
        return {
          entries: entries.map(presentSummary),
          coverage: coverageOf(record, areas),
          serviceAreas: areas.map(presentServiceArea),
          documentLanguage: record.organization.documentLanguage,
          policies: presentPolicies(processingPolicies, actor),
        };
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/processing/catalogue',
    summary: 'Nasjonale maler som kan tas i bruk, med det som blir forhåndsutfylt',
    tags,
    access: policy(processingPolicies.view),
    query: catalogueQuery,
    handler: async (ctx, { query }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        const areas = await listServiceAreas(tx);
        if (query.serviceArea && !areas.some((a) => a.id === query.serviceArea)) throw processingError('UNKNOWN_SERVICE_AREA', { field: 'serviceArea' });
        const templates = await latestTemplates(tx, query.serviceArea);
        const adopted = await adoptedTemplates(tx, actor.organizationId);
        const items: CatalogueTemplateDto[] = templates.map((t) => ({
          ...presentTemplateSummary(t),
          adoptedEntryId: adopted.get(t.urn) ?? null,
          content: t.content,
          uncertain: t.uncertain,
        }));
        return {
          serviceAreas: areas.map(presentServiceArea),
          templates: items,
          measures: Object.fromEntries(await measureTitles(tx, measureUrnsIn(...templates.map((t) => t.content)))),
        };
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/processing/entries/adopt',
    summary: 'Ta i bruk nasjonale maler (valgte maler eller et helt tjenesteområde) i én operasjon',
    tags,
    access: policy(processingPolicies.edit),
    body: adoptBody,
    example: () => ({ body: { templateUrns: [templateUrn('kultur-kulturskole-bibliotek-booking')] } }),
    handler: async (ctx, { body }, reply) => {
      const actor = ctx.requireActor();
      const result = await ctx.work((tx) => adoptTemplates(tx, actor.organizationId, actor.userId, body));
      reply.code(201);
      return result;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/processing/entries',
    summary: 'Registrer en egen behandling, eller en behandling der kommunen er databehandler',
    tags,
    access: policy(processingPolicies.edit),
    body: createEntryBody,
    example: () => ({ body: { kind: 'local', name: 'Lokal behandling fra matrisetest', serviceArea: 'kultur' } }),
    handler: async (ctx, { body }, reply) => {
      const actor = ctx.requireActor();
      const result = await ctx.work(async (tx) => {
        const entry = await createEntry(tx, actor.organizationId, actor.userId, body);
        return entryResponse(tx, actor.organizationId, entry.id);
      });
      reply.code(201);
      return result;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/processing/entries/:id',
    summary: 'Én behandling: hvert felt med verdi og kilde (mal, lokalt, overstyrt), og hva som mangler',
    tags,
    access: policy(processingPolicies.view),
    params: idParams,
    example: (ids) => ({ params: { id: ids.processingEntryId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => ({ ...(await entryResponse(tx, actor.organizationId, params.id)), policies: presentPolicies(processingPolicies, actor) }));
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/processing/entries/:id',
    summary: 'Fyll ut eller overstyr felt, koble systemer og databehandlere',
    tags,
    access: policy(processingPolicies.edit),
    params: idParams,
    body: updateEntryBody,
    example: (ids) => ({ params: { id: ids.processingEntryId! }, body: { version: 1, values: { responsible_unit: 'Kulturkontoret' } } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        await updateEntry(tx, actor.organizationId, actor.userId, params.id, body);
        return entryResponse(tx, actor.organizationId, params.id);
      });
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/processing/entries/:id',
    summary: 'Fjern en behandling fra protokollen',
    tags,
    access: policy(processingPolicies.edit),
    params: idParams,
    query: deleteEntryQuery,
    example: (ids) => ({ params: { id: ids.processingEntryId! }, query: { version: '1' } }),
    handler: async (ctx, { params, query }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => deleteEntry(tx, actor.organizationId, params.id, query.version));
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/processing/link-options',
    summary: 'Systemer fra systemoversikten og leverandører fra leverandørregisteret som kan kobles til en behandling',
    tags,
    access: policy(processingPolicies.view),
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.work((tx) => linkOptions(tx, actor.organizationId));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/processing/proposals',
    summary: 'Forslag fra nye versjoner av nasjonale maler',
    tags,
    access: policy(processingPolicies.view),
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => ({ proposals: await listProposals(tx, actor.organizationId), policies: presentPolicies(processingPolicies, actor) }));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/processing/proposals/:id',
    summary: 'Ett forslag: forskjellen mellom kommunens behandling og den nye malversjonen, med konflikter',
    tags,
    access: policy(processingPolicies.view),
    params: idParams,
    example: (ids) => ({ params: { id: ids.processingProposalId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        const proposal = await proposalDetail(tx, actor.organizationId, params.id);
        const urns = proposal.fields.flatMap((f) => [f.base, f.theirs, f.mine]).flatMap((v) => (Array.isArray(v) ? v : [])).filter((v) => v.startsWith('urn:'));
        return { proposal, measures: Object.fromEntries(await measureTitles(tx, urns)), policies: presentPolicies(processingPolicies, actor) };
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/processing/proposals/:id/accept',
    summary: 'Godta et forslag: endringen flettes inn, og kommunens overstyringer beholdes etter valgene i konfliktene',
    tags,
    access: policy(processingPolicies.edit),
    params: idParams,
    body: acceptProposalBody,
    example: (ids) => ({ params: { id: ids.processingProposalId! }, body: { entryVersion: 1, resolutions: {} } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      return ctx.work((tx) => acceptProposal(tx, actor.organizationId, actor.userId, params.id, body));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/processing/proposals/:id/decline',
    summary: 'Avvis et forslag (beslutningen lagres)',
    tags,
    access: policy(processingPolicies.edit),
    params: idParams,
    body: declineProposalBody,
    example: (ids) => ({ params: { id: ids.processingProposalId! }, body: { note: 'Vurdert lokalt.' } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => declineProposal(tx, actor.organizationId, actor.userId, params.id, body.note ?? null));
      return undefined;
    },
  }),
];
