import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import type { MfaState } from '../systems/fields';
import { systems } from '../systems/schema';

/**
 * What the records of processing need to know about a system from the system inventory: whether all users
 * log in with MFA, and whether it holds special categories of personal data (art. 9: health and the other
 * special categories). Unrecorded facts read as null, so the checks claim nothing they cannot know.
 */
export interface SystemFacts {
  /** true: every user logs in with MFA; false: not all do; null: not recorded. */
  mfaAllUsers: boolean | null;
  holdsSpecialCategories: boolean | null;
}

const SPECIAL_CATEGORIES = new Set(['helse', 'andre_saerlige']);

export function systemFacts(row: { mfaUsers: MfaState; personalDataCategories: string[] }): SystemFacts {
  return {
    mfaAllUsers: row.mfaUsers === 'yes' ? true : row.mfaUsers === 'unknown' ? null : false,
    holdsSpecialCategories: row.personalDataCategories.length ? row.personalDataCategories.some((c) => SPECIAL_CATEGORIES.has(c)) : null,
  };
}

export async function loadSystemFacts(tx: Tx, organizationId: string, systemIds: readonly string[]): Promise<Map<string, SystemFacts>> {
  const facts = new Map<string, SystemFacts>();
  if (!systemIds.length) return facts;
  const rows = await tx
    .select({ id: systems.id, mfaUsers: systems.mfaUsers, personalDataCategories: systems.personalDataCategories })
    .from(systems)
    .where(and(eq(systems.organizationId, organizationId), inArray(systems.id, [...systemIds])));
  for (const row of rows) facts.set(row.id, systemFacts(row));
  return facts;
}
