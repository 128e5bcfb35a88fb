import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../server/context';
import { allows, presentPolicies } from '../../server/policy';
import { defineRoute, policy } from '../../server/route';
import { organizations } from '../organizations/schema';
import { osloDay } from '../vendors/status';
import { assessmentCandidates } from './candidates';
import { riskContent } from './content';
import {
  acceptBody,
  addMeasureBody,
  addRiskBody,
  assessmentIdParams,
  createAssessmentBody,
  dismissBody,
  listQuery,
  measureIdParams,
  riskIdParams,
  saveMatrixBody,
  updateAssessmentBody,
  updateRiskBody,
  type MatrixResponse,
} from './contract';
import { loadAssessment, loadDetail } from './detail';
import { readMatrix, saveMatrix } from './matrix-service';
import { toMatrixInput } from './matrix-shape';
import { renderRiskPdf } from './outputs/pdf';
import { riskPolicies } from './policy';
import { addMeasure, addRisk, deleteMeasure, deleteRisk, dismissThreat, measureToActionPlan, updateRisk } from './risk-service';
import { acceptAssessment, createAssessment, deleteDraft, listAssessments, reviseAssessment, riskOptions, updateAssessment } from './service';

const tags = ['Risikovurdering (ROS)'];
const view = policy(riskPolicies.view);
const edit = policy(riskPolicies.edit);
const accept = policy(riskPolicies.accept);
const configureMatrix = policy(riskPolicies.configureMatrix);
const today = (ctx: RequestContext) => osloDay(ctx.services.clock());

async function detail(ctx: RequestContext, id: string) {
  const actor = ctx.requireActor();
  const loaded = await ctx.work((tx) => loadDetail(tx, actor.organizationId, id));
  return {
    ...loaded,
    policies: presentPolicies(riskPolicies, actor),
    canAccept: loaded.assessment.status === 'draft' && loaded.assessment.riskOwner?.id === actor.userId && allows(riskPolicies.accept, actor),
  };
}

const idExample = (ids: Record<string, string>) => ({ params: { id: ids.riskAssessmentId! } });

async function matrixResponse(ctx: RequestContext): Promise<MatrixResponse> {
  const actor = ctx.requireActor();
  return { ...(await ctx.work((tx) => readMatrix(tx, actor.organizationId))), policies: presentPolicies(riskPolicies, actor) };
}

