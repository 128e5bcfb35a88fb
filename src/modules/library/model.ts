import type { MappingRelationship, QuestionChoice, QuestionType } from './schema';

/**
 * The library in one normalised shape, whatever it came from: our own content files (content/library), a
 * CISO Assistant library file, or the database. The loader, the importer, the seeder, the exporters and the
 * version diff all speak this shape, so "round-trip equal" means equal here. Absent values are null (never
 * undefined), so that two libraries compare with a plain deep-equality check.
 */

export interface LibraryDependsOn {
  questionUrn: string;
  values: string[];
}

export interface LibraryQuestion {
  urn: string;
  type: QuestionType;
  text: string;
  textEn: string | null;
  textNn: string | null;
  choices: QuestionChoice[];
  /** Answer values that mean the node is met. */
  compliantValues: string[];
  dependsOn: LibraryDependsOn | null;
}

export interface LibraryNode {
  urn: string;
  parentUrn: string | null;
  /** 1 = top level. */
  depth: number;
  refId: string | null;
  title: string | null;
  summary: string | null;
  annotation: string | null;
  typicalEvidence: string | null;
  sourceUrl: string | null;
  assessable: boolean;
  granularity: string | null;
  uncertain: string | null;
  outOfScope: string | null;
  implementationGroups: string[];
  titleEn: string | null;
  summaryEn: string | null;
  titleNn: string | null;
  summaryNn: string | null;
  questions: LibraryQuestion[];
}

export interface LibraryAppliesIf {
  questionUrn: string;
  values: string[];
}

export interface LibraryImplementationGroup {
  refId: string;
  name: string;
  description: string | null;
  /** When the group applies (our questionnaire's extension: an answer to an earlier question). */
  appliesIf: LibraryAppliesIf | null;
}

export type FrameworkKind = 'framework' | 'questionnaire';

export interface LibraryFramework {
  urn: string;
  libraryUrn: string;
  refId: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  provider: string | null;
  copyright: string | null;
  sourceUrl: string | null;
  notes: string | null;
  locale: string;
  version: number;
  kind: FrameworkKind;
  implementationGroups: LibraryImplementationGroup[];
  /** Depth-first, in the source's order; a node's position is its index here. */
  nodes: LibraryNode[];
}

export interface LibraryMeasureMapping {
  target: string;
  relationship: MappingRelationship;
  rationale: string | null;
}

export interface LibraryMeasure {
  urn: string;
  code: string;
  area: string;
  areaTitle: string;
  title: string;
  what: string;
  why: string;
  startSmall: string;
  evidence: string;
  priority: 'high' | 'medium' | 'low';
  effort: 'low' | 'medium' | 'high';
  uncertain: string | null;
  mappings: LibraryMeasureMapping[];
}

export interface LibraryRequirementMapping {
  sourceUrn: string;
  targetUrn: string;
  relationship: MappingRelationship;
  rationale: string | null;
  strength: number | null;
  annotation: string | null;
}

export interface LibraryMappingSet {
  urn: string;
  libraryUrn: string;
  refId: string | null;
  name: string;
  description: string | null;
  sourceFrameworkUrn: string;
  targetFrameworkUrn: string;
  version: number;
  mappings: LibraryRequirementMapping[];
}

/** What one library file holds: frameworks and/or requirement mapping sets. */
export interface LibraryPackage {
  urn: string;
  version: number;
  frameworks: LibraryFramework[];
  mappingSets: LibraryMappingSet[];
  /** Where each mapping set sits in the file (for error messages), e.g. `objects.requirement_mapping_set`. */
  mappingSetPlaces?: string[];
}

/** The counts an import reports per framework (the CLI's --json output). */
export interface FrameworkCounts {
  urn: string;
  nodes: number;
  assessable: number;
  questions: number;
}

export function frameworkCounts(framework: LibraryFramework): FrameworkCounts {
  return {
    urn: framework.urn,
    nodes: framework.nodes.length,
    assessable: framework.nodes.filter((n) => n.assessable).length,
    questions: framework.nodes.reduce((sum, n) => sum + n.questions.length, 0),
  };
}
