import { createHash } from 'node:crypto';
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { queryRows } from '../../db/sql';
import type { Tx } from '../../db/tenant';
import type { LibraryFramework, LibraryMappingSet, LibraryNode } from './model';
import { frameworks, implementationGroups, questions, requirementMappings, requirementMappingSets, requirementNodes } from './schema';

/**
 * Writing a framework version into the database and reading it back in the normalised shape. Rows go in as a
 * few multi-row statements, not one per node: the GDPR library (1 090 nodes) must import within a second.
 */

export const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

const CHUNK = 1000;
function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export type FrameworkRow = typeof frameworks.$inferSelect;

/** Every stored version of a framework, newest first. */
export async function versionsOf(tx: Tx, urn: string): Promise<FrameworkRow[]> {
  return tx.select().from(frameworks).where(eq(frameworks.urn, urn)).orderBy(desc(frameworks.version));
}

/**
 * Inserts one framework version with its groups, nodes and questions. A new version inherits the measure
 * mappings of the version before it, node by node (same URN), so the common measures keep pointing at it
 * until the content says otherwise.
 */
export async function insertFrameworkVersion(tx: Tx, framework: LibraryFramework, origin: 'content' | 'import'): Promise<string> {
  const [previous] = await tx
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(and(eq(frameworks.urn, framework.urn), lt(frameworks.version, framework.version)))
    .orderBy(desc(frameworks.version))
    .limit(1);
  const [row] = await tx
    .insert(frameworks)
    .values({
      urn: framework.urn,
      libraryUrn: framework.libraryUrn,
      refId: framework.refId,
      name: framework.name,
      nameEn: framework.nameEn,
      description: framework.description,
      provider: framework.provider,
      copyright: framework.copyright,
      sourceUrl: framework.sourceUrl,
      notes: framework.notes,
      locale: framework.locale,
      version: framework.version,
      origin,
      kind: framework.kind,
      contentHash: hashOf(framework),
    })
    .returning({ id: frameworks.id });
  const frameworkId = row!.id;
  if (framework.implementationGroups.length) {
    await tx.insert(implementationGroups).values(
      framework.implementationGroups.map((g, position) => ({ frameworkId, refId: g.refId, name: g.name, description: g.description, appliesIf: g.appliesIf, position })),
    );
  }
  const nodeIds = new Map<string, string>();
  for (const part of chunks(framework.nodes.map((node, position) => ({ node, position })))) {
    const inserted = await tx
      .insert(requirementNodes)
      .values(part.map(({ node, position }) => nodeRow(frameworkId, node, position)))
      .returning({ id: requirementNodes.id, urn: requirementNodes.urn });
    for (const r of inserted) nodeIds.set(r.urn, r.id);
  }
  const questionRows = framework.nodes.flatMap((node) =>
    node.questions.map((q, position) => ({
      nodeId: nodeIds.get(node.urn)!,
      urn: q.urn,
      position,
      type: q.type,
      text: q.text,
      textEn: q.textEn,
      textNn: q.textNn,
      choices: q.choices,
      compliantValues: q.compliantValues,
      dependsOnUrn: q.dependsOn?.questionUrn ?? null,
      dependsOnValues: q.dependsOn?.values ?? null,
    })),
  );
  for (const part of chunks(questionRows)) await tx.insert(questions).values(part);
  if (previous) {
    await tx.execute(sql`insert into measure_mappings (measure_id, node_id, relationship, rationale)
      select mm.measure_id, n_new.id, mm.relationship, mm.rationale
      from measure_mappings mm
      join requirement_nodes n_old on n_old.id = mm.node_id
      join requirement_nodes n_new on n_new.framework_id = ${frameworkId} and n_new.urn = n_old.urn
      where n_old.framework_id = ${previous.id}`);
  }
  return frameworkId;
}

function nodeRow(frameworkId: string, node: LibraryNode, position: number) {
  return {
    frameworkId,
    urn: node.urn,
    parentUrn: node.parentUrn,
    position,
    depth: node.depth,
    refId: node.refId,
    title: node.title,
    summary: node.summary,
    annotation: node.annotation,
    typicalEvidence: node.typicalEvidence,
    sourceUrl: node.sourceUrl,
    assessable: node.assessable,
    granularity: node.granularity,
    uncertain: node.uncertain,
    outOfScope: node.outOfScope,
    implementationGroups: node.implementationGroups,
    titleEn: node.titleEn,
    summaryEn: node.summaryEn,
    titleNn: node.titleNn,
    summaryNn: node.summaryNn,
  };
}

