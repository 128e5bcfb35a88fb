import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { memberships, users } from '../users/schema';
import type { PersonRef } from './contract';

/** The organisation's members, for choosing an owner and showing names. */
export async function organizationPeople(tx: Tx, organizationId: string): Promise<PersonRef[]> {
  const rows = await tx
    .selectDistinct({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.name), asc(users.id));
  return rows;
}

export async function isMember(tx: Tx, organizationId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

/** Today's date in Norway (YYYY-MM-DD), for due dates and review dates. */
export const osloDate = (now: Date): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(now);
