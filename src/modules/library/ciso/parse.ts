import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from '../../../shared/validation';
import type { LibraryDependsOn, LibraryFramework, LibraryMappingSet, LibraryNode, LibraryPackage, LibraryQuestion } from '../model';
import type { QuestionChoice } from '../schema';
import { cisoFramework, cisoLibrary, cisoMappingSet, cisoQuestionTypes, type CisoFramework, type CisoMappingSet, type CisoQuestion } from './format';

/** One thing wrong in a library file, named by its place, e.g. `objects.framework.requirement_nodes[12].parent_urn`. */
export interface LibraryFileIssue {
  path: string;
  message: string;
}

export class LibraryFileError extends Error {
  constructor(readonly issues: LibraryFileIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'));
    this.name = 'LibraryFileError';
  }
}

const MAX_ISSUES = 20;

type PathPart = string | number;
export const placeText = (parts: readonly PathPart[]) =>
  parts.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');

class Issues {
  readonly list: LibraryFileIssue[] = [];
  add(parts: readonly PathPart[], message: string): void {
    if (this.list.length < MAX_ISSUES) this.list.push({ path: placeText(parts), message });
  }
  /** Validates one object against its schema; the issue paths are prefixed with where the object sits. */
  check<S extends z.ZodType>(schema: S, value: unknown, at: PathPart[]): z.output<S> | null {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const parts = issue.path.filter((p): p is PathPart => typeof p === 'string' || typeof p === 'number');
      this.add([...at, ...parts], issue.message);
    }
    return null;
  }
  throwIfAny(): void {
    if (this.list.length) throw new LibraryFileError(this.list);
  }
}

const CHOICE_INFIX = ':choice:';
const lastSegment = (urn: string) => urn.slice(urn.lastIndexOf(':') + 1);

/**
 * A choice's value is what an answer stores: the part after `<question urn>:choice:` when the file follows
 * that convention (then the URN need not be kept), otherwise the URN's last segment, as CISO Assistant
 * derives a ref_id, with the URN kept for the way back.
 */
function choicesOf(questionUrn: string, question: CisoQuestion, at: PathPart[], issues: Issues): QuestionChoice[] {
  const choices: QuestionChoice[] = [];
  const seen = new Set<string>();
  (question.choices ?? []).forEach((choice, index) => {
    const conventional = choice.urn?.startsWith(`${questionUrn}${CHOICE_INFIX}`) ?? false;
    const value = choice.urn ? (conventional ? choice.urn.slice(questionUrn.length + CHOICE_INFIX.length) : lastSegment(choice.urn)) : String(index + 1);
    if (seen.has(value)) issues.add([...at, 'choices', index, 'urn'], `To valg har samme verdi («${value}»); gi hvert valg sin egen URN.`);
    seen.add(value);
    const out: QuestionChoice = { value, label: choice.value };
    if (choice.urn && !conventional) out.urn = choice.urn;
    if (choice.description) out.description = choice.description;
    if (typeof choice.add_score === 'number') out.addScore = choice.add_score;
    const result = choice.compute_result;
    if (result !== null && result !== undefined && result !== true && result !== 'true') out.computeResult = String(result);
    choices.push(out);
  });
  return choices;
}

const isCompliant = (result: unknown) => result === true || result === 'true';

function questionOf(urn: string, question: CisoQuestion, at: PathPart[], issues: Issues): LibraryQuestion | null {
  const type = cisoQuestionTypes[question.type as keyof typeof cisoQuestionTypes];
  if (!type) {
    issues.add([...at, 'type'], `Ukjent spørsmålstype «${question.type}» (gyldige: ${Object.keys(cisoQuestionTypes).join(', ')}).`);
    return null;
  }
  const choices = choicesOf(urn, question, at, issues);
  if (type === 'choice' || type === 'multiple_choice') {
    if (choices.length === 0) issues.add([...at, 'choices'], 'Et valgspørsmål må ha choices.');
  } else if (choices.length) issues.add([...at, 'choices'], `Et ${question.type}-spørsmål kan ikke ha choices.`);
  const compliantValues = (question.choices ?? []).map((c, i) => (isCompliant(c.compute_result) ? choices[i]?.value : undefined)).filter((v): v is string => v !== undefined);
  // Our yes/no questions travel as a unique choice with the values yes and no.
  const yesNo = type === 'choice' && choices.length === 2 && choices[0]!.value === 'yes' && choices[1]!.value === 'no' && choices.every((c) => !c.urn && c.addScore === undefined && !c.description && !c.computeResult);
  const translation = (locale: string) => question.translations?.[locale]?.text ?? null;
  return {
    urn,
    type: yesNo ? 'yes_no' : type,
    text: question.text,
    textEn: translation('en'),
    textNn: translation('nn'),
    choices: yesNo ? [] : choices,
    compliantValues,
    dependsOn: null,
  };
}

