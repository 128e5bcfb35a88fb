import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from '../../../shared/validation';
import type { FrameworkKind, LibraryFramework, LibraryMeasure, LibraryNode, LibraryQuestion } from '../model';
import { contentFramework, contentMeasureBundle, contentMeasureFile, type ContentFramework, type ContentMeasureFile, type ContentNode, type ContentQuestion } from './schema';

/** A problem in a content file, named by file, line and place, e.g. `nodes[2].children[0].urn`. */
export interface ContentIssue {
  file: string;
  line: number | null;
  path: string;
  message: string;
}

export interface Located {
  file: string;
  path: string;
  line: number | null;
}

export interface LoadedFramework {
  file: string;
  framework: LibraryFramework;
  /** The raw YAML (for checks that need what the normalised shape drops, e.g. where a choice was written). */
  source: ContentFramework;
}

export interface LoadedMeasure {
  file: string;
  measure: LibraryMeasure;
}

export interface ContentLoad {
  root: string;
  files: string[];
  frameworks: LoadedFramework[];
  measures: LoadedMeasure[];
  /** Where each URN (framework, node, question, measure) was written; the first place wins. */
  places: Map<string, Located[]>;
  /** Where each measure's mappings were written: `${measureUrn} ${index}`. */
  mappingPlaces: Map<string, Located>;
  issues: ContentIssue[];
  /** Hash of every content file the library is built from (the seeder skips the library when it is unchanged). */
  hash: string;
}

/** The files that make up the library, relative to the content root. */
export function contentFiles(root: string): { file: string; kind: 'framework' | 'questionnaire' | 'measures' }[] {
  const list = (dir: string) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => `${dir}/${f}`) : []);
  return [
    ...list('library/frameworks').map((file) => ({ file, kind: 'framework' as const })),
    ...(existsSync(join(root, 'vendors/questionnaire.yaml')) ? [{ file: 'vendors/questionnaire.yaml', kind: 'questionnaire' as const }] : []),
    ...list('library/measures').map((file) => ({ file, kind: 'measures' as const })),
  ];
}

type PathPart = string | number;
const pathText = (parts: readonly PathPart[]) => parts.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');

class YamlFile {
  readonly doc: Document;
  private readonly lines = new LineCounter();
  constructor(
    readonly file: string,
    text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
  }

