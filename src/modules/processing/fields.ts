/**
 * The fields of an entry in the record of processing (behandlingsprotokoll), as content/processing/README.md
 * defines them: 47 keys in a fixed order, their type, who fills them in, and the letter of GDPR art. 30(1)
 * they cover. Free of database imports: the web app uses the same catalogue for labels and editors, and the
 * documents (PDF, Excel, privacy notice) for their labels, so a field reads the same everywhere.
 */

export type FieldType = 'text' | 'list' | 'bool' | 'int' | 'dpia' | 'links';
/** national: prefilled in the template; local: the municipality fills it; org: from the organisation profile. */
export type FieldScope = 'national' | 'local' | 'org';
export type FieldGroup = 'general' | 'legal' | 'data' | 'recipients' | 'retention' | 'systems' | 'security' | 'rights' | 'risk';
export type Art30Letter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';

export interface Label {
  nb: string;
  nn: string;
  en: string;
}

export interface FieldDef {
  key: string;
  type: FieldType;
  scope: FieldScope;
  group: FieldGroup;
  art30?: Art30Letter;
  label: Label;
}

export interface DpiaValue {
  likely: boolean;
  /** WP248 criteria 1–9. */
  criteria: number[];
  reason: string | null;
}

export type FieldValue = string | string[] | boolean | number | DpiaValue | null;

const f = (key: string, type: FieldType, scope: FieldScope, group: FieldGroup, label: Label, art30?: Art30Letter): FieldDef => ({
  key,
  type,
  scope,
  group,
  label,
  ...(art30 ? { art30 } : {}),
});

