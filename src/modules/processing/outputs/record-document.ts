import { fieldLabel, isNoneList, wp248Criteria, type DpiaValue, type FieldValue } from '../fields';
import type { LoadedEntry, LoadedRecord } from '../repository';

/**
 * The record of processing as a document (GDPR art. 30), in bokmål or nynorsk: the same rows feed the PDF and
 * the Excel file. Art. 30(1) for the organisation's own processing, art. 30(2) where it is a processor.
 * Values from the national templates are in bokmål whatever the document language; labels follow it.
 */

export type DocLanguage = 'nb' | 'nn';

export interface DocRow {
  key: string;
  label: string;
  /** The letter of art. 30(1) or 30(2) the row answers, when it answers one. */
  article: string | null;
  text: string;
}

export interface DocEntry {
  id: string;
  name: string;
  serviceArea: string;
  kind: 'controller' | 'processor';
  source: string;
  complete: boolean;
  rows: DocRow[];
}

export interface RecordDocument {
  language: DocLanguage;
  title: string;
  organization: string;
  generatedAt: Date;
  intro: string;
  controllerEntries: DocEntry[];
  processorEntries: DocEntry[];
  labels: Record<'entry' | 'field' | 'article' | 'value' | 'serviceArea' | 'source' | 'status' | 'complete' | 'incomplete' | 'controllerHeading' | 'processorHeading' | 'none' | 'generated' | 'about', string>;
}

const words = {
  nb: {
    title: 'Protokoll over behandlingsaktiviteter',
    intro: 'Protokollen er ført etter personvernforordningen (GDPR) artikkel 30. Den viser behandlingene {org} er behandlingsansvarlig for (art. 30 nr. 1) og behandlingene der {org} behandler opplysninger på vegne av andre (art. 30 nr. 2).',
    yes: 'Ja',
    no: 'Nei',
    none: 'Ingen',
    missing: 'Ikke fylt ut',
    dpiaLikely: 'DPIA er sannsynligvis påkrevd',
    dpiaNotLikely: 'DPIA er ikke vurdert som påkrevd',
    criteria: 'WP248-kriterier',
    dpiaRecorded: 'DPIA gjennomført',
    dpiaMissing: 'DPIA ikke registrert',
    dpa: 'databehandleravtale',
    dpaMissing: 'mangler databehandleravtale',
    fromTemplate: 'Nasjonal mal, versjon',
    local: 'Egen behandling',
    processor: 'Som databehandler',
    controllerFor: 'Behandlingsansvarlig vi behandler for',
    labels: {
      entry: 'Behandling',
      field: 'Opplysning',
      article: 'Art. 30',
      value: 'Innhold',
      serviceArea: 'Tjenesteområde',
      source: 'Kilde',
      status: 'Status',
      complete: 'Komplett',
      incomplete: 'Ikke komplett',
      controllerHeading: 'Behandlinger der kommunen er behandlingsansvarlig (art. 30 nr. 1)',
      processorHeading: 'Behandlinger der kommunen er databehandler (art. 30 nr. 2)',
      none: 'Ingen registrert.',
      generated: 'Laget',
      about: 'Om protokollen',
    },
  },
  nn: {
    title: 'Protokoll over behandlingsaktivitetar',
    intro: 'Protokollen er ført etter personvernforordninga (GDPR) artikkel 30. Han viser behandlingane {org} er behandlingsansvarleg for (art. 30 nr. 1) og behandlingane der {org} behandlar opplysningar på vegner av andre (art. 30 nr. 2).',
    yes: 'Ja',
    no: 'Nei',
    none: 'Ingen',
    missing: 'Ikkje fylt ut',
    dpiaLikely: 'DPIA er truleg påkravd',
    dpiaNotLikely: 'DPIA er ikkje vurdert som påkravd',
    criteria: 'WP248-kriterium',
    dpiaRecorded: 'DPIA gjennomført',
    dpiaMissing: 'DPIA ikkje registrert',
    dpa: 'databehandlaravtale',
    dpaMissing: 'manglar databehandlaravtale',
    fromTemplate: 'Nasjonal mal, versjon',
    local: 'Eiga behandling',
    processor: 'Som databehandlar',
    controllerFor: 'Behandlingsansvarleg vi behandlar for',
    labels: {
      entry: 'Behandling',
      field: 'Opplysning',
      article: 'Art. 30',
      value: 'Innhald',
      serviceArea: 'Tenesteområde',
      source: 'Kjelde',
      status: 'Status',
      complete: 'Komplett',
      incomplete: 'Ikkje komplett',
      controllerHeading: 'Behandlingar der kommunen er behandlingsansvarleg (art. 30 nr. 1)',
      processorHeading: 'Behandlingar der kommunen er databehandlar (art. 30 nr. 2)',
      none: 'Ingen registrerte.',
      generated: 'Laga',
      about: 'Om protokollen',
    },
  },
} as const;

