import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import pg from 'pg';
import { auditOptions, notAudited } from './audit-tables';
import type { Database, Db } from './connection';
import { queryRows } from './sql';
import journal from './migrations/meta/_journal.json' with { type: 'json' };

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATION_LOCK = 7_346_001;

/** Applies pending migrations, then (re)creates the audit triggers. Safe to run from several processes. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.owner as unknown as PgliteDatabase, { migrationsFolder });
    await ensureAuditTriggers(database.owner);
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const db = drizzlePg(client);
    await migratePg(db, { migrationsFolder });
    await ensureAuditTriggers(db as unknown as Db);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

async function ensureAuditTriggers(db: Db): Promise<void> {
  const tables = await queryRows<{ table_name: string; has_org: boolean }>(
    db,
    sql`select t.table_name,
               exists (select 1 from information_schema.columns c
                       where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'organization_id') as has_org
        from information_schema.tables t
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`,
  );
  for (const { table_name: table, has_org: hasOrg } of tables) {
    if (notAudited.has(table)) continue;
    const options = auditOptions[table] ?? {};
    const organizationColumn = options.organizationColumn ?? (hasOrg ? 'organization_id' : '-');
    const args = [organizationColumn, ...(options.redact ?? [])].map((a) => `'${a.replace(/'/g, "''")}'`).join(', ');
    await db.execute(
      sql.raw(
        `create or replace trigger audit_row after insert or update or delete on "${table.replace(/"/g, '""')}" for each row execute function audit_row(${args})`,
      ),
    );
  }
}

export interface MigrationStatus {
  applied: number;
  latest: string | null;
  expected: number;
}

export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const rows = await queryRows<{ n: string | number }>(db, sql`select count(*) as n from drizzle.__drizzle_migrations`);
  const applied = Number(rows[0]?.n ?? 0);
  const entries = journal.entries;
  return { applied, latest: entries[applied - 1]?.tag ?? null, expected: entries.length };
}
