import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { lintProcessingTemplates, loadMeasureCatalogue, loadProcessingContent, MAX_LOCAL_FIELDS_TOTAL, processingContentDir } from './content';
import { fieldDefs, fieldKeys } from './fields';

const copies: string[] = [];
after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of content/processing where one template is changed, to see the lint catch it. */
function contentWith(slug: string, change: (template: Record<string, unknown>) => void, extra?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-processing-'));
  copies.push(dir);
  cpSync(processingContentDir, dir, { recursive: true });
  const file = join(dir, 'templates', `${slug}.yaml`);
  const template = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(template);
  writeFileSync(file, stringify(template));
  extra?.(dir);
  return dir;
}

const errorsOf = (dir: string) => lintProcessingTemplates(dir).errors.map((e) => `${e.file.replace('templates/', '')} ${e.path}: ${e.message}`);

describe('the national templates in content/processing', () => {
  test('the field catalogue has the 47 fields of the README, in its order', () => {
    assert.equal(fieldDefs.length, 47);
    const readme = readFileSync(join(processingContentDir, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| \d+ \| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(documented, fieldKeys);
  });

  test('pass the lint: 25 templates, every one with a legal basis, at most 110 local fields in all', () => {
    const result = lintProcessingTemplates();
    assert.deepEqual(result.errors, []);
    assert.equal(result.ok, true);
    assert.equal(result.templates, 25);
    assert.equal(result.localFields, 105);
    assert.ok(result.localFields <= MAX_LOCAL_FIELDS_TOTAL);
  });

  test('refer to common measures that exist; the rest is plain text reported as not yet mapped', () => {
    const content = loadProcessingContent();
    const measures = loadMeasureCatalogue();
    const all = content.templates.flatMap((t) => t.content.security_measures as string[]);
    const urns = all.filter((m) => m.startsWith('urn:'));
    assert.ok(urns.length > 100);
    assert.ok(urns.every((u) => measures.has(u)));
    assert.ok(content.warnings.every((w) => w.path === 'security_measures'));
    assert.ok(!all.some((m) => /^[a-z]+(-[a-z]+)+$/.test(m)), 'no draft keywords are left');
  });

  test('cover every service area and mark retention references for review', () => {
    const content = loadProcessingContent();
    const areas = new Set(content.templates.map((t) => t.serviceArea));
    assert.deepEqual([...areas].sort(), content.serviceAreas.map((a) => a.id).sort());
    assert.ok(content.templates.every((t) => t.uncertain.some((u) => u.field === 'retention_legal_basis' || u.field === 'retention_period')));
  });
});

describe('the lint catches', () => {
  test('a missing legal basis and an empty national field', () => {
    const errors = errorsOf(
      contentWith('teknisk-byggesak-plan', (t) => {
        t.art6_basis = [];
        t.purposes = [];
      }),
    );
    assert.ok(errors.some((e) => e.includes('art6_basis: Behandlingsgrunnlag etter art. 6 mangler.')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('purposes: Feltet er tomt')), errors.join('\n'));
  });

  test('special categories without an art. 9 exception, and an unknown measure URN', () => {
    const errors = errorsOf(
      contentWith('bolig-startlan-tilskudd', (t) => {
        t.art9_basis = ['ingen'];
        t.security_measures = ['urn:samsvar:measure:finnes-ikke'];
      }),
    );
    assert.ok(errors.some((e) => e.includes('art9_basis')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('urn:samsvar:measure:finnes-ikke finnes ikke')), errors.join('\n'));
  });

  test('a malformed statute identifier, an unknown field key and an unknown service area', () => {
    const errors = errorsOf(
      contentWith('teknisk-brann-redning', (t) => {
        t.art6_national_basis = ['brann- og eksplosjonsvernloven (LOV-2002-6-14)'];
        t.fire_station = 'ukjent felt';
        t.service_area = 'brann';
      }),
    );
    assert.ok(errors.some((e) => e.includes('LOV-2002-6-14')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('fire_station')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('Ukjent tjenesteområde')), errors.join('\n'));
  });

  test('a URN that does not match the file, used twice', () => {
    const errors = errorsOf(
      contentWith(
        'teknisk-byggesak-plan',
        (t) => {
          t.urn = 'urn:samsvar:processing-template:teknisk-brann-redning';
        },
      ),
    );
    assert.ok(errors.some((e) => e.startsWith('teknisk-byggesak-plan.yaml urn: URN-en må slutte på filnavnet')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('er brukt i en annen mal')), errors.join('\n'));
  });

  test('too many local fields in one template, and an organisation field marked local', () => {
    const errors = errorsOf(
      contentWith('kultur-kulturskole-bibliotek-booking', (t) => {
        t.local_fields = ['responsible_unit', 'systems', 'processors', 'data_subject_count', 'local_retention_note', 'notes', 'dpo_contact'];
      }),
    );
    assert.ok(errors.some((e) => e.includes('Malen har 7 lokale felt')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('dpo_contact hentes fra kommuneprofilen')), errors.join('\n'));
  });

  test('broken YAML is reported, not thrown', () => {
    const dir = contentWith('teknisk-byggesak-plan', () => undefined, (d) => writeFileSync(join(d, 'templates', 'teknisk-byggesak-plan.yaml'), 'urn: [uavsluttet'));
    const result = lintProcessingTemplates(dir);
    assert.equal(result.ok, false);
    assert.ok(result.errors.some((e) => e.message.startsWith('Ugyldig YAML')));
  });
});
