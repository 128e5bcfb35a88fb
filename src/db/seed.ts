import { randomUUID } from 'node:crypto';
import { demoSeeders, referenceSeeders, type Seeder } from '../modules/seeders';
import type { Config } from '../server/config';
import type { Database } from './connection';
import { withOwner } from './tenant';

async function runSeeders(database: Database, config: Config, seeders: Seeder[], log: (line: string) => void): Promise<void> {
  for (const seeder of seeders) {
    const started = Date.now();
    await withOwner(database.owner, { organizationId: null, userId: null, requestId: `seed:${seeder.name}:${randomUUID()}` }, (tx) => seeder.run(tx, config));
    log(`  ${seeder.name} (${Date.now() - started} ms)`);
  }
}

/** Reference data always; demo data only in demo mode. Every seeder is idempotent. */
export async function seedDatabase(database: Database, config: Config, options: { demo: boolean; log?: (line: string) => void }): Promise<void> {
  const log = options.log ?? (() => undefined);
  await runSeeders(database, config, referenceSeeders, log);
  if (options.demo) await runSeeders(database, config, demoSeeders, log);
}
