import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { contentDir } from '../../../paths';
import { loadContent } from '../content/loader';
import { frameworkCounts } from '../model';
import { frameworkToCiso, mappingSetToCiso, toYaml } from './export';
import { cisoFixturesDir } from './fixtures';
import { LibraryFileError, parseCisoLibrary } from './parse';

const fixture = (name: string) => readFileSync(join(cisoFixturesDir(), name), 'utf8');

/** The figures in ../shared/fixtures/ciso-assistant/SOURCES.md. */
const expected: Record<string, { urn: string; nodes: number; assessable: number; questions: number }[]> = {
  'gdpr.yaml': [{ urn: 'urn:intuitem:risk:framework:gdpr', nodes: 1090, assessable: 287, questions: 0 }],
  'nis2-directive.yaml': [{ urn: 'urn:intuitem:risk:framework:nis2-directive', nodes: 17, assessable: 13, questions: 0 }],
  'nist-csf-1.1.yaml': [{ urn: 'urn:intuitem:risk:framework:nist-csf-1.1', nodes: 136, assessable: 108, questions: 0 }],
  'nist-csf-2.0.yaml': [{ urn: 'urn:intuitem:risk:framework:nist-csf-2.0', nodes: 134, assessable: 106, questions: 0 }],
  'cisa-vendor-scrm.yaml': [{ urn: 'urn:intuitem:risk:framework:cisa-scrm', nodes: 286, assessable: 256, questions: 260 }],
};

function issuesOf(text: string) {
  try {
    parseCisoLibrary(text);
  } catch (error) {
    assert.ok(error instanceof LibraryFileError, String(error));
    return error.issues;
  }
  assert.fail('the file was accepted');
}

test('every fixture parses with the counts in SOURCES.md', () => {
  for (const [file, frameworks] of Object.entries(expected)) {
    const pkg = parseCisoLibrary(fixture(file));
    assert.deepEqual(pkg.frameworks.map(frameworkCounts), frameworks, file);
    assert.equal(pkg.mappingSets.length, 0, file);
  }
  const gdpr = parseCisoLibrary(fixture('gdpr.yaml')).frameworks[0]!;
  assert.equal(gdpr.nodes.filter((n) => n.refId === null).length, 49, 'GDPR: 49 nodes without ref_id');
  const map = parseCisoLibrary(fixture('map-nist-csf-1.1-nist-csf-2.0.yaml'));
  assert.equal(map.mappingSets.length, 1, 'the older singular requirement_mapping_set key is read');
  assert.equal(map.mappingSets[0]!.mappings.length, 185);
  assert.equal(map.mappingSets[0]!.sourceFrameworkUrn, 'urn:intuitem:risk:framework:nist-csf-1.1');
  assert.equal(map.mappingSets[0]!.targetFrameworkUrn, 'urn:intuitem:risk:framework:nist-csf-2.0');
});

test('the tree comes from parent_urn and depth, implementation groups and questions are kept', () => {
  const scrm = parseCisoLibrary(fixture('cisa-vendor-scrm.yaml')).frameworks[0]!;
  assert.equal(scrm.implementationGroups.length, 8);
  const node = scrm.nodes.find((n) => n.urn === 'urn:intuitem:risk:req_node:cisa-scrm:1.2.1')!;
  assert.equal(node.parentUrn, 'urn:intuitem:risk:req_node:cisa-scrm:1.2');
  assert.equal(node.depth, 3);
  assert.deepEqual(node.implementationGroups, ['IG1']);
  const choice = scrm.nodes.flatMap((n) => n.questions).find((q) => q.urn === 'urn:intuitem:risk:req_node:cisa-scrm:2.1:question:1')!;
  assert.equal(choice.type, 'choice');
  assert.deepEqual(
    choice.choices.map((c) => [c.value, c.label]),
    [
      ['1', 'Yes'],
      ['2', 'No'],
      ['3', 'Alternate'],
      ['4', 'N/A'],
    ],
  );
});

