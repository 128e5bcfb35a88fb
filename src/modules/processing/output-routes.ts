import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Tx } from '../../db/tenant';
import type { RequestContext } from '../../server/context';
import { defineRoute, policy } from '../../server/route';
import { documentLanguageQuery } from './contract';
import { renderExcel } from './outputs/excel';
import { recordPdfDefinition, renderPdf } from './outputs/pdf';
import { buildPrivacyNotice, renderNoticeHtml } from './outputs/privacy-notice';
import { buildRecordDocument, type DocContext, type DocLanguage } from './outputs/record-document';
import { processingPolicies } from './policy';
import { loadRecord, type LoadedRecord } from './repository';
import { listServiceAreas, measureTitles } from './template-service';

const tags = ['Behandlingsprotokoll'];

/** Documents follow the organisation's chosen language; English organisations get bokmål documents. */
const languageFor = (requested: DocLanguage | undefined, record: LoadedRecord): DocLanguage =>
  requested ?? (record.organization.documentLanguage === 'nn' ? 'nn' : 'nb');

async function documentContext(tx: Tx, record: LoadedRecord, language: DocLanguage): Promise<DocContext> {
  const areas = await listServiceAreas(tx);
  const urns = record.entries.flatMap((e) => (Array.isArray(e.view.values.security_measures) ? e.view.values.security_measures : []));
  const titles = await measureTitles(tx, urns);
  return {
    language,
    serviceAreaTitle: (id) => {
      const area = areas.find((a) => a.id === id);
      return area ? (language === 'nn' ? area.titleNn : area.title) : (id ?? '');
    },
    measureTitle: (value) => {
      const measure = titles.get(value);
      return measure ? `${measure.code} ${measure.title}`.trim() : value;
    },
  };
}

/** An export is an event worth recording: who took the record out, when, in which form. */
async function logExport(tx: Tx, format: string, language: DocLanguage): Promise<void> {
  await tx.execute(sql`select audit_log_event('processing_record', null, 'export', ${JSON.stringify({ format, language })}::jsonb)`);
}

function fileName(base: string, organization: string, extension: string): string {
  return `${base}-${organization}`.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() + `.${extension}`;
}

function sendFile(reply: FastifyReply, name: string, contentType: string, body: Buffer | string) {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/"/g, '');
  reply.header('content-type', contentType);
  reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  return reply.send(body);
}

async function withRecord<T>(ctx: RequestContext, work: (tx: Tx, record: LoadedRecord) => Promise<T>): Promise<T> {
  const actor = ctx.requireActor();
  return ctx.work(async (tx) => work(tx, await loadRecord(tx, actor.organizationId)));
}

export const processingOutputRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/processing/outputs/record.pdf',
    summary: 'Behandlingsprotokollen som PDF (art. 30), klar til å sende Datatilsynet',
    tags,
    access: policy(processingPolicies.view),
    query: documentLanguageQuery,
    handler: async (ctx, { query }, reply) => {
      const { pdf, name } = await withRecord(ctx, async (tx, record) => {
        const language = languageFor(query.language, record);
        const doc = buildRecordDocument(record, await documentContext(tx, record, language), ctx.services.clock());
        await logExport(tx, 'pdf', language);
        return { pdf: await renderPdf(recordPdfDefinition(doc)), name: fileName('behandlingsprotokoll', record.organization.name, 'pdf') };
      });
      return sendFile(reply, name, 'application/pdf', pdf);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/processing/outputs/record.xlsx',
    summary: 'Behandlingsprotokollen som Excel (art. 30), én rad per behandling',
    tags,
    access: policy(processingPolicies.view),
    query: documentLanguageQuery,
    handler: async (ctx, { query }, reply) => {
      const { file, name } = await withRecord(ctx, async (tx, record) => {
        const language = languageFor(query.language, record);
        const doc = buildRecordDocument(record, await documentContext(tx, record, language), ctx.services.clock());
        await logExport(tx, 'xlsx', language);
        return { file: await renderExcel(doc), name: fileName('behandlingsprotokoll', record.organization.name, 'xlsx') };
      });
      return sendFile(reply, name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/processing/outputs/privacy-notice',
    summary: 'Utkast til personvernerklæring fra behandlingene, på bokmål eller nynorsk',
    tags,
    access: policy(processingPolicies.view),
    query: documentLanguageQuery,
    handler: async (ctx, { query }) =>
      withRecord(ctx, async (tx, record) => {
        const language = languageFor(query.language, record);
        const context = await documentContext(tx, record, language);
        return { notice: buildPrivacyNotice(record, language, context.serviceAreaTitle, ctx.services.clock()), defaultLanguage: languageFor(undefined, record) };
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/processing/outputs/privacy-notice.html',
    summary: 'Utkastet til personvernerklæring som HTML til nettsiden',
    tags,
    access: policy(processingPolicies.view),
    query: documentLanguageQuery,
    handler: async (ctx, { query }, reply) => {
      const { html, name } = await withRecord(ctx, async (tx, record) => {
        const language = languageFor(query.language, record);
        const context = await documentContext(tx, record, language);
        await logExport(tx, 'privacy-notice', language);
        return { html: renderNoticeHtml(buildPrivacyNotice(record, language, context.serviceAreaTitle, ctx.services.clock())), name: fileName('personvernerklaering', record.organization.name, 'html') };
      });
      return sendFile(reply, name, 'text/html; charset=utf-8', html);
    },
  }),
];
