import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/sql';
import type { Tx } from '../../db/tenant';
import { Universe } from './derive';
import type { FrameworkRow } from './framework-version';
import { loadFrameworks, type LoadedFramework } from './library-read';

/**
 * Compiled framework versions, kept in memory between requests. Every use first asks the database for a
 * fingerprint of the framework's content (nodes, crosswalk, measures, questions: count and a sum of row
 * hashes), so a cached model is used only while the content is exactly what it was compiled from — a
 * library change, from any process, is seen on the next request. The fingerprint query reads ~3 000 small
 * rows; loading and compiling them is what it saves (see bench/assessment.bench.ts).
 */

export interface CompiledFramework {
  loaded: LoadedFramework;
  universe: Universe;
}

interface Entry extends CompiledFramework {
  fingerprint: string;
}

const MAX_ENTRIES = 64;
const cache = new Map<string, Entry>();

/** Lean models (derivation only) need only the structure; detailed ones (the pages) the texts as well. */
async function fingerprints(tx: Tx, ids: string[], detail: boolean): Promise<Map<string, string>> {
  const list = JSON.stringify(ids);
  const d = detail ? 1 : 0;
  const rows = await queryRows<{ framework_id: string; fingerprint: string }>(
    tx,
    sql`with wanted as (select jsonb_array_elements_text(${list}::jsonb)::uuid as id),
      nodes as (
        select n.framework_id, count(*) as c,
               sum(hashtext(concat_ws('|', n.id, n.urn, n.parent_urn, n.position, n.assessable, n.out_of_scope,
                 case when ${d} = 1 then concat_ws('|', n.depth, n.ref_id, n.title, n.summary, n.uncertain, n.granularity, n.title_en, n.title_nn) end))::bigint) as h
        from requirement_nodes n join wanted w on w.id = n.framework_id group by n.framework_id),
      maps as (
        select n.framework_id, count(*) as c,
               sum(hashtext(concat_ws('|', mm.node_id, mm.relationship, m.urn,
                 case when ${d} = 1 then concat_ws('|', m.code, m.title, m.priority, m.effort, m.area) end))::bigint) as h
        from measure_mappings mm join measures m on m.id = mm.measure_id join requirement_nodes n on n.id = mm.node_id
        join wanted w on w.id = n.framework_id group by n.framework_id),
      qs as (
        select n.framework_id, count(*) as c,
               sum(hashtext(concat_ws('|', q.id, q.node_id, q.urn, q.compliant_values::text,
                 case when ${d} = 1 then concat_ws('|', q.position, q.type, q.text, q.choices::text) end))::bigint) as h
        from questions q join requirement_nodes n on n.id = q.node_id join wanted w on w.id = n.framework_id group by n.framework_id)
    select w.id as framework_id,
           concat_ws(':', nodes.c, nodes.h, maps.c, maps.h, qs.c, qs.h) as fingerprint
    from wanted w left join nodes on nodes.framework_id = w.id left join maps on maps.framework_id = w.id left join qs on qs.framework_id = w.id`,
  );
  return new Map(rows.map((r) => [r.framework_id, `${r.fingerprint}`]));
}

/** The compiled frameworks, from memory when their content is unchanged, else loaded and compiled now. */
export async function compiledFrameworks(tx: Tx, rows: FrameworkRow[], options: { detail: boolean }): Promise<CompiledFramework[]> {
  if (!rows.length) return [];
  const current = await fingerprints(tx, rows.map((r) => r.id), options.detail);
  const result: CompiledFramework[] = [];
  for (const row of rows) {
    // The framework row itself (name, version) is part of the key: it is small and read fresh anyway.
    const key = `${row.id}:${options.detail ? 'detail' : 'lean'}`;
    const fingerprint = `${row.updatedAt.getTime()}:${current.get(row.id) ?? ''}`;
    let entry = cache.get(key);
    if (!entry || entry.fingerprint !== fingerprint) {
      const universe = new Universe();
      const [loaded] = await loadFrameworks(tx, [row], universe, options);
      entry = { fingerprint, loaded: loaded!, universe };
      cache.delete(key);
      cache.set(key, entry);
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    }
    result.push({ loaded: { ...entry.loaded, framework: row }, universe: entry.universe });
  }
  return result;
}

/** For tests: start from an empty cache. */
export function clearFrameworkCache(): void {
  cache.clear();
}
