import type { Command } from 'commander';
import { verifyAuditTrail } from '../modules/audit/verify';
import { withDatabase } from './shared';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Endringsloggen');
  audit
    .command('verify')
    .description('Kontroller at ingen hendelse i endringsloggen er endret eller slettet (avslutter med kode 1 hvis noe er galt)')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (options: { json?: boolean }) => {
      const result = await withDatabase((database) => verifyAuditTrail(database.owner), { migrate: false });
      if (options.json) console.log(JSON.stringify(result));
      else if (result.problems.length === 0) console.log(`Endringsloggen er intakt: ${result.events} hendelser i ${result.chains} kjeder.`);
      else {
        console.log(`Endringsloggen er IKKE intakt (${result.problems.length} feil i ${result.events} hendelser):`);
        for (const p of result.problems) console.log(`  kjede ${p.chainKey}: ${p.message}`);
      }
      if (result.problems.length) process.exitCode = 1;
    });
}
