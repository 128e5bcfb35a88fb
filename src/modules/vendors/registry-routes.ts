import { and, asc, eq } from 'drizzle-orm';
import type { RequestContext } from '../../server/context';
import { allows, presentPolicies } from '../../server/policy';
import { defineRoute, policy } from '../../server/route';
import type { Tx } from '../../db/tenant';
import { systems } from '../systems/schema';
import {
  auditReportBody,
  certificationBody,
  childParams,
  createProductBody,
  createVendorBody,
  findingBody,
  historyQuery,
  idParams,
  incidentBody,
  localDetailsBody,
  noticeBody,
  subProcessorBody,
  updateFindingBody,
  updateProductBody,
  updateVendorBody,
  vendorListQuery,
} from './contract';
import {
  addAuditReport,
  addCertification,
  addFinding,
  addIncident,
  addSubProcessor,
  publishNotice,
  removeCertification,
  removeSubProcessor,
  updateFinding,
} from './follow-up-service';
import { vendorHistory } from './history';
import { localDetails, presentLocalDetails, saveLocalDetails } from './local-service';
import { vendorPolicies } from './policy';
import { listVendorQuestionnaires } from './questionnaire/service';
import { createProduct, createVendor, listVendors, updateProduct, updateVendor, vendorDetail, vendorOptions } from './registry-service';
import { osloDay } from './status';
import { sequential } from './sequential';

const tags = ['Leverandører'];
const today = (ctx: RequestContext) => osloDay(ctx.services.clock());

/** The central detail, with the municipality's own details on top, or the national team's questionnaires. */
async function detailFor(ctx: RequestContext, tx: Tx, id: string) {
  const actor = ctx.requireActor();
  const detail = await vendorDetail(tx, id, today(ctx));
  const national = allows(vendorPolicies.manage, actor);
  const local = actor.organizationKind !== 'national';
  const [localRow, ownSystems, questionnaires] = await sequential(
    () => local ? localDetails(tx, actor.organizationId, id) : null,
    () => local
      ? tx
          .select({ id: systems.id, name: systems.name, productId: systems.vendorProductId })
          .from(systems)
          .where(and(eq(systems.organizationId, actor.organizationId), eq(systems.vendorId, id)))
          .orderBy(asc(systems.name))
      : [],
    () => national ? listVendorQuestionnaires(tx, id) : [],
  );
  return {
    vendor: detail,
    local: localRow ? presentLocalDetails(localRow) : null,
    systems: ownSystems,
    questionnaires,
    policies: presentPolicies(vendorPolicies, actor),
  };
}

const vendorExample = (ids: Record<string, string>) => ({ params: { id: ids.vendorId! } });
const manage = policy(vendorPolicies.manage);