export const riskRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/risk/content',
    summary: 'Felles trusselkatalog og risikomatrise (nasjonalt innhold)',
    tags,
    access: view,
    handler: async () => riskContent(),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/risk/matrix',
    summary: 'Risikomatrisen nye risikovurderinger får: den nasjonale eller kommunens egen',
    tags,
    access: view,
    handler: async (ctx) => matrixResponse(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/risk/matrix',
    summary: 'Lagre kommunens egen risikomatrise, eller gå tilbake til den nasjonale (matrix: null). Oppgi versjonen du leste.',
    tags,
    access: configureMatrix,
    body: saveMatrixBody,
    example: () => ({ body: { matrix: toMatrixInput(riskContent().matrix), version: 0 } }),
    handler: async (ctx, { body }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => saveMatrix(tx, actor.organizationId, actor.userId, body, ctx.services.clock()));
      return matrixResponse(ctx);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/risk/options',
    summary: 'Systemer, behandlinger og personer å velge mellom i en ny risikovurdering',
    tags,
    access: view,
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.work((tx) => riskOptions(tx, actor.organizationId));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/risk/assessments',
    summary: 'Kommunens risikovurderinger (valgfritt for ett system)',
    tags,
    access: view,
    query: listQuery,
    handler: async (ctx, { query }) => {
      const actor = ctx.requireActor();
      const items = await ctx.work((tx) => listAssessments(tx, actor.organizationId, query.systemId));
      return { items, policies: presentPolicies(riskPolicies, actor) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/risk/assessments',
    summary: 'Start en risikovurdering av et system, en tjeneste eller en behandling',
    tags,
    access: edit,
    body: createAssessmentBody,
    example: () => ({ body: { subjectKind: 'service', serviceName: 'Hjemmetjenesten', title: 'ROS for hjemmetjenesten' } }),
    handler: async (ctx, { body }, reply) => {
      const actor = ctx.requireActor();
      const id = await ctx.work((tx) => createAssessment(tx, actor.organizationId, actor.userId, body));
      reply.code(201);
      return detail(ctx, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/risk/assessments/:id',
    summary: 'Én risikovurdering med risikoer, tiltak og godkjente versjoner',
    tags,
    access: view,
    params: assessmentIdParams,
    example: idExample,
    handler: async (ctx, { params }) => detail(ctx, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/risk/assessments/:id',
    summary: 'Endre tittel, omfang, risikoeier eller neste gjennomgang (oppgi versjonen du leste)',
    tags,
    access: edit,
    params: assessmentIdParams,
    body: updateAssessmentBody,
    example: (ids) => ({ ...idExample(ids), body: { scope: 'Hele systemet', version: 1 } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => updateAssessment(tx, actor.organizationId, params.id, body));
      return detail(ctx, params.id);
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/risk/assessments/:id',
    summary: 'Slett et utkast som aldri er godkjent',
    tags,
    access: edit,
    params: assessmentIdParams,
    example: idExample,
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => deleteDraft(tx, actor.organizationId, params.id));
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/risk/assessments/:id/candidates',
    summary: 'Foreslåtte trusler ut fra det systemoversikten vet, med begrunnelse og manglende opplysninger',
    tags,
    access: view,
    params: assessmentIdParams,
    example: idExample,
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => assessmentCandidates(tx, actor.organizationId, await loadAssessment(tx, actor.organizationId, params.id), today(ctx)));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/risk/assessments/:id/risks',
    summary: 'Legg til en trussel fra katalogen eller en egen trussel',
    tags,
    access: edit,
    params: assessmentIdParams,
    body: addRiskBody,
    example: (ids) => ({ ...idExample(ids), body: { title: 'Egen trussel' } }),
    handler: async (ctx, { params, body }, reply) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => addRisk(tx, actor.organizationId, params.id, body));
      reply.code(201);
      return detail(ctx, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/risk/assessments/:id/dismissals',
    summary: 'Avvis en foreslått trussel med begrunnelse',
    tags,
    access: edit,
    params: assessmentIdParams,
    body: dismissBody,
    example: (ids) => ({ ...idExample(ids), body: { threatUrn: 'urn:samsvar:threat:tjenestenekt', reason: 'Ikke nåbar fra internett.' } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => dismissThreat(tx, actor.organizationId, params.id, body.threatUrn, body.reason));
      return detail(ctx, params.id);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/risk/assessments/:id/risks/:riskId',
    summary: 'Vurder en risiko: sannsynlighet, konsekvens, eksisterende tiltak og restrisiko',
    tags,
    access: edit,
    params: riskIdParams,
    body: updateRiskBody,
    example: (ids) => ({ params: { id: ids.riskAssessmentId!, riskId: ids.riskId! }, body: { likelihood: 3, consequence: 4 } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => updateRisk(tx, actor.organizationId, params.id, params.riskId, body));
      return detail(ctx, params.id);
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/risk/assessments/:id/risks/:riskId',
    summary: 'Fjern en risiko eller en avvisning',
    tags,
    access: edit,
    params: riskIdParams,
    example: (ids) => ({ params: { id: ids.riskAssessmentId!, riskId: ids.riskId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => deleteRisk(tx, actor.organizationId, params.id, params.riskId));
      return detail(ctx, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/risk/assessments/:id/risks/:riskId/measures',
    summary: 'Legg til et nytt tiltak mot en risiko (valgfritt koblet til et felles tiltak)',
    tags,
    access: edit,
    params: riskIdParams,
    body: addMeasureBody,
    example: (ids) => ({ params: { id: ids.riskAssessmentId!, riskId: ids.riskId! }, body: { title: 'Frakoblet sikkerhetskopi' } }),
    handler: async (ctx, { params, body }, reply) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => addMeasure(tx, actor.organizationId, params.id, params.riskId, body));
      reply.code(201);
      return detail(ctx, params.id);
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/risk/assessments/:id/measures/:measureId',
    summary: 'Fjern et nytt tiltak',
    tags,
    access: edit,
    params: measureIdParams,
    example: (ids) => ({ params: { id: ids.riskAssessmentId!, measureId: ids.riskMeasureId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => deleteMeasure(tx, actor.organizationId, params.id, params.measureId));
      return detail(ctx, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/risk/assessments/:id/measures/:measureId/action',
    summary: 'Legg tiltaket i handlingsplanen (bare én gang)',
    tags,
    access: edit,
    params: measureIdParams,
    example: (ids) => ({ params: { id: ids.riskAssessmentId!, measureId: ids.riskMeasureId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      const created = await ctx.work((tx) => measureToActionPlan(tx, actor.organizationId, actor.userId, params.id, params.measureId));
      return { created, ...(await detail(ctx, params.id)) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/risk/assessments/:id/accept',
    summary: 'Risikoeieren godkjenner risikovurderingen; nye tiltak går til handlingsplanen',
    tags,
    access: accept,
    params: assessmentIdParams,
    body: acceptBody,
    example: (ids) => ({ ...idExample(ids), body: { note: 'Godkjent.' } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => acceptAssessment(tx, actor.organizationId, actor.userId, params.id, body.note ?? null, ctx.services.clock()));
      return detail(ctx, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/risk/assessments/:id/revise',
    summary: 'Start en revisjon av en godkjent risikovurdering (den godkjente versjonen tas vare på)',
    tags,
    access: edit,
    params: assessmentIdParams,
    example: idExample,
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => reviseAssessment(tx, actor.organizationId, params.id, ctx.services.clock()));
      return detail(ctx, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/risk/assessments/:id/pdf',
    summary: 'Last ned risikovurderingen som PDF med risikokart før og etter tiltak',
    tags,
    access: view,
    params: assessmentIdParams,
    example: idExample,
    handler: async (ctx, { params }, reply) => {
      const actor = ctx.requireActor();
      const { loaded, organization } = await ctx.work(async (tx) => {
        const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, actor.organizationId));
        return { loaded: await loadDetail(tx, actor.organizationId, params.id), organization: org?.name ?? '' };
      });
      const pdf = await renderRiskPdf(loaded, loaded.matrix, organization);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="risikovurdering-${today(ctx)}.pdf"`).send(pdf);
    },
  }),
];
