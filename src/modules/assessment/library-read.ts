import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { measureMappings, measures, questions, requirementNodes } from '../library/schema';
import { compileFramework, type FrameworkModel, type ModelNode, type Universe } from './derive';
import type { FrameworkRow } from './framework-version';

/** Reading the national library for derivation and the assessment pages (read-only; the library module owns it). */

export const NSM_FRAMEWORK_URN = 'urn:samsvar:framework:nsm';

export type NodeRow = Pick<
  typeof requirementNodes.$inferSelect,
  'id' | 'frameworkId' | 'urn' | 'parentUrn' | 'position' | 'depth' | 'refId' | 'title' | 'summary' | 'assessable' | 'granularity' | 'uncertain' | 'outOfScope' | 'titleEn' | 'titleNn'
>;
export type QuestionRow = typeof questions.$inferSelect;
export interface MappingRow {
  nodeId: string;
  measureUrn: string;
  relationship: string;
  code: string;
  title: string;
  priority: string;
  effort: string;
  area: string;
}

export interface LoadedFramework {
  framework: FrameworkRow;
  nodes: NodeRow[];
  mappings: Map<string, MappingRow[]>;
  questions: Map<string, QuestionRow[]>;
  model: FrameworkModel;
}

const counted = (node: Pick<NodeRow, 'assessable' | 'outOfScope'>) => node.assessable && !node.outOfScope;

const leanNode = {
  id: requirementNodes.id,
  frameworkId: requirementNodes.frameworkId,
  urn: requirementNodes.urn,
  parentUrn: requirementNodes.parentUrn,
  position: requirementNodes.position,
  assessable: requirementNodes.assessable,
  outOfScope: requirementNodes.outOfScope,
};
const fullNode = {
  ...leanNode,
  depth: requirementNodes.depth,
  refId: requirementNodes.refId,
  title: requirementNodes.title,
  summary: requirementNodes.summary,
  granularity: requirementNodes.granularity,
  uncertain: requirementNodes.uncertain,
  titleEn: requirementNodes.titleEn,
  titleNn: requirementNodes.titleNn,
};

/**
 * Loads and compiles framework versions. `detail` adds what the pages show (titles, measure names, question
 * texts); without it only what derivation needs is read.
 */
export async function loadFrameworks(tx: Tx, rows: FrameworkRow[], universe: Universe, options: { detail: boolean }): Promise<LoadedFramework[]> {
  if (!rows.length) return [];
  const ids = rows.map((f) => f.id);
  const nodes = (await tx
    .select(options.detail ? fullNode : leanNode)
    .from(requirementNodes)
    .where(inArray(requirementNodes.frameworkId, ids))
    .orderBy(asc(requirementNodes.frameworkId), asc(requirementNodes.position))) as NodeRow[];
  const mappingRows = await tx
    .select(
      options.detail
        ? { nodeId: measureMappings.nodeId, measureUrn: measures.urn, relationship: measureMappings.relationship, code: measures.code, title: measures.title, priority: measures.priority, effort: measures.effort, area: measures.area }
        : { nodeId: measureMappings.nodeId, measureUrn: measures.urn, relationship: measureMappings.relationship },
    )
    .from(measureMappings)
    .innerJoin(measures, eq(measures.id, measureMappings.measureId))
    .innerJoin(requirementNodes, eq(requirementNodes.id, measureMappings.nodeId))
    .where(inArray(requirementNodes.frameworkId, ids));
  const questionRows = await tx
    .select(options.detail ? { question: questions } : { question: { id: questions.id, nodeId: questions.nodeId, urn: questions.urn, compliantValues: questions.compliantValues, position: questions.position } })
    .from(questions)
    .innerJoin(requirementNodes, eq(requirementNodes.id, questions.nodeId))
    .where(inArray(requirementNodes.frameworkId, ids))
    .orderBy(asc(questions.nodeId), asc(questions.position));

  const mappings = new Map<string, MappingRow[]>();
  for (const m of mappingRows as unknown as MappingRow[]) {
    const list = mappings.get(m.nodeId);
    if (list) list.push(m);
    else mappings.set(m.nodeId, [m]);
  }
  const questionsByNode = new Map<string, QuestionRow[]>();
  for (const { question } of questionRows as { question: QuestionRow }[]) {
    const list = questionsByNode.get(question.nodeId);
    if (list) list.push(question);
    else questionsByNode.set(question.nodeId, [question]);
  }
  const nodesByFramework = new Map<string, NodeRow[]>();
  for (const node of nodes) {
    const list = nodesByFramework.get(node.frameworkId);
    if (list) list.push(node);
    else nodesByFramework.set(node.frameworkId, [node]);
  }
  return rows.map((framework) => {
    const frameworkNodes = nodesByFramework.get(framework.id) ?? [];
    const modelNodes: ModelNode[] = frameworkNodes.map((node) => ({
      urn: node.urn,
      parentUrn: node.parentUrn,
      counted: counted(node),
      mappings: mappings.get(node.id) ?? [],
      questionUrns: (questionsByNode.get(node.id) ?? []).filter((q) => q.compliantValues.length > 0).map((q) => q.urn),
    }));
    return { framework, nodes: frameworkNodes, mappings, questions: questionsByNode, model: compileFramework(framework, modelNodes, universe) };
  });
}

