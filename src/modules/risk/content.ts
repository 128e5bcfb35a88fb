import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../../paths';
import { z } from '../../shared/validation';
import { riskLevelIds, type RiskMatrix } from './matrix-shape';

export { levelOf, riskLevelIds, type RiskLevelId, type RiskMatrix } from './matrix-shape';

/**
 * The national ROS content (content/risk, see its README): the shared threat catalogue with the rules that
 * suggest threats from a system's facts, and the 5 × 5 risk matrix. The same reader serves the app (which
 * refuses content with errors) and `samsvar content lint`.
 */

export const riskContentDir = join(contentDir, 'risk');

const condition = z.strictObject({
  fact: z.string().min(1),
  equals: z.union([z.boolean(), z.string()]).optional(),
  in: z.array(z.string()).min(1).optional(),
});
export type ThreatCondition = z.infer<typeof condition>;
const rule = z.union([condition, z.strictObject({ all: z.array(condition).min(1) })]);
export type ThreatRule = z.infer<typeof rule>;

export const threatCategories = ['tilsiktet', 'utilsiktet', 'teknisk-svikt', 'ekstern'] as const;
export const ciaValues = ['confidentiality', 'integrity', 'availability'] as const;

const factSchema = z.strictObject({
  type: z.enum(['bool', 'enum']),
  values: z.array(z.string()).optional(),
  title: z.string().min(1),
});
export type FactDefinition = z.infer<typeof factSchema>;

const threatSchema = z.strictObject({
  id: z.string(),
  urn: z.string(),
  title: z.string().min(1),
  category: z.enum(threatCategories),
  description: z.string().min(1),
  consequences: z.array(z.string()),
  cia: z.array(z.string()).min(1),
  existing_measures: z.array(z.string()),
  suggested_measures: z.array(z.string()),
  raised_by: z.array(rule),
  related: z.array(z.string()).optional(),
  uncertain: z.string().optional(),
});
export type Threat = z.infer<typeof threatSchema>;

const catalogueSchema = z.strictObject({
  urn: z.string().min(1),
  version: z.number().int().min(1),
  name: z.string().min(1),
  description: z.string().min(1),
  notes: z.string().optional(),
  facts: z.record(z.string(), factSchema),
  threats: z.array(threatSchema).min(1),
});
export type ThreatCatalogue = z.infer<typeof catalogueSchema>;

const scaleValue = z.number().int().min(1).max(5);

const matrixSchema = z.strictObject({
  urn: z.string().min(1),
  version: z.number().int().min(1),
  name: z.string().min(1),
  description: z.string().min(1),
  notes: z.string().optional(),
  likelihood: z.array(z.strictObject({ value: scaleValue, name: z.string().min(1), frequency: z.string().min(1), description: z.string().min(1) })).length(5),
  consequence_dimensions: z.array(z.strictObject({ id: z.string().min(1), title: z.string().min(1) })).min(1),
  consequence: z.array(z.strictObject({ value: scaleValue, name: z.string().min(1), by_dimension: z.record(z.string(), z.string().min(1)) })).length(5),
  risk_levels: z
    .array(
      z.strictObject({
        id: z.enum(riskLevelIds),
        name: z.string().min(1),
        color: z.enum(['green', 'yellow', 'orange', 'red']),
        acceptance: z.string().min(1),
        response_time: z.string().min(1),
      }),
    )
    .min(1),
  cells: z.record(z.enum(['1', '2', '3', '4', '5']), z.array(z.enum(riskLevelIds)).length(5)),
  rules: z.array(z.string()).optional(),
});
/** The national matrix is always 5 × 5; a municipality's own (matrix-shape.ts) may be smaller. */
export type NationalMatrix = z.infer<typeof matrixSchema> & RiskMatrix;

export interface RiskContentIssue {
  file: string;
  path: string;
  message: string;
}

export interface RiskContent {
  catalogue: ThreatCatalogue | null;
  matrix: NationalMatrix | null;
  issues: RiskContentIssue[];
}