  /** The line a place starts on (the nearest existing parent when the place itself is missing). */
  lineOf(parts: readonly PathPart[]): number | null {
    for (let n = parts.length; n >= 0; n--) {
      const node = this.doc.getIn(parts.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return null;
  }

  /** A place whose line is worked out only when someone asks (only issues need it; loading stays fast). */
  locate(parts: readonly PathPart[]): Located {
    const file = this.file;
    const lineOf = (p: readonly PathPart[]) => this.lineOf(p);
    let line: number | null | undefined;
    return {
      file,
      path: pathText(parts),
      get line() {
        if (line === undefined) line = lineOf(parts);
        return line;
      },
    };
  }

  parseErrors(): ContentIssue[] {
    return this.doc.errors.map((error) => ({
      file: this.file,
      line: error.linePos?.[0]?.line ?? null,
      path: '',
      message: `Ugyldig YAML: ${error.message.split('\n')[0]}`,
    }));
  }

  schemaIssues(issues: z.core.$ZodIssue[]): ContentIssue[] {
    return issues.map((issue) => {
      const parts = issue.path.filter((p): p is PathPart => typeof p === 'string' || typeof p === 'number');
      const place = issue.code === 'unrecognized_keys' ? [...parts, issue.keys[0] ?? ''] : parts;
      return { file: this.file, line: this.lineOf(place), path: pathText(place), message: issue.message };
    });
  }
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function questionFromContent(q: ContentQuestion): LibraryQuestion {
  return {
    urn: q.urn,
    type: q.type,
    text: q.text,
    textEn: orNull(q.en?.text),
    textNn: orNull(q.nn?.text),
    choices: (q.choices ?? []).map((c) => ({ value: c.value, label: c.label })),
    compliantValues: q.compliant ?? [],
    dependsOn: q.depends_on ? { questionUrn: q.depends_on.question, values: q.depends_on.answers } : null,
  };
}

function nodeFromContent(n: ContentNode, parentUrn: string | null, depth: number): LibraryNode {
  return {
    urn: n.urn,
    parentUrn,
    depth,
    refId: n.ref,
    title: n.title,
    summary: n.summary,
    annotation: null,
    typicalEvidence: orNull(n.typical_evidence),
    sourceUrl: orNull(n.source_url),
    assessable: n.assessable,
    granularity: orNull(n.granularity),
    uncertain: orNull(n.uncertain),
    outOfScope: orNull(n.out_of_scope),
    implementationGroups: n.implementation_groups ?? [],
    titleEn: orNull(n.en?.title),
    summaryEn: orNull(n.en?.summary),
    titleNn: orNull(n.nn?.title),
    summaryNn: orNull(n.nn?.summary),
    questions: (n.questions ?? []).map(questionFromContent),
  };
}

/** Our content framework → the normalised shape (tree flattened depth-first, as CISO Assistant files are). */
export function frameworkFromContent(source: ContentFramework, kind: FrameworkKind, visit?: (node: ContentNode, parts: PathPart[]) => void): LibraryFramework {
  const nodes: LibraryNode[] = [];
  const walk = (list: ContentNode[], parentUrn: string | null, depth: number, parts: PathPart[]) => {
    list.forEach((node, index) => {
      const here = [...parts, index];
      visit?.(node, here);
      nodes.push(nodeFromContent(node, parentUrn, depth));
      if (node.children) walk(node.children, node.urn, depth + 1, [...here, 'children']);
    });
  };
  walk(source.nodes, null, 1, ['nodes']);
  return {
    urn: source.urn,
    libraryUrn: source.urn.replace(':framework:', ':library:'),
    refId: source.ref_id,
    name: source.name,
    nameEn: orNull(source.name_en),
    description: source.description,
    provider: source.provider,
    copyright: null,
    sourceUrl: orNull(source.source_url),
    notes: orNull(source.notes),
    locale: 'nb',
    version: source.version,
    kind,
    implementationGroups: (source.implementation_groups_definition ?? []).map((g) => ({
      refId: g.ref_id,
      name: g.name,
      description: orNull(g.description),
      appliesIf: g.applies_if ? { questionUrn: g.applies_if.question, values: g.applies_if.answers } : null,
    })),
    nodes,
  };
}

export function measuresFromContent(source: ContentMeasureFile): LibraryMeasure[] {
  return source.measures.map((m) => ({
    urn: m.urn,
    code: m.code,
    area: source.area,
    areaTitle: source.area_title,
    title: m.title,
    what: m.what,
    why: m.why,
    startSmall: m.start_small,
    evidence: m.evidence,
    priority: m.priority,
    effort: m.effort,
    uncertain: orNull(m.uncertain),
    mappings: m.mappings.map((x) => ({ target: x.target, relationship: x.relationship, rationale: orNull(x.rationale) })),
  }));
}

/** Hash of the content files' bytes, without parsing them: start-up compares it with what was loaded last. */
export function contentHash(root: string): string {
  const hash = createHash('sha256');
  for (const { file } of contentFiles(root)) hash.update(`${file}\0${readFileSync(join(root, file), 'utf8')}\0`);
  return hash.digest('hex');
}

/** Reads and validates every content file; semantic checks (coverage, references) are in lint.ts. */
export function loadContent(root: string): ContentLoad {
  const load: ContentLoad = { root, files: [], frameworks: [], measures: [], places: new Map(), mappingPlaces: new Map(), issues: [], hash: '' };
  const hash = createHash('sha256');
  const place = (urn: string, where: Located) => {
    const list = load.places.get(urn);
    if (list) list.push(where);
    else load.places.set(urn, [where]);
  };
  for (const { file, kind } of contentFiles(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    hash.update(`${file}\0${text}\0`);
    load.files.push(relative(root, join(root, file)));
    const yaml = new YamlFile(file, text);
    const parseErrors = yaml.parseErrors();
    if (parseErrors.length) {
      load.issues.push(...parseErrors);
      continue;
    }
    const data: unknown = yaml.doc.toJS();
    if (kind === 'measures') {
      const parsed = contentMeasureFile.safeParse(data);
      if (!parsed.success) {
        load.issues.push(...yaml.schemaIssues(parsed.error.issues));
        continue;
      }
      parsed.data.measures.forEach((m, i) => {
        place(m.urn, yaml.locate(['measures', i, 'urn']));
        m.mappings.forEach((_x, j) => load.mappingPlaces.set(`${m.urn} ${j}`, yaml.locate(['measures', i, 'mappings', j, 'target'])));
      });
      for (const measure of measuresFromContent(parsed.data)) load.measures.push({ file, measure });
      continue;
    }
    const parsed = contentFramework.safeParse(data);
    if (!parsed.success) {
      load.issues.push(...yaml.schemaIssues(parsed.error.issues));
      continue;
    }
    place(parsed.data.urn, yaml.locate(['urn']));
    const framework = frameworkFromContent(parsed.data, kind, (node, parts) => {
      place(node.urn, yaml.locate([...parts, 'urn']));
      node.questions?.forEach((q, i) => place(q.urn, yaml.locate([...parts, 'questions', i, 'urn'])));
    });
    load.frameworks.push({ file, framework, source: parsed.data });
  }
  load.hash = hash.digest('hex');
  return load;
}

/** Reads the measures back from an export (`format: samsvar-measures`), for the round trip. */
export function parseMeasureBundle(text: string): LibraryMeasure[] {
  const yaml = new YamlFile('tiltak.yaml', text);
  const errors = yaml.parseErrors();
  if (errors.length) throw new Error(errors[0]!.message);
  const parsed = contentMeasureBundle.safeParse(yaml.doc.toJS());
  if (!parsed.success) {
    const issue = yaml.schemaIssues(parsed.error.issues)[0]!;
    throw new Error(`${issue.path}: ${issue.message}`);
  }
  return parsed.data.areas.flatMap(measuresFromContent);
}

export const formatIssue = (issue: ContentIssue) => `${issue.file}${issue.line ? `:${issue.line}` : ''}${issue.path ? ` ${issue.path}` : ''}: ${issue.message}`;
