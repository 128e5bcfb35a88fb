import type { DpiaValue } from './fields';
import type { ServiceAreaDto, TemplateSummaryDto } from './contract';
import { slugOf } from './contract';
import type { processingServiceAreas } from './schema';
import type { TemplateVersionRow } from './view';

export const presentServiceArea = (row: typeof processingServiceAreas.$inferSelect): ServiceAreaDto => ({
  id: row.id,
  title: row.title,
  titleNn: row.titleNn,
  titleEn: row.titleEn,
});

export const presentTemplateSummary = (t: TemplateVersionRow): TemplateSummaryDto => ({
  urn: t.urn,
  slug: slugOf(t.urn),
  version: t.version,
  serviceArea: t.serviceArea,
  name: t.name,
  description: typeof t.content.description === 'string' ? t.content.description : null,
  localFields: t.localFields,
  uncertainCount: t.uncertain.length,
  dpiaLikely: (t.content.dpia as DpiaValue | null)?.likely === true,
  publishedAt: t.publishedAt.toISOString(),
});

/** Every security measure URN in some content, so the page can show the common measures' titles. */
export function measureUrnsIn(...contents: { security_measures?: unknown }[]): string[] {
  return contents.flatMap((c) => (Array.isArray(c.security_measures) ? (c.security_measures as string[]) : [])).filter((m) => m.startsWith('urn:'));
}
