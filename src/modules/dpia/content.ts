import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../../paths';
import type { DpiaTemplateContent, LocalFieldDef, MeasureDef, RiskItem } from './model';

/**
 * Reads the DPIA content (content/dpia, see its README): the scales, the screening criteria and the national
 * templates, and checks the templates against the README's lint rules. The seeder refuses content with errors;
 * `samsvar content lint` prints them.
 */

export const dpiaContentDir = join(contentDir, 'dpia');
export const MAX_LOCAL_FIELDS = 10;
export const principleKeys = [
  'purposes',
  'legal_basis',
  'minimisation',
  'accuracy',
  'retention',
  'information',
  'consent',
  'access_portability',
  'rectification_erasure',
  'restriction_objection',
  'processors',
  'transfers',
] as const;
export type PrincipleKey = (typeof principleKeys)[number];
export const requiredRiskIds = ['illegitimate_access', 'unwanted_modification', 'disappearance'] as const;
const inputKinds = ['text', 'number', 'choice', 'multiple_choice', 'system_ref', 'person', 'decision'];

export type RiskLevel = 'low' | 'medium' | 'high';
export interface Scales {
  severity: { value: number; name: string; description: string }[];
  likelihood: { value: number; name: string; description: string }[];
  levels: { id: RiskLevel; name: string; color: string; meaning: string }[];
  /** cells[likelihood][severity], both 1–4. */
  cells: Record<string, RiskLevel[]>;
}

export interface Criteria {
  wp248: { criterion: number; title: string }[];
  datatilsynetList: { id: string; item: string; status: 'secondary' | 'partial' | 'unverified' }[];
}

export interface LoadedDpiaTemplate {
  file: string;
  slug: string;
  urn: string;
  version: number;
  title: string;
  content: DpiaTemplateContent;
  localFields: LocalFieldDef[];
}

export interface DpiaLintIssue {
  file: string;
  path: string;
  message: string;
}

const read = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

export function loadScales(dir = dpiaContentDir): Scales {
  const raw = read(join(dir, 'scales.yaml')) as { severity: Scales['severity']; likelihood: Scales['likelihood']; risk_map: { levels: Scales['levels']; cells: Scales['cells'] } };
  return { severity: raw.severity, likelihood: raw.likelihood, levels: raw.risk_map.levels, cells: raw.risk_map.cells };
}

export function loadCriteria(dir = dpiaContentDir): Criteria {
  const raw = read(join(dir, 'criteria.yaml')) as { wp248: Criteria['wp248']; datatilsynet_list: Criteria['datatilsynetList'] };
  return { wp248: raw.wp248, datatilsynetList: raw.datatilsynet_list };
}

/** Every field marked `local: true`, with its dotted path (e.g. `context.overview.responsible_unit`). */
export function localFieldsOf(content: unknown): LocalFieldDef[] {
  const found: LocalFieldDef[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.local === true) {
      found.push({
        path,
        input: String(obj.input ?? '') as LocalFieldDef['input'],
        prompt: String(obj.prompt ?? ''),
        choices: (obj.choices as LocalFieldDef['choices']) ?? null,
        suggestion: obj.value ?? null,
      });
      return;
    }
    for (const [key, value] of Object.entries(obj)) walk(value, path ? `${path}.${key}` : key);
  };
  walk(content, '');
  return found;
}

export function loadThreatCatalogue(dir = join(contentDir, 'risk')): { threats: Set<string>; facts: Set<string> } {
  const raw = read(join(dir, 'threats.yaml')) as { facts?: Record<string, unknown>; threats?: { id: string }[] };
  return { threats: new Set((raw.threats ?? []).map((t) => t.id)), facts: new Set(Object.keys(raw.facts ?? {})) };
}

