import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { parse } from 'yaml';
import type { Database } from '../../../db/connection';
import { withOwner, type Tx } from '../../../db/tenant';
import { contentDir } from '../../../paths';
import { frameworks, measureMappings, measures, questions, requirementNodes, type QuestionChoice } from '../../library/schema';

/**
 * Test and benchmark support: loads the national library from content/library/*.yaml straight into the
 * library tables, the way the library module's seeder will. Only for tests, benches and the e2e run: the
 * real seeder (with lint, versions and import) belongs to the library module.
 */

interface YamlQuestion {
  urn: string;
  type: string;
  text: string;
  choices?: { value: string; label: string }[];
  compliant?: unknown[];
}
interface YamlNode {
  urn: string;
  ref?: string;
  title?: string;
  summary?: string;
  source_url?: string;
  assessable?: boolean;
  granularity?: string;
  uncertain?: string;
  out_of_scope?: string;
  en?: { title?: string; summary?: string };
  nn?: { title?: string; summary?: string };
  questions?: YamlQuestion[];
  children?: YamlNode[];
}
interface YamlFramework {
  urn: string;
  ref_id: string;
  name: string;
  name_en?: string;
  version: number;
  provider?: string;
  source_url?: string;
  description?: string;
  notes?: string;
  nodes: YamlNode[];
}
interface YamlMeasureFile {
  area: string;
  area_title: string;
  measures: {
    urn: string;
    code: string;
    title: string;
    what: string;
    why: string;
    start_small: string;
    evidence: string;
    priority: 'high' | 'medium' | 'low';
    effort: 'low' | 'medium' | 'high';
    uncertain?: string;
    mappings: { target: string; relationship: 'equal' | 'subset' | 'superset' | 'intersect' }[];
  }[];
}

export interface LibraryFixture {
  frameworks: { id: string; urn: string; version: number; name: string }[];
  measures: number;
  mappings: number;
}

const owner = <T>(database: Database, work: (tx: Tx) => Promise<T>) =>
  withOwner(database.owner, { organizationId: null, userId: null, requestId: 'library-fixture' }, work);

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const readYaml = <T>(path: string) => parse(readFileSync(path, 'utf8')) as T;

