import { z, text } from '../../shared/validation';
import type { FrameworkDiff, NodeRef } from './diff';
import type { ImportResult } from './import';
import { IMPORT_MAX_CHARS } from './limits';
import type { VersionImpact, VersionInUse } from './versions';
import type { QuestionChoice } from './schema';

/** Request shapes shared by the server (validation) and the web app; response types for the pages. */

const urnText = () => z.string().trim().min(1, 'Feltet må fylles ut.').max(300).regex(/^urn:[a-z0-9._:-]+$/i, 'Må være en URN (urn:…).');
const versionNumber = () => z.coerce.number().int('Må være et heltall.').min(1).max(100_000);

export const frameworkQuery = z.strictObject({ urn: urnText(), version: versionNumber().optional() });
export type FrameworkQuery = z.infer<typeof frameworkQuery>;

export const diffQuery = z.strictObject({ urn: urnText(), from: versionNumber(), to: versionNumber() });
export const impactQuery = z.strictObject({ urn: urnText(), version: versionNumber().optional() });
export const measureQuery = z.strictObject({ urn: urnText() });
export const mappingSetQuery = z.strictObject({ urn: urnText() });
export const exportQuery = z.strictObject({ urn: urnText(), version: versionNumber().optional(), format: z.enum(['yaml', 'xlsx']).default('yaml') });
export const measuresExportQuery = z.strictObject({ format: z.enum(['yaml', 'xlsx']).default('yaml') });

export const importBody = z.strictObject({
  fileName: text(200).optional(),
  content: z.string().min(1, 'Velg en fil.').max(IMPORT_MAX_CHARS, 'Fila er for stor (høyst 6 MB).'),
  /** Check the file and show what would change, without changing anything. */
  dryRun: z.boolean().default(false),
});
export type ImportBody = z.infer<typeof importBody>;

export const adoptBody = z.strictObject({ frameworkUrn: urnText(), version: z.number().int().min(1) });

export interface FrameworkVersionDto {
  id: string;
  version: number;
  origin: 'content' | 'import';
  nodes: number;
  assessable: number;
  questions: number;
  createdAt: string;
}

export interface FrameworkSummaryDto {
  urn: string;
  refId: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  provider: string | null;
  kind: 'framework' | 'questionnaire';
  locale: string;
  /** Newest first. */
  versions: FrameworkVersionDto[];
  /** The version the active organisation uses (municipalities, counties, cooperations only). */
  inUse: VersionInUse | null;
}

export interface MappingSetDto {
  urn: string;
  name: string;
  sourceFrameworkUrn: string;
  targetFrameworkUrn: string;
  version: number;
  mappings: number;
}

export interface LibraryPolicies {
  read: boolean;
  import: boolean;
  viewVersionImpact: boolean;
  adoptVersion: boolean;
}

export interface FrameworkListResponse {
  frameworks: FrameworkSummaryDto[];
  mappingSets: MappingSetDto[];
  policies: LibraryPolicies;
}

export interface QuestionDto {
  urn: string;
  type: string;
  text: string;
  textEn: string | null;
  textNn: string | null;
  choices: QuestionChoice[];
  compliantValues: string[];
  dependsOn: { questionUrn: string; values: string[] } | null;
}

export interface MappedMeasureDto {
  urn: string;
  code: string;
  title: string;
  relationship: string;
}

export interface NodeDto {
  urn: string;
  parentUrn: string | null;
  depth: number;
  refId: string | null;
  title: string | null;
  summary: string | null;
  titleEn: string | null;
  summaryEn: string | null;
  titleNn: string | null;
  summaryNn: string | null;
  annotation: string | null;
  typicalEvidence: string | null;
  sourceUrl: string | null;
  assessable: boolean;
  granularity: string | null;
  uncertain: string | null;
  outOfScope: string | null;
  implementationGroups: string[];
  questions: QuestionDto[];
  measures: MappedMeasureDto[];
}

export interface FrameworkDetailResponse {
  framework: FrameworkSummaryDto & {
    id: string;
    version: number;
    origin: 'content' | 'import';
    copyright: string | null;
    sourceUrl: string | null;
    notes: string | null;
    createdAt: string;
    implementationGroups: { refId: string; name: string; description: string | null }[];
  };
  nodes: NodeDto[];
  policies: LibraryPolicies;
}

export interface MeasureRequirementDto {
  urn: string;
  refId: string | null;
  title: string | null;
  summary: string | null;
  relationship: string;
  uncertain: string | null;
  granularity: string | null;
}

export interface MeasureFrameworkDto {
  urn: string;
  refId: string;
  name: string;
  version: number;
  requirements: MeasureRequirementDto[];
}

export interface MeasureDto {
  urn: string;
  code: string;
  area: string;
  areaTitle: string;
  title: string;
  priority: 'high' | 'medium' | 'low';
  effort: 'low' | 'medium' | 'high';
  uncertain: string | null;
  /** Framework ref ids → the requirement refs it maps to (newest versions). */
  frameworks: { urn: string; refId: string; refs: string[] }[];
}

export interface MeasureListResponse {
  areas: { area: string; areaTitle: string; count: number }[];
  measures: MeasureDto[];
  policies: LibraryPolicies;
}

export interface MeasureDetailResponse {
  measure: MeasureDto & { what: string; why: string; startSmall: string; evidence: string; version: number; updatedAt: string };
  frameworks: MeasureFrameworkDto[];
}

export type DiffResponse = { diff: FrameworkDiff };
export type ImpactResponse = { impact: VersionImpact; policies: LibraryPolicies };
export type ImportResponse = { result: ImportResult; dryRun: boolean };
export type { FrameworkDiff, ImportResult, NodeRef, VersionImpact, VersionInUse };
