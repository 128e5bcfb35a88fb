import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { presentPolicies } from '../../server/policy';
import { defineRoute, policy } from '../../server/route';
import { processingContentDir } from './content';
import { publishTemplateBody, slugParams, templateUrn, type PublishTemplateBody } from './contract';
import { fieldKeys } from './fields';
import { processingPolicies } from './policy';
import { measureUrnsIn, presentServiceArea, presentTemplateSummary } from './presenter';
import { latestTemplate, latestTemplates, listServiceAreas, measureTitles, publishTemplate, templateHistory } from './template-service';

const tags = ['Behandlingsprotokoll – nasjonale maler'];

/** A valid publish body for the route-matrix test: the template as it is in content/, with one change. */
function examplePublishBody(slug: string): PublishTemplateBody {
  const file = parse(readFileSync(join(processingContentDir, 'templates', `${slug}.yaml`), 'utf8')) as Record<string, unknown>;
  const content = Object.fromEntries(fieldKeys.map((k) => [k, file[k] ?? null])) as PublishTemplateBody['content'];
  return {
    baseVersion: Number(file.version),
    content: { ...content, notes: `${String(content.notes ?? '')} Endret i matrisetesten.`.trim() },
    localFields: file.local_fields as PublishTemplateBody['localFields'],
    uncertain: (file.uncertain ?? []) as PublishTemplateBody['uncertain'],
    changeNote: 'Endring fra matrisetesten.',
  };
}

export const processingNationalRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/processing/national/templates',
    summary: 'Alle nasjonale maler for behandlingsprotokollen (nyeste versjon)',
    tags,
    access: policy(processingPolicies.viewTemplates),
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => ({
        templates: (await latestTemplates(tx)).map(presentTemplateSummary),
        serviceAreas: (await listServiceAreas(tx)).map(presentServiceArea),
        policies: presentPolicies(processingPolicies, actor),
      }));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/processing/national/templates/:slug',
    summary: 'Én nasjonal mal med alt innhold og versjonshistorikk',
    tags,
    access: policy(processingPolicies.viewTemplates),
    params: slugParams,
    example: () => ({ params: { slug: 'teknisk-byggesak-plan' } }),
    handler: async (ctx, { params }) => {
      const actor = ctx.requireActor();
      return ctx.work(async (tx) => {
        const template = await latestTemplate(tx, templateUrn(params.slug));
        const history = await templateHistory(tx, template.urn);
        return {
          template: { ...presentTemplateSummary(template), content: template.content, uncertain: template.uncertain, changeNote: template.changeNote },
          history: history.map((h) => ({ ...h, publishedAt: h.publishedAt.toISOString() })),
          serviceAreas: (await listServiceAreas(tx)).map(presentServiceArea),
          measures: Object.fromEntries(await measureTitles(tx, measureUrnsIn(template.content))),
          policies: presentPolicies(processingPolicies, actor),
        };
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/processing/national/templates/:slug/versions',
    summary: 'Publiser en ny versjon av malen; alle kommuner som har tatt den i bruk, får et forslag',
    tags,
    access: policy(processingPolicies.publishTemplates),
    params: slugParams,
    body: publishTemplateBody,
    bodyLimit: 200_000,
    example: () => ({ params: { slug: 'teknisk-byggesak-plan' }, body: examplePublishBody('teknisk-byggesak-plan') }),
    handler: async (ctx, { params, body }, reply) => {
      const actor = ctx.requireActor();
      const result = await ctx.work((tx) => publishTemplate(tx, templateUrn(params.slug), body, actor.userId));
      reply.code(201);
      return result;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/processing/national/templates/:slug/yaml',
    summary: 'Nyeste versjon av malen som YAML, til å legge inn i content/processing',
    tags,
    access: policy(processingPolicies.viewTemplates),
    params: slugParams,
    example: () => ({ params: { slug: 'teknisk-byggesak-plan' } }),
    handler: async (ctx, { params }, reply) => {
      const template = await ctx.work((tx) => latestTemplate(tx, templateUrn(params.slug)));
      // The same shape and key order as the files in content/processing/templates (see its README).
      const file = { urn: template.urn, version: template.version, ...template.content, local_fields: template.localFields, uncertain: template.uncertain };
      reply.header('content-type', 'application/yaml; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${params.slug}.yaml"`);
      return reply.send(stringify(file, { lineWidth: 120 }));
    },
  }),
];
