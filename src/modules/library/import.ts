import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { LibraryFileError, parseCisoLibrary, type LibraryFileIssue } from './ciso/parse';
import { libraryError } from './errors';
import { frameworkCounts, type FrameworkCounts, type LibraryPackage } from './model';
import { requirementMappingSets } from './schema';
import { hashOf, insertFrameworkVersion, newestNodeUrns, readMappingSet, versionsOf, writeMappingSet } from './store';

/**
 * Importing a CISO Assistant library file: all or nothing. The caller runs it inside one transaction, so any
 * error (thrown as an AppError naming the place in the file) leaves the library as it was.
 */

export type ImportStatus = 'created' | 'upgraded' | 'unchanged';

export interface ImportedFramework extends FrameworkCounts {
  version: number;
  status: ImportStatus;
  previousVersion: number | null;
}

export interface ImportedMappingSet {
  urn: string;
  sourceFrameworkUrn: string;
  targetFrameworkUrn: string;
  mappings: number;
  version: number;
  status: ImportStatus;
}

export interface ImportResult {
  libraryUrn: string;
  frameworks: ImportedFramework[];
  mappingSets: ImportedMappingSet[];
  /** Number of requirement mappings in the file's mapping sets. */
  mappings: number;
}

/** What `--json` prints: exactly the counts in the file. */
export const importSummary = (result: ImportResult) => ({
  frameworks: result.frameworks.map(({ urn, nodes, assessable, questions }) => ({ urn, nodes, assessable, questions })),
  mappings: result.mappings,
});

const fileError = (issues: LibraryFileIssue[]) =>
  libraryError('LIBRARY_FILE_INVALID', {
    field: issues[0]?.path || undefined,
    message: issues[0] ? `${issues[0].path ? `${issues[0].path}: ` : ''}${issues[0].message}` : undefined,
    details: { issues: issues.map((i) => ({ field: i.path, code: 'LIBRARY_FILE_INVALID', message: i.message })) },
  });

/** Parses a library file; a malformed file becomes LIBRARY_FILE_INVALID with every problem's place. */
export function parseLibraryFile(text: string): LibraryPackage {
  try {
    return parseCisoLibrary(text);
  } catch (error) {
    if (error instanceof LibraryFileError) throw fileError(error.issues);
    throw error;
  }
}

export async function importLibraryPackage(tx: Tx, pkg: LibraryPackage): Promise<ImportResult> {
  const result: ImportResult = { libraryUrn: pkg.urn, frameworks: [], mappingSets: [], mappings: 0 };
  for (const [index, framework] of pkg.frameworks.entries()) {
    const place = pkg.frameworks.length > 1 ? `objects.framework[${index}]` : 'objects.framework';
    const versions = await versionsOf(tx, framework.urn);
    const same = versions.find((v) => v.version === framework.version);
    const newest = versions[0] ?? null;
    const counts = frameworkCounts(framework);
    if (same) {
      if (same.contentHash !== hashOf(framework)) {
        throw libraryError('LIBRARY_VERSION_CONFLICT', {
          field: 'version',
          message: `Versjon ${framework.version} av ${framework.urn} finnes allerede med annet innhold (${place}). Øk version for å lage en ny versjon.`,
        });
      }
      result.frameworks.push({ ...counts, version: framework.version, status: 'unchanged', previousVersion: newest?.version ?? null });
      continue;
    }
    if (newest && newest.version > framework.version) {
      throw libraryError('LIBRARY_VERSION_OLDER', {
        field: 'version',
        message: `Fila har versjon ${framework.version} av ${framework.urn}, men biblioteket har allerede versjon ${newest.version}.`,
      });
    }
    await insertFrameworkVersion(tx, framework, 'import');
    result.frameworks.push({ ...counts, version: framework.version, status: newest ? 'upgraded' : 'created', previousVersion: newest?.version ?? null });
  }
  const needed = [...new Set(pkg.mappingSets.flatMap((s) => [s.sourceFrameworkUrn, s.targetFrameworkUrn]))];
  const known = await newestNodeUrns(tx, needed);
  for (const [index, set] of pkg.mappingSets.entries()) {
    const place = pkg.mappingSetPlaces?.[index] ?? `objects.requirement_mapping_sets[${index}]`;
    for (const side of ['source', 'target'] as const) {
      const urn = side === 'source' ? set.sourceFrameworkUrn : set.targetFrameworkUrn;
      if (!known.has(urn)) {
        throw libraryError('LIBRARY_FRAMEWORK_MISSING', {
          field: `${place}.${side}_framework_urn`,
          message: `${place}.${side}_framework_urn: rammeverket ${urn} finnes ikke i biblioteket. Importer det før kryssreferansene.`,
        });
      }
    }
    const sources = known.get(set.sourceFrameworkUrn)!;
    const targets = known.get(set.targetFrameworkUrn)!;
    set.mappings.forEach((m, i) => {
      const missing = !sources.has(m.sourceUrn) ? (['source', m.sourceUrn, set.sourceFrameworkUrn] as const) : !targets.has(m.targetUrn) ? (['target', m.targetUrn, set.targetFrameworkUrn] as const) : null;
      if (missing) {
        const field = `${place}.requirement_mappings[${i}].${missing[0]}_requirement_urn`;
        throw libraryError('LIBRARY_REFERENCE_MISSING', { field, message: `${field}: ${missing[1]} finnes ikke i ${missing[2]}.` });
      }
    });
    const [existing] = await tx.select().from(requirementMappingSets).where(eq(requirementMappingSets.urn, set.urn));
    let status: ImportStatus = existing ? 'upgraded' : 'created';
    if (existing && existing.version === set.version) {
      status = 'unchanged';
      const stored = await readMappingSet(tx, set.urn);
      if (hashOf(stored?.mappings) !== hashOf(set.mappings)) {
        throw libraryError('LIBRARY_VERSION_CONFLICT', { field: 'version', message: `Versjon ${set.version} av ${set.urn} finnes allerede med andre koblinger. Øk version for å lage en ny versjon.` });
      }
    }
    if (existing && existing.version > set.version) {
      throw libraryError('LIBRARY_VERSION_OLDER', { field: 'version', message: `Fila har versjon ${set.version} av ${set.urn}, men biblioteket har allerede versjon ${existing.version}.` });
    }
    if (status !== 'unchanged') await writeMappingSet(tx, set, existing ?? null);
    result.mappingSets.push({ urn: set.urn, sourceFrameworkUrn: set.sourceFrameworkUrn, targetFrameworkUrn: set.targetFrameworkUrn, mappings: set.mappings.length, version: set.version, status });
    result.mappings += set.mappings.length;
  }
  return result;
}

/** Parse and import in the caller's transaction. */
export async function importLibraryFile(tx: Tx, text: string): Promise<ImportResult> {
  return importLibraryPackage(tx, parseLibraryFile(text));
}