export const registryRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/vendors',
    summary: 'Det nasjonale leverandørregisteret med sentral oppfølgingsstatus',
    tags,
    access: policy(vendorPolicies.view),
    query: vendorListQuery,
    handler: async (ctx, { query }) => {
      const actor = ctx.requireActor();
      const result = await ctx.work((tx) => listVendors(tx, query, today(ctx)));
      return { ...result, page: query.page, pageSize: query.pageSize, policies: presentPolicies(vendorPolicies, actor) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/vendors/options',
    summary: 'Alle leverandører og produkter i registeret, til å velge fra når et system registreres',
    tags,
    access: policy(vendorPolicies.view),
    handler: async (ctx) => ({ vendors: await ctx.work(vendorOptions) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/vendors/:id',
    summary: 'Én leverandør: sentral oppfølging, og kommunens egne opplysninger',
    tags,
    access: policy(vendorPolicies.view),
    params: idParams,
    example: (ids) => ({ ...vendorExample(ids), nationalContent: true }),
    handler: async (ctx, { params }) => ctx.work((tx) => detailFor(ctx, tx, params.id)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/vendors/:id/history',
    summary: 'Historikken til én leverandør i registeret (hver endring)',
    tags,
    access: policy(vendorPolicies.view),
    params: idParams,
    query: historyQuery,
    example: (ids) => ({ ...vendorExample(ids), nationalContent: true }),
    handler: async (ctx, { params, query }) => ctx.work((tx) => vendorHistory(tx, params.id, query.before)),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/vendors/:id/local',
    summary: 'Kommunens egne opplysninger om leverandøren (signert databehandleravtale, notater)',
    tags,
    access: policy(vendorPolicies.editLocal),
    params: idParams,
    body: localDetailsBody,
    // The vendor is national content; what is written is the acting municipality's own row.
    example: (ids) => ({ ...vendorExample(ids), body: { notes: 'Egne notater' }, nationalContent: true }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      const row = await ctx.work((tx) => saveLocalDetails(tx, actor.organizationId, params.id, body, ctx.services.clock()));
      return { local: presentLocalDetails(row) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vendors',
    summary: 'Registrer en leverandør i det nasjonale registeret',
    tags,
    access: manage,
    body: createVendorBody,
    example: () => ({ body: { name: 'Eksempel Programvare AS' } }),
    handler: async (ctx, { body }, reply) => {
      const result = await ctx.work(async (tx) => detailFor(ctx, tx, (await createVendor(tx, body)).id));
      reply.code(201);
      return result;
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/vendors/:id',
    summary: 'Endre leverandøren (databehandleravtale, overføringer, kontakt, oppfølgingssyklus)',
    tags,
    access: manage,
    params: idParams,
    body: updateVendorBody,
    example: (ids) => ({ ...vendorExample(ids), body: { description: 'Oppdatert', version: 1 } }),
    handler: async (ctx, { params, body }) =>
      ctx.work(async (tx) => {
        await updateVendor(tx, params.id, body, ctx.services.clock());
        return detailFor(ctx, tx, params.id);
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vendors/:id/products',
    summary: 'Legg til et produkt hos leverandøren',
    tags,
    access: manage,
    params: idParams,
    body: createProductBody,
    example: (ids) => ({ ...vendorExample(ids), body: { name: 'Eksempelprodukt' } }),
    handler: async (ctx, { params, body }, reply) => {
      const product = await ctx.work((tx) => createProduct(tx, params.id, body));
      reply.code(201);
      return { product: { id: product.id, name: product.name, version: product.version } };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/vendors/:id/products/:childId',
    summary: 'Endre et produkt (drift, land, slutt på støtte)',
    tags,
    access: manage,
    params: childParams,
    body: updateProductBody,
    example: (ids) => ({ params: { id: ids.vendorId!, childId: ids.productId! }, body: { currentVersion: '2.0', version: 1 } }),
    handler: async (ctx, { params, body }) => {
      const product = await ctx.work((tx) => updateProduct(tx, params.id, params.childId, body, ctx.services.clock()));
      return { product: { id: product.id, name: product.name, version: product.version } };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vendors/:id/sub-processors',
    summary: 'Registrer en underdatabehandler (varsler kommunene som bruker leverandøren)',
    tags,
    access: manage,
    params: idParams,
    body: subProcessorBody,
    example: (ids) => ({ ...vendorExample(ids), body: { name: 'Eksempel Drift AS', country: 'SE' } }),
    handler: async (ctx, { params, body }, reply) => {
      const actor = ctx.requireActor();
      const { row, change } = await ctx.work((tx) => addSubProcessor(tx, params.id, body, actor.userId));
      reply.code(201);
      return { id: row.id, notified: change.notified };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/vendors/:id/sub-processors/:childId',
    summary: 'Fjern en underdatabehandler',
    tags,
    access: manage,
    params: childParams,
    example: (ids) => ({ params: { id: ids.vendorId!, childId: ids.subProcessorId! } }),
    handler: async (ctx, { params }) => {
      await ctx.work((tx) => removeSubProcessor(tx, params.id, params.childId));
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vendors/:id/certifications',
    summary: 'Registrer en sertifisering med utløpsdato',
    tags,
    access: manage,
    params: idParams,
    body: certificationBody,
    example: (ids) => ({ ...vendorExample(ids), body: { kind: 'iso27001', validUntil: '2030-01-01' } }),
    handler: async (ctx, { params, body }, reply) => {
      const row = await ctx.work((tx) => addCertification(tx, params.id, body));
      reply.code(201);
      return { id: row.id };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/vendors/:id/certifications/:childId',
    summary: 'Fjern en sertifisering',
    tags,
    access: manage,
    params: childParams,
    example: (ids) => ({ params: { id: ids.vendorId!, childId: ids.certificationId! } }),
    handler: async (ctx, { params }) => {
      await ctx.work((tx) => removeCertification(tx, params.id, params.childId));
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vendors/:id/audit-reports',
    summary: 'Registrer en revisjonsrapport',
    tags,
    access: manage,
    params: idParams,
    body: auditReportBody,
    example: (ids) => ({ ...vendorExample(ids), body: { kind: 'pentest', title: 'Inntrengningstest 2026' } }),
    handler: async (ctx, { params, body }, reply) => {
      const row = await ctx.work((tx) => addAuditReport(tx, params.id, body));
      reply.code(201);
      return { id: row.id };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vendors/:id/findings',
    summary: 'Registrer et funn (varsler kommunene som bruker leverandøren)',
    tags,
    access: manage,
    params: idParams,
    body: findingBody,
    example: (ids) => ({ ...vendorExample(ids), body: { title: 'Mangler logg over administratortilgang', severity: 'medium' } }),
    handler: async (ctx, { params, body }, reply) => {
      const actor = ctx.requireActor();
      const { row, change } = await ctx.work((tx) => addFinding(tx, params.id, body, actor.userId));
      reply.code(201);
      return { id: row.id, notified: change?.notified ?? 0 };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/vendors/:id/findings/:childId',
    summary: 'Følg opp et funn (status, oppfølging, frist)',
    tags,
    access: manage,
    params: childParams,
    body: updateFindingBody,
    example: (ids) => ({ params: { id: ids.vendorId!, childId: ids.findingId! }, body: { status: 'closed', version: 1 } }),
    handler: async (ctx, { params, body }) => {
      const row = await ctx.work((tx) => updateFinding(tx, params.id, params.childId, body, today(ctx), ctx.services.clock()));
      return { id: row.id, status: row.status, version: row.version };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vendors/:id/incidents',
    summary: 'Registrer en sikkerhetshendelse hos leverandøren (varsler kommunene)',
    tags,
    access: manage,
    params: idParams,
    body: incidentBody,
    example: (ids) => ({ ...vendorExample(ids), body: { title: 'Uautorisert tilgang', occurredOn: '2026-01-10' } }),
    handler: async (ctx, { params, body }, reply) => {
      const actor = ctx.requireActor();
      const { row, change } = await ctx.work((tx) => addIncident(tx, params.id, body, actor.userId));
      reply.code(201);
      return { id: row.id, notified: change.notified };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vendors/:id/notices',
    summary: 'Publiser en melding om leverandøren til kommunene som bruker den (én gang)',
    tags,
    access: manage,
    params: idParams,
    body: noticeBody,
    example: (ids) => ({ ...vendorExample(ids), body: { kind: 'dpa_changed', title: 'Ny versjon av databehandleravtalen' } }),
    handler: async (ctx, { params, body }, reply) => {
      const actor = ctx.requireActor();
      const change = await ctx.work((tx) => publishNotice(tx, params.id, body, actor.userId));
      reply.code(201);
      return change;
    },
  }),
];
