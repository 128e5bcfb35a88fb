/**
 * Runs queries one after another and returns their results like Promise.all: a transaction has one
 * connection, and node-postgres refuses overlapping queries on one client.
 */
export async function sequential<T extends readonly (() => unknown)[]>(...work: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const fn of work) results.push(await fn());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
