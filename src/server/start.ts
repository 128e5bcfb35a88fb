import { openDatabase, type Database } from '../db/connection';
import { migrateDatabase } from '../db/migrate';
import { seedDatabase } from '../db/seed';
import { join } from 'node:path';
import { buildApp } from './app';
import type { Config } from './config';
import { createMailer } from './mailer';
import type { FastifyInstance } from 'fastify';
import { startOutboxWorker } from '../modules/vendors/outbox';

export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

export function databaseOptions(config: Config) {
  return config.databaseUrl
    ? { url: config.databaseUrl, appUrl: config.databaseAppUrl }
    : { dataDir: join(config.dataDir, 'pglite') };
}

/** Opens the database, applies migrations, loads reference (and demo) data, and starts listening. */
export async function startServer(config: Config, options: { log?: (line: string) => void; logger?: boolean } = {}): Promise<Running> {
  const log = options.log ?? ((line: string) => console.log(line));
  const database = await openDatabase(databaseOptions(config));
  log(`Database: ${database.kind === 'pglite' ? `PGlite i ${join(config.dataDir, 'pglite')}` : 'PostgreSQL'}`);
  await migrateDatabase(database);
  log('Migreringer er kjørt. Laster referansedata' + (config.demo ? ' og demodata' : '') + ' …');
  await seedDatabase(database, config, { demo: config.demo, log });
  const mailer = createMailer(config, log);
  const app = await buildApp(
    { config, database, mailer, clock: () => new Date() },
    { logger: options.logger === false ? false : { level: config.logLevel }, trustProxy: Boolean(process.env.TRUST_PROXY) },
  );
  // Sends queued e-mail (one per organisation per central vendor change) and checks expired certificates.
  const worker = startOutboxWorker({ db: database.owner, mailer, publicUrl: config.publicUrl, clock: () => new Date(), log: (message, error) => app.log.error({ err: error }, message) });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl || address;
  let stopped = false;
  return {
    app,
    database,
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await worker.stop();
      await app.close();
      await database.close();
    },
  };
}
