import { parse } from 'yaml';
import type { QuestionChoice, QuestionType } from '../../library/schema';

/**
 * A questionnaire framework in one shape, whichever file it came from: our own content format (nested
 * `nodes`, a list of `questions`, see content/README.md) or a CISO Assistant library file (flat
 * `requirement_nodes` with `parent_urn`, `questions` keyed by URN), such as CISA's vendor SCRM template.
 */
export interface QuestionDefinition {
  urn: string;
  type: QuestionType;
  text: string;
  choices: QuestionChoice[];
  compliant: string[];
  dependsOn: { question: string; answers: string[] } | null;
}

export interface NodeDefinition {
  urn: string;
  parentUrn: string | null;
  depth: number;
  refId: string | null;
  title: string | null;
  summary: string | null;
  typicalEvidence: string | null;
  assessable: boolean;
  implementationGroups: string[];
  questions: QuestionDefinition[];
}

export interface GroupDefinition {
  refId: string;
  name: string;
  description: string | null;
  appliesIf: { question: string; answers: string[] } | null;
}

export interface FrameworkDefinition {
  urn: string;
  libraryUrn: string;
  refId: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  provider: string | null;
  copyright: string | null;
  notes: string | null;
  locale: string;
  version: number;
  origin: 'content' | 'import';
  groups: GroupDefinition[];
  nodes: NodeDefinition[];
}

type Raw = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): string[] => list(value).map((v) => str(v) ?? '').filter(Boolean);

/** CISO Assistant calls a single choice "unique_choice"; our library calls it "choice". */
function questionType(value: unknown, where: string): QuestionType {
  const type = str(value);
  if (type === 'unique_choice') return 'choice';
  if (type === 'yes_no' || type === 'choice' || type === 'multiple_choice' || type === 'text' || type === 'date' || type === 'number') return type;
  throw new Error(`${where}: unknown question type ${String(value)}`);
}

function dependsOn(raw: unknown, choiceValues: Map<string, string>): QuestionDefinition['dependsOn'] {
  if (!raw || typeof raw !== 'object') return null;
  const question = str((raw as Raw).question);
  if (!question) return null;
  // CISO Assistant names the answers by choice URN; our content names them by value.
  const answers = strings((raw as Raw).answers).map((a) => choiceValues.get(a) ?? a);
  return { question, answers };
}

function contentQuestion(raw: Raw, choiceValues: Map<string, string>): QuestionDefinition {
  const urn = str(raw.urn);
  if (!urn) throw new Error('a question has no urn');
  const type = questionType(raw.type, urn);
  const choices = list(raw.choices).map((c) => ({ value: str((c as Raw).value) ?? '', label: str((c as Raw).label) ?? str((c as Raw).value) ?? '' }));
  return { urn, type, text: str(raw.text) ?? '', choices, compliant: strings(raw.compliant), dependsOn: dependsOn(raw.depends_on, choiceValues) };
}

function parseContent(doc: Raw): FrameworkDefinition {
  const nodes: NodeDefinition[] = [];
  const walk = (items: unknown[], parentUrn: string | null, depth: number) => {
    for (const item of items) {
      const raw = item as Raw;
      const urn = str(raw.urn);
      if (!urn) throw new Error('a node has no urn');
      nodes.push({
        urn,
        parentUrn,
        depth,
        refId: str(raw.ref),
        title: str(raw.title),
        summary: str(raw.summary),
        typicalEvidence: str(raw.typical_evidence),
        assessable: raw.assessable === true,
        implementationGroups: strings(raw.implementation_groups),
        questions: list(raw.questions).map((q) => contentQuestion(q as Raw, new Map())),
      });
      walk(list(raw.children), urn, depth + 1);
    }
  };
  walk(list(doc.nodes), null, 1);
  return {
    urn: str(doc.urn)!,
    libraryUrn: str(doc.urn)!,
    refId: str(doc.ref_id) ?? str(doc.urn)!,
    name: str(doc.name) ?? '',
    nameEn: str(doc.name_en),
    description: str(doc.description),
    provider: str(doc.provider),
    copyright: null,
    notes: str(doc.notes),
    locale: 'nb',
    version: Number(doc.version ?? 1),
    origin: 'content',
    groups: groups(doc.implementation_groups_definition),
    nodes,
  };
}