test('translations in English and nynorsk are kept; the file locale names the main text', () => {
  const nis2 = parseCisoLibrary(fixture('nis2-directive.yaml')).frameworks[0]!;
  assert.equal(nis2.locale, 'en');
  const text = `urn: urn:x:library:t
locale: nb
name: T
version: 1
objects:
  framework:
    urn: urn:x:framework:t
    ref_id: T
    name: T
    translations: { en: { name: T in English } }
    requirement_nodes:
      - urn: urn:x:req:t:1
        depth: 1
        name: Krav
        translations: { en: { name: Requirement }, nn: { name: Krav på nynorsk, description: Skildring }, sv: { name: Krav på svenska } }
`;
  const framework = parseCisoLibrary(text).frameworks[0]!;
  assert.equal(framework.nameEn, 'T in English');
  assert.deepEqual([framework.nodes[0]!.titleEn, framework.nodes[0]!.titleNn, framework.nodes[0]!.summaryNn], ['Requirement', 'Krav på nynorsk', 'Skildring']);
});

test('export → import is lossless for every fixture and for our own content', () => {
  for (const file of [...Object.keys(expected), 'map-nist-csf-1.1-nist-csf-2.0.yaml']) {
    const pkg = parseCisoLibrary(fixture(file));
    for (const framework of pkg.frameworks) assert.deepEqual(parseCisoLibrary(toYaml(frameworkToCiso(framework))).frameworks, [framework], file);
    for (const set of pkg.mappingSets) assert.deepEqual(parseCisoLibrary(toYaml(mappingSetToCiso(set))).mappingSets, [set], file);
  }
  for (const { framework } of loadContent(contentDir).frameworks) {
    assert.deepEqual(parseCisoLibrary(toYaml(frameworkToCiso(framework))).frameworks, [framework], framework.urn);
  }
});

test('our yes/no questions and conditions travel as CISO unique choices and depends_on', () => {
  const questionnaire = loadContent(contentDir).frameworks.find((f) => f.framework.kind === 'questionnaire')!.framework;
  const document = frameworkToCiso(questionnaire) as { objects: { framework: { requirement_nodes: { urn: string; questions?: Record<string, Record<string, unknown>> }[] } } };
  const node = document.objects.framework.requirement_nodes.find((n) => n.urn === 'urn:samsvar:req:vendor-questionnaire:1.2')!;
  const yesNo = node.questions!['urn:samsvar:req:vendor-questionnaire:1.2:q1']!;
  assert.equal(yesNo.type, 'unique_choice');
  assert.deepEqual(yesNo.choices, [
    { urn: 'urn:samsvar:req:vendor-questionnaire:1.2:q1:choice:yes', value: 'Ja' },
    { urn: 'urn:samsvar:req:vendor-questionnaire:1.2:q1:choice:no', value: 'Nei' },
  ]);
  assert.deepEqual(node.questions!['urn:samsvar:req:vendor-questionnaire:1.2:q2']!.depends_on, {
    question: 'urn:samsvar:req:vendor-questionnaire:1.2:q1',
    answers: ['urn:samsvar:req:vendor-questionnaire:1.2:q1:choice:yes'],
    condition: 'any',
  });
});

const minimal = (nodes: string) => `urn: urn:x:library:t
locale: en
name: T
version: 1
objects:
  framework:
    urn: urn:x:framework:t
    ref_id: T
    name: T
    requirement_nodes:
${nodes}`;

