import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from './connection';
import * as schema from './schema';

/** What a unit of work sees: a transaction (PgTransaction) or a connection-bound database, used the same way. */
export type Tx = Db;

export interface WorkContext {
  /** The organisation the work is for; null for work that belongs to no organisation (login, own profile). */
  organizationId: string | null;
  userId: string | null;
  requestId: string;
  /** Set only for national content roles: lets the transaction write national content (RLS checks it). */
  nationalWriter?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidLiteral(value: string | null, what: string): string {
  if (value === null || value === '') return "''";
  if (!UUID.test(value)) throw new Error(`${what} is not a uuid`);
  return `'${value}'`;
}

/**
 * The context settings as SQL literals. Values are checked (uuids) or reduced to a safe alphabet (request
 * id), so they can go into one simple-protocol statement together with BEGIN: one round trip, not three.
 */
function contextStatement(context: WorkContext, asApplicationRole: boolean): string {
  const requestId = context.requestId.replace(/[^A-Za-z0-9:._-]/g, '').slice(0, 100);
  return [
    'BEGIN',
    ...(asApplicationRole ? ['SET LOCAL ROLE samsvar_app'] : []),
    `SELECT set_config('app.organization_id', ${uuidLiteral(context.organizationId, 'organizationId')}, true),
            set_config('app.user_id', ${uuidLiteral(context.userId, 'userId')}, true),
            set_config('app.request_id', '${requestId}', true),
            set_config('app.national_writer', '${context.nationalWriter ? 'on' : 'off'}', true)`,
  ].join('; ');
}

const connectionDbs = new WeakMap<pg.PoolClient, Db>();

/** One drizzle instance per pooled connection, made once: building it per request costs more than the query. */
function dbFor(client: pg.PoolClient): Db {
  let db = connectionDbs.get(client);
  if (!db) {
    db = drizzlePg(client, { schema }) as unknown as Db;
    connectionDbs.set(client, db);
  }
  return db;
}

async function pooledTransaction<T>(pool: pg.Pool, begin: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(dbFor(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

const poolOf = (db: Db): pg.Pool | null => {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : null;
};

/**
 * The one way to touch tenant data: a transaction that runs as the application role (never the owner, so
 * row-level security applies) with the organisation, user and request id set for RLS and the audit trigger.
 */
export async function withTenant<T>(db: Db, context: WorkContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  const pool = poolOf(db);
  if (pool) return pooledTransaction(pool, contextStatement(context, true), work);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'samsvar_app', true),
      set_config('app.organization_id', ${context.organizationId ?? ''}, true),
      set_config('app.user_id', ${context.userId ?? ''}, true),
      set_config('app.request_id', ${context.requestId}, true),
      set_config('app.national_writer', ${context.nationalWriter ? 'on' : 'off'}, true)`);
    return work(tx);
  });
}

/**
 * Owner work outside any tenant (migrations, seeding national content, the audit check). Still sets the
 * actor so that the audit trail says who did it.
 */
export async function withOwner<T>(db: Db, context: Omit<WorkContext, 'nationalWriter'>, work: (tx: Tx) => Promise<T>): Promise<T> {
  const pool = poolOf(db);
  if (pool) return pooledTransaction(pool, contextStatement(context, false), work);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.organization_id', ${context.organizationId ?? ''}, true),
      set_config('app.user_id', ${context.userId ?? ''}, true),
      set_config('app.request_id', ${context.requestId}, true)`);
    return work(tx);
  });
}

/**
 * Moves an open tenant transaction into another organisation. Only for the few flows that must cross on
 * purpose, after their own check: accepting an invitation, and national onboarding of a municipality.
 */
export async function enterOrganization(tx: Tx, organizationId: string, userId?: string): Promise<void> {
  await tx.execute(sql`select set_config('app.organization_id', ${organizationId}, true)`);
  if (userId) await tx.execute(sql`select set_config('app.user_id', ${userId}, true)`);
}

/**
 * Names the acting person in a transaction that began without one (the OIDC callback, before any session
 * exists), so that RLS shows the person's own memberships and the audit trail names them.
 */
export async function actAs(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.user_id', ${userId}, true)`);
}
