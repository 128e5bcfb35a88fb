import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/sql';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import type { RegistryQuery, UpdateSettingsBody } from './contract';
import { cooperationMembers, organizations } from './schema';

export async function getOrganization(tx: Tx, id: string) {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw commonError('NOT_FOUND');
  return row;
}

export async function updateSettings(tx: Tx, id: string, changes: UpdateSettingsBody) {
  const [row] = await tx
    .update(organizations)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(organizations.id, id))
    .returning();
  if (!row) throw commonError('NOT_FOUND');
  return row;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchRegistry(tx: Tx, query: RegistryQuery) {
  const filters: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(organizations.name, pattern), ilike(organizations.municipalityNumber, pattern), ilike(organizations.otherName, pattern))!);
  }
  if (query.kind) filters.push(eq(organizations.kind, query.kind));
  if (query.county) filters.push(eq(organizations.countyNumber, query.county));
  if (query.sizeGroup) filters.push(eq(organizations.sizeGroup, query.sizeGroup));
  const where = filters.length ? and(...filters) : undefined;
  const [total] = await tx.select({ n: count() }).from(organizations).where(where);
  const rows = await tx
    .select()
    .from(organizations)
    .where(where)
    .orderBy(asc(organizations.kind), asc(organizations.municipalityNumber), asc(organizations.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const counts = await memberCounts(tx, rows.map((r) => r.id));
  return { total: total?.n ?? 0, items: rows.map((organization) => ({ organization, members: counts.get(organization.id) ?? 0 })) };
}

/** People with access per organisation (counts only; see migration 0005 for why this goes through a function). */
async function memberCounts(tx: Tx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<{ organization_id: string; members: number }>(tx, sql`select * from organization_member_counts(${`{${ids.join(',')}}`}::uuid[])`);
  return new Map(rows.map((r) => [r.organization_id, Number(r.members)]));
}

export async function cooperationMemberList(tx: Tx, cooperationId: string) {
  return tx
    .select({ id: organizations.id, name: organizations.name, municipalityNumber: organizations.municipalityNumber })
    .from(cooperationMembers)
    .innerJoin(organizations, eq(organizations.id, cooperationMembers.memberId))
    .where(eq(cooperationMembers.cooperationId, cooperationId))
    .orderBy(asc(organizations.name));
}

export async function createCooperation(tx: Tx, name: string, memberIds: string[]) {
  const unique = [...new Set(memberIds)];
  const found = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(inArray(organizations.id, unique), inArray(organizations.kind, ['municipality', 'county'])));
  if (found.length !== unique.length) {
    throw commonError('VALIDATION_FAILED', { field: 'memberIds', message: 'Alle medlemmer må være kommuner eller fylkeskommuner i registeret.' });
  }
  const [cooperation] = await tx.insert(organizations).values({ kind: 'cooperation', name }).returning();
  await tx.insert(cooperationMembers).values(unique.map((memberId) => ({ cooperationId: cooperation!.id, memberId })));
  return cooperation!;
}
