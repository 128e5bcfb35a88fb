/**
 * Priority of an action from a gap: the measure's own priority, how many requirements it closes across
 * frameworks, and how much work it is — so that quick wins (important and cheap) come first. A higher score
 * comes first. Kept as one small function so the list, the board, the reports and the tests agree.
 */
const priorityWeight: Record<string, number> = { high: 3, medium: 2, low: 1 };
/** Effort divides the value, but softly: an important measure is not buried because it is big. */
const effortDivisor: Record<string, number> = { low: 1, medium: 1.5, high: 2.2 };

export interface PriorityInput {
  priority: string;
  effort: string | null;
  /** Requirements met fully when the measure is implemented. */
  closesFully: number;
  /** Requirements met partly (subset/intersect mappings). */
  closesPartly: number;
}

export function priorityScore(input: PriorityInput): number {
  const reach = Math.min(input.closesFully + 0.5 * input.closesPartly, 20);
  const value = 10 * (priorityWeight[input.priority] ?? 1) + reach;
  return Math.round((10 * value) / (effortDivisor[input.effort ?? 'medium'] ?? 1.5));
}
