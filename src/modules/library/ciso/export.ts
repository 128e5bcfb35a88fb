import { stringify } from 'yaml';
import type { LibraryDependsOn, LibraryFramework, LibraryMappingSet, LibraryNode, LibraryQuestion } from '../model';
import type { QuestionChoice } from '../schema';

/**
 * Writes a framework (or a mapping set) as a CISO Assistant library file. What CISO Assistant has no key for
 * travels in keys of our own on the same objects (source_url, granularity, uncertain, out_of_scope, kind,
 * applies_if), which CISO Assistant leaves alone and our importer reads back: export → import is lossless.
 */

const yesNoLabels = (locale: string) => (locale === 'en' ? { yes: 'Yes', no: 'No' } : { yes: 'Ja', no: 'Nei' });

const choiceUrn = (question: LibraryQuestion, choice: QuestionChoice) => choice.urn ?? `${question.urn}:choice:${choice.value}`;

function choicesOf(question: LibraryQuestion, locale: string): QuestionChoice[] {
  if (question.type !== 'yes_no') return question.choices;
  const labels = yesNoLabels(locale);
  return [
    { value: 'yes', label: labels.yes },
    { value: 'no', label: labels.no },
  ];
}

function answerRule(rule: LibraryDependsOn, questions: Map<string, LibraryQuestion>) {
  const target = questions.get(rule.questionUrn);
  const urnOf = (value: string) => {
    const choice = target?.choices.find((c) => c.value === value);
    return choice ? choiceUrn(target!, choice) : `${rule.questionUrn}:choice:${value}`;
  };
  return { question: rule.questionUrn, answers: rule.values.map(urnOf), condition: 'any' };
}

function questionOut(question: LibraryQuestion, locale: string, questions: Map<string, LibraryQuestion>) {
  const out: Record<string, unknown> = {
    type: question.type === 'yes_no' || question.type === 'choice' ? 'unique_choice' : question.type,
    text: question.text,
  };
  const choices = choicesOf(question, locale);
  if (choices.length) {
    out.choices = choices.map((choice) => {
      const c: Record<string, unknown> = { urn: choiceUrn(question, choice), value: choice.label };
      if (choice.description) c.description = choice.description;
      if (choice.addScore !== undefined) c.add_score = choice.addScore;
      if (question.compliantValues.includes(choice.value)) c.compute_result = true;
      else if (choice.computeResult !== undefined) c.compute_result = choice.computeResult;
      return c;
    });
  }
  if (question.dependsOn) out.depends_on = answerRule(question.dependsOn, questions);
  const translations: Record<string, { text: string }> = {};
  if (question.textEn) translations.en = { text: question.textEn };
  if (question.textNn) translations.nn = { text: question.textNn };
  if (Object.keys(translations).length) out.translations = translations;
  return out;
}

function nodeOut(node: LibraryNode, locale: string, questions: Map<string, LibraryQuestion>) {
  const out: Record<string, unknown> = { urn: node.urn, assessable: node.assessable, depth: node.depth };
  const put = (key: string, value: string | null) => {
    if (value !== null) out[key] = value;
  };
  put('parent_urn', node.parentUrn);
  put('ref_id', node.refId);
  put('name', node.title);
  put('description', node.summary);
  put('annotation', node.annotation);
  put('typical_evidence', node.typicalEvidence);
  if (node.implementationGroups.length) out.implementation_groups = node.implementationGroups;
  put('source_url', node.sourceUrl);
  put('granularity', node.granularity);
  put('uncertain', node.uncertain);
  put('out_of_scope', node.outOfScope);
  const translations: Record<string, Record<string, string>> = {};
  const add = (locale: string, key: string, value: string | null) => {
    if (value !== null) translations[locale] = { ...translations[locale], [key]: value };
  };
  add('en', 'name', node.titleEn);
  add('en', 'description', node.summaryEn);
  add('nn', 'name', node.titleNn);
  add('nn', 'description', node.summaryNn);
  if (Object.keys(translations).length) out.translations = translations;
  if (node.questions.length) {
    const map: Record<string, unknown> = {};
    for (const question of node.questions) {
      map[question.urn] = questionOut(question, locale, questions);
      questions.set(question.urn, question);
    }
    out.questions = map;
  }
  return out;
}

const dropNulls = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined));

export function frameworkToCiso(framework: LibraryFramework): Record<string, unknown> {
  const questions = new Map<string, LibraryQuestion>();
  const nodes = framework.nodes.map((node) => nodeOut(node, framework.locale, questions));
  const groups = framework.implementationGroups.map((g) =>
    dropNulls({ ref_id: g.refId, name: g.name, description: g.description, applies_if: g.appliesIf ? answerRule(g.appliesIf, questions) : null }),
  );
  return dropNulls({
    urn: framework.libraryUrn,
    locale: framework.locale,
    ref_id: framework.refId,
    name: framework.name,
    description: framework.description,
    copyright: framework.copyright,
    version: framework.version,
    provider: framework.provider,
    packager: 'samsvar',
    objects: {
      framework: dropNulls({
        urn: framework.urn,
        ref_id: framework.refId,
        name: framework.name,
        description: framework.description,
        annotation: framework.notes,
        source_url: framework.sourceUrl,
        kind: framework.kind === 'framework' ? null : framework.kind,
        translations: framework.nameEn ? { en: { name: framework.nameEn } } : null,
        implementation_groups_definition: groups.length ? groups : null,
        requirement_nodes: nodes,
      }),
    },
  });
}

export function mappingSetToCiso(set: LibraryMappingSet, locale = 'en'): Record<string, unknown> {
  return dropNulls({
    urn: set.libraryUrn,
    locale,
    ref_id: set.refId ?? set.urn,
    name: set.name,
    description: set.description,
    version: set.version,
    packager: 'samsvar',
    dependencies: null,
    objects: {
      requirement_mapping_sets: [
        dropNulls({
          urn: set.urn,
          ref_id: set.refId,
          name: set.name,
          description: set.description,
          source_framework_urn: set.sourceFrameworkUrn,
          target_framework_urn: set.targetFrameworkUrn,
          requirement_mappings: set.mappings.map((m) =>
            dropNulls({
              source_requirement_urn: m.sourceUrn,
              target_requirement_urn: m.targetUrn,
              relationship: m.relationship,
              rationale: m.rationale,
              strength_of_relationship: m.strength,
              annotation: m.annotation,
            }),
          ),
        }),
      ],
    },
  });
}

export const toYaml = (document: Record<string, unknown>) => stringify(document, { lineWidth: 110, minContentWidth: 40, aliasDuplicateObjects: false });
