import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { organizations } from '../organizations/schema';
import { systems } from '../systems/schema';
import { vendors } from '../vendors/schema';
import { checkEntry, isComplete } from './checks';
import type { CoverageDto, EntryDetailDto, EntrySummaryDto, IssueDto } from './contract';
import type { FieldValue } from './fields';
import { processingEntries, processingEntryProcessors, processingEntrySystems, processingEntryValues, processingProposals } from './schema';
import { loadSystemFacts } from './systems-adapter';
import { latestTemplates, templateVersions, versionKey } from './template-service';
import { buildEntryView, type EntryLinks, type EntryRow, type EntryView, type OrganizationProfile, type TemplateVersionRow } from './view';

/**
 * Loads an organisation's entries with everything needed to show them: own values, links, the template
 * versions they are based on, open proposals and the system facts for the checks. Every query is scoped to
 * the organisation in code as well as by RLS.
 */

export interface LoadedEntry {
  row: EntryRow;
  own: Map<string, FieldValue>;
  links: EntryLinks;
  template: TemplateVersionRow | null;
  latestVersion: number | null;
  openProposalId: string | null;
  view: EntryView;
  issues: IssueDto[];
}

export interface LoadedRecord {
  organization: OrganizationProfile & { documentLanguage: 'nb' | 'nn' | 'en'; municipalityNumber: string | null; website: string | null };
  entries: LoadedEntry[];
  latest: TemplateVersionRow[];
}

export async function organizationProfile(tx: Tx, organizationId: string) {
  const [org] = await tx
    .select({ name: organizations.name, dpoContact: organizations.dpoContact, documentLanguage: organizations.documentLanguage, municipalityNumber: organizations.municipalityNumber, website: organizations.website })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw commonError('NOT_FOUND');
  return org;
}

export async function loadRecord(tx: Tx, organizationId: string, entryId?: string): Promise<LoadedRecord> {
  const organization = await organizationProfile(tx, organizationId);
  const scope = (orgColumn: AnyPgColumn, entryColumn: AnyPgColumn): SQL =>
    entryId ? and(eq(orgColumn, organizationId), eq(entryColumn, entryId))! : eq(orgColumn, organizationId);
  const rows = await tx.select().from(processingEntries).where(scope(processingEntries.organizationId, processingEntries.id)).orderBy(asc(processingEntries.createdAt));
  if (entryId && !rows.length) throw commonError('NOT_FOUND');
  const values = await tx
    .select({ entryId: processingEntryValues.entryId, field: processingEntryValues.field, value: processingEntryValues.value })
    .from(processingEntryValues)
    .where(scope(processingEntryValues.organizationId, processingEntryValues.entryId));
  const systemLinks = await tx
    .select({ entryId: processingEntrySystems.entryId, id: systems.id, name: systems.name })
    .from(processingEntrySystems)
    .innerJoin(systems, and(eq(systems.id, processingEntrySystems.systemId), eq(systems.organizationId, organizationId)))
    .where(scope(processingEntrySystems.organizationId, processingEntrySystems.entryId))
    .orderBy(asc(systems.name));
  const processorLinks = await tx
    .select({ entryId: processingEntryProcessors.entryId, vendorId: vendors.id, name: vendors.name, dpaInPlace: processingEntryProcessors.dpaInPlace, dpaDate: processingEntryProcessors.dpaDate })
    .from(processingEntryProcessors)
    .innerJoin(vendors, eq(vendors.id, processingEntryProcessors.vendorId))
    .where(scope(processingEntryProcessors.organizationId, processingEntryProcessors.entryId))
    .orderBy(asc(vendors.name));
  const open = await tx
    .select({ id: processingProposals.id, entryId: processingProposals.entryId })
    .from(processingProposals)
    .where(and(scope(processingProposals.organizationId, processingProposals.entryId), eq(processingProposals.status, 'open')));
  const bases = await templateVersions(
    tx,
    rows.filter((r) => r.templateUrn && r.templateVersion).map((r) => ({ urn: r.templateUrn!, version: r.templateVersion! })),
  );
  const latest = await latestTemplates(tx);
  const latestByUrn = new Map(latest.map((t) => [t.urn, t.version]));
  const facts = await loadSystemFacts(tx, organizationId, [...new Set(systemLinks.map((l) => l.id))]);

  const entries = rows.map((row): LoadedEntry => {
    const own = new Map(values.filter((v) => v.entryId === row.id).map((v) => [v.field, v.value]));
    const links: EntryLinks = {
      systems: systemLinks.filter((l) => l.entryId === row.id).map(({ id, name }) => ({ id, name })),
      processors: processorLinks.filter((l) => l.entryId === row.id).map(({ vendorId, name, dpaInPlace, dpaDate }) => ({ vendorId, name, dpaInPlace, dpaDate })),
    };
    const template = row.templateUrn && row.templateVersion ? (bases.get(versionKey(row.templateUrn, row.templateVersion)) ?? null) : null;
    const entryRow: EntryRow = { ...row };
    const view = buildEntryView(entryRow, own, template, organization, links);
    return {
      row: entryRow,
      own,
      links,
      template,
      latestVersion: row.templateUrn ? (latestByUrn.get(row.templateUrn) ?? null) : null,
      openProposalId: open.find((p) => p.entryId === row.id)?.id ?? null,
      view,
      issues: checkEntry(row, view, links, facts),
    };
  });
  entries.sort((a, b) => (a.view.serviceArea ?? '').localeCompare(b.view.serviceArea ?? '') || a.view.name.localeCompare(b.view.name, 'nb'));
  return { organization, entries, latest };
}