export const fieldDefs = [
  f('name', 'text', 'national', 'general', { nb: 'Navn på behandlingen', nn: 'Namn på behandlinga', en: 'Name of the processing' }),
  f('service_area', 'text', 'national', 'general', { nb: 'Tjenesteområde', nn: 'Tenesteområde', en: 'Service area' }),
  f('description', 'text', 'national', 'general', { nb: 'Beskrivelse', nn: 'Skildring', en: 'Description' }),
  f('purposes', 'list', 'national', 'general', { nb: 'Formål', nn: 'Føremål', en: 'Purposes' }, 'b'),
  f('controller', 'text', 'org', 'general', { nb: 'Behandlingsansvarlig', nn: 'Behandlingsansvarleg', en: 'Controller' }, 'a'),
  f('joint_controllers', 'text', 'national', 'general', { nb: 'Felles behandlingsansvar', nn: 'Felles behandlingsansvar', en: 'Joint controllers' }, 'a'),
  f('responsible_unit', 'text', 'local', 'general', { nb: 'Ansvarlig enhet', nn: 'Ansvarleg eining', en: 'Responsible unit' }),
  f('contact_person', 'text', 'national', 'general', { nb: 'Kontaktperson (rolle)', nn: 'Kontaktperson (rolle)', en: 'Contact person (role)' }, 'a'),
  f('dpo_contact', 'text', 'org', 'general', { nb: 'Personvernombud', nn: 'Personvernombod', en: 'Data protection officer' }, 'a'),
  f('art6_basis', 'list', 'national', 'legal', { nb: 'Behandlingsgrunnlag (art. 6)', nn: 'Behandlingsgrunnlag (art. 6)', en: 'Legal basis (art. 6)' }),
  f('art6_national_basis', 'list', 'national', 'legal', { nb: 'Supplerende rettsgrunnlag', nn: 'Supplerande rettsgrunnlag', en: 'Supplementary legal basis' }),
  f('special_categories', 'list', 'national', 'legal', { nb: 'Særlige kategorier (art. 9)', nn: 'Særlege kategoriar (art. 9)', en: 'Special categories (art. 9)' }, 'c'),
  f('art9_basis', 'list', 'national', 'legal', { nb: 'Unntak etter art. 9(2)', nn: 'Unntak etter art. 9(2)', en: 'Exception under art. 9(2)' }),
  f('art9_national_basis', 'list', 'national', 'legal', {
    nb: 'Nasjonalt grunnlag for særlige kategorier',
    nn: 'Nasjonalt grunnlag for særlege kategoriar',
    en: 'National basis for special categories',
  }),
  f('criminal_offence_data', 'bool', 'national', 'legal', {
    nb: 'Opplysninger om straffedommer og lovovertredelser',
    nn: 'Opplysningar om straffedommar og lovbrot',
    en: 'Data on criminal convictions and offences',
  }, 'c'),
  f('art10_basis', 'text', 'national', 'legal', { nb: 'Grunnlag etter art. 10', nn: 'Grunnlag etter art. 10', en: 'Basis under art. 10' }),
  f('data_subjects', 'list', 'national', 'data', { nb: 'Kategorier av registrerte', nn: 'Kategoriar av registrerte', en: 'Categories of data subjects' }, 'c'),
  f('data_categories', 'list', 'national', 'data', { nb: 'Kategorier av personopplysninger', nn: 'Kategoriar av personopplysningar', en: 'Categories of personal data' }, 'c'),
  f('children', 'bool', 'national', 'data', { nb: 'Opplysninger om barn', nn: 'Opplysningar om barn', en: 'Data about children' }),
  f('national_id_number', 'bool', 'national', 'data', { nb: 'Bruk av fødselsnummer eller d-nummer', nn: 'Bruk av fødselsnummer eller d-nummer', en: 'Use of national identity number' }),
  f('national_id_justification', 'text', 'national', 'data', { nb: 'Behov for sikker identifisering', nn: 'Behov for sikker identifisering', en: 'Need for secure identification' }),
  f('sources', 'list', 'national', 'data', { nb: 'Kilder til opplysningene', nn: 'Kjelder til opplysningane', en: 'Sources of the data' }),
  f('recipients_internal', 'list', 'national', 'recipients', { nb: 'Interne mottakere', nn: 'Interne mottakarar', en: 'Internal recipients' }, 'd'),
  f('recipients_external', 'list', 'national', 'recipients', { nb: 'Eksterne mottakere', nn: 'Eksterne mottakarar', en: 'External recipients' }, 'd'),
  f('third_country_transfer', 'bool', 'national', 'recipients', { nb: 'Overføring til tredjeland', nn: 'Overføring til tredjeland', en: 'Transfer to third countries' }, 'e'),
  f('transfer_safeguards', 'text', 'national', 'recipients', { nb: 'Overføringsgrunnlag og garantier', nn: 'Overføringsgrunnlag og garantiar', en: 'Transfer basis and safeguards' }, 'e'),
  f('retention_period', 'text', 'national', 'retention', { nb: 'Lagringstid', nn: 'Lagringstid', en: 'Retention period' }, 'f'),
  f('retention_legal_basis', 'list', 'national', 'retention', { nb: 'Rettsgrunnlag for lagringstid', nn: 'Rettsgrunnlag for lagringstid', en: 'Legal basis for retention' }, 'f'),
  f('disposal', 'text', 'national', 'retention', { nb: 'Kassasjon eller avlevering til arkivdepot', nn: 'Kassasjon eller avlevering til arkivdepot', en: 'Disposal or transfer to archive' }, 'f'),
  f('local_retention_note', 'text', 'local', 'retention', { nb: 'Lokal merknad om lagring', nn: 'Lokal merknad om lagring', en: 'Local retention note' }, 'f'),
  f('systems', 'links', 'local', 'systems', { nb: 'Systemer', nn: 'System', en: 'Systems' }),
  f('processors', 'links', 'local', 'systems', { nb: 'Databehandlere', nn: 'Databehandlarar', en: 'Processors' }),
  f('security_measures', 'list', 'national', 'security', { nb: 'Sikkerhetstiltak', nn: 'Tryggingstiltak', en: 'Security measures' }, 'g'),
  f('access_control', 'text', 'national', 'security', { nb: 'Tilgangsstyring', nn: 'Tilgangsstyring', en: 'Access control' }, 'g'),
  f('access_logging', 'text', 'national', 'security', { nb: 'Logging og kontroll av tilgang', nn: 'Logging og kontroll av tilgang', en: 'Access logging and review' }, 'g'),
  f('information_to_data_subjects', 'text', 'national', 'rights', { nb: 'Informasjon til de registrerte', nn: 'Informasjon til dei registrerte', en: 'Information to data subjects' }),
  f('information_articles', 'list', 'national', 'rights', { nb: 'Informasjonsplikt etter', nn: 'Informasjonsplikt etter', en: 'Duty to inform under' }),
  f('data_subject_rights', 'text', 'national', 'rights', {
    nb: 'Særlige forhold ved de registrertes rettigheter',
    nn: 'Særlege forhold ved rettane til dei registrerte',
    en: 'Particulars of data subject rights',
  }),
  f('automated_decisions', 'bool', 'national', 'rights', { nb: 'Automatiserte avgjørelser (art. 22)', nn: 'Automatiserte avgjerder (art. 22)', en: 'Automated decisions (art. 22)' }),
  f('profiling', 'bool', 'national', 'rights', { nb: 'Profilering', nn: 'Profilering', en: 'Profiling' }),
  f('automation_note', 'text', 'national', 'rights', { nb: 'Merknad om automatisering', nn: 'Merknad om automatisering', en: 'Note on automation' }),
  f('data_subject_count', 'text', 'local', 'data', { nb: 'Omtrentlig antall registrerte', nn: 'Omtrentleg tal på registrerte', en: 'Approximate number of data subjects' }),
  f('normen_relevant', 'bool', 'national', 'risk', { nb: 'Normen gjelder', nn: 'Normen gjeld', en: 'Normen applies' }),
  f('dpia', 'dpia', 'national', 'risk', {
    nb: 'Vurdering av personvernkonsekvenser (DPIA)',
    nn: 'Vurdering av personvernkonsekvensar (DPIA)',
    en: 'Data protection impact assessment (DPIA)',
  }),
  f('risk_notes', 'list', 'national', 'risk', { nb: 'Kjente risikoer', nn: 'Kjende risikoar', en: 'Known risks' }),
  f('review_interval_months', 'int', 'national', 'risk', { nb: 'Gjennomgås hver (måneder)', nn: 'Gjennomgåast kvar (månader)', en: 'Reviewed every (months)' }),
  f('notes', 'text', 'national', 'risk', { nb: 'Merknader', nn: 'Merknader', en: 'Notes' }),
] as const satisfies readonly FieldDef[];

