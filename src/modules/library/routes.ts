import type { FastifyReply } from 'fastify';
import type { RequestContext } from '../../server/context';
import { localKinds, presentPolicies } from '../../server/policy';
import { defineRoute, policy } from '../../server/route';
import {
  adoptBody,
  diffQuery,
  exportQuery,
  frameworkQuery,
  impactQuery,
  importBody,
  mappingSetQuery,
  measureQuery,
  measuresExportQuery,
  type DiffResponse,
  type FrameworkDetailResponse,
  type FrameworkListResponse,
  type ImpactResponse,
  type ImportResponse,
  type MeasureDetailResponse,
  type MeasureListResponse,
} from './contract';
import { exportFramework, exportMappingSet, exportMeasures, type ExportFile } from './export';
import { importLibraryFile, type ImportResult } from './import';
import { libraryPolicies } from './policy';
import { getFramework, getMeasure, listFrameworks, listMeasures } from './service';
import { adoptVersion, diffVersions, versionImpact, versionInUse } from './versions';

const tags = ['Kravbibliotek'];

/** Organisations that adopt framework versions (municipalities, counties, cooperations); null for the others. */
const adoptingOrganization = (ctx: RequestContext): string | null => {
  const actor = ctx.requireActor();
  return (localKinds as readonly string[]).includes(actor.organizationKind) ? actor.organizationId : null;
};

const policies = (ctx: RequestContext) => presentPolicies(libraryPolicies, ctx.actor);

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}

/** A preview runs the whole import and then rolls it back, so it checks exactly what a real import would. */
class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

const EXAMPLE_LIBRARY = `urn: urn:samsvar-test:library:matrise
locale: nb
ref_id: MATRISE
name: Testbibliotek
version: 1
objects:
  framework:
    urn: urn:samsvar-test:framework:matrise
    ref_id: MATRISE
    name: Testrammeverk
    requirement_nodes:
      - urn: urn:samsvar-test:req:matrise:1
        ref_id: "1"
        name: Et krav
        assessable: true
        depth: 1
`;

export const libraryRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/library/frameworks',
    summary: 'Rammeverkene i kravbiblioteket, med versjoner og hvilken versjon organisasjonen bruker',
    tags,
    access: policy(libraryPolicies.read),
    handler: async (ctx): Promise<FrameworkListResponse> => {
      const organizationId = adoptingOrganization(ctx);
      const result = await ctx.work((tx) => listFrameworks(tx, organizationId));
      return { ...result, policies: policies(ctx) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/library/framework',
    summary: 'Ett rammeverk (en versjon) som tre, med spørsmål og felles tiltak per krav',
    tags,
    access: policy(libraryPolicies.read),
    query: frameworkQuery,
    example: () => ({ query: { urn: 'urn:samsvar:framework:nsm' } }),
    handler: async (ctx, { query }): Promise<FrameworkDetailResponse> => {
      const organizationId = adoptingOrganization(ctx);
      const result = await ctx.work((tx) => getFramework(tx, query.urn, query.version, organizationId));
      return { ...result, policies: policies(ctx) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/library/framework/diff',
    summary: 'Hva som er endret mellom to versjoner av et rammeverk (krav, spørsmål og koblinger til tiltak)',
    tags,
    access: policy(libraryPolicies.read),
    query: diffQuery,
    example: () => ({ query: { urn: 'urn:samsvar:framework:nsm', from: '1', to: '1' } }),
    handler: async (ctx, { query }): Promise<DiffResponse> => ({ diff: await ctx.work((tx) => diffVersions(tx, query.urn, query.from, query.to)) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/library/framework/impact',
    summary: 'Hva en ny versjon betyr for organisasjonens egne svar',
    tags,
    access: policy(libraryPolicies.viewVersionImpact),
    query: impactQuery,
    example: () => ({ query: { urn: 'urn:samsvar:framework:nsm' } }),
    handler: async (ctx, { query }): Promise<ImpactResponse> => {
      const actor = ctx.requireActor();
      const impact = await ctx.work((tx) => versionImpact(tx, actor.organizationId, query.urn, query.version));
      return { impact, policies: policies(ctx) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/library/framework/adopt',
    summary: 'Gå over til en annen versjon av et rammeverk (svarene beholdes)',
    tags,
    access: policy(libraryPolicies.adoptVersion),
    body: adoptBody,
    example: () => ({ body: { frameworkUrn: 'urn:samsvar:framework:nsm', version: 1 } }),
    handler: async (ctx, { body }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        const impact = await adoptVersion(tx, actor.organizationId, actor.userId, body.frameworkUrn, body.version);
        return { impact, inUse: (await versionInUse(tx, actor.organizationId, body.frameworkUrn)).inUse };
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/library/framework/export',
    summary: 'Last ned et rammeverk som CISO Assistant-bibliotek (YAML) eller Excel',
    tags,
    access: policy(libraryPolicies.read),
    query: exportQuery,
    example: () => ({ query: { urn: 'urn:samsvar:framework:nsm', format: 'yaml' } }),
    handler: async (ctx, { query }, reply) => sendFile(reply, await ctx.work((tx) => exportFramework(tx, query.urn, query.version, query.format))),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/library/mapping-set/export',
    summary: 'Last ned kryssreferanser mellom to rammeverk som CISO Assistant-bibliotek (YAML)',
    tags,
    access: policy(libraryPolicies.read),
    query: mappingSetQuery,
    example: () => ({ query: { urn: 'urn:samsvar-test:mapping-set:finnes-ikke' } }),
    handler: async (ctx, { query }, reply) => sendFile(reply, await ctx.work((tx) => exportMappingSet(tx, query.urn))),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/library/measures',
    summary: 'Felles tiltak med koblinger til kravene de oppfyller',
    tags,
    access: policy(libraryPolicies.read),
    handler: async (ctx): Promise<MeasureListResponse> => ({ ...(await ctx.work((tx) => listMeasures(tx))), policies: policies(ctx) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/library/measure',
    summary: 'Ett felles tiltak med kravene det oppfyller i hvert rammeverk',
    tags,
    access: policy(libraryPolicies.read),
    query: measureQuery,
    example: () => ({ query: { urn: 'urn:samsvar:measure:mfa-all-users' } }),
    handler: async (ctx, { query }): Promise<MeasureDetailResponse> => ctx.work((tx) => getMeasure(tx, query.urn)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/library/measures/export',
    summary: 'Last ned felles tiltak med koblinger (YAML i innholdsformatet, eller Excel)',
    tags,
    access: policy(libraryPolicies.read),
    query: measuresExportQuery,
    handler: async (ctx, { query }, reply) => sendFile(reply, await ctx.work((tx) => exportMeasures(tx, query.format))),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/library/import',
    summary: 'Importer en CISO Assistant-biblioteksfil (alt eller ingenting); med dryRun bare en forhåndsvisning',
    tags,
    access: policy(libraryPolicies.import),
    body: importBody,
    // The GDPR library file is about 1.2 MB; JSON escaping can add to that.
    bodyLimit: 8_000_000,
    example: () => ({ body: { fileName: 'matrise.yaml', content: EXAMPLE_LIBRARY, dryRun: false } }),
    handler: async (ctx, { body }): Promise<ImportResponse> => {
      try {
        const result = await ctx.work(async (tx) => {
          const imported = await importLibraryFile(tx, body.content);
          if (body.dryRun) throw new DryRun(imported);
          return imported;
        });
        return { result, dryRun: false };
      } catch (error) {
        if (error instanceof DryRun) return { result: error.result, dryRun: true };
        throw error;
      }
    },
  }),
];