/** Art. 30(1): which fields answer which letter, in the order the article lists them; the legal basis after. */
const controllerRows: [string, string | null][] = [
  ['controller', '1(a)'],
  ['joint_controllers', '1(a)'],
  ['responsible_unit', '1(a)'],
  ['contact_person', '1(a)'],
  ['dpo_contact', '1(a)'],
  ['purposes', '1(b)'],
  ['data_subjects', '1(c)'],
  ['data_categories', '1(c)'],
  ['special_categories', '1(c)'],
  ['criminal_offence_data', '1(c)'],
  ['recipients_internal', '1(d)'],
  ['recipients_external', '1(d)'],
  ['third_country_transfer', '1(e)'],
  ['transfer_safeguards', '1(e)'],
  ['retention_period', '1(f)'],
  ['retention_legal_basis', '1(f)'],
  ['disposal', '1(f)'],
  ['local_retention_note', '1(f)'],
  ['security_measures', '1(g)'],
  ['access_control', '1(g)'],
  ['access_logging', '1(g)'],
  ['art6_basis', null],
  ['art6_national_basis', null],
  ['art9_basis', null],
  ['art9_national_basis', null],
  ['art10_basis', null],
  ['systems', null],
  ['processors', null],
  ['dpia', null],
];

const processorRows: [string, string | null][] = [
  ['controller', '2(a)'],
  ['responsible_unit', '2(a)'],
  ['contact_person', '2(a)'],
  ['dpo_contact', '2(a)'],
  ['processing_categories', '2(b)'],
  ['third_country_transfer', '2(c)'],
  ['transfer_safeguards', '2(c)'],
  ['security_measures', '2(d)'],
  ['systems', null],
  ['processors', null],
];

export interface DocContext {
  language: DocLanguage;
  serviceAreaTitle: (id: string | null) => string;
  measureTitle: (urnOrText: string) => string;
}

function formatValue(key: string, value: FieldValue, entry: LoadedEntry, ctx: DocContext): string {
  const w = words[ctx.language];
  if (key === 'processors') {
    if (!entry.links.processors.length) return entry.row.processorsNone ? w.none : w.missing;
    return entry.links.processors.map((p) => `${p.name} (${p.dpaInPlace ? `${w.dpa}${p.dpaDate ? ` ${p.dpaDate}` : ''}` : w.dpaMissing})`).join('\n');
  }
  if (key === 'systems') {
    if (!entry.links.systems.length) return entry.row.systemsNone ? w.none : w.missing;
    return entry.links.systems.map((s) => s.name).join('\n');
  }
  if (key === 'dpia') {
    const dpia = value as DpiaValue | null;
    if (!dpia) return w.missing;
    const criteria = dpia.criteria.length ? `${w.criteria}: ${dpia.criteria.map((n) => `${n} ${wp248Criteria[n]?.[ctx.language] ?? ''}`.trim()).join('; ')}.` : '';
    const recorded = entry.row.dpiaRecorded ? `${w.dpiaRecorded}${entry.row.dpiaReference ? ` (${entry.row.dpiaReference})` : ''}.` : dpia.likely ? `${w.dpiaMissing}.` : '';
    return [dpia.likely ? `${w.dpiaLikely}.` : `${w.dpiaNotLikely}.`, criteria, dpia.reason ?? '', recorded].filter(Boolean).join(' ');
  }
  if (value === null || value === undefined) return w.missing;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (!value.length) return w.missing;
    if (isNoneList(value)) return w.none;
    return value.map((v) => (key === 'security_measures' ? ctx.measureTitle(v) : v)).join('\n');
  }
  if (typeof value === 'string') return value.trim() || w.missing;
  return w.missing;
}

function docEntry(entry: LoadedEntry, ctx: DocContext): DocEntry {
  const w = words[ctx.language];
  const processor = entry.row.kind === 'processor';
  const rows = (processor ? processorRows : controllerRows).map(([key, article]): DocRow => ({
    key,
    label: processor && key === 'controller' ? w.controllerFor : fieldLabel(key, ctx.language),
    article,
    text: formatValue(key, entry.view.values[key] ?? null, entry, ctx),
  }));
  return {
    id: entry.row.id,
    name: entry.view.name,
    serviceArea: ctx.serviceAreaTitle(entry.view.serviceArea),
    kind: processor ? 'processor' : 'controller',
    source: entry.row.kind === 'template' ? `${w.fromTemplate} ${entry.row.templateVersion}` : processor ? w.processor : w.local,
    complete: !entry.issues.some((i) => i.severity === 'error'),
    rows,
  };
}

export function buildRecordDocument(record: LoadedRecord, ctx: DocContext, now: Date): RecordDocument {
  const w = words[ctx.language];
  const entries = record.entries.map((e) => docEntry(e, ctx));
  return {
    language: ctx.language,
    title: w.title,
    organization: record.organization.name,
    generatedAt: now,
    intro: w.intro.replaceAll('{org}', record.organization.name),
    controllerEntries: entries.filter((e) => e.kind === 'controller'),
    processorEntries: entries.filter((e) => e.kind === 'processor'),
    labels: w.labels,
  };
}

export function formatDate(date: Date, language: DocLanguage): string {
  return new Intl.DateTimeFormat(language === 'nn' ? 'nn-NO' : 'nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(date);
}
