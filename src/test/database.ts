import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/connection';
import { migrateDatabase } from '../db/migrate';
import { seedDatabase } from '../db/seed';
import type { Config } from '../server/config';

export const TEST_LOGIN_ROLE = 'samsvar_test_login';

/**
 * A fresh, migrated database with the reference data: PGlite in memory by default, or a new database on
 * the server in TEST_DATABASE_URL (dropped again by `close`). On a real server the application connects
 * as a login role without BYPASSRLS, so row-level security is the real boundary in those runs.
 */
export async function createTestDatabase(config: Config): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    await migrateDatabase(database);
    await seedDatabase(database, config, { demo: false });
    return database;
  }
  const name = `samsvar_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    await ensureLoginRole(admin);
  } finally {
    await admin.end();
  }
  const ownerUrl = withDatabaseName(serverUrl, name);
  const appUrl = new URL(ownerUrl);
  appUrl.username = TEST_LOGIN_ROLE;
  appUrl.password = '';
  const database = await openDatabase({ url: ownerUrl, appUrl: appUrl.href, poolSize: 5 });
  await migrateDatabase(database);
  await seedDatabase(database, config, { demo: false });
  const close = database.close.bind(database);
  database.close = async () => {
    await close();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    // pg-pool's end() resolves before its clients have said goodbye; dropping with FORCE at that moment kills
    // them mid-goodbye, and the orphaned client throws "terminating connection due to administrator command"
    // as an uncaught error in the test process. Wait (briefly) until they are gone.
    for (let i = 0; i < 50; i++) {
      const { rows } = await cleanup.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (!rows[0]?.n) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await cleanup.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await cleanup.end();
  };
  return database;
}

async function ensureLoginRole(admin: pg.Client): Promise<void> {
  try {
    await admin.query(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'samsvar_app') then create role samsvar_app nologin nobypassrls; end if;
      if not exists (select 1 from pg_roles where rolname = '${TEST_LOGIN_ROLE}') then create role ${TEST_LOGIN_ROLE} login nobypassrls nosuperuser; end if;
    end $$`);
    await admin.query(`grant samsvar_app to ${TEST_LOGIN_ROLE}`);
  } catch (error) {
    // Parallel test files may race to create the roles; the loser finds them there.
    if (!/already exists|duplicate key|tuple concurrently updated/.test(String(error))) throw error;
  }
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.href;
}