/** Loads content/library once; if the library is already there (the real seeder ran), it only reads it back. */
export async function loadLibraryFixture(database: Database, dir = join(contentDir, 'library')): Promise<LibraryFixture> {
  const frameworkFiles = readdirSync(join(dir, 'frameworks')).filter((f) => f.endsWith('.yaml')).sort();
  const measureFiles = readdirSync(join(dir, 'measures')).filter((f) => f.endsWith('.yaml')).sort();
  const parsedFrameworks = frameworkFiles.map((f) => ({ file: f, framework: readYaml<YamlFramework>(join(dir, 'frameworks', f)) }));
  const parsedMeasures = measureFiles.map((f) => readYaml<YamlMeasureFile>(join(dir, 'measures', f)));
  return owner(database, async (tx) => {
    const existing = await tx.select().from(frameworks).where(inArray(frameworks.urn, parsedFrameworks.map((p) => p.framework.urn)));
    if (existing.length) {
      const measureCount = (await tx.select({ id: measures.id }).from(measures)).length;
      const mappingCount = (await tx.select({ id: measureMappings.id }).from(measureMappings)).length;
      return { frameworks: existing.map((f) => ({ id: f.id, urn: f.urn, version: f.version, name: f.name })), measures: measureCount, mappings: mappingCount };
    }
    const nodeIdByUrn = new Map<string, string>();
    const loaded: LibraryFixture['frameworks'] = [];
    for (const { file, framework: fw } of parsedFrameworks) {
      const [row] = await tx
        .insert(frameworks)
        .values({
          urn: fw.urn,
          libraryUrn: `urn:samsvar:library:${file.replace(/\.yaml$/, '')}`,
          refId: fw.ref_id,
          name: fw.name,
          nameEn: fw.name_en ?? null,
          description: fw.description ?? null,
          provider: fw.provider ?? null,
          sourceUrl: fw.source_url ?? null,
          notes: fw.notes ?? null,
          version: fw.version,
          origin: 'content',
        })
        .returning();
      loaded.push({ id: row!.id, urn: row!.urn, version: row!.version, name: row!.name });
      const nodeRows: (typeof requirementNodes.$inferInsert)[] = [];
      const questionRows: { nodeUrn: string; row: Omit<typeof questions.$inferInsert, 'nodeId'> }[] = [];
      let position = 0;
      const walk = (list: YamlNode[] | undefined, parentUrn: string | null, depth: number) => {
        for (const node of list ?? []) {
          nodeRows.push({
            frameworkId: row!.id,
            urn: node.urn,
            parentUrn,
            position: position++,
            depth,
            refId: node.ref ?? null,
            title: node.title ?? null,
            summary: node.summary ?? null,
            sourceUrl: node.source_url ?? null,
            assessable: node.assessable ?? false,
            granularity: node.granularity ?? null,
            uncertain: node.uncertain ?? null,
            outOfScope: node.out_of_scope ?? null,
            titleEn: node.en?.title ?? null,
            summaryEn: node.en?.summary ?? null,
            titleNn: node.nn?.title ?? null,
            summaryNn: node.nn?.summary ?? null,
          });
          (node.questions ?? []).forEach((q, i) =>
            questionRows.push({
              nodeUrn: node.urn,
              row: {
                urn: q.urn,
                position: i,
                type: q.type as 'yes_no',
                text: q.text,
                choices: (q.choices ?? []).map((c) => ({ value: String(c.value), label: c.label })) as QuestionChoice[],
                compliantValues: (q.compliant ?? []).map((v) => (v === true ? 'yes' : v === false ? 'no' : String(v))),
              },
            }),
          );
          walk(node.children, node.urn, depth + 1);
        }
      };
      walk(fw.nodes, null, 1);
      await insertChunked(nodeRows, async (chunk) => {
        const inserted = await tx.insert(requirementNodes).values(chunk).returning({ id: requirementNodes.id, urn: requirementNodes.urn });
        for (const n of inserted) nodeIdByUrn.set(n.urn, n.id);
      });
      await insertChunked(questionRows, (chunk) => tx.insert(questions).values(chunk.map((q) => ({ ...q.row, nodeId: nodeIdByUrn.get(q.nodeUrn)! }))));
    }
    let position = 0;
    let mappingCount = 0;
    let measureCount = 0;
    for (const file of parsedMeasures) {
      const inserted = await tx
        .insert(measures)
        .values(
          file.measures.map((m) => ({
            urn: m.urn,
            code: m.code,
            area: file.area,
            areaTitle: file.area_title,
            position: position++,
            title: m.title,
            what: m.what,
            why: m.why,
            startSmall: m.start_small,
            evidence: m.evidence,
            priority: m.priority,
            effort: m.effort,
            uncertain: m.uncertain ?? null,
          })),
        )
        .returning({ id: measures.id, urn: measures.urn });
      measureCount += inserted.length;
      const idOf = new Map(inserted.map((m) => [m.urn, m.id]));
      const mappingRows = file.measures.flatMap((m) =>
        m.mappings.map((mapping) => {
          const nodeId = nodeIdByUrn.get(mapping.target);
          if (!nodeId) throw new Error(`${m.code}: mapping to unknown requirement ${mapping.target}`);
          return { measureId: idOf.get(m.urn)!, nodeId, relationship: mapping.relationship };
        }),
      );
      mappingCount += mappingRows.length;
      await insertChunked(mappingRows, (chunk) => tx.insert(measureMappings).values(chunk));
    }
    return { frameworks: loaded, measures: measureCount, mappings: mappingCount };
  });
}
