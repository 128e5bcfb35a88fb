// The server the platform benchmark loads, in its own process so the load generator does not share its CPU.
// Adds one extra route: a baseline that runs a single trivial query through the same pipeline.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/connection';
import { queryRows } from '../src/db/sql';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { createMailer } from '../src/server/mailer';
import { defineRoute, publicAccess } from '../src/server/route';

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl!, appUrl: config.databaseAppUrl, poolSize: 10 });
const baseline = defineRoute({
  method: 'GET',
  url: '/api/bench/baseline',
  summary: 'Benchmark baseline: one trivial query',
  tags: ['Drift'],
  access: publicAccess,
  handler: async (ctx) => (await queryRows<{ ok: number }>(ctx.services.database.app, sql`select 1 as ok`))[0],
});
const app = await buildApp({ config, database, mailer: createMailer(config, () => undefined), clock: () => new Date() }, { routes: [baseline] });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`ready ${typeof address === 'object' && address ? address.port : 0}`);
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
