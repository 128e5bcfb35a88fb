import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { contentDir } from '../../paths';
import { contentHash, formatIssue, loadContent } from './content/loader';
import { syncMeasures, type MeasureSyncResult } from './measure-sync';
import { libraryContentState } from './schema';
import { hashOf, insertFrameworkVersion, versionsOf } from './store';

/**
 * The reference seeder for the library: content/library and the vendor questionnaire into the database at
 * start-up. When the files are unchanged since the last load it does nothing at all (one read). A framework
 * file with a higher `version:` becomes a new framework version beside the old one; the common measures are
 * updated in place.
 */

/** Raise when the way content is turned into rows changes, so that every installation loads it again. */
const SEED_FORMAT = '1';
const STATE_KEY = 'library';

export interface LibrarySeedResult {
  skipped: boolean;
  newVersions: { urn: string; version: number }[];
  measures: MeasureSyncResult | null;
  warnings: string[];
}

export async function seedLibrary(tx: Tx, root: string = contentDir): Promise<LibrarySeedResult> {
  const hash = createHash('sha256').update(`${SEED_FORMAT}\0${contentHash(root)}`).digest('hex');
  const [state] = await tx.select().from(libraryContentState).where(eq(libraryContentState.key, STATE_KEY));
  const result: LibrarySeedResult = { skipped: false, newVersions: [], measures: null, warnings: [] };
  if (state?.hash === hash) return { ...result, skipped: true };
  const load = loadContent(root);
  if (load.issues.length) {
    throw new Error(`Innholdet i ${root} har feil og er ikke lastet inn (kjør samsvar content lint):\n${load.issues.slice(0, 10).map(formatIssue).join('\n')}`);
  }

  for (const { file, framework } of load.frameworks) {
    const versions = await versionsOf(tx, framework.urn);
    const same = versions.find((v) => v.version === framework.version);
    if (same) {
      if (same.contentHash !== hashOf(framework)) {
        result.warnings.push(`${file}: innholdet er endret uten at version er økt (${framework.version}); endringen er ikke lastet inn. Øk version.`);
      }
      continue;
    }
    const newest = versions[0];
    if (newest && newest.version > framework.version) {
      result.warnings.push(`${file}: biblioteket har allerede versjon ${newest.version} (importert); fila har ${framework.version}.`);
      continue;
    }
    await insertFrameworkVersion(tx, framework, 'content');
    result.newVersions.push({ urn: framework.urn, version: framework.version });
  }
  result.measures = await syncMeasures(tx, load.measures.map((m) => m.measure));
  await tx
    .insert(libraryContentState)
    .values({ key: STATE_KEY, hash })
    .onConflictDoUpdate({ target: libraryContentState.key, set: { hash, loadedAt: new Date() } });
  return result;
}