/** A stored framework version in the normalised shape (for export, the version diff and round-trip checks). */
export async function readFramework(tx: Tx, frameworkId: string): Promise<LibraryFramework | null> {
  const [row] = await tx.select().from(frameworks).where(eq(frameworks.id, frameworkId));
  if (!row) return null;
  const groups = await tx.select().from(implementationGroups).where(eq(implementationGroups.frameworkId, frameworkId)).orderBy(asc(implementationGroups.position));
  const nodes = await tx.select().from(requirementNodes).where(eq(requirementNodes.frameworkId, frameworkId)).orderBy(asc(requirementNodes.position));
  const questionRows = nodes.length
    ? await tx
        .select({ question: questions, nodeId: questions.nodeId })
        .from(questions)
        .innerJoin(requirementNodes, eq(requirementNodes.id, questions.nodeId))
        .where(eq(requirementNodes.frameworkId, frameworkId))
        .orderBy(asc(requirementNodes.position), asc(questions.position))
    : [];
  const byNode = new Map<string, (typeof questionRows)[number]['question'][]>();
  for (const { question, nodeId } of questionRows) byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), question]);
  return {
    urn: row.urn,
    libraryUrn: row.libraryUrn,
    refId: row.refId,
    name: row.name,
    nameEn: row.nameEn,
    description: row.description,
    provider: row.provider,
    copyright: row.copyright,
    sourceUrl: row.sourceUrl,
    notes: row.notes,
    locale: row.locale,
    version: row.version,
    kind: row.kind,
    implementationGroups: groups.map((g) => ({ refId: g.refId, name: g.name, description: g.description, appliesIf: g.appliesIf ?? null })),
    nodes: nodes.map((n) => ({
      urn: n.urn,
      parentUrn: n.parentUrn,
      depth: n.depth,
      refId: n.refId,
      title: n.title,
      summary: n.summary,
      annotation: n.annotation,
      typicalEvidence: n.typicalEvidence,
      sourceUrl: n.sourceUrl,
      assessable: n.assessable,
      granularity: n.granularity,
      uncertain: n.uncertain,
      outOfScope: n.outOfScope,
      implementationGroups: n.implementationGroups,
      titleEn: n.titleEn,
      summaryEn: n.summaryEn,
      titleNn: n.titleNn,
      summaryNn: n.summaryNn,
      questions: (byNode.get(n.id) ?? []).map((q) => ({
        urn: q.urn,
        type: q.type,
        text: q.text,
        textEn: q.textEn,
        textNn: q.textNn,
        choices: q.choices,
        compliantValues: q.compliantValues,
        dependsOn: q.dependsOnUrn ? { questionUrn: q.dependsOnUrn, values: q.dependsOnValues ?? [] } : null,
      })),
    })),
  };
}

export type MappingSetRow = typeof requirementMappingSets.$inferSelect;

export async function writeMappingSet(tx: Tx, set: LibraryMappingSet, existing: MappingSetRow | null): Promise<void> {
  const values = {
    urn: set.urn,
    libraryUrn: set.libraryUrn,
    refId: set.refId,
    name: set.name,
    description: set.description,
    sourceFrameworkUrn: set.sourceFrameworkUrn,
    targetFrameworkUrn: set.targetFrameworkUrn,
    version: set.version,
  };
  let id: string;
  if (existing) {
    await tx.update(requirementMappingSets).set(values).where(eq(requirementMappingSets.id, existing.id));
    await tx.delete(requirementMappings).where(eq(requirementMappings.mappingSetId, existing.id));
    id = existing.id;
  } else {
    const [row] = await tx.insert(requirementMappingSets).values(values).returning({ id: requirementMappingSets.id });
    id = row!.id;
  }
  const rows = set.mappings.map((m, position) => ({ mappingSetId: id, position, ...m }));
  for (const part of chunks(rows)) await tx.insert(requirementMappings).values(part);
}

export async function readMappingSet(tx: Tx, urn: string): Promise<LibraryMappingSet | null> {
  const [row] = await tx.select().from(requirementMappingSets).where(eq(requirementMappingSets.urn, urn));
  if (!row) return null;
  const rows = await tx.select().from(requirementMappings).where(eq(requirementMappings.mappingSetId, row.id)).orderBy(asc(requirementMappings.position));
  return {
    urn: row.urn,
    libraryUrn: row.libraryUrn,
    refId: row.refId,
    name: row.name,
    description: row.description,
    sourceFrameworkUrn: row.sourceFrameworkUrn,
    targetFrameworkUrn: row.targetFrameworkUrn,
    version: row.version,
    mappings: rows.map((m) => ({ sourceUrn: m.sourceUrn, targetUrn: m.targetUrn, relationship: m.relationship, rationale: m.rationale, strength: m.strength, annotation: m.annotation })),
  };
}

/** Node URNs of the newest version of each framework, for checking what mappings point at. */
export async function newestNodeUrns(tx: Tx, frameworkUrns: string[]): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  if (!frameworkUrns.length) return result;
  const rows = await queryRows<{ framework_urn: string; urn: string }>(tx, sql`
    select f.urn as framework_urn, n.urn from requirement_nodes n
    join frameworks f on f.id = n.framework_id
    where f.urn in ${frameworkUrns} and f.version = (select max(f2.version) from frameworks f2 where f2.urn = f.urn)`);
  for (const r of rows) {
    const set = result.get(r.framework_urn) ?? new Set<string>();
    set.add(r.urn);
    result.set(r.framework_urn, set);
  }
  return result;
}

