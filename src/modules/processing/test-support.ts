import { sql } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { queryRows } from '../../db/sql';
import { enterOrganization, withOwner, type Tx } from '../../db/tenant';
import type { MatrixOrganization } from '../../test/matrix-fixtures';
import { systems } from '../systems/schema';
import { vendors } from '../vendors/schema';
import { templateUrn, type TemplateContent } from './contract';
import { adoptTemplates, createEntry, updateEntry } from './record-service';
import { insertVersionAndPropose, latestTemplate } from './template-service';

/** Test factories for the records of processing (used by the module's tests and the route matrix). */

const owner = <T>(database: Database, organizationId: string | null, work: (tx: Tx) => Promise<T>) =>
  withOwner(database.owner, { organizationId: null, userId: null, requestId: 'processing-test' }, async (tx) => {
    if (organizationId) await enterOrganization(tx, organizationId);
    return work(tx);
  });

export async function buildSystem(database: Database, organizationId: string, name = 'Fagsystem'): Promise<string> {
  return owner(database, organizationId, async (tx) => (await tx.insert(systems).values({ organizationId, name }).returning())[0]!.id);
}

export async function buildVendor(database: Database, name = 'Leverandør AS'): Promise<string> {
  return owner(database, null, async (tx) => (await tx.insert(vendors).values({ name }).returning())[0]!.id);
}

export async function adoptForTest(database: Database, organizationId: string, userId: string, slugs: string[]) {
  return owner(database, organizationId, (tx) => adoptTemplates(tx, organizationId, userId, { templateUrns: slugs.map(templateUrn) }));
}

export async function entryVersion(database: Database, entryId: string): Promise<number> {
  return owner(database, null, async (tx) => {
    const [row] = await queryRows<{ version: number }>(tx, sql`select version from processing_entries where id = ${entryId}`);
    return Number(row!.version);
  });
}

/**
 * Publishes a new version of a template as the national team would (changes applied to the latest
 * version), and returns the new version and how many proposals it created.
 */
export async function publishForTest(database: Database, slug: string, changes: Partial<TemplateContent>, localFields?: string[]) {
  return owner(database, null, async (tx) => {
    await tx.execute(sql`select set_config('app.national_writer', 'on', true)`);
    const latest = await latestTemplate(tx, templateUrn(slug));
    const version = latest.version + 1;
    const proposals = await insertVersionAndPropose(tx, {
      urn: latest.urn,
      version,
      content: { ...latest.content, ...changes } as TemplateContent,
      localFields: localFields ?? latest.localFields,
      uncertain: latest.uncertain,
      changeNote: 'Endret i test.',
      origin: 'editor',
      publishedBy: null,
    });
    return { version, proposals };
  });
}

/** The victim organisation's records of processing for the route-matrix test. */
export async function buildProcessingFixture(database: Database, target: MatrixOrganization): Promise<Record<string, string>> {
  const systemId = await buildSystem(database, target.organizationId, `Behandlingssystem ${target.marker}`);
  const vendorId = await buildVendor(database, `Leverandør for matrisen ${target.marker.slice(-4)}`);
  const ids = await owner(database, target.organizationId, async (tx) => {
    const adopted = await adoptTemplates(tx, target.organizationId, null, { templateUrns: [templateUrn('kultur-kulturskole-bibliotek-booking')] });
    const entryId = adopted.created[0]!.id;
    await updateEntry(tx, target.organizationId, null, entryId, {
      version: 1,
      values: { responsible_unit: `Enhet ${target.marker}`, notes: `Overstyrt ${target.marker}` },
      systemIds: [systemId],
      processors: [{ vendorId, dpaInPlace: true, dpaDate: '2025-01-01' }],
    });
    const local = await createEntry(tx, target.organizationId, null, { kind: 'local', name: `Lokal ${target.marker}`, serviceArea: 'kultur' });
    return { entryId, localEntryId: local.id };
  });
  await publishForTest(database, 'kultur-kulturskole-bibliotek-booking', { notes: 'Ny nasjonal merknad.' });
  const proposalId = await owner(database, target.organizationId, async (tx) => {
    const [row] = await queryRows<{ id: string }>(tx, sql`select id from processing_proposals where entry_id = ${ids.entryId} and status = 'open'`);
    return row!.id;
  });
  return { processingEntryId: ids.entryId, processingLocalEntryId: ids.localEntryId, processingProposalId: proposalId, processingSystemId: systemId };
}
