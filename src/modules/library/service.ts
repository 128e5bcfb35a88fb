import { asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/sql';
import type { Tx } from '../../db/tenant';
import type { FrameworkSummaryDto, FrameworkVersionDto, MappingSetDto, MeasureDetailResponse, MeasureDto, NodeDto } from './contract';
import { libraryError } from './errors';
import { frameworks, implementationGroups, measureMappings, measures, questions, requirementMappingSets, requirementNodes } from './schema';
import { adoptedVersions, type VersionInUse } from './versions';

/** Reading the library for the pages: national content, the same for everyone. */

type FrameworkRow = typeof frameworks.$inferSelect;

async function versionCounts(tx: Tx): Promise<Map<string, { nodes: number; assessable: number; questions: number }>> {
  const rows = await queryRows<{ id: string; nodes: number; assessable: number; questions: number }>(
    tx,
    sql`select f.id,
          (select count(*)::int from requirement_nodes n where n.framework_id = f.id) as nodes,
          (select count(*)::int from requirement_nodes n where n.framework_id = f.id and n.assessable) as assessable,
          (select count(*)::int from questions q join requirement_nodes n on n.id = q.node_id where n.framework_id = f.id) as questions
        from frameworks f`,
  );
  return new Map(rows.map((r) => [r.id, { nodes: Number(r.nodes), assessable: Number(r.assessable), questions: Number(r.questions) }]));
}

const versionDto = (row: FrameworkRow, counts: { nodes: number; assessable: number; questions: number } | undefined): FrameworkVersionDto => ({
  id: row.id,
  version: row.version,
  origin: row.origin,
  nodes: counts?.nodes ?? 0,
  assessable: counts?.assessable ?? 0,
  questions: counts?.questions ?? 0,
  createdAt: row.createdAt.toISOString(),
});

const inUseOf = (adopted: Map<string, { version: number; adoptedAt: Date }> | null, urn: string, newest: number): VersionInUse | null => {
  if (!adopted) return null;
  const chosen = adopted.get(urn);
  return chosen ? { version: chosen.version, adopted: true, adoptedAt: chosen.adoptedAt.toISOString() } : { version: newest, adopted: false, adoptedAt: null };
};

function summaryOf(rows: FrameworkRow[], counts: Map<string, { nodes: number; assessable: number; questions: number }>, adopted: Map<string, { version: number; adoptedAt: Date }> | null): FrameworkSummaryDto {
  const newest = rows[0]!;
  return {
    urn: newest.urn,
    refId: newest.refId,
    name: newest.name,
    nameEn: newest.nameEn,
    description: newest.description,
    provider: newest.provider,
    kind: newest.kind,
    locale: newest.locale,
    versions: rows.map((r) => versionDto(r, counts.get(r.id))),
    inUse: inUseOf(adopted, newest.urn, newest.version),
  };
}

/** Every framework with its versions; `organizationId` is given for organisations that adopt versions. */
export async function listFrameworks(tx: Tx, organizationId: string | null): Promise<{ frameworks: FrameworkSummaryDto[]; mappingSets: MappingSetDto[] }> {
  const rows = await tx.select().from(frameworks).orderBy(asc(frameworks.kind), asc(frameworks.refId), desc(frameworks.version));
  const counts = await versionCounts(tx);
  const adopted = organizationId ? await adoptedVersions(tx, organizationId) : null;
  const byUrn = new Map<string, FrameworkRow[]>();
  for (const row of rows) byUrn.set(row.urn, [...(byUrn.get(row.urn) ?? []), row]);
  const sets = await queryRows<{ urn: string; name: string; source_framework_urn: string; target_framework_urn: string; version: number; mappings: number }>(
    tx,
    sql`select s.urn, s.name, s.source_framework_urn, s.target_framework_urn, s.version,
          (select count(*)::int from requirement_mappings m where m.mapping_set_id = s.id) as mappings
        from ${requirementMappingSets} s order by s.name`,
  );
  return {
    frameworks: [...byUrn.values()].map((list) => summaryOf(list, counts, adopted)),
    mappingSets: sets.map((s) => ({ urn: s.urn, name: s.name, sourceFrameworkUrn: s.source_framework_urn, targetFrameworkUrn: s.target_framework_urn, version: Number(s.version), mappings: Number(s.mappings) })),
  };
}

/** One version of a framework as a tree (flat, in order, with depth), with questions and mapped measures. */
export async function getFramework(tx: Tx, urn: string, version: number | undefined, organizationId: string | null) {
  const rows = await tx.select().from(frameworks).where(eq(frameworks.urn, urn)).orderBy(desc(frameworks.version));
  if (!rows.length) throw libraryError('FRAMEWORK_NOT_FOUND', { field: 'urn' });
  const adopted = organizationId ? await adoptedVersions(tx, organizationId) : null;
  const inUse = inUseOf(adopted, urn, rows[0]!.version);
  const wanted = version ?? inUse?.version ?? rows[0]!.version;
  // An explicit version must exist; the one in use falls back to the newest if it was ever removed.
  const row = rows.find((r) => r.version === wanted) ?? (version === undefined ? rows[0] : undefined);
  if (!row) throw libraryError('FRAMEWORK_NOT_FOUND', { field: 'version' });
  const counts = await versionCounts(tx);
  const [groups, nodeRows, questionRows, mappingRows] = [
    await tx.select().from(implementationGroups).where(eq(implementationGroups.frameworkId, row.id)).orderBy(asc(implementationGroups.position)),
    await tx.select().from(requirementNodes).where(eq(requirementNodes.frameworkId, row.id)).orderBy(asc(requirementNodes.position)),
    await tx
      .select({ question: questions })
      .from(questions)
      .innerJoin(requirementNodes, eq(requirementNodes.id, questions.nodeId))
      .where(eq(requirementNodes.frameworkId, row.id))
      .orderBy(asc(requirementNodes.position), asc(questions.position)),
    await tx
      .select({ nodeId: measureMappings.nodeId, urn: measures.urn, code: measures.code, title: measures.title, relationship: measureMappings.relationship })
      .from(measureMappings)
      .innerJoin(requirementNodes, eq(requirementNodes.id, measureMappings.nodeId))
      .innerJoin(measures, eq(measures.id, measureMappings.measureId))
      .where(eq(requirementNodes.frameworkId, row.id))
      .orderBy(asc(measures.position)),
  ];
  const questionsByNode = new Map<string, NodeDto['questions']>();
  for (const { question: q } of questionRows) {
    questionsByNode.set(q.nodeId, [
      ...(questionsByNode.get(q.nodeId) ?? []),
      { urn: q.urn, type: q.type, text: q.text, textEn: q.textEn, textNn: q.textNn, choices: q.choices, compliantValues: q.compliantValues, dependsOn: q.dependsOnUrn ? { questionUrn: q.dependsOnUrn, values: q.dependsOnValues ?? [] } : null },
    ]);
  }
  const measuresByNode = new Map<string, NodeDto['measures']>();
  for (const m of mappingRows) measuresByNode.set(m.nodeId, [...(measuresByNode.get(m.nodeId) ?? []), { urn: m.urn, code: m.code, title: m.title, relationship: m.relationship }]);
  const summary = summaryOf(rows, counts, adopted);
  return {
    framework: {
      ...summary,
      id: row.id,
      version: row.version,
      origin: row.origin,
      copyright: row.copyright,
      sourceUrl: row.sourceUrl,
      notes: row.notes,
      createdAt: row.createdAt.toISOString(),
      name: row.name,
      description: row.description,
      implementationGroups: groups.map((g) => ({ refId: g.refId, name: g.name, description: g.description })),
    },
    nodes: nodeRows.map(
      (n): NodeDto => ({
        urn: n.urn,
        parentUrn: n.parentUrn,
        depth: n.depth,
        refId: n.refId,
        title: n.title,
        summary: n.summary,
        titleEn: n.titleEn,
        summaryEn: n.summaryEn,
        titleNn: n.titleNn,
        summaryNn: n.summaryNn,
        annotation: n.annotation,
        typicalEvidence: n.typicalEvidence,
        sourceUrl: n.sourceUrl,
        assessable: n.assessable,
        granularity: n.granularity,
        uncertain: n.uncertain,
        outOfScope: n.outOfScope,
        implementationGroups: n.implementationGroups,
        questions: questionsByNode.get(n.id) ?? [],
        measures: measuresByNode.get(n.id) ?? [],
      }),
    ),
  };
}

/** Mappings of every measure into the newest version of each framework. */
async function newestMappings(tx: Tx, measureId?: string) {
  return queryRows<{ measure_id: string; framework_urn: string; framework_ref: string; framework_name: string; framework_version: number; node_urn: string; ref_id: string | null; title: string | null; summary: string | null; uncertain: string | null; granularity: string | null; relationship: string }>(
    tx,
    sql`select mm.measure_id, f.urn as framework_urn, f.ref_id as framework_ref, f.name as framework_name, f.version as framework_version,
          n.urn as node_urn, n.ref_id, n.title, n.summary, n.uncertain, n.granularity, mm.relationship
        from measure_mappings mm
        join requirement_nodes n on n.id = mm.node_id
        join frameworks f on f.id = n.framework_id
        where f.version = (select max(f2.version) from frameworks f2 where f2.urn = f.urn)
          ${measureId ? sql`and mm.measure_id = ${measureId}` : sql``}
        order by f.kind, f.ref_id, n.position`,
  );
}

type MeasureRow = typeof measures.$inferSelect;

function measureDto(row: MeasureRow, mappings: Awaited<ReturnType<typeof newestMappings>>): MeasureDto {
  const byFramework = new Map<string, { urn: string; refId: string; refs: string[] }>();
  for (const m of mappings) {
    const entry = byFramework.get(m.framework_urn) ?? { urn: m.framework_urn, refId: m.framework_ref, refs: [] };
    entry.refs.push(m.ref_id ?? m.node_urn);
    byFramework.set(m.framework_urn, entry);
  }
  return {
    urn: row.urn,
    code: row.code,
    area: row.area,
    areaTitle: row.areaTitle,
    title: row.title,
    priority: row.priority,
    effort: row.effort,
    uncertain: row.uncertain,
    frameworks: [...byFramework.values()],
  };
}

export async function listMeasures(tx: Tx) {
  const rows = await tx.select().from(measures).orderBy(asc(measures.position));
  const mappings = await newestMappings(tx);
  const byMeasure = new Map<string, typeof mappings>();
  for (const m of mappings) byMeasure.set(m.measure_id, [...(byMeasure.get(m.measure_id) ?? []), m]);
  const areas = new Map<string, { area: string; areaTitle: string; count: number }>();
  for (const row of rows) {
    const area = areas.get(row.area) ?? { area: row.area, areaTitle: row.areaTitle, count: 0 };
    area.count++;
    areas.set(row.area, area);
  }
  return { areas: [...areas.values()], measures: rows.map((row) => measureDto(row, byMeasure.get(row.id) ?? [])) };
}

export async function getMeasure(tx: Tx, urn: string): Promise<MeasureDetailResponse> {
  const [row] = await tx.select().from(measures).where(eq(measures.urn, urn));
  if (!row) throw libraryError('MEASURE_NOT_FOUND', { field: 'urn' });
  const mappings = await newestMappings(tx, row.id);
  const byFramework = new Map<string, MeasureDetailResponse['frameworks'][number]>();
  for (const m of mappings) {
    const entry = byFramework.get(m.framework_urn) ?? { urn: m.framework_urn, refId: m.framework_ref, name: m.framework_name, version: Number(m.framework_version), requirements: [] };
    entry.requirements.push({ urn: m.node_urn, refId: m.ref_id, title: m.title, summary: m.summary, relationship: m.relationship, uncertain: m.uncertain, granularity: m.granularity });
    byFramework.set(m.framework_urn, entry);
  }
  return {
    measure: { ...measureDto(row, mappings), what: row.what, why: row.why, startSmall: row.startSmall, evidence: row.evidence, version: row.version, updatedAt: row.updatedAt.toISOString() },
    frameworks: [...byFramework.values()],
  };
}
