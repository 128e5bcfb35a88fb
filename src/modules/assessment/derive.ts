/**
 * Compliance derivation: from a framework's requirement tree, the crosswalk from common measures, and one
 * organisation's answers, the status of every requirement and the roll-up to its parents.
 *
 * Pure and allocation-light on purpose (typed arrays indexed by node position), so that one organisation is
 * recomputed in memory in well under a millisecond and a national recomputation is a loop over
 * organisations. The rule is recorded in docs/adr/0007-compliance-derivation.md.
 */

/** A requirement's derived status. */
export const nodeStatuses = ['met', 'partial', 'not_met', 'not_relevant', 'not_assessed'] as const;
export type NodeStatus = (typeof nodeStatuses)[number];

export const MET = 0;
export const PARTIAL = 1;
export const NOT_MET = 2;
export const NOT_RELEVANT = 3;
export const NOT_ASSESSED = 4;
const STATUS_COUNT = 5;

/** A measure's self-assessed status, as a small code (the order of assessmentStatuses). */
export const measureStatusCodes = { not_assessed: 0, not_started: 1, partial: 2, implemented: 3, not_relevant: 4 } as const;
export type MeasureStatusCode = (typeof measureStatusCodes)[keyof typeof measureStatusCodes];
const M_NOT_ASSESSED = 0;
const M_NOT_STARTED = 1;
const M_PARTIAL = 2;
const M_IMPLEMENTED = 3;
const M_NOT_RELEVANT = 4;

/** How much of a requirement a measure covers (CISO Assistant's mapping relationships). */
export type Relationship = 'equal' | 'superset' | 'subset' | 'intersect';
/** equal and superset: doing the measure fully meets the requirement. */
export const coversFully = (relationship: string) => relationship === 'equal' || relationship === 'superset';

/**
 * Gives measures and questions small integer ids shared by every framework model, so that one organisation's
 * answers are two typed arrays whatever the framework.
 */
export class Universe {
  readonly measures = new Map<string, number>();
  readonly questions = new Map<string, number>();
  measure(urn: string): number {
    let index = this.measures.get(urn);
    if (index === undefined) this.measures.set(urn, (index = this.measures.size));
    return index;
  }
  question(urn: string): number {
    let index = this.questions.get(urn);
    if (index === undefined) this.questions.set(urn, (index = this.questions.size));
    return index;
  }
}

/** A framework version compiled for derivation: node i is the i-th node in the framework's order. */
export interface FrameworkModel {
  frameworkId: string;
  urn: string;
  version: number;
  size: number;
  /** Index of the parent node, or -1; always lower than the child's own index. */
  parent: Int32Array;
  /** 1 for a requirement that is assessed (assessable and not out of scope). */
  counted: Uint8Array;
  /** Mappings of node i: mapMeasure/mapFull[mapStart[i] .. mapStart[i+1]). */
  mapStart: Int32Array;
  mapMeasure: Int32Array;
  mapFull: Uint8Array;
  /** Questions of node i that have compliant values (only those decide anything). */
  qStart: Int32Array;
  qIndex: Int32Array;
}

export interface ModelNode {
  urn: string;
  parentUrn: string | null;
  /** Counted in compliance: assessable and not out of scope. */
  counted: boolean;
  mappings: { measureUrn: string; relationship: string }[];
  /** URNs of the node's questions that have compliant values. */
  questionUrns: string[];
}

