import type { Command } from 'commander';
import { migrationStatus } from '../db/migrate';
import { seedDatabase } from '../db/seed';
import { withDatabase } from './shared';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('Kjør databasemigreringer (skjer også automatisk ved oppstart)')
    .action(async () => {
      await withDatabase(async (database) => {
        const status = await migrationStatus(database.owner);
        console.log(`Databasen er på versjon ${status.latest} (${status.applied} av ${status.expected} migreringer).`);
      });
    });
  program
    .command('seed')
    .description('Last inn referansedata (organisasjonsregister, nasjonalt innhold); med --demo også demodata')
    .option('--demo', 'last også inn demobrukere og demodata')
    .action(async (options: { demo?: boolean }) => {
      await withDatabase(async (database, config) => {
        await seedDatabase(database, config, { demo: Boolean(options.demo), log: console.log });
        console.log('Ferdig.');
      });
    });
}
