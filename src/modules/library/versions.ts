import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { measureAssessments, organizationFrameworkVersions, questionAnswers } from '../assessment/schema';
import { diffFrameworks, type FrameworkDiff, type MeasureMappingRow, type NodeRef } from './diff';
import { libraryError } from './errors';
import { frameworks, measureMappings, measures, requirementNodes } from './schema';
import { readFramework } from './store';

/**
 * Library versions as an organisation sees them. Each organisation uses one version of each framework: the one
 * it adopted, or the newest when it never chose. It moves when it chooses; its answers hang on measure and
 * question URNs, so they come along.
 */

/** The framework row (version) the organisation uses; null when the framework does not exist. */
export async function frameworkVersionFor(tx: Tx, organizationId: string, frameworkUrn: string): Promise<string | null> {
  const [adopted] = await tx
    .select({ version: organizationFrameworkVersions.version })
    .from(organizationFrameworkVersions)
    .where(and(eq(organizationFrameworkVersions.organizationId, organizationId), eq(organizationFrameworkVersions.frameworkUrn, frameworkUrn)));
  if (adopted) {
    const [row] = await tx.select({ id: frameworks.id }).from(frameworks).where(and(eq(frameworks.urn, frameworkUrn), eq(frameworks.version, adopted.version)));
    if (row) return row.id;
  }
  const [newest] = await tx.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.urn, frameworkUrn)).orderBy(desc(frameworks.version)).limit(1);
  return newest?.id ?? null;
}

export interface VersionInUse {
  version: number;
  /** True when the organisation chose it; false when it follows the newest version. */
  adopted: boolean;
  adoptedAt: string | null;
}

/** The versions an organisation has adopted, by framework URN. */
export async function adoptedVersions(tx: Tx, organizationId: string): Promise<Map<string, { version: number; adoptedAt: Date }>> {
  const rows = await tx
    .select({ urn: organizationFrameworkVersions.frameworkUrn, version: organizationFrameworkVersions.version, adoptedAt: organizationFrameworkVersions.adoptedAt })
    .from(organizationFrameworkVersions)
    .where(eq(organizationFrameworkVersions.organizationId, organizationId));
  return new Map(rows.map((r) => [r.urn, { version: r.version, adoptedAt: r.adoptedAt }]));
}

async function frameworkRow(tx: Tx, urn: string, version: number) {
  const [row] = await tx.select().from(frameworks).where(and(eq(frameworks.urn, urn), eq(frameworks.version, version)));
  if (!row) throw libraryError('FRAMEWORK_NOT_FOUND', { field: 'version' });
  return row;
}

export async function measureMappingsOf(tx: Tx, frameworkId: string): Promise<MeasureMappingRow[]> {
  return tx
    .select({ measureUrn: measures.urn, measureCode: measures.code, measureTitle: measures.title, nodeUrn: requirementNodes.urn, relationship: measureMappings.relationship })
    .from(measureMappings)
    .innerJoin(requirementNodes, eq(requirementNodes.id, measureMappings.nodeId))
    .innerJoin(measures, eq(measures.id, measureMappings.measureId))
    .where(eq(requirementNodes.frameworkId, frameworkId))
    .orderBy(measures.position, requirementNodes.position);
}

export async function diffVersions(tx: Tx, urn: string, fromVersion: number, toVersion: number): Promise<FrameworkDiff> {
  const [from, to] = [await frameworkRow(tx, urn, fromVersion), await frameworkRow(tx, urn, toVersion)];
  return diffFrameworks((await readFramework(tx, from.id))!, (await readFramework(tx, to.id))!, await measureMappingsOf(tx, from.id), await measureMappingsOf(tx, to.id));
}

export interface VersionImpact {
  frameworkUrn: string;
  inUse: VersionInUse;
  newest: number;
  diff: FrameworkDiff | null;
  /** Measures the organisation has assessed whose mappings into this framework change. */
  answeredMeasuresWithChangedMappings: { urn: string; code: string; title: string }[];
  /** New assessable requirements that none of the organisation's assessed measures reach. */
  newRequirementsWithoutAnswer: NodeRef[];
  /** Removed requirements the organisation had answered (a question, or an assessed measure mapped to it). */
  removedRequirementsWithAnswers: NodeRef[];
  /** Changed or removed questions the organisation has answered; the answers stay, but should be checked. */
  answeredQuestionsChanged: string[];
}

export async function versionInUse(tx: Tx, organizationId: string, urn: string): Promise<{ inUse: VersionInUse; newest: number }> {
  const [newest] = await tx.select({ version: frameworks.version }).from(frameworks).where(eq(frameworks.urn, urn)).orderBy(desc(frameworks.version)).limit(1);
  if (!newest) throw libraryError('FRAMEWORK_NOT_FOUND', { field: 'urn' });
  const adopted = (await adoptedVersions(tx, organizationId)).get(urn);
  const inUse: VersionInUse = adopted ? { version: adopted.version, adopted: true, adoptedAt: adopted.adoptedAt.toISOString() } : { version: newest.version, adopted: false, adoptedAt: null };
  return { inUse, newest: newest.version };
}