const choiceUrn = (question: LibraryQuestion, choice: QuestionChoice) => choice.urn ?? `${question.urn}${CHOICE_INFIX}${choice.value}`;
const valuesOf = (question: LibraryQuestion): QuestionChoice[] =>
  question.type === 'yes_no' ? [{ value: 'yes', label: 'Ja' }, { value: 'no', label: 'Nei' }] : question.choices;

/** depends_on names a question (URN or ref) and answers (choice URNs or refs); we store URN and values. */
function resolveDependsOn(
  rule: { question: string; answers: string[] },
  questions: Map<string, LibraryQuestion>,
  at: PathPart[],
  issues: Issues,
): LibraryDependsOn | null {
  const target = questions.get(rule.question) ?? [...questions.values()].find((q) => lastSegment(q.urn) === rule.question);
  if (!target) {
    issues.add([...at, 'question'], `Viser til spørsmålet ${rule.question}, som ikke står tidligere i rammeverket.`);
    return null;
  }
  const values: string[] = [];
  rule.answers.forEach((answer, index) => {
    const choice = valuesOf(target).find((c) => choiceUrn(target, c) === answer || c.value === answer);
    if (choice) values.push(choice.value);
    else issues.add([...at, 'answers', index], `«${answer}» er ikke et svar på ${target.urn}.`);
  });
  return { questionUrn: target.urn, values };
}

function frameworkOf(raw: CisoFramework, library: { urn: string; version: number; locale: string; provider: string | null; copyright: string | null }, at: PathPart[], issues: Issues): LibraryFramework {
  const nodes: LibraryNode[] = [];
  const byUrn = new Map<string, LibraryNode>();
  const questions = new Map<string, LibraryQuestion>();
  const groups = new Set((raw.implementation_groups_definition ?? []).map((g) => g.ref_id));
  raw.requirement_nodes.forEach((node, index) => {
    const here = [...at, 'requirement_nodes', index];
    if (byUrn.has(node.urn)) issues.add([...here, 'urn'], `URN-en ${node.urn} står to ganger i rammeverket.`);
    const parent = node.parent_urn ? byUrn.get(node.parent_urn) : undefined;
    if (node.parent_urn && !parent) issues.add([...here, 'parent_urn'], `Viser til ${node.parent_urn}, som ikke er en node tidligere i fila.`);
    // With a broken parent_urn, trust the file's depth so that one error does not cascade to every child.
    const depth = parent ? parent.depth + 1 : node.parent_urn ? (node.depth ?? 1) : 1;
    if (node.depth !== null && node.depth !== undefined && node.depth !== depth && (parent || !node.parent_urn)) {
      issues.add([...here, 'depth'], `depth er ${node.depth}, men noden står på nivå ${depth} ut fra parent_urn.`);
    }
    if (groups.size) {
      for (const group of node.implementation_groups ?? []) if (!groups.has(group)) issues.add([...here, 'implementation_groups'], `Gruppen «${group}» er ikke definert i implementation_groups_definition.`);
    }
    const nodeQuestions: LibraryQuestion[] = [];
    for (const [questionUrn, question] of Object.entries(node.questions ?? {})) {
      const qAt = [...here, 'questions', questionUrn];
      if (questions.has(questionUrn)) issues.add(qAt, `Spørsmålet ${questionUrn} står to ganger i rammeverket.`);
      const parsed = questionOf(questionUrn, question, qAt, issues);
      if (!parsed) continue;
      if (question.depends_on) parsed.dependsOn = resolveDependsOn(question.depends_on, questions, [...qAt, 'depends_on'], issues);
      questions.set(questionUrn, parsed);
      nodeQuestions.push(parsed);
    }
    const tr = (locale: string, key: 'name' | 'description') => node.translations?.[locale]?.[key] ?? null;
    const normalised: LibraryNode = {
      urn: node.urn,
      parentUrn: node.parent_urn ?? null,
      depth,
      refId: node.ref_id,
      title: node.name,
      summary: node.description,
      annotation: node.annotation,
      typicalEvidence: node.typical_evidence,
      sourceUrl: node.source_url,
      assessable: node.assessable ?? false,
      granularity: node.granularity,
      uncertain: node.uncertain,
      outOfScope: node.out_of_scope,
      implementationGroups: node.implementation_groups ?? [],
      titleEn: tr('en', 'name'),
      summaryEn: tr('en', 'description'),
      titleNn: tr('nn', 'name'),
      summaryNn: tr('nn', 'description'),
      questions: nodeQuestions,
    };
    nodes.push(normalised);
    if (!byUrn.has(node.urn)) byUrn.set(node.urn, normalised);
  });
  const implementationGroups = (raw.implementation_groups_definition ?? []).map((g, index) => ({
    refId: g.ref_id,
    name: g.name,
    description: g.description,
    appliesIf: g.applies_if ? resolveDependsOn(g.applies_if, questions, [...at, 'implementation_groups_definition', index, 'applies_if'], issues) : null,
  }));
  return {
    urn: raw.urn,
    libraryUrn: library.urn,
    refId: raw.ref_id,
    name: raw.name,
    nameEn: raw.name_en ?? raw.translations?.en?.name ?? null,
    description: raw.description,
    provider: library.provider,
    copyright: library.copyright,
    sourceUrl: raw.source_url,
    notes: raw.annotation,
    locale: library.locale,
    version: library.version,
    kind: raw.kind ?? 'framework',
    implementationGroups,
    nodes,
  };
}