test('errors name the place in the file', () => {
  const dangling = issuesOf(minimal(`      - { urn: "urn:x:req:1", depth: 1 }\n      - { urn: "urn:x:req:2", depth: 2, parent_urn: "urn:x:req:9" }\n`));
  assert.deepEqual(dangling, [{ path: 'objects.framework.requirement_nodes[1].parent_urn', message: 'Viser til urn:x:req:9, som ikke er en node tidligere i fila.' }]);
  const depth = issuesOf(minimal(`      - { urn: "urn:x:req:1", depth: 1 }\n      - { urn: "urn:x:req:2", depth: 3, parent_urn: "urn:x:req:1" }\n`));
  assert.equal(depth[0]!.path, 'objects.framework.requirement_nodes[1].depth');
  const duplicate = issuesOf(minimal(`      - { urn: "urn:x:req:1", depth: 1 }\n      - { urn: "urn:x:req:1", depth: 1 }\n`));
  assert.equal(duplicate[0]!.path, 'objects.framework.requirement_nodes[1].urn');
  const type = issuesOf(minimal(`      - { urn: "urn:x:req:1", depth: 1, assessable: "yes" }\n`));
  assert.deepEqual(type, [{ path: 'objects.framework.requirement_nodes[0].assessable', message: 'assessable må være true eller false.' }]);
  const question = issuesOf(minimal(`      - urn: urn:x:req:1\n        depth: 1\n        questions:\n          urn:x:req:1:q1: { type: slider, text: Hvor mye? }\n`));
  assert.equal(question[0]!.path, 'objects.framework.requirement_nodes[0].questions.urn:x:req:1:q1.type');
  const missingUrn = issuesOf(minimal(`      - { depth: 1, name: Uten URN }\n`));
  assert.equal(missingUrn[0]!.path, 'objects.framework.requirement_nodes[0].urn');
  const version = issuesOf(minimal(`      - { urn: "urn:x:req:1" }\n`).replace('version: 1', 'version: en'));
  assert.equal(version[0]!.path, 'version');
  const yaml = issuesOf('urn: [unclosed');
  assert.match(yaml[0]!.message, /ikke gyldig YAML/);
  const empty = issuesOf('urn: urn:x:library:t\nname: T\nversion: 1\nobjects: {}\n');
  assert.deepEqual(empty, [{ path: 'objects', message: 'Fila har verken et rammeverk eller kryssreferanser (requirement_mapping_sets).' }]);
});

test('depends_on may name a question and its choices by URN or by ref', () => {
  const text = minimal(`      - urn: urn:x:req:1
        depth: 1
        assessable: true
        questions:
          urn:x:req:1:q1:
            type: unique_choice
            text: Bruker dere skytjenester?
            choices:
              - { urn: "urn:x:req:1:q1:choice:yes", value: Ja, compute_result: true }
              - { urn: "urn:x:req:1:q1:choice:no", value: Nei }
          urn:x:req:1:q2:
            type: text
            text: Hvilke?
            depends_on: { question: q1, answers: [yes] }
          urn:x:req:1:q3:
            type: date
            text: Når?
            depends_on: { question: "urn:x:req:1:q1", answers: ["urn:x:req:1:q1:choice:yes"] }
          urn:x:req:1:q4:
            type: text
            text: Feil
            depends_on: { question: q1, answers: [kanskje] }
`);
  const issues = issuesOf(text);
  assert.deepEqual(issues, [{ path: 'objects.framework.requirement_nodes[0].questions.urn:x:req:1:q4.depends_on.answers[0]', message: '«kanskje» er ikke et svar på urn:x:req:1:q1.' }]);
  const fixed = parseCisoLibrary(text.replace(/ {10}urn:x:req:1:q4:[\s\S]*$/, ''));
  const [q1, q2, q3] = fixed.frameworks[0]!.nodes[0]!.questions;
  assert.equal(q1!.type, 'yes_no', 'a unique choice of exactly yes/no is our yes/no question');
  assert.deepEqual(q1!.compliantValues, ['yes']);
  assert.deepEqual(q2!.dependsOn, { questionUrn: 'urn:x:req:1:q1', values: ['yes'] });
  assert.deepEqual(q3!.dependsOn, { questionUrn: 'urn:x:req:1:q1', values: ['yes'] });
});
