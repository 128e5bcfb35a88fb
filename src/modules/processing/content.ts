import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { z } from '../../shared/validation';
import { contentDir } from '../../paths';
import { templateFileSchema, type TemplateContent, type TemplateFile, type UncertainNote } from './contract';
import { fieldByKey, fieldDefs, fieldKeys, hasSpecialCategories, isFilled, isNoneList, type FieldKey } from './fields';

/**
 * Reads the national templates for the record of processing from content/processing (see its README) and
 * checks them. The same reader serves the seeder (which refuses content with errors) and the content lint.
 */

export const processingContentDir = join(contentDir, 'processing');
const measuresDir = join(contentDir, 'library', 'measures');

/** At most this many fields for a municipality to fill across the whole template set (issue target). */
export const MAX_LOCAL_FIELDS_TOTAL = 110;
export const LOCAL_FIELDS_PER_TEMPLATE = { min: 3, max: 5 } as const;

export interface ServiceArea {
  id: string;
  title: string;
  titleNn: string;
  titleEn: string;
  position: number;
}

export interface LoadedTemplate {
  file: string;
  slug: string;
  urn: string;
  version: number;
  serviceArea: string;
  name: string;
  content: TemplateContent;
  localFields: FieldKey[];
  uncertain: UncertainNote[];
}

export interface LintIssue {
  file: string;
  /** Field key or metadata key the issue concerns. */
  path: string;
  message: string;
}

export interface ProcessingContent {
  serviceAreas: ServiceArea[];
  templates: LoadedTemplate[];
  errors: LintIssue[];
  warnings: LintIssue[];
}

const lenientTemplateSchema = z.object(templateFileSchema.shape);

// Older acts have no serial number in their Lovdata id (forvaltningsloven is LOV-1967-02-10).
const statutePattern = /\b(LOV|FOR)-\d{4}-\d{2}-\d{2}(?:-\d+)?\b/g;
const looseStatutePattern = /\b(LOV|FOR)-[\w-]*/g;

/** Common-measure URNs (and their code and title) from the library content, for references and display. */
export function loadMeasureCatalogue(dir = measuresDir): Map<string, { code: string; title: string }> {
  const catalogue = new Map<string, { code: string; title: string }>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  } catch {
    return catalogue;
  }
  for (const file of files) {
    const data = parse(readFileSync(join(dir, file), 'utf8')) as { measures?: { urn?: string; code?: string; title?: string }[] } | null;
    for (const measure of data?.measures ?? []) if (measure.urn) catalogue.set(measure.urn, { code: measure.code ?? '', title: measure.title ?? measure.urn });
  }
  return catalogue;
}

function loadServiceAreas(dir: string, errors: LintIssue[]): ServiceArea[] {
  const file = 'service-areas.yaml';
  try {
    const data = parse(readFileSync(join(dir, file), 'utf8')) as { service_areas?: { id?: string; title?: string; title_nn?: string; title_en?: string }[] };
    const areas: ServiceArea[] = [];
    for (const [position, area] of (data.service_areas ?? []).entries()) {
      if (!area.id || !/^[a-z0-9-]+$/.test(area.id) || !area.title) {
        errors.push({ file, path: `service_areas.${position}`, message: 'Tjenesteområdet mangler id (a–z, 0–9, -) eller tittel.' });
        continue;
      }
      if (areas.some((a) => a.id === area.id)) errors.push({ file, path: area.id, message: `Tjenesteområdet ${area.id} står to ganger.` });
      areas.push({ id: area.id, title: area.title, titleNn: area.title_nn ?? area.title, titleEn: area.title_en ?? area.title, position });
    }
    if (!areas.length) errors.push({ file, path: 'service_areas', message: 'Ingen tjenesteområder.' });
    return areas;
  } catch (error) {
    errors.push({ file, path: '', message: `Kunne ikke lese filen: ${(error as Error).message}` });
    return [];
  }
}