function groups(raw: unknown): GroupDefinition[] {
  return list(raw).map((g) => {
    const group = g as Raw;
    const applies = group.applies_if as Raw | undefined;
    return {
      refId: str(group.ref_id) ?? '',
      name: str(group.name) ?? str(group.ref_id) ?? '',
      description: str(group.description),
      appliesIf: applies && str(applies.question) ? { question: str(applies.question)!, answers: strings(applies.answers) } : null,
    };
  });
}

function parseCisoAssistant(doc: Raw): FrameworkDefinition {
  const objects = (doc.objects ?? {}) as Raw;
  const framework = objects.framework as Raw | undefined;
  if (!framework) throw new Error('the library file holds no framework');
  const nodes: NodeDefinition[] = list(framework.requirement_nodes).map((item) => {
    const raw = item as Raw;
    const urn = str(raw.urn);
    if (!urn) throw new Error('a requirement node has no urn');
    const questionMap = (raw.questions ?? {}) as Record<string, Raw>;
    const choiceValues = new Map<string, string>();
    for (const question of Object.values(questionMap)) {
      for (const choice of list(question.choices)) {
        const c = choice as Raw;
        if (str(c.urn) && str(c.value)) choiceValues.set(str(c.urn)!, str(c.value)!);
      }
    }
    const questions = Object.entries(questionMap).map(([questionUrn, question]) => ({
      urn: questionUrn,
      type: questionType(question.type, questionUrn),
      text: str(question.text) ?? '',
      choices: list(question.choices).map((c) => {
        const choice = c as Raw;
        const value = str(choice.value) ?? '';
        return {
          value,
          label: value,
          ...(typeof choice.add_score === 'number' ? { addScore: choice.add_score } : {}),
          ...(str(choice.compute_result) ? { computeResult: str(choice.compute_result)! } : {}),
        };
      }),
      compliant: [],
      dependsOn: dependsOn(question.depends_on, choiceValues),
    }));
    return {
      urn,
      parentUrn: str(raw.parent_urn),
      depth: Number(raw.depth ?? 1),
      refId: str(raw.ref_id),
      title: str(raw.name) ?? str(raw.ref_id),
      summary: str(raw.description),
      typicalEvidence: str(raw.typical_evidence),
      assessable: raw.assessable === true,
      implementationGroups: strings(raw.implementation_groups),
      questions,
    };
  });
  return {
    urn: str(framework.urn)!,
    libraryUrn: str(doc.urn) ?? str(framework.urn)!,
    refId: str(framework.ref_id) ?? str(doc.ref_id) ?? str(framework.urn)!,
    name: str(framework.name) ?? str(doc.name) ?? '',
    nameEn: null,
    description: str(framework.description) ?? str(doc.description),
    provider: str(doc.provider),
    copyright: str(doc.copyright),
    notes: null,
    locale: str(doc.locale) ?? 'en',
    version: Number(doc.version ?? 1),
    origin: 'import',
    groups: groups(framework.implementation_groups_definition),
    nodes,
  };
}

/** Reads a questionnaire file in either format; refuses a file whose questions point at nothing. */
export function parseQuestionnaire(source: string): FrameworkDefinition {
  const doc = parse(source) as Raw;
  if (!doc || typeof doc !== 'object') throw new Error('the file is not a YAML mapping');
  const definition = doc.objects ? parseCisoAssistant(doc) : parseContent(doc);
  if (!definition.urn) throw new Error('the framework has no urn');
  const seen = new Set<string>();
  for (const node of definition.nodes) {
    for (const question of node.questions) {
      if (seen.has(question.urn)) throw new Error(`duplicate question urn ${question.urn}`);
      if (question.dependsOn && !seen.has(question.dependsOn.question)) {
        throw new Error(`${question.urn} depends on ${question.dependsOn.question}, which does not come before it`);
      }
      seen.add(question.urn);
    }
  }
  return definition;
}

export const questionCount = (definition: FrameworkDefinition) => definition.nodes.reduce((sum, node) => sum + node.questions.length, 0);
