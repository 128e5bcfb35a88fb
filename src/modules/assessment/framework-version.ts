import { desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { frameworks } from '../library/schema';
import { frameworkVersionFor as versionIdFor } from '../library/versions';
import { organizationFrameworkVersions } from './schema';

export type FrameworkRow = typeof frameworks.$inferSelect;

/** The framework row an organisation uses: the library's rule (its adopted version, else the newest). */
export async function frameworkVersionFor(tx: Tx, organizationId: string, frameworkUrn: string): Promise<FrameworkRow | null> {
  const id = await versionIdFor(tx, organizationId, frameworkUrn);
  if (!id) return null;
  const [row] = await tx.select().from(frameworks).where(eq(frameworks.id, id));
  return row ?? null;
}

/** Every framework in the version the organisation uses, in one query (same rule as frameworkVersionFor). */
export async function frameworksInUse(tx: Tx, organizationId: string): Promise<FrameworkRow[]> {
  const adopted = tx
    .select({ urn: organizationFrameworkVersions.frameworkUrn, version: organizationFrameworkVersions.version })
    .from(organizationFrameworkVersions)
    .where(eq(organizationFrameworkVersions.organizationId, organizationId))
    .as('adopted');
  const rows = await tx
    .selectDistinctOn([frameworks.urn], { framework: frameworks, preferred: sql<boolean>`${adopted.version} = ${frameworks.version}` })
    .from(frameworks)
    .leftJoin(adopted, eq(adopted.urn, frameworks.urn))
    // Questionnaires (e.g. the vendor questionnaire) live in the library too, but nobody is assessed against them here.
    .where(eq(frameworks.kind, 'framework'))
    .orderBy(frameworks.urn, sql`(${adopted.version} = ${frameworks.version}) is true desc`, desc(frameworks.version));
  return rows.map((r) => r.framework).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

/** Resolves every organisation's choice at once (national recomputation): urn → chosen row, per organisation. */
export function chooseVersion(all: FrameworkRow[], adopted: Map<string, number> | undefined): FrameworkRow[] {
  const byUrn = new Map<string, FrameworkRow[]>();
  for (const f of all) byUrn.set(f.urn, [...(byUrn.get(f.urn) ?? []), f]);
  const chosen: FrameworkRow[] = [];
  for (const [urn, versions] of byUrn) {
    const wanted = adopted?.get(urn);
    const row = versions.find((v) => v.version === wanted) ?? versions.reduce((a, b) => (b.version > a.version ? b : a));
    chosen.push(row);
  }
  return chosen;
}