export type FieldKey = (typeof fieldDefs)[number]['key'];
export const fieldKeys = fieldDefs.map((d) => d.key) as FieldKey[];
export const fieldByKey = new Map<string, FieldDef>(fieldDefs.map((d) => [d.key, d]));

/**
 * Art. 30(2): what a municipality records when it processes on behalf of another controller (for example
 * for a neighbouring municipality). Not part of the templates; only processor entries use it.
 */
export const processingCategoriesField: FieldDef = {
  key: 'processing_categories',
  type: 'list',
  scope: 'local',
  group: 'general',
  art30: 'b',
  label: { nb: 'Kategorier av behandling som utføres', nn: 'Kategoriar av behandling som blir utført', en: 'Categories of processing carried out' },
};

/** The fields of a processor entry (art. 30(2)(a)–(d)), in order; `controller` is the one we process for. */
export const processorEntryFields = [
  'name',
  'service_area',
  'controller',
  'dpo_contact',
  'processing_categories',
  'responsible_unit',
  'contact_person',
  'third_country_transfer',
  'transfer_safeguards',
  'security_measures',
  'systems',
  'processors',
  'notes',
] as const;

/**
 * Fields a local entry (no template) must have before it is complete: the art. 30(1) minimum. The legal basis
 * and the retention period are required too, through their own checks (NO_LEGAL_BASIS, NO_RETENTION).
 */
export const requiredForLocal: readonly string[] = [
  'name',
  'service_area',
  'purposes',
  'responsible_unit',
  'special_categories',
  'data_subjects',
  'data_categories',
  'recipients_external',
  'security_measures',
  'systems',
  'processors',
];
export const requiredForProcessor: readonly string[] = ['name', 'controller', 'processing_categories', 'responsible_unit', 'security_measures', 'systems', 'processors'];

