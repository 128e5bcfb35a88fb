import { eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../server/context';
import { presentPolicies } from '../../server/policy';
import { defineRoute, policy } from '../../server/route';
import { z } from '../../shared/validation';
import { organizations } from '../organizations/schema';
import { osloDay } from '../vendors/status';
import { createSystemBody, importBody, systemIdParams, updateSystemBody } from './contract';
import { exportSystems } from './export';
import { evidenceMeasures } from './fields';
import { applyImport, planImport } from './import';
import { systemFactsForMeasure, systemOverview } from './overview';
import { systemPolicies } from './policy';
import { createSystem, deleteSystem, getSystem, listSystems, updateSystem } from './service';
import { readSheet } from './spreadsheet';

const tags = ['Systemoversikt'];
const view = policy(systemPolicies.view);
const edit = policy(systemPolicies.edit);
const today = (ctx: RequestContext) => osloDay(ctx.services.clock());
const IMPORT_BODY_LIMIT = 7_500_000;

export const systemRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/systems',
    summary: 'Kommunens systemer med sentral leverandøroppfølging og det som mangler',
    tags,
    access: view,
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const items = await ctx.work((tx) => listSystems(tx, actor.organizationId, today(ctx)));
      return { items, policies: presentPolicies(systemPolicies, actor) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/systems/overview',
    summary: 'Oversikter: uten tofaktor, uten testet gjenoppretting, utløpt støtte, tjenester og avhengigheter, leverandører',
    tags,
    access: view,
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.work((tx) => systemOverview(tx, actor.organizationId, today(ctx)));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/systems/evidence',
    summary: 'Systemene bak et felles tiltak (dokumentasjon til egenvurderingen)',
    tags,
    access: view,
    query: z.strictObject({ measure: z.enum(evidenceMeasures) }),
    example: () => ({ query: { measure: 'urn:samsvar:measure:mfa-all-users' } }),
    handler: async (ctx, { query }) => {
      const actor = ctx.requireActor();
      return ctx.work((tx) => systemFactsForMeasure(tx, actor.organizationId, query.measure, today(ctx)));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/systems/export',
    summary: 'Last ned systemoversikten som Excel',
    tags,
    access: view,
    handler: async (ctx, _input, reply) => {
      const actor = ctx.requireActor();
      const file = await ctx.work(async (tx) => {
        const [organization] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, actor.organizationId));
        await tx.execute(sql`select audit_log_event('systems', null, 'export', ${JSON.stringify({ format: 'xlsx' })}::jsonb)`);
        return exportSystems(tx, actor.organizationId, organization?.name ?? '');
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="systemoversikt-${today(ctx)}.xlsx"`)
        .send(file);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/systems/import/preview',
    summary: 'Les en Excel- eller CSV-fil og vis hva som vil bli importert, med feil per rad (lagrer ingenting)',
    tags,
    access: edit,
    body: importBody,
    bodyLimit: IMPORT_BODY_LIMIT,
    example: () => ({ body: { fileName: 'systemer.csv', contentBase64: Buffer.from('Navn\nSak og arkiv\n').toString('base64') } }),
    handler: async (ctx, { body }) => {
      const actor = ctx.requireActor();
      const sheet = await readSheet(body.fileName, body.contentBase64);
      const { preview } = await ctx.work((tx) => planImport(tx, actor.organizationId, body.fileName, sheet));
      return preview;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/systems/import',
    summary: 'Importer filen: alt eller ingenting',
    tags,
    access: edit,
    body: importBody,
    bodyLimit: IMPORT_BODY_LIMIT,
    example: () => ({ body: { fileName: 'systemer.csv', contentBase64: Buffer.from('Navn\nImportert system\n').toString('base64') } }),
    handler: async (ctx, { body }) => {
      const actor = ctx.requireActor();
      const sheet = await readSheet(body.fileName, body.contentBase64);
      return ctx.work(async (tx) => applyImport(tx, actor.organizationId, await planImport(tx, actor.organizationId, body.fileName, sheet), ctx.services.clock()));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/systems',
    summary: 'Registrer et system',
    tags,
    access: edit,
    body: createSystemBody,
    example: (ids) => ({ body: { name: `Nytt system ${Math.random().toString(36).slice(2, 8)}`, dependsOn: ids.systemId ? [ids.systemId] : [] } }),
    handler: async (ctx, { body }, reply) => {
      const actor = ctx.requireActor();
      const system = await ctx.work(async (tx) => getSystem(tx, actor.organizationId, (await createSystem(tx, actor.organizationId, body)).id, today(ctx)));
      reply.code(201);
      return { system };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/systems/:id',
    summary: 'Ett system med alle opplysninger og leverandørens sentrale oppfølging',
    tags,
    access: view,
    params: systemIdParams,
    example: (ids) => ({ params: { id: ids.systemId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      return { system: await ctx.work((tx) => getSystem(tx, actor.organizationId, params.id, today(ctx))), policies: presentPolicies(systemPolicies, actor) };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/systems/:id',
    summary: 'Endre et system (oppgi versjonen du leste)',
    tags,
    access: edit,
    params: systemIdParams,
    body: updateSystemBody,
    example: (ids) => ({ params: { id: ids.systemId! }, body: { mfaUsers: 'yes', version: 1 } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      return {
        system: await ctx.work(async (tx) => {
          await updateSystem(tx, actor.organizationId, params.id, body, ctx.services.clock());
          return getSystem(tx, actor.organizationId, params.id, today(ctx));
        }),
      };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/systems/:id',
    summary: 'Slett et system',
    tags,
    access: edit,
    params: systemIdParams,
    example: (ids) => ({ params: { id: ids.systemId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => deleteSystem(tx, actor.organizationId, params.id));
      return undefined;
    },
  }),
];
