import type { Database } from '../../db/connection';
import { enterOrganization, withOwner, type Tx } from '../../db/tenant';
import type { MatrixOrganization } from '../../test/matrix-fixtures';
import { createEntry } from '../processing/record-service';
import type { DpiaTemplateContent } from './model';
import { startDpia } from './dpia-service';
import { saveScreening } from './screening-service';
import { publishChangedForTest } from './template-service';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/sql';

/** Test factories for DPIA (the module's tests and the route matrix). */

export const asOwner = <T>(database: Database, organizationId: string | null, work: (tx: Tx) => Promise<T>) =>
  withOwner(database.owner, { organizationId: null, userId: null, requestId: 'dpia-test' }, async (tx) => {
    if (organizationId) await enterOrganization(tx, organizationId);
    return work(tx);
  });

export async function buildEntry(database: Database, organizationId: string, name: string): Promise<string> {
  return asOwner(database, organizationId, async (tx) => (await createEntry(tx, organizationId, null, { kind: 'local', name, serviceArea: 'helse-og-omsorg' })).id);
}

export async function publishForTest(database: Database, slug: string, change: (c: DpiaTemplateContent) => void): Promise<number> {
  return asOwner(database, null, (tx) => publishChangedForTest(tx, slug, change));
}

/** The victim organisation's DPIA things for the route-matrix test. */
export async function buildDpiaFixture(database: Database, target: MatrixOrganization): Promise<Record<string, string>> {
  const entryId = await buildEntry(database, target.organizationId, `DPIA-behandling ${target.marker}`);
  const ids = await asOwner(database, target.organizationId, async (tx) => {
    await saveScreening(tx, target.organizationId, null, entryId, {
      criteria: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ criterion: n, met: n < 3, reason: n < 3 ? `Grunn ${target.marker}` : '' })),
      listHits: [],
    });
    const dpia = await startDpia(tx, target.organizationId, null, { entryId, templateSlug: 'epj-helse-omsorg', title: `DPIA ${target.marker}` });
    const other = await startDpia(tx, target.organizationId, null, { entryId, templateSlug: 'laeringsplattform-grunnskole', title: `Skole-DPIA ${target.marker}` });
    return { dpiaId: dpia.id, otherId: other.id };
  });
  await publishForTest(database, 'laeringsplattform-grunnskole', (c) => {
    c.summary = `${c.summary ?? ''} Endret for matrisen.`;
  });
  const [proposal] = await asOwner(database, target.organizationId, (tx) => queryRows<{ id: string }>(tx, sql`select id from dpia_proposals where dpia_id = ${ids.otherId} and status = 'open'`));
  return { dpiaId: ids.dpiaId, dpiaEntryId: entryId, dpiaProposalId: proposal!.id };
}
