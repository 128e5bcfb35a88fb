import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/connection';
import { migrateDatabase } from '../src/db/migrate';
import { seedDatabase } from '../src/db/seed';
import { loadConfig, type Config } from '../src/server/config';
import { TEST_LOGIN_ROLE, withDatabaseName } from '../src/test/database';

/** Where benchmarks run: BENCH_DATABASE_URL (a PostgreSQL server we may create databases on), else the local server. */
export const benchServerUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  database: Database;
  config: Config;
  url: string;
  appUrl: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated, seeded PostgreSQL database for one benchmark; the app connects as a role without
 * BYPASSRLS, as in production. Dropped again by `drop`.
 */
export async function benchDatabase(env: Record<string, string> = {}): Promise<BenchDatabase> {
  const name = `samsvar_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: benchServerUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.query(`do $$ begin
    if not exists (select 1 from pg_roles where rolname = 'samsvar_app') then create role samsvar_app nologin nobypassrls; end if;
    if not exists (select 1 from pg_roles where rolname = '${TEST_LOGIN_ROLE}') then create role ${TEST_LOGIN_ROLE} login nobypassrls; end if;
  end $$`);
  await admin.query(`grant samsvar_app to ${TEST_LOGIN_ROLE}`);
  await admin.end();
  const url = withDatabaseName(benchServerUrl, name);
  const app = new URL(url);
  app.username = TEST_LOGIN_ROLE;
  app.password = '';
  const config = loadConfig({
    DATABASE_URL: url,
    DATABASE_APP_URL: app.href,
    SAMSVAR_DEMO: '0',
    SAMSVAR_SESSION_SECRET: 'bench-session-secret-0123456789-0123456789',
    SAMSVAR_DATA_DIR: '/tmp/samsvar-bench',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const database = await openDatabase({ url, appUrl: app.href, poolSize: 10 });
  await migrateDatabase(database);
  await seedDatabase(database, config, { demo: false });
  return {
    database,
    config,
    url,
    appUrl: app.href,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: benchServerUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Runs `fn` repeatedly and returns its timings in milliseconds, sorted. */
export async function timeRepeated(times: number, fn: () => Promise<unknown>): Promise<number[]> {
  const results: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await fn();
    results.push(performance.now() - started);
  }
  return results.sort((a, b) => a - b);
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
  baseline?: string;
}

/** Prints a benchmark's figures as a table, with each target and whether it was met. */
export function report(title: string, figures: Figure[]): void {
  console.log(`\n## ${title}`);
  for (const f of figures) {
    const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(f.value < 10 ? 2 : 1);
    const verdict = f.ok === undefined ? '' : f.ok ? '  ✔ oppfylt' : '  ✖ IKKE oppfylt';
    console.log(`  ${f.name.padEnd(58)} ${`${value} ${f.unit}`.padStart(14)}${f.target ? `   mål: ${f.target}` : ''}${f.baseline ? `   (${f.baseline})` : ''}${verdict}`);
  }
}
