import { desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { loadProcessingContent, processingContentDir } from './content';
import { fieldKeys, sameValue } from './fields';
import { processingServiceAreas, processingTemplates } from './schema';
import { insertVersionAndPropose } from './template-service';

export interface ProcessingSeedResult {
  serviceAreas: number;
  inserted: number;
  newVersions: number;
  proposals: number;
  /** Files whose content differs from the stored version without a higher `version:` (left alone). */
  unchangedVersionDiffers: string[];
}

/**
 * Loads the national templates from content/processing at start-up. Idempotent: a template already stored in
 * the file's version is left alone; a higher `version:` in the file becomes a new version and is proposed to
 * every municipality that adopted the template. A version published in the app is never overwritten by an
 * older or equal file version. Refuses to load content with lint errors.
 */
export async function seedProcessingTemplates(tx: Tx, dir = processingContentDir): Promise<ProcessingSeedResult> {
  const content = loadProcessingContent(dir);
  if (content.errors.length) {
    const first = content.errors.slice(0, 5).map((e) => `${e.file} ${e.path}: ${e.message}`);
    throw new Error(`content/processing har ${content.errors.length} feil:\n${first.join('\n')}`);
  }
  // The seeder writes as the owner; the proposal function also requires the national writer flag.
  await tx.execute(sql`select set_config('app.national_writer', 'on', true)`);
  for (const area of content.serviceAreas) {
    await tx
      .insert(processingServiceAreas)
      .values(area)
      .onConflictDoUpdate({
        target: processingServiceAreas.id,
        set: { title: area.title, titleNn: area.titleNn, titleEn: area.titleEn, position: area.position },
        setWhere: sql`(processing_service_areas.title, processing_service_areas.title_nn, processing_service_areas.title_en, processing_service_areas.position)
          is distinct from (${area.title}, ${area.titleNn}, ${area.titleEn}, ${area.position})`,
      });
  }
  const result: ProcessingSeedResult = { serviceAreas: content.serviceAreas.length, inserted: 0, newVersions: 0, proposals: 0, unchangedVersionDiffers: [] };
  for (const template of content.templates) {
    const [latest] = await tx.select().from(processingTemplates).where(eq(processingTemplates.urn, template.urn)).orderBy(desc(processingTemplates.version)).limit(1);
    const input = {
      urn: template.urn,
      version: template.version,
      content: template.content,
      localFields: template.localFields,
      uncertain: template.uncertain,
      changeNote: latest ? `Ny versjon fra innholdsfilen ${template.file}.` : null,
      origin: 'content' as const,
      publishedBy: null,
    };
    if (!latest) {
      await insertVersionAndPropose(tx, input);
      result.inserted++;
    } else if (template.version > latest.version) {
      result.proposals += await insertVersionAndPropose(tx, input);
      result.newVersions++;
    } else if (template.version === latest.version && !fieldKeys.every((k) => sameValue(latest.content[k], template.content[k]))) {
      result.unchangedVersionDiffers.push(template.file);
    }
  }
  return result;
}