function mappingSetOf(raw: CisoMappingSet, library: { urn: string; version: number }): LibraryMappingSet {
  return {
    urn: raw.urn,
    libraryUrn: library.urn,
    refId: raw.ref_id,
    name: raw.name,
    description: raw.description,
    sourceFrameworkUrn: raw.source_framework_urn,
    targetFrameworkUrn: raw.target_framework_urn,
    version: library.version,
    mappings: raw.requirement_mappings.map((m) => ({
      sourceUrn: m.source_requirement_urn,
      targetUrn: m.target_requirement_urn,
      relationship: m.relationship,
      rationale: m.rationale,
      strength: m.strength_of_relationship ?? null,
      annotation: m.annotation,
    })),
  };
}

/** Reads a CISO Assistant library file. Throws LibraryFileError naming every problem's place (up to 20). */
export function parseCisoLibrary(text: string): LibraryPackage {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: false, maxAliasCount: 100 });
  } catch (error) {
    const line = error instanceof YAMLParseError ? error.linePos?.[0]?.line : undefined;
    throw new LibraryFileError([{ path: line ? `linje ${line}` : '', message: `Fila er ikke gyldig YAML: ${(error as Error).message.split('\n')[0]}` }]);
  }
  const issues = new Issues();
  const library = issues.check(cisoLibrary, data, []);
  issues.throwIfAny();
  const meta = { urn: library!.urn, version: library!.version, locale: library!.locale ?? 'en', provider: library!.provider, copyright: library!.copyright };
  const objects = library!.objects;
  const frameworks: LibraryFramework[] = [];
  const mappingSets: LibraryMappingSet[] = [];
  const mappingSetPlaces: string[] = [];
  const frameworkAt = (value: unknown, at: PathPart[]) => {
    const raw = issues.check(cisoFramework, value, at);
    if (raw) frameworks.push(frameworkOf(raw, meta, at, issues));
  };
  const listAt = (value: unknown, key: string, each: (item: unknown, at: PathPart[]) => void) => {
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) issues.add(['objects', key], 'Må være en liste.');
    else value.forEach((item, i) => each(item, ['objects', key, i]));
  };
  if (Array.isArray(objects.framework)) listAt(objects.framework, 'framework', frameworkAt);
  else if (objects.framework !== undefined && objects.framework !== null) frameworkAt(objects.framework, ['objects', 'framework']);
  listAt(objects.frameworks, 'frameworks', frameworkAt);
  const mappingSetAt = (value: unknown, at: PathPart[]) => {
    const raw = issues.check(cisoMappingSet, value, at);
    if (!raw) return;
    mappingSets.push(mappingSetOf(raw, meta));
    mappingSetPlaces.push(placeText(at));
  };
  listAt(objects.requirement_mapping_sets, 'requirement_mapping_sets', mappingSetAt);
  if (objects.requirement_mapping_set !== undefined && objects.requirement_mapping_set !== null) mappingSetAt(objects.requirement_mapping_set, ['objects', 'requirement_mapping_set']);
  if (!frameworks.length && !mappingSets.length && !issues.list.length) issues.add(['objects'], 'Fila har verken et rammeverk eller kryssreferanser (requirement_mapping_sets).');
  const urns = new Set<string>();
  for (const framework of frameworks) {
    if (urns.has(framework.urn)) issues.add(['objects'], `Rammeverket ${framework.urn} står to ganger i fila.`);
    urns.add(framework.urn);
  }
  issues.throwIfAny();
  return { urn: meta.urn, version: meta.version, frameworks, mappingSets, mappingSetPlaces };
}
