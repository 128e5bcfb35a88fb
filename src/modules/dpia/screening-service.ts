import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { processingEntries } from '../processing/schema';
import { loadCriteria, type Criteria } from './content';
import type { ScreeningBody, ScreeningDto } from './contract';
import { dpiaError } from './errors';
import { dpiaScreenings } from './schema';
import { screeningFromTemplate, screeningOutcome, screeningReasoning } from './screening-rules';
import { latestTemplate } from './template-service';

let criteriaCache: Criteria | null = null;
export const criteria = (): Criteria => (criteriaCache ??= loadCriteria());

type ScreeningRow = typeof dpiaScreenings.$inferSelect;

export function presentScreening(row: ScreeningRow): ScreeningDto {
  return {
    id: row.id,
    entryId: row.entryId,
    criteria: row.criteria,
    listHits: row.listHits,
    outcome: row.outcome,
    reasoning: row.reasoning,
    templateUrn: row.templateUrn,
    screenedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The processing activity, scoped to the organisation (404 for another organisation's id). */
export async function requireEntry(tx: Tx, organizationId: string, entryId: string, asInput = false) {
  const [row] = await tx.select({ id: processingEntries.id }).from(processingEntries).where(and(eq(processingEntries.organizationId, organizationId), eq(processingEntries.id, entryId)));
  if (!row) throw asInput ? dpiaError('ENTRY_NOT_FOUND', { field: 'entryId' }) : commonError('NOT_FOUND');
  return row;
}

export async function screeningFor(tx: Tx, organizationId: string, entryId: string): Promise<ScreeningRow | null> {
  const [row] = await tx.select().from(dpiaScreenings).where(and(eq(dpiaScreenings.organizationId, organizationId), eq(dpiaScreenings.entryId, entryId)));
  return row ?? null;
}

/** A suggestion from a national template's screening, for the form to start from. */
export async function screeningSuggestion(tx: Tx, slug: string) {
  const template = await latestTemplate(tx, slug);
  return { templateUrn: template.urn, ...screeningFromTemplate(template.content, criteria()) };
}

export async function saveScreening(tx: Tx, organizationId: string, userId: string | null, entryId: string, body: ScreeningBody): Promise<ScreeningRow> {
  await requireEntry(tx, organizationId, entryId);
  const list = criteria();
  const byNumber = new Map(body.criteria.map((c) => [c.criterion, c]));
  if (byNumber.size !== 9) throw dpiaError('CRITERIA_INCOMPLETE', { field: 'criteria' });
  body.criteria.forEach((c, i) => {
    if (c.met && !c.reason.trim()) throw dpiaError('REASON_REQUIRED', { field: `criteria.${i}.reason` });
  });
  body.listHits.forEach((id, i) => {
    if (!list.datatilsynetList.some((item) => item.id === id)) throw dpiaError('UNKNOWN_LIST_ITEM', { field: `listHits.${i}` });
  });
  const sorted = [...byNumber.values()].sort((a, b) => a.criterion - b.criterion).map((c) => ({ criterion: c.criterion, met: c.met, reason: c.reason.trim() }));
  const hits = [...new Set(body.listHits)];
  const values = {
    criteria: sorted,
    listHits: hits,
    outcome: screeningOutcome(sorted, hits),
    reasoning: screeningReasoning(sorted, hits, list),
    templateUrn: body.templateUrn ?? null,
    screenedBy: userId,
  };
  const existing = await screeningFor(tx, organizationId, entryId);
  if (!existing) {
    const [row] = await tx.insert(dpiaScreenings).values({ organizationId, entryId, ...values }).returning();
    return row!;
  }
  if (body.version !== existing.version) throw commonError('CONFLICT', { field: 'version' });
  const [row] = await tx
    .update(dpiaScreenings)
    .set({ ...values, updatedAt: new Date(), version: existing.version + 1 })
    .where(and(eq(dpiaScreenings.organizationId, organizationId), eq(dpiaScreenings.id, existing.id), eq(dpiaScreenings.version, existing.version)))
    .returning();
  if (!row) throw commonError('CONFLICT', { field: 'version' });
  return row;
}
