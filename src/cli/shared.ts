import { loadConfig, type Config } from '../server/config';
import { databaseOptions } from '../server/start';
import { openDatabase, type Database } from '../db/connection';
import { migrateDatabase } from '../db/migrate';

/** Opens the configured database (migrated), runs the work, and closes it again. */
export async function withDatabase<T>(work: (database: Database, config: Config) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(databaseOptions(config));
  try {
    if (options.migrate !== false) await migrateDatabase(database);
    return await work(database, config);
  } finally {
    await database.close();
  }
}