/** Compiles nodes given in framework order (parents before children). */
export function compileFramework(framework: { id: string; urn: string; version: number }, nodes: ModelNode[], universe: Universe): FrameworkModel {
  const size = nodes.length;
  const position = new Map<string, number>();
  nodes.forEach((node, i) => position.set(node.urn, i));
  const parent = new Int32Array(size);
  const counted = new Uint8Array(size);
  const mapStart = new Int32Array(size + 1);
  const qStart = new Int32Array(size + 1);
  let mappingCount = 0;
  let questionCount = 0;
  for (const node of nodes) {
    for (const m of node.mappings) if (m.relationship !== 'not_related') mappingCount++;
    questionCount += node.questionUrns.length;
  }
  const mapMeasure = new Int32Array(mappingCount);
  const mapFull = new Uint8Array(mappingCount);
  const qIndex = new Int32Array(questionCount);
  let m = 0;
  let q = 0;
  for (let i = 0; i < size; i++) {
    const node = nodes[i]!;
    const p = node.parentUrn === null ? -1 : (position.get(node.parentUrn) ?? -1);
    // A parent listed after its child would break the single reverse pass; treat such a node as a root.
    parent[i] = p < i ? p : -1;
    counted[i] = node.counted ? 1 : 0;
    mapStart[i] = m;
    for (const mapping of node.mappings) {
      if (mapping.relationship === 'not_related') continue;
      mapMeasure[m] = universe.measure(mapping.measureUrn);
      mapFull[m] = coversFully(mapping.relationship) ? 1 : 0;
      m++;
    }
    qStart[i] = q;
    for (const urn of node.questionUrns) qIndex[q++] = universe.question(urn);
  }
  mapStart[size] = m;
  qStart[size] = q;
  return { frameworkId: framework.id, urn: framework.urn, version: framework.version, size, parent, counted, mapStart, mapMeasure, mapFull, qStart, qIndex };
}

/** One organisation's answers, indexed by the universe: measure status codes and question results. */
export interface AnswerSet {
  measureStatus: Uint8Array;
  /** -1 unanswered, 0 answered with a value that is not compliant, 1 compliant. */
  questionResult: Int8Array;
}

export function emptyAnswers(universe: Universe): AnswerSet {
  return { measureStatus: new Uint8Array(universe.measures.size), questionResult: new Int8Array(universe.questions.size).fill(-1) };
}

/** Whether an answer meets the question: any chosen value among the compliant ones. */
export function questionCompliant(values: readonly string[], compliant: readonly string[]): boolean {
  return values.some((v) => compliant.includes(v));
}

export interface Derivation {
  status: Uint8Array;
  /** 1 where a person should look: partial evidence, or answers that contradict each other. */
  needsReview: Uint8Array;
  /** 1 where no measure maps and no question decides: the library cannot derive this requirement yet. */
  unmapped: Uint8Array;
  /** Per node, counts of counted requirements in its subtree (itself included) by status: counts[i*5 + status]. */
  counts: Int32Array;
  /** Counted requirements in the subtree that need review. */
  reviewCounts: Int32Array;
}

/** Derives one node's status from its mappings and questions (see the ADR for the rule). */
function deriveNode(model: FrameworkModel, answers: AnswerSet, i: number): { status: number; review: boolean; unmapped: boolean } {
  const { measureStatus, questionResult } = answers;
  let mapped = 0;
  let fullMet = false;
  let partialEvidence = false;
  let gap = false;
  let allNotRelevant = true;
  for (let k = model.mapStart[i]!, end = model.mapStart[i + 1]!; k < end; k++) {
    mapped++;
    const s = measureStatus[model.mapMeasure[k]!] ?? M_NOT_ASSESSED;
    if (s !== M_NOT_RELEVANT) allNotRelevant = false;
    if (s === M_IMPLEMENTED) {
      if (model.mapFull[k]) fullMet = true;
      else partialEvidence = true;
    } else if (s === M_PARTIAL) partialEvidence = true;
    else if (s === M_NOT_STARTED) gap = true;
  }
  const questionTotal = model.qStart[i + 1]! - model.qStart[i]!;
  let compliant = 0;
  let nonCompliant = 0;
  for (let k = model.qStart[i]!, end = model.qStart[i + 1]!; k < end; k++) {
    const r = questionResult[model.qIndex[k]!] ?? -1;
    if (r === 1) compliant++;
    else if (r === 0) nonCompliant++;
  }
  if (mapped === 0 && questionTotal === 0) return { status: NOT_ASSESSED, review: false, unmapped: true };
  const questionsMet = questionTotal > 0 && compliant === questionTotal;
  if (fullMet || questionsMet) return { status: MET, review: nonCompliant > 0 || (questionsMet && gap), unmapped: false };
  if (partialEvidence || compliant > 0) return { status: PARTIAL, review: true, unmapped: false };
  if (gap || nonCompliant > 0) return { status: NOT_MET, review: mapped > 0 && allNotRelevant, unmapped: false };
  if (mapped > 0 && allNotRelevant) return { status: NOT_RELEVANT, review: false, unmapped: false };
  return { status: NOT_ASSESSED, review: false, unmapped: false };
}

