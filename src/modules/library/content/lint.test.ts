import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { contentDir, projectRoot } from '../../../paths';
import { lintContent } from './lint';
import { formatIssue, loadContent } from './loader';
import { contentStats } from './stats';

const copies: string[] = [];
after(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the repository's content with one file changed. */
function brokenCopy(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-content-'));
  copies.push(dir);
  cpSync(contentDir, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  assert.notEqual(after, before, `the change to ${file} must change something`);
  writeFileSync(path, after);
  return dir;
}

const messages = (dir: string) => lintContent(dir).issues.map(formatIssue);

test('the repository content passes lint', () => {
  const { load, issues } = lintContent(contentDir);
  assert.deepEqual(issues.map(formatIssue), []);
  assert.equal(load.frameworks.length, 8, 'seven frameworks and the vendor questionnaire');
  assert.ok(load.measures.length >= 80 && load.measures.length <= 150, `${load.measures.length} measures`);
});

test('every NSM principle and every GDPR security and accountability duty is reached by a measure', () => {
  const load = loadContent(contentDir);
  const mapped = new Set(load.measures.flatMap((m) => m.measure.mappings.map((x) => x.target)));
  const nsm = load.frameworks.find((f) => f.framework.urn === 'urn:samsvar:framework:nsm')!.framework;
  const principles = nsm.nodes.filter((n) => n.depth === 2);
  assert.equal(principles.length, 21, 'NSM has 21 principles');
  assert.equal(nsm.nodes.filter((n) => n.depth === 1).length, 4, 'NSM has 4 categories');
  for (const principle of principles) {
    const below = nsm.nodes.filter((n) => n.urn === principle.urn || n.parentUrn === principle.urn);
    assert.ok(below.some((n) => mapped.has(n.urn)), `NSM ${principle.refId} is reached by a measure`);
  }
  const gdpr = load.frameworks.find((f) => f.framework.urn === 'urn:samsvar:framework:gdpr')!.framework;
  for (const ref of ['art. 5(2)', 'art. 24', 'art. 25', 'art. 28', 'art. 30', 'art. 32', 'art. 33', 'art. 34', 'art. 35', 'art. 37']) {
    const node = gdpr.nodes.find((n) => n.refId === ref || n.refId?.startsWith(`${ref}(`));
    assert.ok(node, `GDPR ${ref} is in the library`);
    const family = gdpr.nodes.filter((n) => n.urn === node.urn || n.parentUrn === node.urn || n.parentUrn === node.parentUrn);
    assert.ok(family.some((n) => mapped.has(n.urn)), `GDPR ${ref} is reached by a measure`);
  }
});

test('lint fails on a duplicate URN and names both places', () => {
  const dir = brokenCopy('library/frameworks/nis2.yaml', (t) => t.replace('urn: urn:samsvar:req:nis2:art21-2-j', 'urn: urn:samsvar:req:nsm:2.6.7'));
  const found = messages(dir).filter((m) => m.includes('urn:samsvar:req:nsm:2.6.7 er brukt før'));
  assert.equal(found.length, 1, messages(dir).join('\n'));
  // Both places: the NSM file (where the URN belongs) and the NIS2 file (read first, alphabetically).
  assert.match(found[0]!, /^library\/frameworks\/nsm-grunnprinsipper\.yaml:\d+ nodes\[1\]\.children\[5\]\.children\[6\]\.urn: /);
  assert.match(found[0]!, /\(library\/frameworks\/nis2\.yaml:\d+ nodes\[0\]\.children\[1\]\.children\[9\]\.urn\)/);
});

test('lint fails on a mapping to a requirement that does not exist', () => {
  const dir = brokenCopy('library/measures/identity-access.yaml', (t) => t.replace('target: urn:samsvar:req:ks-tiltak:3.1', 'target: urn:samsvar:req:ks-tiltak:99'));
  const found = messages(dir);
  assert.ok(
    found.some((m) => /^library\/measures\/identity-access\.yaml:\d+ measures\[0\]\.mappings\[1\]\.target: TIL-01 viser til urn:samsvar:req:ks-tiltak:99, som ikke finnes/.test(m)),
    found.join('\n'),
  );
});

test('lint fails on a measure without mappings', () => {
  const dir = brokenCopy('library/measures/identity-access.yaml', (t) => {
    const start = t.indexOf('    mappings:');
    const end = t.indexOf('  - urn:', start);
    return `${t.slice(0, start)}    mappings: []\n${t.slice(end)}`;
  });
  const found = messages(dir);
  assert.ok(found.some((m) => m.includes('measures[0].mappings: Tiltaket må vise til minst ett krav')), found.join('\n'));
});

test('lint fails on a requirement no measure reaches, unless it is out of scope with a reason', () => {
  const addNode = (t: string, extra = '') =>
    t.replace(
      '  - urn: urn:samsvar:req:ai-act:art26\n',
      `  - urn: urn:samsvar:req:ai-act:nytt-krav\n    ref: art. 99\n    title: Et krav uten tiltak\n    summary: Ingen tiltak dekker dette.\n    assessable: true\n${extra}  - urn: urn:samsvar:req:ai-act:art26\n`,
    );
  const unreached = messages(brokenCopy('library/frameworks/ai-act.yaml', (t) => addNode(t)));
  assert.ok(unreached.some((m) => /ai-act\.yaml:\d+ nodes\[\d+\]\.urn: Ingen felles tiltak dekker KI-FORORDNINGEN art\. 99/.test(m)), unreached.join('\n'));
  const outOfScope = messages(brokenCopy('library/frameworks/ai-act.yaml', (t) => addNode(t, '    out_of_scope: Gjelder ikke kommuner.\n')));
  assert.deepEqual(outOfScope, []);
});

test('lint fails on a malformed field and names file, line and place', () => {
  const dir = brokenCopy('library/measures/backup-recovery.yaml', (t) => t.replace('priority: high', 'priority: urgent'));
  const found = messages(dir);
  assert.ok(found.some((m) => /^library\/measures\/backup-recovery\.yaml:\d+ measures\[\d+\]\.priority: priority må være high, medium eller low\.$/.test(m)), found.join('\n'));
});

test('lint catches a choice label that YAML cut at a comma (unquoted flow mapping)', () => {
  const dir = brokenCopy('vendors/questionnaire.yaml', (t) => t.replace('label: "Hele døgnet, alle dager"', 'label: Hele døgnet, alle dager'));
  const found = messages(dir);
  assert.ok(found.some((m) => m.startsWith('vendors/questionnaire.yaml:') && m.includes('Ukjent felt: alle dager')), found.join('\n'));
});

test('lint checks question choices, compliant values and conditions', () => {
  const found = messages(
    brokenCopy('library/frameworks/tilsyn-2026-forberedelse.yaml', (t) => t.replace('compliant: [documented, reviewed]', 'compliant: [documented, perfect]')),
  );
  assert.ok(found.some((m) => m.includes('compliant: «perfect» er ikke et av svarene')), found.join('\n'));
  const dependsOn = messages(brokenCopy('vendors/questionnaire.yaml', (t) => t.replace('answers: [helse] }\n            compliant: [yes]', 'answers: [sykehus] }\n            compliant: [yes]')));
  assert.ok(dependsOn.some((m) => m.includes('depends_on: «sykehus» er ikke et svar')), dependsOn.join('\n'));
});

test('stats count frameworks, nodes, measures, mappings and coverage per framework', () => {
  const stats = contentStats(loadContent(contentDir));
  assert.equal(stats.frameworks, 8);
  assert.equal(stats.measures, 129);
  assert.equal(stats.mappings, 538);
  const nsm = stats.coverage.find((c) => c.urn === 'urn:samsvar:framework:nsm')!;
  assert.equal(nsm.coveragePercent, 100);
  assert.equal(nsm.covered, nsm.inScope);
  assert.equal(stats.coverage.find((c) => c.kind === 'questionnaire')!.coveragePercent, null);
});

test('samsvar content lint exits 0 on the repository and 1 on a broken copy; stats --json prints the counts', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(projectRoot, 'bin', 'samsvar.mjs'), 'content', ...args], { encoding: 'utf8' });
  const ok = cli('lint');
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /Innholdet er i orden/);
  const broken = cli('lint', '--dir', brokenCopy('library/measures/ai.yaml', (t) => t.replace('relationship: subset', 'relationship: overlaps')));
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /library\/measures\/ai\.yaml:\d+ measures\[\d+\]\.mappings\[\d+\]\.relationship: relationship må være/);
  const template = 'processing/templates/administrasjon-ikt-logging-kontrolltiltak.yaml';
  const brokenTemplate = cli('lint', '--dir', brokenCopy(template, (t) => t.replace('urn:samsvar:measure:mfa-all-users', 'urn:samsvar:measure:finnes-ikke')));
  assert.equal(brokenTemplate.status, 1, 'a processing template is part of the content lint');
  assert.match(brokenTemplate.stderr, /processing\/.*urn:samsvar:measure:finnes-ikke/);
  const cut = cli('lint', '--dir', brokenCopy('dpia/templates/epj-helse-omsorg.yaml', (t) => t.replace('reason: "Helsepersonell vurderer helsetilstand, funksjonsnivå og behov."', 'reason: Helsepersonell vurderer helsetilstand, funksjonsnivå og behov.')));
  assert.equal(cut.status, 1, 'text cut by an unquoted comma is an error');
  assert.match(cut.stderr, /dpia\/templates\/epj-helse-omsorg\.yaml:\d+ funksjonsnivå og behov\.: teksten «funksjonsnivå og behov\.» er kuttet/);
  const stats = cli('stats', '--json');
  assert.equal(stats.status, 0, stats.stderr);
  const parsed = JSON.parse(stats.stdout) as { frameworks: number; requirementNodes: number; measures: number; mappings: number; coverage: unknown[] };
  assert.equal(parsed.frameworks, 8);
  assert.equal(parsed.measures, 129);
  assert.equal(parsed.coverage.length, 8);
});