export function fieldDef(key: string): FieldDef | undefined {
  return key === processingCategoriesField.key ? processingCategoriesField : fieldByKey.get(key);
}

export const fieldGroups: FieldGroup[] = ['general', 'legal', 'data', 'recipients', 'retention', 'systems', 'security', 'rights', 'risk'];

/** `[ingen]` in a list means "assessed: none", which is an answer; `[]` means not filled in yet. */
export const NONE = 'ingen';

export function isNoneList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 1 && String(value[0]).trim().toLowerCase() === NONE;
}

/** Whether a value counts as filled in (an explicit "none" does). */
export function isFilled(type: FieldType, value: FieldValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  switch (type) {
    case 'text':
      return typeof value === 'string' && value.trim() !== '';
    case 'list':
      return Array.isArray(value) && value.some((v) => String(v).trim() !== '');
    case 'bool':
      return typeof value === 'boolean';
    case 'int':
      return typeof value === 'number';
    case 'dpia':
      return typeof value === 'object' && !Array.isArray(value);
    case 'links':
      return Array.isArray(value) && value.length > 0;
  }
}

/** The processing involves special categories of data (a list with something other than "ingen"). */
export function hasSpecialCategories(value: FieldValue | undefined): boolean {
  return Array.isArray(value) && value.some((v) => v.trim() !== '') && !isNoneList(value);
}

/** Deep equality of two field values (lists in order, DPIA objects by content). */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function canonical(value: FieldValue): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return JSON.stringify({ likely: value.likely, criteria: [...value.criteria].sort((x, y) => x - y), reason: value.reason ?? null });
  }
  return JSON.stringify(value);
}

export type DocumentLanguage = 'nb' | 'nn' | 'en';

export function fieldLabel(key: string, language: DocumentLanguage): string {
  return fieldDef(key)?.label[language] ?? key;
}

/** WP248 criteria (EDPB guidelines on DPIA), in our own short words. */
export const wp248Criteria: Record<number, Label> = {
  1: { nb: 'Evaluering eller poengsetting, også profilering', nn: 'Evaluering eller poengsetjing, også profilering', en: 'Evaluation or scoring, incl. profiling' },
  2: { nb: 'Automatiserte avgjørelser med rettsvirkning', nn: 'Automatiserte avgjerder med rettsverknad', en: 'Automated decisions with legal effect' },
  3: { nb: 'Systematisk overvåking', nn: 'Systematisk overvaking', en: 'Systematic monitoring' },
  4: { nb: 'Sensitive eller svært personlige opplysninger', nn: 'Sensitive eller svært personlege opplysningar', en: 'Sensitive or highly personal data' },
  5: { nb: 'Behandling i stor skala', nn: 'Behandling i stor skala', en: 'Large-scale processing' },
  6: { nb: 'Sammenstilling av datasett', nn: 'Samanstilling av datasett', en: 'Matching or combining datasets' },
  7: { nb: 'Sårbare registrerte (barn, pasienter, ansatte m.fl.)', nn: 'Sårbare registrerte (born, pasientar, tilsette m.fl.)', en: 'Vulnerable data subjects' },
  8: { nb: 'Ny teknologi eller innovativ bruk', nn: 'Ny teknologi eller innovativ bruk', en: 'New technology or innovative use' },
  9: { nb: 'Behandlingen hindrer de registrerte i å utøve en rett eller bruke en tjeneste', nn: 'Behandlinga hindrar dei registrerte i å bruke ein rett eller ei teneste', en: 'Prevents data subjects from exercising a right or using a service' },
};

export const art6Codes = ['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(d)', '6(1)(e)', '6(1)(f)'] as const;
export const art9Codes = ['9(2)(a)', '9(2)(b)', '9(2)(c)', '9(2)(d)', '9(2)(e)', '9(2)(f)', '9(2)(g)', '9(2)(h)', '9(2)(i)', '9(2)(j)'] as const;