/** Checks one template's content beyond its shape: the rules of content/processing/README.md. */
export function checkTemplateRules(
  template: { content: TemplateContent; localFields: readonly string[]; uncertain: readonly UncertainNote[] },
  context: { serviceAreaIds: ReadonlySet<string>; measures: ReadonlyMap<string, unknown> },
): { errors: { path: string; message: string }[]; warnings: { path: string; message: string }[] } {
  const errors: { path: string; message: string }[] = [];
  const warnings: { path: string; message: string }[] = [];
  const { content, localFields } = template;
  const local = new Set(localFields);
  if (!context.serviceAreaIds.has(String(content.service_area))) errors.push({ path: 'service_area', message: `Ukjent tjenesteområde «${content.service_area}».` });
  for (const def of fieldDefs) {
    const value = content[def.key];
    if (!local.has(def.key) && def.type !== 'links' && !isFilled(def.type, value)) {
      errors.push({ path: def.key, message: 'Feltet er tomt, men står ikke blant de lokale feltene. Skriv en nasjonal verdi, eller [ingen] når ingenting gjelder.' });
    }
  }
  for (const key of localFields) {
    const def = fieldByKey.get(key)!;
    if (def.scope === 'org') errors.push({ path: 'local_fields', message: `${key} hentes fra kommuneprofilen og kan ikke være et lokalt felt.` });
  }
  if (localFields.length < LOCAL_FIELDS_PER_TEMPLATE.min || localFields.length > LOCAL_FIELDS_PER_TEMPLATE.max) {
    errors.push({ path: 'local_fields', message: `Malen har ${localFields.length} lokale felt; målet er ${LOCAL_FIELDS_PER_TEMPLATE.min}–${LOCAL_FIELDS_PER_TEMPLATE.max}.` });
  }
  const art6 = (content.art6_basis as string[] | null) ?? [];
  if (!art6.length || isNoneList(art6)) errors.push({ path: 'art6_basis', message: 'Behandlingsgrunnlag etter art. 6 mangler.' });
  if (art6.some((code) => code === '6(1)(c)' || code === '6(1)(e)') && !isFilled('list', content.art6_national_basis)) {
    errors.push({ path: 'art6_national_basis', message: 'Art. 6(1)(c) og (e) krever et supplerende rettsgrunnlag i nasjonal rett (art. 6(3)).' });
  }
  const art9 = (content.art9_basis as string[] | null) ?? [];
  if (hasSpecialCategories(content.special_categories) && (!art9.length || isNoneList(art9))) {
    errors.push({ path: 'art9_basis', message: 'Behandlingen har særlige kategorier, men mangler unntak etter art. 9(2).' });
  }
  if (content.criminal_offence_data === true && !isFilled('text', content.art10_basis)) {
    errors.push({ path: 'art10_basis', message: 'Opplysninger om straffbare forhold krever grunnlag etter art. 10.' });
  }
  const dpia = content.dpia as { likely: boolean; criteria: number[]; reason: string | null } | null;
  if (dpia && !dpia.likely && dpia.criteria.length >= 2 && !dpia.reason?.trim()) {
    errors.push({ path: 'dpia', message: 'To eller flere WP248-kriterier tilsier DPIA; forklar i reason hvorfor den likevel ikke er sannsynlig.' });
  }
  for (const measure of (content.security_measures as string[] | null) ?? []) {
    if (measure.startsWith('urn:')) {
      if (!context.measures.has(measure)) errors.push({ path: 'security_measures', message: `Felles tiltak ${measure} finnes ikke i biblioteket.` });
    } else warnings.push({ path: 'security_measures', message: `Tiltaket «${measure}» er ikke koblet til et felles tiltak.` });
  }
  const measures = (content.security_measures as string[] | null) ?? [];
  if (new Set(measures).size !== measures.length) errors.push({ path: 'security_measures', message: 'Et tiltak står to ganger.' });
  for (const def of fieldDefs) {
    const value = content[def.key];
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    for (const t of texts) {
      const valid = new Set(t.match(statutePattern) ?? []);
      for (const loose of t.match(looseStatutePattern) ?? []) {
        if (![...valid].some((v) => v.startsWith(loose) || loose.startsWith(v))) {
          errors.push({ path: def.key, message: `«${loose}» er ikke en gyldig Lovdata-identifikator (LOV-ÅÅÅÅ-MM-DD eller LOV-ÅÅÅÅ-MM-DD-nr).` });
        }
      }
    }
  }
  for (const note of template.uncertain) {
    if (note.field !== 'dpia' && !fieldByKey.has(note.field)) errors.push({ path: 'uncertain', message: `uncertain viser til ukjent felt «${note.field}».` });
  }
  if (content.third_country_transfer === true && !isFilled('text', content.transfer_safeguards)) {
    errors.push({ path: 'transfer_safeguards', message: 'Overføring til tredjeland krever overføringsgrunnlag (art. 44–49).' });
  }
  return { errors, warnings };
}

