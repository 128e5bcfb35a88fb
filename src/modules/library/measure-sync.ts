import { eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../db/sql';
import type { Tx } from '../../db/tenant';
import type { LibraryMeasure } from './model';
import { measureMappings, measures } from './schema';

/**
 * The common measures are one current set, updated in place from content (answers hang on the measure URN).
 * Their mappings are updated on the newest version of each framework only: an older version keeps the
 * mappings it had, so a municipality still on it sees no change until it moves to the new version.
 */

export interface MeasureSyncResult {
  inserted: number;
  updated: number;
  removed: number;
  mappingsAdded: number;
  mappingsChanged: number;
  mappingsRemoved: number;
}

type MeasureRow = typeof measures.$inferSelect;

const fieldsOf = (m: LibraryMeasure, position: number) => ({
  code: m.code,
  area: m.area,
  areaTitle: m.areaTitle,
  position,
  title: m.title,
  what: m.what,
  why: m.why,
  startSmall: m.startSmall,
  evidence: m.evidence,
  priority: m.priority,
  effort: m.effort,
  uncertain: m.uncertain,
});

const sameFields = (row: MeasureRow, fields: ReturnType<typeof fieldsOf>) => (Object.keys(fields) as (keyof typeof fields)[]).every((key) => row[key] === fields[key]);

export async function syncMeasures(tx: Tx, wanted: LibraryMeasure[]): Promise<MeasureSyncResult> {
  const result: MeasureSyncResult = { inserted: 0, updated: 0, removed: 0, mappingsAdded: 0, mappingsChanged: 0, mappingsRemoved: 0 };
  const existing = new Map((await tx.select().from(measures)).map((row) => [row.urn, row]));
  const wantedUrns = new Set(wanted.map((m) => m.urn));
  const gone = [...existing.values()].filter((row) => !wantedUrns.has(row.urn));
  if (gone.length) {
    await tx.delete(measures).where(inArray(measures.id, gone.map((row) => row.id)));
    result.removed = gone.length;
  }
  const ids = new Map<string, string>();
  const inserts = [];
  for (const [position, measure] of wanted.entries()) {
    const fields = fieldsOf(measure, position);
    const row = existing.get(measure.urn);
    if (!row) {
      inserts.push({ urn: measure.urn, ...fields });
      continue;
    }
    ids.set(measure.urn, row.id);
    if (!sameFields(row, fields)) {
      await tx.update(measures).set({ ...fields, version: row.version + 1, updatedAt: new Date() }).where(eq(measures.id, row.id));
      result.updated++;
    }
  }
  if (inserts.length) {
    for (const row of await tx.insert(measures).values(inserts).returning({ id: measures.id, urn: measures.urn })) ids.set(row.urn, row.id);
    result.inserted = inserts.length;
  }

  // Nodes of the newest version of every framework, by URN.
  const nodes = await queryRows<{ id: string; urn: string }>(
    tx,
    sql`select n.id, n.urn from requirement_nodes n join frameworks f on f.id = n.framework_id
        where f.version = (select max(f2.version) from frameworks f2 where f2.urn = f.urn)`,
  );
  const nodeIds = new Map(nodes.map((n) => [n.urn, n.id]));
  const desired = new Map<string, { measureId: string; nodeId: string; relationship: LibraryMeasure['mappings'][number]['relationship']; rationale: string | null }>();
  for (const measure of wanted) {
    for (const mapping of measure.mappings) {
      const nodeId = nodeIds.get(mapping.target);
      // Lint reports targets that do not exist; the seeder just leaves them out.
      if (!nodeId) continue;
      const measureId = ids.get(measure.urn)!;
      desired.set(`${measureId} ${nodeId}`, { measureId, nodeId, relationship: mapping.relationship, rationale: mapping.rationale });
    }
  }
  const current = await queryRows<{ id: string; measure_id: string; node_id: string; relationship: string; rationale: string | null }>(
    tx,
    sql`select mm.id, mm.measure_id, mm.node_id, mm.relationship, mm.rationale from measure_mappings mm
        join requirement_nodes n on n.id = mm.node_id join frameworks f on f.id = n.framework_id
        where f.version = (select max(f2.version) from frameworks f2 where f2.urn = f.urn)`,
  );
  const remove: string[] = [];
  for (const row of current) {
    const key = `${row.measure_id} ${row.node_id}`;
    const want = desired.get(key);
    if (!want) {
      remove.push(row.id);
      continue;
    }
    desired.delete(key);
    if (want.relationship !== row.relationship || want.rationale !== row.rationale) {
      await tx.update(measureMappings).set({ relationship: want.relationship, rationale: want.rationale }).where(eq(measureMappings.id, row.id));
      result.mappingsChanged++;
    }
  }
  if (remove.length) await tx.delete(measureMappings).where(inArray(measureMappings.id, remove));
  result.mappingsRemoved = remove.length;
  const add = [...desired.values()];
  for (let i = 0; i < add.length; i += 1000) await tx.insert(measureMappings).values(add.slice(i, i + 1000));
  result.mappingsAdded = add.length;
  return result;
}