export function presentSummary(entry: LoadedEntry): EntrySummaryDto {
  return {
    id: entry.row.id,
    kind: entry.row.kind,
    name: entry.view.name,
    serviceArea: entry.view.serviceArea,
    templateUrn: entry.row.templateUrn,
    templateVersion: entry.row.templateVersion,
    latestTemplateVersion: entry.latestVersion,
    complete: isComplete(entry.issues),
    errors: entry.issues.filter((i) => i.severity === 'error').length,
    warnings: entry.issues.filter((i) => i.severity === 'warning').length,
    missingFields: entry.view.fields.filter((f) => f.required && !f.filled).length,
    hasOpenProposal: entry.openProposalId !== null,
    updatedAt: entry.row.updatedAt.toISOString(),
  };
}

export function presentDetail(entry: LoadedEntry): EntryDetailDto {
  const { errors: _errors, warnings: _warnings, ...summary } = presentSummary(entry);
  return {
    ...summary,
    version: entry.row.version,
    fields: entry.view.fields,
    issues: entry.issues,
    systems: entry.links.systems,
    systemsNone: entry.row.systemsNone,
    processors: entry.links.processors,
    processorsNone: entry.row.processorsNone,
    dpiaRecorded: entry.row.dpiaRecorded,
    dpiaReference: entry.row.dpiaReference,
    openProposalId: entry.openProposalId,
  };
}

/** How far the whole record is: entries complete, fields filled, templates adopted, per service area too. */
export function coverageOf(record: LoadedRecord, serviceAreas: readonly { id: string }[]): CoverageDto {
  const { entries, latest } = record;
  const adopted = new Set(entries.map((e) => e.row.templateUrn).filter(Boolean));
  const required = entries.flatMap((e) => e.view.fields.filter((f) => f.required));
  return {
    entries: entries.length,
    complete: entries.filter((e) => isComplete(e.issues)).length,
    templatesAdopted: latest.filter((t) => adopted.has(t.urn)).length,
    templatesAvailable: latest.length,
    requiredFields: required.length,
    filledRequiredFields: required.filter((f) => f.filled).length,
    errors: entries.reduce((n, e) => n + e.issues.filter((i) => i.severity === 'error').length, 0),
    warnings: entries.reduce((n, e) => n + e.issues.filter((i) => i.severity === 'warning').length, 0),
    openProposals: entries.filter((e) => e.openProposalId).length,
    dpoContactMissing: !record.organization.dpoContact?.trim(),
    byServiceArea: serviceAreas.map((area) => {
      const inArea = entries.filter((e) => e.view.serviceArea === area.id);
      const templates = latest.filter((t) => t.serviceArea === area.id);
      return {
        serviceArea: area.id,
        entries: inArea.length,
        complete: inArea.filter((e) => isComplete(e.issues)).length,
        templatesAdopted: templates.filter((t) => adopted.has(t.urn)).length,
        templatesAvailable: templates.length,
      };
    }),
  };
}
