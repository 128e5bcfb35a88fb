import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { TemplateContent } from './contract';
import { fieldKeys, sameValue, type FieldValue } from './fields';
import { applyResolutions, mergedContent, planMerge, UnresolvedConflictError } from './merge';

const base = Object.fromEntries(fieldKeys.map((k) => [k, `grunn ${k}`])) as unknown as TemplateContent;
const withChanges = (changes: Record<string, FieldValue>) => ({ ...base, ...changes }) as TemplateContent;
const local = ['responsible_unit', 'systems', 'processors', 'data_subject_count'];

describe('three-way merge of a template update', () => {
  test('a field changed only nationally follows the new template; own values elsewhere are kept', () => {
    const theirs = withChanges({ retention_period: 'Ny lagringstid etter arkivlova' });
    const ours = new Map<string, FieldValue>([['responsible_unit', 'Boligkontoret'], ['description', 'Vår egen beskrivelse']]);
    const plan = planMerge({ base, theirs, ours, baseLocalFields: local, theirLocalFields: local });
    assert.deepEqual(plan.conflicts, []);
    assert.equal(plan.fields.find((f) => f.key === 'retention_period')?.change, 'updated');
    assert.equal(plan.fields.find((f) => f.key === 'description')?.change, 'kept');
    const { drop } = applyResolutions(plan, {});
    const merged = mergedContent(theirs, ours, drop);
    assert.equal(merged.retention_period, 'Ny lagringstid etter arkivlova');
    assert.equal(merged.description, 'Vår egen beskrivelse');
    assert.equal(merged.responsible_unit, 'Boligkontoret');
  });

  test('a field changed both nationally and locally is a conflict that must be resolved', () => {
    const theirs = withChanges({ art6_national_basis: ['ny lov (LOV-2025-06-20-96)'] });
    const ours = new Map<string, FieldValue>([['art6_national_basis', ['vår lokale forskrift']]]);
    const plan = planMerge({ base, theirs, ours, baseLocalFields: local, theirLocalFields: local });
    assert.deepEqual(plan.conflicts, ['art6_national_basis']);
    assert.throws(() => applyResolutions(plan, {}), UnresolvedConflictError);
  });

  test('keep mine keeps the override; take new drops it so the field follows the template', () => {
    const theirs = withChanges({ retention_period: 'ny', disposal: 'ny kassasjon' });
    const ours = new Map<string, FieldValue>([['retention_period', 'min'], ['disposal', 'min kassasjon']]);
    const plan = planMerge({ base, theirs, ours, baseLocalFields: local, theirLocalFields: local });
    assert.deepEqual(plan.conflicts.sort(), ['disposal', 'retention_period']);
    const { drop, keep } = applyResolutions(plan, { retention_period: 'mine', disposal: 'theirs' });
    assert.deepEqual(keep, ['retention_period']);
    assert.deepEqual(drop, ['disposal']);
    const merged = mergedContent(theirs, ours, drop);
    assert.equal(merged.retention_period, 'min');
    assert.equal(merged.disposal, 'ny kassasjon');
  });

  test('an override that already equals the new national value is no conflict and is dropped', () => {
    const theirs = withChanges({ notes: 'samme' });
    const ours = new Map<string, FieldValue>([['notes', 'samme']]);
    const plan = planMerge({ base, theirs, ours, baseLocalFields: local, theirLocalFields: local });
    assert.deepEqual(plan.conflicts, []);
    assert.equal(plan.fields[0]?.change, 'converged');
    assert.deepEqual(applyResolutions(plan, {}).drop, ['notes']);
  });

  test('changes to which fields are local are reported', () => {
    const plan = planMerge({ base, theirs: base, ours: new Map(), baseLocalFields: local, theirLocalFields: [...local.slice(1), 'local_retention_note'] });
    assert.deepEqual(plan.localFieldsAdded, ['local_retention_note']);
    assert.deepEqual(plan.localFieldsRemoved, ['responsible_unit']);
    assert.deepEqual(plan.fields, []);
  });

  test('DPIA objects compare by content, not by criterion order', () => {
    const a = withChanges({ dpia: { likely: true, criteria: [4, 7], reason: 'x' } });
    const b = withChanges({ dpia: { likely: true, criteria: [7, 4], reason: 'x' } });
    assert.deepEqual(planMerge({ base: a, theirs: b, ours: new Map(), baseLocalFields: [], theirLocalFields: [] }).fields, []);
  });

  test('property: whatever is chosen, a field ends as either the own value or the new national value', () => {
    const value = fc.oneof(fc.constant('a'), fc.constant('b'), fc.constant('c'));
    const keys = fieldKeys.slice(0, 8);
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries(keys.map((k) => [k, value]))),
        fc.record(Object.fromEntries(keys.map((k) => [k, value]))),
        fc.dictionary(fc.constantFrom(...keys), value),
        fc.dictionary(fc.constantFrom(...keys), fc.constantFrom('mine' as const, 'theirs' as const)),
        (baseValues, theirValues, ourValues, choices) => {
          const b = withChanges(baseValues);
          const t = withChanges(theirValues);
          const ours = new Map<string, FieldValue>(Object.entries(ourValues));
          const plan = planMerge({ base: b, theirs: t, ours, baseLocalFields: [], theirLocalFields: [] });
          const resolutions = Object.fromEntries(plan.conflicts.map((k) => [k, choices[k] ?? 'theirs']));
          const { drop } = applyResolutions(plan, resolutions);
          const merged = mergedContent(t, ours, drop);
          for (const key of keys) {
            const own = ours.get(key);
            const nationalChange = !sameValue(b[key], t[key]);
            if (own === undefined) assert.equal(merged[key], t[key], `${key} without own value follows the template`);
            else if (!nationalChange) assert.equal(merged[key], own, `${key} unchanged nationally keeps the own value`);
            else if (resolutions[key] === 'mine') assert.equal(merged[key], own);
            else assert.equal(merged[key], t[key]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
