import type { Command } from 'commander';
import { totpCode } from '../modules/auth/totp';
import { DEMO_PASSWORD, demoTotpSecret, demoUsers } from '../modules/users/demo';

export function printDemoLogins(log: (line: string) => void): void {
  log('');
  log('Demoinnlogginger (bare i demomodus). Passord for alle: ' + DEMO_PASSWORD);
  for (const user of demoUsers) log(`  ${user.email.padEnd(32)} ${user.description}`);
  log('');
  log('Engangskode for tofaktor: npx samsvar demo-code <e-post>');
  log('  eller legg inn hemmeligheten i en autentiseringsapp: npx samsvar demo-code <e-post> --secret');
}

export function registerDemoCommands(program: Command): void {
  program
    .command('demo-code')
    .description('Skriv ut gjeldende engangskode (TOTP) for en demoinnlogging')
    .argument('<email>', 'e-postadressen til demobrukeren')
    .option('--secret', 'skriv ut hemmeligheten i stedet, for en autentiseringsapp')
    .action((email: string, options: { secret?: boolean }) => {
      const demo = demoUsers.find((u) => u.email === email.toLowerCase());
      if (!demo) throw new Error(`${email} er ikke en demoinnlogging. Se npx samsvar demo-code --help.`);
      const secret = demoTotpSecret(demo.email);
      console.log(options.secret ? secret : totpCode(secret));
    });
}
