import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz, updatedAt } from '../../db/columns';
import { nationalContentPolicies } from '../../db/rls';

/**
 * The requirement library (kravbibliotek): national content, no organisation id. Everyone reads it; only a
 * national content transaction (fellesforvalter) writes it. Everything is keyed by URN, as in CISO
 * Assistant's library format, so an import or a new version lines up with what is there.
 *
 * Versions: a framework row is one version of a framework (unique urn + version); its nodes belong to that
 * row. Old versions stay while any organisation still uses them (each organisation moves to a new version
 * when it chooses). Measures are one current set with stable URNs; answers hang on measure and question
 * URNs, so they survive a new version.
 */

export const mappingRelationships = ['equal', 'subset', 'superset', 'intersect', 'not_related'] as const;
export type MappingRelationship = (typeof mappingRelationships)[number];
export const questionTypes = ['yes_no', 'choice', 'multiple_choice', 'text', 'date', 'number'] as const;
export type QuestionType = (typeof questionTypes)[number];
export const frameworkKinds = ['framework', 'questionnaire'] as const;
export const measurePriorities = ['high', 'medium', 'low'] as const;
export const measureEfforts = ['low', 'medium', 'high'] as const;

export const frameworks = pgTable(
  'frameworks',
  {
    id: id(),
    urn: text('urn').notNull(),
    /** The library (file) it came from; several frameworks can share one. */
    libraryUrn: text('library_urn').notNull(),
    refId: text('ref_id').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    description: text('description'),
    provider: text('provider'),
    copyright: text('copyright'),
    sourceUrl: text('source_url'),
    notes: text('notes'),
    locale: text('locale').notNull().default('nb'),
    version: integer('version').notNull(),
    /** 'content': written by the national team in content/; 'import': an imported library file. */
    origin: text('origin', { enum: ['content', 'import'] }).notNull(),
    /** 'questionnaire': answered by others (the vendor questionnaire), not a requirement set measures must cover. */
    kind: text('kind', { enum: frameworkKinds }).notNull().default('framework'),
    /** Hash of the normalised content of this version: a re-import of the same version is recognised by it. */
    contentHash: text('content_hash'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('frameworks_urn_version_key').on(t.urn, t.version), ...nationalContentPolicies()],
);

/** Implementation groups a framework defines (e.g. "grunn", "databehandler"); nodes refer to them by ref_id. */
export const implementationGroups = pgTable(
  'implementation_groups',
  {
    id: id(),
    frameworkId: uuid('framework_id').notNull().references(() => frameworks.id, { onDelete: 'cascade' }),
    refId: text('ref_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull().default(0),
    /** When the group applies: an answer to an earlier question ({ questionUrn, values }). */
    appliesIf: jsonb('applies_if').$type<{ questionUrn: string; values: string[] }>(),
  },
  (t) => [uniqueIndex('implementation_groups_key').on(t.frameworkId, t.refId), ...nationalContentPolicies()],
);

export const requirementNodes = pgTable(
  'requirement_nodes',
  {
    id: id(),
    frameworkId: uuid('framework_id').notNull().references(() => frameworks.id, { onDelete: 'cascade' }),
    urn: text('urn').notNull(),
    parentUrn: text('parent_urn'),
    /** Order in the framework (depth-first), and depth in the tree (1 = top). */
    position: integer('position').notNull(),
    depth: integer('depth').notNull(),
    /** The source's own reference, e.g. "art. 32(1)(c)" or "2.9.3"; may be missing in imported files. */
    refId: text('ref_id'),
    title: text('title'),
    summary: text('summary'),
    annotation: text('annotation'),
    typicalEvidence: text('typical_evidence'),
    sourceUrl: text('source_url'),
    assessable: boolean('assessable').notNull().default(false),
    /** 'principle' when a principle is assessed as a whole because its measures are not modelled. */
    granularity: text('granularity'),
    uncertain: text('uncertain'),
    outOfScope: text('out_of_scope'),
    implementationGroups: text('implementation_groups').array().notNull().default(sql`'{}'::text[]`),
    titleEn: text('title_en'),
    summaryEn: text('summary_en'),
    titleNn: text('title_nn'),
    summaryNn: text('summary_nn'),
  },
  (t) => [
    uniqueIndex('requirement_nodes_framework_urn_key').on(t.frameworkId, t.urn),
    index('requirement_nodes_urn_idx').on(t.urn),
    index('requirement_nodes_framework_idx').on(t.frameworkId, t.position),
    ...nationalContentPolicies(),
  ],
);

export interface QuestionChoice {
  value: string;
  label: string;
  /** The choice's URN in a CISO Assistant file, when it is not `<question urn>:choice:<value>`. */
  urn?: string;
  description?: string;
  /** CISO Assistant scoring hints, kept for round-trip. */
  addScore?: number;
  computeResult?: string;
}

export const questions = pgTable(
  'questions',
  {
    id: id(),
    nodeId: uuid('node_id').notNull().references(() => requirementNodes.id, { onDelete: 'cascade' }),
    urn: text('urn').notNull(),
    position: integer('position').notNull(),
    type: text('type', { enum: questionTypes }).notNull(),
    text: text('text').notNull(),
    textEn: text('text_en'),
    textNn: text('text_nn'),
    choices: jsonb('choices').$type<QuestionChoice[]>().notNull().default(sql`'[]'::jsonb`),
    /** Answer values that mean the node is met (yes_no: "yes"; choice: the good choices). */
    compliantValues: text('compliant_values').array().notNull().default(sql`'{}'::text[]`),
    /** Shown only when another question has one of these answers (CISO Assistant depends_on). */
    dependsOnUrn: text('depends_on_urn'),
    dependsOnValues: text('depends_on_values').array(),
  },
  (t) => [uniqueIndex('questions_node_urn_key').on(t.nodeId, t.urn), index('questions_urn_idx').on(t.urn), index('questions_node_idx').on(t.nodeId, t.position), ...nationalContentPolicies()],
);

/** The common measure set (felles tiltak): what a municipality does, mapped to requirements in every framework. */
export const measures = pgTable(
  'measures',
  {
    id: id(),
    urn: text('urn').notNull(),
    code: text('code').notNull(),
    area: text('area').notNull(),
    areaTitle: text('area_title').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    what: text('what').notNull(),
    why: text('why').notNull(),
    startSmall: text('start_small').notNull(),
    evidence: text('evidence').notNull(),
    priority: text('priority', { enum: measurePriorities }).notNull(),
    effort: text('effort', { enum: measureEfforts }).notNull(),
    uncertain: text('uncertain'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('measures_urn_key').on(t.urn), uniqueIndex('measures_code_key').on(t.code), ...nationalContentPolicies()],
);

/** Crosswalk: which requirement nodes a measure satisfies, and how fully. */
export const measureMappings = pgTable(
  'measure_mappings',
  {
    id: id(),
    measureId: uuid('measure_id').notNull().references(() => measures.id, { onDelete: 'cascade' }),
    nodeId: uuid('node_id').notNull().references(() => requirementNodes.id, { onDelete: 'cascade' }),
    relationship: text('relationship', { enum: mappingRelationships }).notNull(),
    rationale: text('rationale'),
  },
  (t) => [
    uniqueIndex('measure_mappings_key').on(t.measureId, t.nodeId),
    index('measure_mappings_node_idx').on(t.nodeId),
    ...nationalContentPolicies(),
  ],
);

/** An imported requirement mapping set between two frameworks (e.g. NIST CSF 1.1 → 2.0). */
export const requirementMappingSets = pgTable(
  'requirement_mapping_sets',
  {
    id: id(),
    urn: text('urn').notNull(),
    libraryUrn: text('library_urn').notNull(),
    refId: text('ref_id'),
    name: text('name').notNull(),
    description: text('description'),
    sourceFrameworkUrn: text('source_framework_urn').notNull(),
    targetFrameworkUrn: text('target_framework_urn').notNull(),
    version: integer('version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('requirement_mapping_sets_urn_key').on(t.urn), ...nationalContentPolicies()],
);

export const requirementMappings = pgTable(
  'requirement_mappings',
  {
    id: id(),
    mappingSetId: uuid('mapping_set_id').notNull().references(() => requirementMappingSets.id, { onDelete: 'cascade' }),
    /** Order in the source file, kept for export. */
    position: integer('position').notNull().default(0),
    sourceUrn: text('source_urn').notNull(),
    targetUrn: text('target_urn').notNull(),
    relationship: text('relationship', { enum: mappingRelationships }).notNull(),
    rationale: text('rationale'),
    strength: integer('strength'),
    annotation: text('annotation'),
  },
  (t) => [index('requirement_mappings_set_idx').on(t.mappingSetId), index('requirement_mappings_source_idx').on(t.sourceUrn), ...nationalContentPolicies()],
);

/**
 * What the reference seeder last loaded from content/ (a hash of the files), so start-up can skip the whole
 * library when nothing changed.
 */
export const libraryContentState = pgTable(
  'library_content_state',
  {
    key: text('key').primaryKey(),
    hash: text('hash').notNull(),
    loadedAt: timestamptz('loaded_at').notNull().defaultNow(),
  },
  () => [...nationalContentPolicies()],
);
