import { Command } from 'commander';
import { registerAuditCommands } from './audit';
import { registerContentCommands } from './content';
import { registerDatabaseCommands } from './database';
import { registerDemoCommands } from './demo';
import { registerLibraryCommands } from './library';
import { registerStartCommand } from './start';
import { registerUserCommands } from './user';

const program = new Command()
  .name('samsvar')
  .description('Samsvar – felles plattform for personvern og informasjonssikkerhet i kommunene')
  .showHelpAfterError();

registerStartCommand(program);
registerDatabaseCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
registerDemoCommands(program);
registerContentCommands(program);
registerLibraryCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`Feil: ${(error as Error).message}`);
  process.exitCode = 1;
}