export type MeasureRow = typeof measures.$inferSelect;

export async function allMeasures(tx: Tx): Promise<MeasureRow[]> {
  return tx.select().from(measures).orderBy(asc(measures.area), asc(measures.position));
}

export async function measureByUrn(tx: Tx, urn: string): Promise<MeasureRow | undefined> {
  const [row] = await tx.select().from(measures).where(eq(measures.urn, urn));
  return row;
}

/** Where each measure counts: its mappings into the given framework versions, with the node's place. */
export interface MeasureReach {
  measureUrn: string;
  frameworkUrn: string;
  nodeUrn: string;
  nodeRef: string | null;
  nodeTitle: string | null;
  relationship: string;
  counted: boolean;
}

export async function measureReach(tx: Tx, frameworkRows: FrameworkRow[], measureUrn?: string): Promise<MeasureReach[]> {
  if (!frameworkRows.length) return [];
  const urnById = new Map(frameworkRows.map((f) => [f.id, f.urn]));
  const rows = await tx
    .select({
      measureUrn: measures.urn,
      frameworkId: requirementNodes.frameworkId,
      nodeUrn: requirementNodes.urn,
      nodeRef: requirementNodes.refId,
      nodeTitle: requirementNodes.title,
      assessable: requirementNodes.assessable,
      outOfScope: requirementNodes.outOfScope,
      relationship: measureMappings.relationship,
      position: requirementNodes.position,
    })
    .from(measureMappings)
    .innerJoin(measures, eq(measures.id, measureMappings.measureId))
    .innerJoin(requirementNodes, eq(requirementNodes.id, measureMappings.nodeId))
    .where(measureUrn ? eq(measures.urn, measureUrn) : inArray(requirementNodes.frameworkId, [...urnById.keys()]))
    .orderBy(asc(requirementNodes.position));
  return rows
    .filter((r) => urnById.has(r.frameworkId) && r.relationship !== 'not_related')
    .map((r) => ({
      measureUrn: r.measureUrn,
      frameworkUrn: urnById.get(r.frameworkId)!,
      nodeUrn: r.nodeUrn,
      nodeRef: r.nodeRef,
      nodeTitle: r.nodeTitle,
      relationship: r.relationship,
      counted: counted(r),
    }));
}

/** NSM category (top-level node) of every NSM node, to filter and group measures by NSM category. */
export async function nsmCategories(tx: Tx, nsm: FrameworkRow | undefined): Promise<{ categories: { urn: string; ref: string | null; title: string | null }[]; categoryOf: Map<string, string> }> {
  if (!nsm) return { categories: [], categoryOf: new Map() };
  const nodes = await tx
    .select({ urn: requirementNodes.urn, parentUrn: requirementNodes.parentUrn, refId: requirementNodes.refId, title: requirementNodes.title })
    .from(requirementNodes)
    .where(eq(requirementNodes.frameworkId, nsm.id))
    .orderBy(asc(requirementNodes.position));
  const parentOf = new Map(nodes.map((n) => [n.urn, n.parentUrn]));
  const categoryOf = new Map<string, string>();
  for (const node of nodes) {
    let urn = node.urn;
    for (let guard = 0; parentOf.get(urn) && guard < 20; guard++) urn = parentOf.get(urn)!;
    categoryOf.set(node.urn, urn);
  }
  const categories = nodes.filter((n) => !n.parentUrn).map((n) => ({ urn: n.urn, ref: n.refId, title: n.title }));
  return { categories, categoryOf };
}
