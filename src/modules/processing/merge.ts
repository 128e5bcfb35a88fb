import type { ChangeKind, Resolution, TemplateContent } from './contract';
import { fieldKeys, sameValue, type FieldValue } from './fields';

/**
 * The three-way merge of a template update into a municipality's entry, field by field:
 * base = the template version the entry is based on, theirs = the new template version, ours = the
 * municipality's own values (local fields it filled and overrides).
 *
 * - Changed nationally, no own value: the entry simply follows the template ("updated").
 * - Changed nationally and the municipality has its own value: a conflict it resolves (keep mine / take new),
 *   unless its value already equals the new one ("converged": nothing to decide).
 * - Not changed nationally: the own value stays ("kept"); fields without own values are not listed.
 */

export interface FieldMerge {
  key: string;
  change: ChangeKind;
  base: FieldValue;
  theirs: FieldValue;
  mine: FieldValue | null;
  hasMine: boolean;
}

export interface MergePlan {
  fields: FieldMerge[];
  conflicts: string[];
  localFieldsAdded: string[];
  localFieldsRemoved: string[];
}

export function planMerge(input: {
  base: TemplateContent;
  theirs: TemplateContent;
  ours: ReadonlyMap<string, FieldValue>;
  baseLocalFields: readonly string[];
  theirLocalFields: readonly string[];
}): MergePlan {
  const fields: FieldMerge[] = [];
  for (const key of fieldKeys) {
    const base = input.base[key] ?? null;
    const theirs = input.theirs[key] ?? null;
    const hasMine = input.ours.has(key);
    const mine = hasMine ? (input.ours.get(key) ?? null) : null;
    const nationalChange = !sameValue(base, theirs);
    if (!nationalChange) {
      if (hasMine) fields.push({ key, change: 'kept', base, theirs, mine, hasMine });
      continue;
    }
    const change: ChangeKind = !hasMine ? 'updated' : sameValue(mine, theirs) ? 'converged' : 'conflict';
    fields.push({ key, change, base, theirs, mine, hasMine });
  }
  const baseLocal = new Set(input.baseLocalFields);
  const theirLocal = new Set(input.theirLocalFields);
  return {
    fields,
    conflicts: fields.filter((f) => f.change === 'conflict').map((f) => f.key),
    localFieldsAdded: [...theirLocal].filter((k) => !baseLocal.has(k)),
    localFieldsRemoved: [...baseLocal].filter((k) => !theirLocal.has(k)),
  };
}

export class UnresolvedConflictError extends Error {
  constructor(readonly field: string) {
    super(`conflict on ${field} is not resolved`);
  }
}

/**
 * What accepting does to the municipality's own values: which to drop so the field follows the new template.
 * Every conflict must have a resolution; "converged" own values are dropped (they now equal the template).
 */
export function applyResolutions(plan: MergePlan, resolutions: Readonly<Record<string, Resolution>>): { drop: string[]; keep: string[] } {
  const drop: string[] = [];
  const keep: string[] = [];
  for (const field of plan.fields) {
    if (field.change === 'converged') drop.push(field.key);
    if (field.change !== 'conflict') continue;
    const choice = resolutions[field.key];
    if (!choice) throw new UnresolvedConflictError(field.key);
    (choice === 'theirs' ? drop : keep).push(field.key);
  }
  return { drop, keep };
}

/** The effective content after a merge: own values where kept, the new template everywhere else. */
export function mergedContent(theirs: TemplateContent, ours: ReadonlyMap<string, FieldValue>, drop: readonly string[]): Record<string, FieldValue> {
  const dropped = new Set(drop);
  const result: Record<string, FieldValue> = { ...theirs };
  for (const [key, value] of ours) if (!dropped.has(key)) result[key] = value;
  return result;
}
