import { reachedNodes } from './lint';
import type { ContentLoad } from './loader';

export interface FrameworkCoverage {
  urn: string;
  refId: string;
  version: number;
  kind: 'framework' | 'questionnaire';
  nodes: number;
  assessable: number;
  questions: number;
  outOfScope: number;
  /** Assessable nodes not marked out of scope. */
  inScope: number;
  /** Assessable nodes in scope that at least one common measure maps to. */
  covered: number;
  /** covered / assessable in scope, in per cent (one decimal); null for questionnaires, which measures do not cover. */
  coveragePercent: number | null;
}

export interface ContentStats {
  frameworks: number;
  requirementNodes: number;
  questions: number;
  measures: number;
  mappings: number;
  coverage: FrameworkCoverage[];
}

/** `samsvar content stats`: what the library holds and how well the common measures cover each framework. */
export function contentStats(load: ContentLoad): ContentStats {
  const mapped = new Set(load.measures.flatMap(({ measure }) => measure.mappings.map((m) => m.target)));
  const coverage = load.frameworks.map(({ framework }): FrameworkCoverage => {
    const reached = reachedNodes(framework, mapped);
    const inScope = framework.nodes.filter((n) => n.assessable && !n.outOfScope);
    const covered = inScope.filter((n) => reached.has(n.urn)).length;
    return {
      urn: framework.urn,
      refId: framework.refId,
      version: framework.version,
      kind: framework.kind,
      nodes: framework.nodes.length,
      assessable: framework.nodes.filter((n) => n.assessable).length,
      questions: framework.nodes.reduce((sum, n) => sum + n.questions.length, 0),
      outOfScope: framework.nodes.filter((n) => n.outOfScope).length,
      inScope: inScope.length,
      covered,
      coveragePercent: framework.kind === 'questionnaire' ? null : inScope.length ? Math.round((covered / inScope.length) * 1000) / 10 : 100,
    };
  });
  return {
    frameworks: load.frameworks.length,
    requirementNodes: coverage.reduce((sum, c) => sum + c.nodes, 0),
    questions: coverage.reduce((sum, c) => sum + c.questions, 0),
    measures: load.measures.length,
    mappings: load.measures.reduce((sum, { measure }) => sum + measure.mappings.length, 0),
    coverage,
  };
}
