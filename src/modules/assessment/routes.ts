import { z } from '../../shared/validation';
import { defineRoute, policy } from '../../server/route';
import { complianceOverview, frameworkView } from './compliance';
import { addEvidenceBody, EVIDENCE_BODY_LIMIT, idParams, measureListQuery, saveAnswerBody, saveAssessmentBody, urnQuery } from './contract';
import { addEvidence, attachmentHeader, deleteEvidence, evidenceFile } from './evidence';
import { nationalAggregates, recomputeNational, MIN_ORGANIZATIONS } from './national';
import { assessmentOverview } from './overview';
import { assessmentPolicies, assessmentScope } from './policy';
import { saveAnswer } from './questions';
import { listMeasures, measureDetail, saveAssessment } from './service';
import { allMeasures } from './library-read';
import { allows } from '../../server/policy';

const tags = ['Egenvurdering og samsvar'];
const EXAMPLE_MEASURE = 'urn:samsvar:measure:mfa-all-users';
const EXAMPLE_QUESTION = 'urn:samsvar:req:tilsyn-2026:t2-1:q1';
// A tiny valid PDF, for the route matrix.
const EXAMPLE_PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

const listQuery = measureListQuery.extend({ sort: z.enum(['area', 'priority']).default('area') });

export const assessmentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/assessment/measures',
    summary: 'Egenvurdering: de felles tiltakene med organisasjonens vurdering (filtre: rammeverk, NSM-kategori, ansvarlig, status)',
    tags,
    access: policy(assessmentPolicies.view),
    query: listQuery,
    handler: async (ctx, { query }) => {
      const scope = assessmentScope(ctx.requireActor());
      return ctx.work((tx) => listMeasures(tx, scope, query, ctx.services.clock()));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/assessment/measure',
    summary: 'Ett felles tiltak: veiledning, vurdering, dokumentasjon og hvilke krav det teller i',
    tags,
    access: policy(assessmentPolicies.view),
    query: urnQuery,
    example: () => ({ query: { urn: EXAMPLE_MEASURE } }),
    handler: async (ctx, { query }) => {
      const scope = assessmentScope(ctx.requireActor());
      return ctx.work((tx) => measureDetail(tx, scope, query.urn));
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/assessment/measure',
    summary: 'Lagre vurderingen av et tiltak (status, modenhet, ansvarlig, neste gjennomgang, kommentar); samsvar regnes ut på nytt',
    tags,
    access: policy(assessmentPolicies.answerAssigned),
    body: saveAssessmentBody,
    example: () => ({ body: { measureUrn: EXAMPLE_MEASURE, version: 0, status: 'partial', maturity: 2 } }),
    handler: async (ctx, { body }) => {
      const scope = assessmentScope(ctx.requireActor());
      return ctx.work((tx) => saveAssessment(tx, scope, body, ctx.services.clock()));
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/assessment/question',
    summary: 'Svar på et spørsmål i et rammeverk; svaret teller der det er koblet',
    tags,
    access: policy(assessmentPolicies.edit),
    body: saveAnswerBody,
    example: () => ({ body: { questionUrn: EXAMPLE_QUESTION, version: 0, values: ['yes'] } }),
    handler: async (ctx, { body }) => {
      const actor = ctx.requireActor();
      return ctx.work((tx) => saveAnswer(tx, assessmentScope(actor), actor.userId, body, ctx.services.clock()));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/assessment/evidence',
    summary: 'Legg til dokumentasjon: en lenke, eller en fil (PDF, PNG, JPEG, docx, xlsx, txt, csv; høyst 10 MB) som base64',
    tags,
    access: policy(assessmentPolicies.answerAssigned),
    body: addEvidenceBody,
    bodyLimit: EVIDENCE_BODY_LIMIT,
    example: () => ({ body: { kind: 'file', measureUrn: EXAMPLE_MEASURE, fileName: 'rutine.pdf', contentBase64: EXAMPLE_PDF } }),
    handler: async (ctx, { body }, reply) => {
      const scope = assessmentScope(ctx.requireActor());
      const evidence = await ctx.work((tx) => addEvidence(tx, scope, body));
      reply.code(201);
      return { evidence };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/assessment/evidence/:id/file',
    summary: 'Last ned en dokumentasjonsfil',
    tags,
    access: policy(assessmentPolicies.view),
    params: idParams,
    example: (ids) => ({ params: { id: ids.evidenceId! } }),
    handler: async (ctx, { params }, reply) => {
      const scope = assessmentScope(ctx.requireActor());
      const file = await ctx.work((tx) => evidenceFile(tx, scope, params.id));
      return reply.header('content-type', file.contentType).header('content-disposition', attachmentHeader(file.fileName)).send(file.content);
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/assessment/evidence/:id',
    summary: 'Fjern dokumentasjon',
    tags,
    access: policy(assessmentPolicies.answerAssigned),
    params: idParams,
    example: (ids) => ({ params: { id: ids.evidenceId! } }),
    handler: async (ctx, { params }) => {
      const scope = assessmentScope(ctx.requireActor());
      await ctx.work((tx) => deleteEvidence(tx, scope, params.id));
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/assessment/overview',
    summary: 'Status for egenvurderingen og neste steg (startsiden)',
    tags,
    access: policy(assessmentPolicies.view),
    handler: async (ctx) => {
      const scope = assessmentScope(ctx.requireActor());
      return ctx.work((tx) => assessmentOverview(tx, scope, ctx.services.clock()));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/compliance',
    summary: 'Samsvar i hvert rammeverk, avledet av egenvurderingen, og modenhet per område',
    tags,
    access: policy(assessmentPolicies.viewAll),
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.work((tx) => complianceOverview(tx, actor.organizationId));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/compliance/framework',
    summary: 'Samsvar i ett rammeverk: status per krav, mangler og varmekart',
    tags,
    access: policy(assessmentPolicies.viewAll),
    query: urnQuery,
    example: () => ({ query: { urn: 'urn:samsvar:framework:gdpr' } }),
    handler: async (ctx, { query }) => {
      const actor = ctx.requireActor();
      return ctx.work((tx) => frameworkView(tx, actor.organizationId, query.urn, allows(assessmentPolicies.edit, actor)));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/national/compliance',
    summary: 'Anonyme nasjonale tall for samsvar og tiltak (hvert tall bygger på minst fem organisasjoner)',
    tags,
    access: policy(assessmentPolicies.viewNational),
    handler: async (ctx) => {
      const result = await ctx.work(async (tx) => ({ aggregates: await nationalAggregates(tx), measures: await allMeasures(tx) }));
      const titles = new Map(result.measures.map((m) => [m.urn, { code: m.code, title: m.title }]));
      return {
        minOrganizations: MIN_ORGANIZATIONS,
        frameworks: result.aggregates.frameworks,
        measures: result.aggregates.measures.map((m) => ({ ...m, ...(titles.get(m.measureUrn) ?? { code: '', title: '' }) })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/national/compliance/recompute',
    summary: 'Regn ut samsvar på nytt for alle organisasjoner (etter en endring i kravbiblioteket)',
    tags,
    access: policy(assessmentPolicies.recomputeNational),
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const result = await recomputeNational(ctx.services.database.owner, { requestId: ctx.requestId, userId: actor.userId });
      return { organizations: result.organizations, frameworks: result.frameworks, summaries: result.summaries };
    },
  }),
];
