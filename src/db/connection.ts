import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  /** The owner connection string (real PostgreSQL only). */
  url?: string;
  /** Connection that owns the schema: migrations, seeding, audit verification. */
  owner: Db;
  /** Connection requests use. Every unit of work still switches to the application role (tenant.ts). */
  app: Db;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Owner connection to a real PostgreSQL server. Without it, PGlite is used. */
  url?: string;
  /** Optional separate login for requests (a member of samsvar_app without BYPASSRLS). */
  appUrl?: string;
  /** PGlite data directory; in memory when absent. */
  dataDir?: string;
  /** PGlite: start from a saved data directory dump (used by tests to skip migrations). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const ownerPool = new pg.Pool({ connectionString: options.url, max: 4 });
    const appPool = options.appUrl
      ? new pg.Pool({ connectionString: options.appUrl, max: options.poolSize ?? 10 })
      : ownerPool;
    if (options.appUrl) ownerPool.options.max = 2;
    // An idle connection can die (database restart, failover, a dropped database). The pool replaces it; without
    // a listener the error would take the whole process down.
    for (const pool of new Set([ownerPool, appPool])) pool.on('error', (error) => console.warn(`database connection lost: ${error.message}`));
    const owner = drizzlePg(ownerPool, { schema }) as unknown as Db;
    const app = options.appUrl ? (drizzlePg(appPool, { schema }) as unknown as Db) : owner;
    return {
      kind: 'postgres',
      url: options.url,
      owner,
      app,
      async close() {
        await ownerPool.end();
        if (appPool !== ownerPool) await appPool.end();
      },
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    owner: db,
    app: db,
    async close() {
      await client.close();
    },
  };
}

/** The raw PGlite client behind a Database (tests use it to snapshot a migrated database). */
export function pgliteClient(db: Db): PGlite | undefined {
  const session = (db as unknown as { session?: { client?: unknown } }).session;
  return session?.client instanceof PGlite ? session.client : undefined;
}
