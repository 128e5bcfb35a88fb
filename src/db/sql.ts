import type { SQL } from 'drizzle-orm';
import type { Db } from './connection';

/** Runs raw SQL and returns its rows, whichever driver is behind the connection. */
export async function queryRows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
