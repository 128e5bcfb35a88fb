import { eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { presentPolicies } from '../../server/policy';
import { defineRoute, policy } from '../../server/route';
import { organizationProfile } from '../processing/repository';
import { users } from '../users/schema';
import { declineBody, detailQuery, idParams, publishBody, slugParams } from './contract';
import { dpiaDetail, scales } from './dpia-service';
import { reportDocx } from './outputs/docx';
import { reportPdf } from './outputs/pdf';
import { buildReport } from './outputs/report';
import { dpiaPolicies } from './policy';
import { acceptProposal, declineProposal, listProposals } from './proposal-service';
import { latestTemplates, presentTemplate, publishTemplate, templateDetail } from './template-service';
import type { RequestContext } from '../../server/context';

const tags = ['DPIA'];

function sendFile(reply: FastifyReply, name: string, contentType: string, body: Buffer) {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/"/g, '');
  reply.header('content-type', contentType);
  reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  return reply.send(body);
}

async function report(ctx: RequestContext, id: string, version: string | undefined, format: string) {
  const actor = ctx.requireActor();
  return ctx.work(async (tx) => {
    const detail = await dpiaDetail(tx, actor.organizationId, id, ctx.services.clock(), version ? Number(version) : undefined);
    const org = await organizationProfile(tx, actor.organizationId);
    const owner = detail.view.localFields.find((f) => f.input === 'person')?.value;
    const [person] = typeof owner === 'string' ? await tx.select({ name: users.name }).from(users).where(eq(users.id, owner)) : [];
    await tx.execute(sql`select audit_log_event('dpia', ${id}, 'export', ${JSON.stringify({ format, version: detail.shown.number })}::jsonb)`);
    const name = `dpia-${detail.shown.title}-v${detail.shown.number}`.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase();
    return { report: buildReport(detail, org.name, scales(), (v) => (v === owner && person ? person.name : v ? String(v) : '–')), name };
  });
}

export const dpiaOtherRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/dpia/dpias/:id/document.pdf',
    summary: 'DPIA-en som PDF, med risikokart før og etter tiltak, godkjenning og versjon',
    tags,
    access: policy(dpiaPolicies.view),
    params: idParams,
    query: detailQuery,
    example: (ids) => ({ params: { id: ids.dpiaId! } }),
    handler: async (ctx, { params, query }, reply) => {
      const { report: r, name } = await report(ctx, params.id, query.version, 'pdf');
      return sendFile(reply, `${name}.pdf`, 'application/pdf', await reportPdf(r));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/dpia/dpias/:id/document.docx',
    summary: 'DPIA-en som Word-dokument',
    tags,
    access: policy(dpiaPolicies.view),
    params: idParams,
    query: detailQuery,
    example: (ids) => ({ params: { id: ids.dpiaId! } }),
    handler: async (ctx, { params, query }, reply) => {
      const { report: r, name } = await report(ctx, params.id, query.version, 'docx');
      return sendFile(reply, `${name}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await reportDocx(r));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/dpia/proposals',
    summary: 'Forslag fra nye versjoner av nasjonale DPIA-maler',
    tags,
    access: policy(dpiaPolicies.view),
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => ({ proposals: await listProposals(tx, actor.organizationId), policies: presentPolicies(dpiaPolicies, actor) }));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/dpia/proposals/:id/accept',
    summary: 'Ta inn den nye malversjonen som et nytt utkast; kommunens lokale verdier beholdes',
    tags,
    access: policy(dpiaPolicies.edit),
    params: idParams,
    example: (ids) => ({ params: { id: ids.dpiaProposalId! } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      return ctx.work((tx) => acceptProposal(tx, actor.organizationId, actor.userId, params.id));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/dpia/proposals/:id/decline',
    summary: 'Avvis et forslag (beslutningen lagres)',
    tags,
    access: policy(dpiaPolicies.edit),
    params: idParams,
    body: declineBody,
    example: (ids) => ({ params: { id: ids.dpiaProposalId! }, body: { note: 'Vurdert lokalt.' } }),
    handler: async (ctx, { params, body }) => {
      const actor = ctx.requireActor();
      await ctx.work((tx) => declineProposal(tx, actor.organizationId, actor.userId, params.id, body.note ?? null));
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/dpia/national/templates',
    summary: 'De nasjonale DPIA-malene (nyeste versjon)',
    tags,
    access: policy(dpiaPolicies.viewTemplates),
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => ({ templates: (await latestTemplates(tx)).map(presentTemplate), policies: presentPolicies(dpiaPolicies, actor) }));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/dpia/national/templates/:slug',
    summary: 'Én nasjonal DPIA-mal med innhold og versjonshistorikk',
    tags,
    access: policy(dpiaPolicies.viewTemplates),
    params: slugParams,
    example: () => ({ params: { slug: 'epj-helse-omsorg' } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => ({ template: await templateDetail(tx, params.slug), policies: presentPolicies(dpiaPolicies, actor) }));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/dpia/national/templates/:slug/versions',
    summary: 'Publiser en ny versjon av en DPIA-mal; kommuner med DPIA fra malen får et forslag',
    tags,
    access: policy(dpiaPolicies.publishTemplates),
    params: slugParams,
    body: publishBody,
    example: () => ({ params: { slug: 'velferdsteknologi-hjemmetjeneste' }, body: { baseVersion: 1, summary: 'Endret sammendrag fra matrisetesten.', changeNote: 'Endring fra matrisetesten.' } }),
    handler: async (ctx, { params, body }, reply) => {
      const actor = ctx.requireActor();
      const result = await ctx.work((tx) => publishTemplate(tx, params.slug, body, actor.userId));
      reply.code(201);
      return result;
    },
  }),
];
