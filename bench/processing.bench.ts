// Records of processing: the work a municipality saves with the national templates, and how fast a template
// update reaches every municipality. Run: npx tsx bench/processing.bench.ts
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/sql';
import { withOwner, withTenant } from '../src/db/tenant';
import { loadProcessingContent, MAX_LOCAL_FIELDS_TOTAL } from '../src/modules/processing/content';
import { templateUrn, type PublishTemplateBody } from '../src/modules/processing/contract';
import { fieldDefs } from '../src/modules/processing/fields';
import { latestTemplate, publishTemplate } from '../src/modules/processing/template-service';
import { buildUser, nationalOrganization } from '../src/test/factories';
import { benchDatabase, percentile, report, timeRepeated } from './support';

// ---------------------------------------------------------------- fields to fill, from the content

const content = loadProcessingContent();
if (content.errors.length) throw new Error(`content/processing har feil: ${content.errors[0]!.message}`);
const templates = content.templates;
const localFields = templates.reduce((sum, t) => sum + t.localFields.length, 0);
// Filled once in the organisation profile and inherited by every entry (controller, DPO contact).
const organizationFields = fieldDefs.filter((d) => d.scope === 'org').length;
const withTemplates = localFields + organizationFields;
// From scratch, every field of every entry is the municipality's to write.
const fromScratch = fieldDefs.length * templates.length;

report(`Felt kommunen fyller ut for de ${templates.length} standardbehandlingene`, [
  { name: 'med nasjonale maler (lokale felt + kommuneprofil én gang)', value: withTemplates, unit: 'felt', target: `≤ ${MAX_LOCAL_FIELDS_TOTAL}`, ok: withTemplates <= MAX_LOCAL_FIELDS_TOTAL, baseline: `${localFields} lokale + ${organizationFields} i profilen` },
  { name: 'fra bunnen av (alle art. 30-felt i hver behandling)', value: fromScratch, unit: 'felt', baseline: `${fieldDefs.length} felt × ${templates.length}` },
  { name: 'andel som gjenstår med maler', value: (withTemplates / fromScratch) * 100, unit: '%', baseline: `${fromScratch - withTemplates} felt spart` },
]);

// ---------------------------------------------------------------- publishing a template update to every adopter

const SLUG = 'helse-pleie-omsorg';
const bench = await benchDatabase();
try {
  const { database } = bench;
  const editor = await buildUser(database, { name: 'Benk Fellesforvalter' });
  const national = await nationalOrganization(database);
  await withOwner(database.owner, { organizationId: national.id, userId: null, requestId: 'bench-setup' }, async (tx) => {
    await tx.execute(sql`insert into memberships (organization_id, user_id, role) values (${national.id}, ${editor.id}, 'fellesforvalter')`);
    // Every municipality has adopted every template, and overridden the retention period of this one.
    await tx.execute(sql`insert into processing_entries (organization_id, kind, template_urn, template_version)
      select o.id, 'template', t.urn, t.version from organizations o cross join processing_templates t where o.kind = 'municipality'`);
    await tx.execute(sql`insert into processing_entry_values (organization_id, entry_id, field, value)
      select e.organization_id, e.id, 'retention_period', to_jsonb('Lokal lagringstid'::text) from processing_entries e where e.template_urn = ${templateUrn(SLUG)}`);
  });
  const [counts] = await queryRows<{ municipalities: number; entries: number }>(
    database.owner,
    sql`select (select count(*) from organizations where kind = 'municipality')::int as municipalities, (select count(*) from processing_entries)::int as entries`,
  );

  const asEditor = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(database.app, { organizationId: national.id, userId: editor.id, requestId: `bench-${randomUUID()}`, nationalWriter: true }, work);
  let proposals = 0;
  const publishOnce = (slug: string) =>
    asEditor(async (tx) => {
      const latest = await latestTemplate(tx, templateUrn(slug));
      const body: PublishTemplateBody = {
        baseVersion: latest.version,
        content: { ...latest.content, notes: `${String(latest.content.notes)} Endret i versjon ${latest.version + 1}.` },
        localFields: latest.localFields as PublishTemplateBody['localFields'],
        uncertain: latest.uncertain,
        changeNote: `Versjon ${latest.version + 1} fra benken.`,
      };
      proposals = (await publishTemplate(tx, latest.urn, body, editor.id)).proposals;
    });

  // Same run, same code, a template nobody has adopted: what publishing costs before any proposal is made.
  await withOwner(database.owner, { organizationId: null, userId: null, requestId: 'bench-setup' }, (tx) =>
    tx.execute(sql`delete from processing_entries where template_urn = ${templateUrn('teknisk-byggesak-plan')}`),
  );
  const empty = await timeRepeated(5, () => publishOnce('teknisk-byggesak-plan'));
  const times = await timeRepeated(7, () => publishOnce(SLUG));
  const [open] = await queryRows<{ n: number }>(database.owner, sql`select count(*)::int as n from processing_proposals where template_urn = ${templateUrn(SLUG)} and status = 'open'`);
  const [entriesMoved] = await queryRows<{ n: number }>(database.owner, sql`select count(*)::int as n from processing_entries where template_urn = ${templateUrn(SLUG)} and template_version <> 1`);

  report(`Publisere en ny malversjon til ${counts!.municipalities} kommuner (${counts!.entries} behandlinger i basen, PostgreSQL, app-rolle uten BYPASSRLS)`, [
    { name: 'publisering med forslag til alle kommunene, median', value: percentile(times, 50), unit: 'ms', target: '≤ 1000 ms', ok: percentile(times, 50) <= 1000 },
    { name: 'publisering med forslag til alle kommunene, verste av 7', value: times[times.length - 1]!, unit: 'ms', target: '≤ 1000 ms', ok: times[times.length - 1]! <= 1000 },
    { name: 'publisering uten kommuner som bruker malen, median', value: percentile(empty, 50), unit: 'ms', baseline: 'samme kjøring, grunnkostnad' },
    { name: 'åpne forslag etter siste publisering', value: open!.n, unit: 'forslag', target: `= ${counts!.municipalities}`, ok: open!.n === counts!.municipalities && proposals === counts!.municipalities },
    { name: 'behandlinger endret uten kommunens handling', value: entriesMoved!.n, unit: 'behandlinger', target: '= 0', ok: entriesMoved!.n === 0 },
  ]);
} finally {
  await bench.drop();
}
