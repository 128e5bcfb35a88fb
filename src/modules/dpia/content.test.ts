import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse, stringify } from 'yaml';
import { dpiaContentDir, lintDpiaContent, loadCriteria, loadDpiaTemplates, MAX_LOCAL_FIELDS } from './content';
import { screeningFromTemplate, screeningOutcome } from './screening-rules';

const criteria = (met: number[]) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ criterion: n, met: met.includes(n), reason: '' }));

test('screening outcome: list hit or 2+ criteria requires, 1 recommends, 0 does not', () => {
  assert.equal(screeningOutcome(criteria([]), []), 'not_required');
  assert.equal(screeningOutcome(criteria([3]), []), 'recommended');
  assert.equal(screeningOutcome(criteria([3, 7]), []), 'required');
  assert.equal(screeningOutcome(criteria([]), ['ansattovervaking']), 'required');
});

test('the content in content/dpia passes the lint, with at most 10 local fields per template', () => {
  assert.deepEqual(lintDpiaContent(), []);
  const { templates } = loadDpiaTemplates();
  assert.equal(templates.length, 3);
  for (const t of templates) assert.ok(t.localFields.length <= MAX_LOCAL_FIELDS, t.slug);
  // The README's table: 9 for the learning platform, 10 for the other two.
  assert.deepEqual(Object.fromEntries(templates.map((t) => [t.slug, t.localFields.length])), { 'epj-helse-omsorg': 10, 'laeringsplattform-grunnskole': 9, 'velferdsteknologi-hjemmetjeneste': 10 });
});

test('the criteria list marks the items not verified against Datatilsynet', () => {
  const c = loadCriteria();
  assert.equal(c.wp248.length, 9);
  assert.ok(c.datatilsynetList.filter((i) => i.status === 'unverified').length >= 3);
  const epj = loadDpiaTemplates().templates.find((t) => t.slug === 'epj-helse-omsorg')!;
  assert.deepEqual(screeningFromTemplate(epj.content, c).criteria.filter((x) => x.met).map((x) => x.criterion), [1, 4, 5, 6, 7]);
});

test('a broken template fails the lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dpia-content-'));
  cpSync(dpiaContentDir, dir, { recursive: true });
  const file = join(dir, 'templates', 'epj-helse-omsorg.yaml');
  const content = parse(readFileSync(file, 'utf8')) as { principles: Record<string, unknown>; risks: { items: { planned_measures: string[]; severity: { value: number } }[] }; context: { overview: Record<string, unknown> } };
  delete content.principles.consent;
  content.risks.items[0]!.planned_measures.push('m99');
  content.risks.items[1]!.severity.value = 5;
  content.context.overview.extra1 = { value: null, local: true, input: 'text' };
  writeFileSync(file, stringify(content));
  const messages = lintDpiaContent(dir).map((e) => `${e.path}: ${e.message}`);
  assert.ok(messages.some((m) => m.includes('principles.consent')), messages.join('\n'));
  assert.ok(messages.some((m) => m.includes('m99')));
  assert.ok(messages.some((m) => m.includes('1–4')));
  assert.ok(messages.some((m) => m.includes('11 lokale felt')));
  assert.ok(messages.some((m) => m.includes('prompt')));
});