function read(dir: string, file: string, issues: RiskContentIssue[]): unknown {
  try {
    return parse(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    issues.push({ file: `risk/${file}`, path: '', message: `Kunne ikke lese filen: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

function shape<T>(schema: z.ZodType<T>, data: unknown, file: string, issues: RiskContentIssue[]): T | null {
  if (data === undefined) return null;
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) issues.push({ file: `risk/${file}`, path: issue.path.join('.'), message: issue.message });
  return null;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The lint rules of content/risk/README.md for the threat catalogue. */
export function lintCatalogue(catalogue: ThreatCatalogue, file = 'risk/threats.yaml'): RiskContentIssue[] {
  const issues: RiskContentIssue[] = [];
  const ids = new Set<string>();
  const urns = new Set<string>();
  for (const [key, fact] of Object.entries(catalogue.facts)) {
    if (fact.type === 'enum' && !fact.values?.length) issues.push({ file, path: `facts.${key}`, message: 'Et enum-faktum må ha values.' });
    if (fact.type === 'bool' && fact.values) issues.push({ file, path: `facts.${key}`, message: 'Bare enum-fakta kan ha values.' });
  }
  catalogue.threats.forEach((threat, index) => {
    const at = (path: string, message: string) => issues.push({ file, path: `threats.${index}${path ? `.${path}` : ''}`, message: `${threat.id}: ${message}` });
    if (!ID.test(threat.id)) at('id', 'id må bestå av a–z, 0–9 og bindestrek.');
    if (ids.has(threat.id)) at('id', 'id er brukt før.');
    ids.add(threat.id);
    if (threat.urn !== `urn:samsvar:threat:${threat.id}`) at('urn', `urn må være urn:samsvar:threat:${threat.id}.`);
    if (urns.has(threat.urn)) at('urn', 'urn er brukt før.');
    urns.add(threat.urn);
    for (const value of threat.cia) if (!(ciaValues as readonly string[]).includes(value)) at('cia', `«${value}» er ikke confidentiality, integrity eller availability.`);
    for (const list of ['consequences', 'existing_measures', 'suggested_measures'] as const) if (threat[list].length === 0) at(list, `${list} må ha minst ett element.`);
    threat.raised_by.forEach((r, ruleIndex) => {
      const conditions = 'all' in r ? r.all : [r];
      for (const c of conditions) {
        const where = `raised_by.${ruleIndex}`;
        const fact = catalogue.facts[c.fact];
        if (!fact) {
          at(where, `faktumet «${c.fact}» finnes ikke i facts.`);
          continue;
        }
        if ((c.equals === undefined) === (c.in === undefined)) at(where, `${c.fact}: bruk enten equals eller in.`);
        if (c.equals !== undefined) {
          if (fact.type === 'bool' && typeof c.equals !== 'boolean') at(where, `${c.fact}: equals må være true eller false.`);
          if (fact.type === 'enum' && (typeof c.equals !== 'string' || !fact.values?.includes(c.equals))) at(where, `${c.fact}: equals må være en av ${fact.values?.join(', ')}.`);
        }
        if (c.in !== undefined) {
          if (fact.type !== 'enum') at(where, `${c.fact}: in kan bare brukes på enum-fakta.`);
          else for (const v of c.in) if (!fact.values?.includes(v)) at(where, `${c.fact}: «${v}» er ikke en av ${fact.values?.join(', ')}.`);
        }
      }
    });
  });
  return issues;
}

/** The matrix's own consistency: ascending 1–5 scales, every dimension described on every level, known levels. */
export function lintMatrix(matrix: NationalMatrix, file = 'risk/matrix.yaml'): RiskContentIssue[] {
  const issues: RiskContentIssue[] = [];
  matrix.likelihood.forEach((l, i) => {
    if (l.value !== i + 1) issues.push({ file, path: `likelihood.${i}`, message: 'Nivåene må ha value 1–5 i stigende rekkefølge.' });
  });
  const dimensions = matrix.consequence_dimensions.map((d) => d.id);
  matrix.consequence.forEach((c, i) => {
    if (c.value !== i + 1) issues.push({ file, path: `consequence.${i}`, message: 'Nivåene må ha value 1–5 i stigende rekkefølge.' });
    for (const d of dimensions) if (!c.by_dimension[d]) issues.push({ file, path: `consequence.${i}.by_dimension`, message: `Dimensjonen ${d} mangler.` });
    for (const d of Object.keys(c.by_dimension)) if (!dimensions.includes(d)) issues.push({ file, path: `consequence.${i}.by_dimension`, message: `Dimensjonen ${d} finnes ikke.` });
  });
  const levels = new Set(matrix.risk_levels.map((l) => l.id));
  for (const row of ['1', '2', '3', '4', '5'] as const) {
    const cells = matrix.cells[row];
    if (!cells) issues.push({ file, path: `cells.${row}`, message: `Raden for sannsynlighet ${row} mangler.` });
    else for (const id of cells) if (!levels.has(id)) issues.push({ file, path: `cells.${row}`, message: `Risikonivået ${id} finnes ikke i risk_levels.` });
  }
  return issues;
}

export function loadRiskContent(dir = riskContentDir): RiskContent {
  const issues: RiskContentIssue[] = [];
  const catalogue = shape(catalogueSchema, read(dir, 'threats.yaml', issues), 'threats.yaml', issues);
  const matrix = shape(matrixSchema, read(dir, 'matrix.yaml', issues), 'matrix.yaml', issues);
  if (catalogue) issues.push(...lintCatalogue(catalogue));
  if (matrix) issues.push(...lintMatrix(matrix));
  return { catalogue, matrix, issues };
}

let cached: { catalogue: ThreatCatalogue; matrix: NationalMatrix } | null = null;

/** The checked national content, read once. Content with errors stops here (run `samsvar content lint`). */
export function riskContent(): { catalogue: ThreatCatalogue; matrix: NationalMatrix } {
  if (cached) return cached;
  const loaded = loadRiskContent();
  if (loaded.issues.length || !loaded.catalogue || !loaded.matrix) {
    throw new Error(`content/risk har feil: ${loaded.issues.map((i) => `${i.file} ${i.path}: ${i.message}`).join('; ')}`);
  }
  cached = { catalogue: loaded.catalogue, matrix: loaded.matrix };
  return cached;
}
