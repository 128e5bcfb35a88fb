import { readFileSync } from 'node:fs';
import { asc } from 'drizzle-orm';
import { parse } from 'yaml';
import type { Database } from '../../../db/connection';
import { withOwner } from '../../../db/tenant';
import { frameworks, measureMappings, measures, requirementNodes } from '../../library/schema';

/**
 * Benchmark support: loads a CISO Assistant framework file (e.g. the GDPR fixture, 1 090 nodes of which 287
 * are assessable) and maps the common measures onto its assessable nodes with a fixed, mixed pattern of
 * relationships, so that a framework of the real size and shape can be assessed through the crosswalk.
 */

interface CisoNode {
  urn: string;
  parent_urn?: string;
  depth: number;
  assessable: boolean;
  ref_id?: string;
  name?: string;
  description?: string;
  annotation?: string;
}
interface CisoFile {
  urn: string;
  version: number;
  provider?: string;
  copyright?: string;
  objects: { framework: { urn: string; ref_id: string; name: string; description?: string; requirement_nodes: CisoNode[] } };
}

const relationshipCycle = ['superset', 'subset', 'intersect', 'equal', 'subset', 'superset', 'intersect'] as const;

export interface CisoFrameworkLoad {
  frameworkId: string;
  urn: string;
  nodes: number;
  assessable: number;
  mappings: number;
}

export async function loadCisoFramework(database: Database, path: string, options: { mapMeasures?: boolean } = {}): Promise<CisoFrameworkLoad> {
  const file = parse(readFileSync(path, 'utf8')) as CisoFile;
  const fw = file.objects.framework;
  return withOwner(database.owner, { organizationId: null, userId: null, requestId: 'ciso-fixture' }, async (tx) => {
    const [row] = await tx
      .insert(frameworks)
      .values({
        urn: fw.urn,
        libraryUrn: file.urn,
        refId: fw.ref_id,
        name: fw.name,
        description: fw.description ?? null,
        provider: file.provider ?? null,
        copyright: file.copyright ?? null,
        locale: 'en',
        version: file.version,
        origin: 'import',
      })
      .returning();
    const nodeIds: { id: string; assessable: boolean }[] = [];
    for (let i = 0; i < fw.requirement_nodes.length; i += 400) {
      const chunk = fw.requirement_nodes.slice(i, i + 400).map((n, j) => ({
        frameworkId: row!.id,
        urn: n.urn,
        parentUrn: n.parent_urn ?? null,
        position: i + j,
        depth: n.depth,
        refId: n.ref_id ?? null,
        title: n.name ?? null,
        summary: n.description ?? null,
        annotation: n.annotation ?? null,
        assessable: n.assessable,
      }));
      nodeIds.push(...(await tx.insert(requirementNodes).values(chunk).returning({ id: requirementNodes.id, assessable: requirementNodes.assessable })));
    }
    let mappings = 0;
    if (options.mapMeasures !== false) {
      const measureIds = (await tx.select({ id: measures.id }).from(measures).orderBy(asc(measures.position))).map((m) => m.id);
      if (measureIds.length) {
        const rows: (typeof measureMappings.$inferInsert)[] = [];
        nodeIds
          .filter((n) => n.assessable)
          .forEach((node, j) => {
            const first = (j * 7) % measureIds.length;
            const second = (j * 13 + 5) % measureIds.length;
            rows.push({ measureId: measureIds[first]!, nodeId: node.id, relationship: relationshipCycle[j % relationshipCycle.length]! });
            if (second !== first) rows.push({ measureId: measureIds[second]!, nodeId: node.id, relationship: j % 3 === 0 ? 'superset' : 'subset' });
          });
        for (let i = 0; i < rows.length; i += 400) await tx.insert(measureMappings).values(rows.slice(i, i + 400));
        mappings = rows.length;
      }
    }
    return { frameworkId: row!.id, urn: fw.urn, nodes: nodeIds.length, assessable: nodeIds.filter((n) => n.assessable).length, mappings };
  });
}