function toTemplate(file: string, data: TemplateFile): LoadedTemplate {
  const { urn, version, local_fields: localFields, uncertain } = data;
  const record = data as unknown as Record<string, unknown>;
  const content = Object.fromEntries(fieldKeys.map((key) => [key, record[key] ?? null])) as TemplateContent;
  return {
    file,
    slug: basename(file, '.yaml'),
    urn,
    version,
    serviceArea: String(content.service_area),
    name: String(content.name),
    content,
    localFields,
    uncertain,
  };
}

/** Reads and checks every template. Never throws for bad content: problems come back as errors. */
export function loadProcessingContent(dir = processingContentDir, measures = loadMeasureCatalogue()): ProcessingContent {
  const errors: LintIssue[] = [];
  const warnings: LintIssue[] = [];
  const serviceAreas = loadServiceAreas(dir, errors);
  const serviceAreaIds = new Set(serviceAreas.map((a) => a.id));
  const templates: LoadedTemplate[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(join(dir, 'templates')).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    errors.push({ file: 'templates/', path: '', message: 'Mappen med maler mangler.' });
  }
  for (const name of files) {
    const file = `templates/${name}`;
    let raw: unknown;
    try {
      raw = parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      errors.push({ file, path: '', message: `Ugyldig YAML: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const parsed = templateFileSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
        errors.push({ file, path, message: issue.message });
      }
    }
    // Unknown keys alone should not hide the other problems in the file: check the rest as well.
    const lenient = parsed.success ? parsed : lenientTemplateSchema.safeParse(raw);
    if (!lenient.success) continue;
    const template = toTemplate(file, lenient.data as TemplateFile);
    if (template.urn !== `urn:samsvar:processing-template:${template.slug}`) {
      errors.push({ file, path: 'urn', message: `URN-en må slutte på filnavnet (${template.slug}).` });
    }
    if (templates.some((t) => t.urn === template.urn)) errors.push({ file, path: 'urn', message: `URN-en ${template.urn} er brukt i en annen mal.` });
    const checked = checkTemplateRules(template, { serviceAreaIds, measures });
    for (const e of checked.errors) errors.push({ file, ...e });
    for (const w of checked.warnings) warnings.push({ file, ...w });
    templates.push(template);
  }
  const totalLocal = templates.reduce((sum, t) => sum + t.localFields.length, 0);
  if (totalLocal > MAX_LOCAL_FIELDS_TOTAL) {
    errors.push({ file: 'templates/', path: 'local_fields', message: `Malene har ${totalLocal} lokale felt til sammen; høyst ${MAX_LOCAL_FIELDS_TOTAL} er målet.` });
  }
  return { serviceAreas, templates, errors, warnings };
}

export interface ProcessingLintResult {
  ok: boolean;
  templates: number;
  localFields: number;
  errors: LintIssue[];
  warnings: LintIssue[];
}

/**
 * The content lint for the records-of-processing templates: dangling measure references, duplicate URNs,
 * missing legal basis, empty national fields, malformed statute identifiers. `samsvar content lint` calls it.
 */
export function lintProcessingTemplates(dir = processingContentDir, measures = loadMeasureCatalogue()): ProcessingLintResult {
  const content = loadProcessingContent(dir, measures);
  return {
    ok: content.errors.length === 0,
    templates: content.templates.length,
    localFields: content.templates.reduce((sum, t) => sum + t.localFields.length, 0),
    errors: content.errors,
    warnings: content.warnings,
  };
}