/** The lint rules of content/dpia/README.md for one template. */
export function checkTemplate(file: string, content: DpiaTemplateContent, catalogue = loadThreatCatalogue()): DpiaLintIssue[] {
  const issues: DpiaLintIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ file, path, message });
  if (!String(content.urn ?? '').startsWith('urn:samsvar:dpia-template:')) issue('urn', 'Mangler urn på formen urn:samsvar:dpia-template:<id>.');
  if (!Number.isInteger(content.version) || content.version < 1) issue('version', 'version må være et heltall fra 1.');
  if (!content.title) issue('title', 'Mangler tittel.');
  const principles = (content.principles ?? {}) as Record<string, { assessment?: string }>;
  for (const key of principleKeys) if (!principles[key]) issue(`principles.${key}`, `Mangler prinsippet ${key}.`);
  for (const key of Object.keys(principles)) if (!(principleKeys as readonly string[]).includes(key)) issue(`principles.${key}`, `Ukjent prinsipp ${key}.`);
  const measures: MeasureDef[] = content.risks?.measures ?? [];
  const items: RiskItem[] = content.risks?.items ?? [];
  const ids = new Set(measures.map((m) => m.id));
  requiredRiskIds.forEach((id, i) => {
    if (items[i]?.id !== id) issue(`risks.items[${i}]`, `Risiko nummer ${i + 1} skal være ${id}.`);
  });
  for (const m of measures) if (m.status === 'planned' && !Number.isInteger(m.due_months)) issue(`risks.measures.${m.id}`, 'Et planlagt tiltak må ha due_months.');
  const level = (v: unknown) => Number.isInteger(v) && Number(v) >= 1 && Number(v) <= 4;
  for (const item of items) {
    const at = `risks.items.${item.id}`;
    for (const ref of [...(item.existing_measures ?? []), ...(item.planned_measures ?? [])]) if (!ids.has(ref)) issue(at, `Tiltaket ${ref} finnes ikke i malen.`);
    if (!level(item.severity?.value) || !level(item.likelihood?.value) || !level(item.residual?.severity) || !level(item.residual?.likelihood)) {
      issue(at, 'Alvorlighet, sannsynlighet og restrisiko må være 1–4.');
    }
    for (const ref of item.threat_refs ?? []) if (catalogue.threats.size && !catalogue.threats.has(ref)) issue(at, `Trusselen ${ref} finnes ikke i content/risk/threats.yaml.`);
    for (const check of item.fact_checks ?? []) if (catalogue.facts.size && !catalogue.facts.has(check.fact)) issue(at, `Faktumet ${check.fact} finnes ikke i content/risk/threats.yaml.`);
  }
  for (const key of principleKeys) {
    if (principles[key]?.assessment !== 'improvable') continue;
    if (!measures.some((m) => m.status === 'planned' && (m.principles ?? []).includes(key))) issue(`principles.${key}`, 'Et prinsipp som må forbedres, trenger minst ett planlagt tiltak som viser til det.');
  }
  const locals = localFieldsOf(content);
  if (locals.length > MAX_LOCAL_FIELDS) issue('local', `Malen har ${locals.length} lokale felt; høyst ${MAX_LOCAL_FIELDS} er lov.`);
  for (const f of locals) {
    if (!inputKinds.includes(f.input)) issue(f.path, 'Et lokalt felt må ha input (text, number, choice, multiple_choice, system_ref, person eller decision).');
    if (!f.prompt) issue(f.path, 'Et lokalt felt må ha prompt.');
  }
  return issues;
}

export function loadDpiaTemplates(dir = dpiaContentDir): { templates: LoadedDpiaTemplate[]; errors: DpiaLintIssue[] } {
  const templates: LoadedDpiaTemplate[] = [];
  const errors: DpiaLintIssue[] = [];
  const catalogue = loadThreatCatalogue();
  const templateDir = join(dir, 'templates');
  for (const name of readdirSync(templateDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = `templates/${name}`;
    let content: DpiaTemplateContent;
    try {
      content = read(join(templateDir, name)) as unknown as DpiaTemplateContent;
    } catch (error) {
      errors.push({ file, path: '', message: `Kan ikke lese YAML: ${(error as Error).message}` });
      continue;
    }
    const slug = basename(name, '.yaml');
    if (content.id !== slug) errors.push({ file, path: 'id', message: 'id må være lik filnavnet.' });
    const issues = checkTemplate(file, content, catalogue);
    errors.push(...issues);
    if (!issues.length) templates.push({ file, slug, urn: content.urn, version: content.version, title: content.title, content, localFields: localFieldsOf(content) });
  }
  return { templates, errors };
}

/** For `samsvar content lint`: every error in content/dpia. */
export function lintDpiaContent(dir = dpiaContentDir): DpiaLintIssue[] {
  const errors = [...loadDpiaTemplates(dir).errors];
  try {
    const scales = loadScales(dir);
    if (scales.severity.length !== 4 || scales.likelihood.length !== 4) errors.push({ file: 'scales.yaml', path: '', message: 'Skalaene må ha nøyaktig 4 nivåer.' });
    for (const row of ['1', '2', '3', '4']) if (scales.cells[row]?.length !== 4) errors.push({ file: 'scales.yaml', path: `risk_map.cells.${row}`, message: 'Hver rad i risikokartet må ha 4 celler.' });
  } catch (error) {
    errors.push({ file: 'scales.yaml', path: '', message: (error as Error).message });
  }
  return errors;
}