/** What moving from the version in use to `target` (default: the newest) means for the organisation's answers. */
export async function versionImpact(tx: Tx, organizationId: string, urn: string, target?: number): Promise<VersionImpact> {
  const { inUse, newest } = await versionInUse(tx, organizationId, urn);
  const to = target ?? newest;
  const empty: VersionImpact = { frameworkUrn: urn, inUse, newest, diff: null, answeredMeasuresWithChangedMappings: [], newRequirementsWithoutAnswer: [], removedRequirementsWithAnswers: [], answeredQuestionsChanged: [] };
  if (to === inUse.version) return empty;
  const [fromRow, toRow] = [await frameworkRow(tx, urn, inUse.version), await frameworkRow(tx, urn, to)];
  const [fromFramework, toFramework] = [(await readFramework(tx, fromRow.id))!, (await readFramework(tx, toRow.id))!];
  const [oldMappings, newMappings] = [await measureMappingsOf(tx, fromRow.id), await measureMappingsOf(tx, toRow.id)];
  const diff = diffFrameworks(fromFramework, toFramework, oldMappings, newMappings);
  const assessed = new Set(
    (
      await tx
        .select({ urn: measureAssessments.measureUrn })
        .from(measureAssessments)
        .where(and(eq(measureAssessments.organizationId, organizationId), ne(measureAssessments.status, 'not_assessed')))
    ).map((r) => r.urn),
  );
  const answered = new Set(
    (await tx.select({ urn: questionAnswers.questionUrn }).from(questionAnswers).where(eq(questionAnswers.organizationId, organizationId))).map((r) => r.urn),
  );
  const touched = new Map<string, { urn: string; code: string; title: string }>();
  for (const change of [...diff.mappings.added, ...diff.mappings.removed, ...diff.mappings.changed]) {
    if (assessed.has(change.measureUrn)) touched.set(change.measureUrn, { urn: change.measureUrn, code: change.measureCode, title: change.measureTitle });
  }
  const answeredNode = (nodeUrn: string, mappings: MeasureMappingRow[], questionUrns: string[]) =>
    questionUrns.some((q) => answered.has(q)) || mappings.some((m) => m.nodeUrn === nodeUrn && assessed.has(m.measureUrn));
  const questionsOf = (framework: typeof fromFramework, nodeUrn: string) => framework.nodes.find((n) => n.urn === nodeUrn)?.questions.map((q) => q.urn) ?? [];
  return {
    ...empty,
    diff,
    answeredMeasuresWithChangedMappings: [...touched.values()],
    newRequirementsWithoutAnswer: diff.added.filter((n) => n.assessable && !answeredNode(n.urn, newMappings, questionsOf(toFramework, n.urn))),
    removedRequirementsWithAnswers: diff.removed.filter((n) => answeredNode(n.urn, oldMappings, questionsOf(fromFramework, n.urn))),
    answeredQuestionsChanged: diff.changed.flatMap((c) => [...c.questions.changed, ...c.questions.removed]).filter((q) => answered.has(q)),
  };
}

/** Moves the organisation to a version (the one in use or a newer one); its answers are untouched. */
export async function adoptVersion(tx: Tx, organizationId: string, userId: string, urn: string, version: number): Promise<VersionImpact> {
  await frameworkRow(tx, urn, version);
  const { inUse } = await versionInUse(tx, organizationId, urn);
  if (version < inUse.version) {
    throw libraryError('LIBRARY_VERSION_OLDER', { field: 'version', message: `Dere bruker versjon ${inUse.version}. Dere kan bare gå over til den eller en nyere versjon.` });
  }
  const impact = await versionImpact(tx, organizationId, urn, version);
  const record = {
    from: impact.inUse.version,
    to: version,
    summary: impact.diff?.summary ?? null,
    answeredMeasuresWithChangedMappings: impact.answeredMeasuresWithChangedMappings.length,
    newRequirementsWithoutAnswer: impact.newRequirementsWithoutAnswer.length,
    removedRequirementsWithAnswers: impact.removedRequirementsWithAnswers.length,
  };
  await tx
    .insert(organizationFrameworkVersions)
    .values({ organizationId, frameworkUrn: urn, version, adoptedBy: userId, impact: record })
    .onConflictDoUpdate({
      target: [organizationFrameworkVersions.organizationId, organizationFrameworkVersions.frameworkUrn],
      set: { version, adoptedBy: userId, adoptedAt: new Date(), impact: record },
    });
  return impact;
}

/**
 * Records the versions an organisation uses when it starts answering, so that a version published later
 * arrives as a choice ("new version available") instead of changing its picture behind its back.
 */
export async function pinVersionsInUse(tx: Tx, organizationId: string, userId: string | null): Promise<void> {
  await tx.execute(sql`
    insert into organization_framework_versions (organization_id, framework_urn, version, adopted_by)
    select distinct on (f.urn) ${organizationId}::uuid, f.urn, f.version, ${userId}::uuid
      from frameworks f
     where f.kind = 'framework'
     order by f.urn, f.version desc
    on conflict (organization_id, framework_urn) do nothing`);
}