/** Every node's status and the roll-up of counts to each parent. */
export function deriveCompliance(model: FrameworkModel, answers: AnswerSet): Derivation {
  const { size, parent, counted } = model;
  const status = new Uint8Array(size);
  const needsReview = new Uint8Array(size);
  const unmapped = new Uint8Array(size);
  const counts = new Int32Array(size * STATUS_COUNT);
  const reviewCounts = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const result = deriveNode(model, answers, i);
    status[i] = result.status;
    needsReview[i] = result.review ? 1 : 0;
    unmapped[i] = result.unmapped ? 1 : 0;
    if (counted[i]) {
      counts[i * STATUS_COUNT + result.status]!++;
      if (result.review) reviewCounts[i]!++;
    }
  }
  // Children come after their parent, so one backward pass carries every subtree's counts upwards.
  for (let i = size - 1; i >= 0; i--) {
    const p = parent[i]!;
    if (p < 0) continue;
    for (let s = 0; s < STATUS_COUNT; s++) counts[p * STATUS_COUNT + s]! += counts[i * STATUS_COUNT + s]!;
    reviewCounts[p]! += reviewCounts[i]!;
  }
  return { status, needsReview, unmapped, counts, reviewCounts };
}

export interface ComplianceTotals {
  assessable: number;
  met: number;
  partial: number;
  notMet: number;
  notRelevant: number;
  notAssessed: number;
  needsReview: number;
}

/** Only the framework's totals: the fast path for summaries and the national recomputation. */
export function summarize(model: FrameworkModel, answers: AnswerSet): ComplianceTotals {
  const totals = [0, 0, 0, 0, 0];
  let review = 0;
  let assessable = 0;
  for (let i = 0; i < model.size; i++) {
    if (!model.counted[i]) continue;
    const result = deriveNode(model, answers, i);
    totals[result.status]!++;
    if (result.review) review++;
    assessable++;
  }
  return { assessable, met: totals[MET]!, partial: totals[PARTIAL]!, notMet: totals[NOT_MET]!, notRelevant: totals[NOT_RELEVANT]!, notAssessed: totals[NOT_ASSESSED]!, needsReview: review };
}

/** Totals of one node's subtree from a derivation. */
export function totalsAt(derivation: Derivation, i: number): ComplianceTotals {
  const c = derivation.counts;
  const o = i * STATUS_COUNT;
  const met = c[o + MET]!;
  const partial = c[o + PARTIAL]!;
  const notMet = c[o + NOT_MET]!;
  const notRelevant = c[o + NOT_RELEVANT]!;
  const notAssessed = c[o + NOT_ASSESSED]!;
  return { assessable: met + partial + notMet + notRelevant + notAssessed, met, partial, notMet, notRelevant, notAssessed, needsReview: derivation.reviewCounts[i]! };
}

/** Share met among the requirements that apply (not relevant ones are left out), in whole percent. */
export function percentMet(t: Pick<ComplianceTotals, 'assessable' | 'met' | 'notRelevant'>): number | null {
  const applicable = t.assessable - t.notRelevant;
  return applicable > 0 ? Math.round((100 * t.met) / applicable) : null;
}

export function percentPartial(t: Pick<ComplianceTotals, 'assessable' | 'partial' | 'notRelevant'>): number | null {
  const applicable = t.assessable - t.notRelevant;
  return applicable > 0 ? Math.round((100 * t.partial) / applicable) : null;
}

export const statusName = (code: number): NodeStatus => nodeStatuses[code] ?? 'not_assessed';
