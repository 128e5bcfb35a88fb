import { isDeepStrictEqual } from 'node:util';
import type { LibraryFramework, LibraryNode, LibraryQuestion } from './model';

/**
 * What changed between two versions of a framework: requirements added, removed and changed (including their
 * questions), and how the common measures' mappings to them changed.
 */

export interface NodeRef {
  urn: string;
  refId: string | null;
  title: string | null;
  assessable: boolean;
}

export interface ChangedNode {
  node: NodeRef;
  /** Changed fields by name: title, summary, refId, assessable, parent, … */
  fields: string[];
  questions: { added: string[]; removed: string[]; changed: string[] };
}

export interface MeasureMappingRow {
  measureUrn: string;
  measureCode: string;
  measureTitle: string;
  nodeUrn: string;
  relationship: string;
}

export interface MappingChange {
  measureUrn: string;
  measureCode: string;
  measureTitle: string;
  node: NodeRef;
  relationship: string;
  /** For a changed mapping: the relationship before. */
  previousRelationship?: string;
}

export interface FrameworkDiff {
  urn: string;
  from: number;
  to: number;
  added: NodeRef[];
  removed: NodeRef[];
  changed: ChangedNode[];
  mappings: { added: MappingChange[]; removed: MappingChange[]; changed: MappingChange[] };
  summary: { added: number; removed: number; changed: number; questionsChanged: number; mappingsAdded: number; mappingsRemoved: number; mappingsChanged: number };
}

const refOf = (node: LibraryNode): NodeRef => ({ urn: node.urn, refId: node.refId, title: node.title, assessable: node.assessable });

const compared: [keyof LibraryNode, string][] = [
  ['refId', 'refId'],
  ['title', 'title'],
  ['summary', 'summary'],
  ['parentUrn', 'parent'],
  ['assessable', 'assessable'],
  ['granularity', 'granularity'],
  ['uncertain', 'uncertain'],
  ['outOfScope', 'outOfScope'],
  ['annotation', 'annotation'],
  ['typicalEvidence', 'typicalEvidence'],
  ['implementationGroups', 'implementationGroups'],
  ['titleEn', 'translation'],
  ['summaryEn', 'translation'],
  ['titleNn', 'translation'],
  ['summaryNn', 'translation'],
];

function questionChanges(before: LibraryQuestion[], after: LibraryQuestion[]) {
  const old = new Map(before.map((q) => [q.urn, q]));
  const next = new Map(after.map((q) => [q.urn, q]));
  return {
    added: after.filter((q) => !old.has(q.urn)).map((q) => q.urn),
    removed: before.filter((q) => !next.has(q.urn)).map((q) => q.urn),
    changed: after.filter((q) => old.has(q.urn) && !isDeepStrictEqual(old.get(q.urn), q)).map((q) => q.urn),
  };
}

export function diffFrameworks(from: LibraryFramework, to: LibraryFramework, fromMappings: MeasureMappingRow[], toMappings: MeasureMappingRow[]): FrameworkDiff {
  const before = new Map(from.nodes.map((n) => [n.urn, n]));
  const after = new Map(to.nodes.map((n) => [n.urn, n]));
  const added = to.nodes.filter((n) => !before.has(n.urn)).map(refOf);
  const removed = from.nodes.filter((n) => !after.has(n.urn)).map(refOf);
  const changed: ChangedNode[] = [];
  for (const node of to.nodes) {
    const old = before.get(node.urn);
    if (!old) continue;
    const fields = [...new Set(compared.filter(([key]) => !isDeepStrictEqual(old[key], node[key])).map(([, name]) => name))];
    const questions = questionChanges(old.questions, node.questions);
    if (fields.length || questions.added.length || questions.removed.length || questions.changed.length) changed.push({ node: refOf(node), fields, questions });
  }
  const key = (m: MeasureMappingRow) => `${m.measureUrn} ${m.nodeUrn}`;
  const oldMappings = new Map(fromMappings.map((m) => [key(m), m]));
  const newMappings = new Map(toMappings.map((m) => [key(m), m]));
  const change = (m: MeasureMappingRow, nodes: Map<string, LibraryNode>): MappingChange => {
    const node = nodes.get(m.nodeUrn);
    return { measureUrn: m.measureUrn, measureCode: m.measureCode, measureTitle: m.measureTitle, node: node ? refOf(node) : { urn: m.nodeUrn, refId: null, title: null, assessable: false }, relationship: m.relationship };
  };
  const mappings = {
    added: toMappings.filter((m) => !oldMappings.has(key(m))).map((m) => change(m, after)),
    removed: fromMappings.filter((m) => !newMappings.has(key(m))).map((m) => change(m, before)),
    changed: toMappings
      .filter((m) => oldMappings.has(key(m)) && oldMappings.get(key(m))!.relationship !== m.relationship)
      .map((m) => ({ ...change(m, after), previousRelationship: oldMappings.get(key(m))!.relationship })),
  };
  return {
    urn: to.urn,
    from: from.version,
    to: to.version,
    added,
    removed,
    changed,
    mappings,
    summary: {
      added: added.length,
      removed: removed.length,
      changed: changed.length,
      questionsChanged: changed.filter((c) => c.questions.added.length + c.questions.removed.length + c.questions.changed.length > 0).length,
      mappingsAdded: mappings.added.length,
      mappingsRemoved: mappings.removed.length,
      mappingsChanged: mappings.changed.length,
    },
  };
}
