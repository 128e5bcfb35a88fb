import type { EntryKind, FieldSource, FieldViewDto, LinkedProcessorDto, LinkedSystemDto, TemplateContent, UncertainNote } from './contract';
import { fieldDef, fieldKeys, isFilled, processorEntryFields, requiredForLocal, requiredForProcessor, type FieldValue } from './fields';

/**
 * An entry as the municipality sees it: for every field its effective value and where it comes from
 * (national template vX, the municipality's own local value, its override, or the organisation profile).
 * Pure: the service loads the rows, this decides.
 */

export interface EntryRow {
  id: string;
  kind: EntryKind;
  templateUrn: string | null;
  templateVersion: number | null;
  systemsNone: boolean;
  processorsNone: boolean;
  dpiaRecorded: boolean;
  dpiaReference: string | null;
  version: number;
  updatedAt: Date;
}

export interface TemplateVersionRow {
  urn: string;
  version: number;
  name: string;
  serviceArea: string;
  content: TemplateContent;
  localFields: string[];
  uncertain: UncertainNote[];
  changeNote: string | null;
  publishedAt: Date;
}

export interface OrganizationProfile {
  name: string;
  dpoContact: string | null;
}

export interface EntryLinks {
  systems: LinkedSystemDto[];
  processors: LinkedProcessorDto[];
}

export interface EntryView {
  name: string;
  serviceArea: string | null;
  fields: FieldViewDto[];
  /** Effective value by field key, for checks and documents. */
  values: Record<string, FieldValue>;
  required: string[];
}

export function fieldsOf(kind: EntryKind): readonly string[] {
  return kind === 'processor' ? processorEntryFields : fieldKeys;
}

export function requiredFieldsOf(kind: EntryKind, template: TemplateVersionRow | null): readonly string[] {
  if (kind === 'template') return template?.localFields ?? [];
  return kind === 'processor' ? requiredForProcessor : requiredForLocal;
}

function organizationValue(key: string, org: OrganizationProfile): FieldValue {
  if (key === 'controller') return org.name;
  if (key === 'dpo_contact') return org.dpoContact;
  return null;
}

export function buildEntryView(entry: EntryRow, own: ReadonlyMap<string, FieldValue>, template: TemplateVersionRow | null, org: OrganizationProfile, links: EntryLinks): EntryView {
  const required = [...requiredFieldsOf(entry.kind, template)];
  const localFields = new Set(entry.kind === 'template' ? (template?.localFields ?? []) : fieldsOf(entry.kind));
  const fields: FieldViewDto[] = [];
  const values: Record<string, FieldValue> = {};
  for (const key of fieldsOf(entry.kind)) {
    const def = fieldDef(key)!;
    const templateValue = template ? (template.content[key as keyof TemplateContent] ?? null) : undefined;
    let value: FieldValue;
    let source: FieldSource;
    let filled: boolean;
    if (def.type === 'links') {
      const linked = key === 'systems' ? links.systems.map((s) => s.name) : links.processors.map((p) => p.name);
      const none = key === 'systems' ? entry.systemsNone : entry.processorsNone;
      value = linked;
      filled = linked.length > 0 || none;
      source = filled ? 'local' : 'empty';
    } else {
      // In a processor entry the controller is the one we process for, so it is the entry's own field.
      const fromOrganization = def.scope === 'org' && !(entry.kind === 'processor' && key === 'controller');
      if (own.has(key)) {
        value = own.get(key) ?? null;
        source = entry.kind === 'template' && !localFields.has(key) ? 'override' : 'local';
      } else if (fromOrganization) {
        value = organizationValue(key, org);
        source = value === null ? 'empty' : 'organization';
      } else if (template) {
        value = templateValue ?? null;
        source = isFilled(def.type, value) ? 'template' : 'empty';
      } else {
        value = null;
        source = 'empty';
      }
      filled = isFilled(def.type, value);
    }
    const note = source === 'template' ? (template?.uncertain.find((u) => u.field === key)?.reason ?? null) : null;
    values[key] = value;
    fields.push({
      key,
      value,
      source,
      ...(template ? { templateValue: templateValue ?? null } : {}),
      required: required.includes(key),
      filled,
      uncertain: note,
    });
  }
  const name = typeof values.name === 'string' && values.name.trim() ? values.name : (template?.name ?? '');
  const serviceArea = typeof values.service_area === 'string' && values.service_area ? values.service_area : (template?.serviceArea ?? null);
  return { name, serviceArea, fields, values, required };
}
