import { resolve } from 'node:path';
import type { Command } from 'commander';
import { lintDpiaContent } from '../modules/dpia/content';
import { lintContent } from '../modules/library/content/lint';
import { formatIssue, loadContent } from '../modules/library/content/loader';
import { contentStats } from '../modules/library/content/stats';
import { contentDir } from '../paths';

export function registerContentCommands(program: Command): void {
  const content = program.command('content').description('Innholdet i content/ (kravbiblioteket og felles tiltak)');
  content
    .command('lint')
    .description('Kontroller innholdet: format, doble og døde URN-er, tiltak uten kobling, krav ingen tiltak dekker (kode 1 ved feil)')
    .option('--dir <mappe>', 'innholdsmappen som skal kontrolleres', contentDir)
    .action((options: { dir: string }) => {
      const { load, issues } = lintContent(resolve(options.dir));
      const dpia = lintDpiaContent(resolve(options.dir, 'dpia'));
      for (const issue of dpia) console.error(`dpia/${issue.file} ${issue.path}: ${issue.message}`);
      if (dpia.length) process.exitCode = 1;
      if (issues.length === 0) {
        console.log(`Innholdet er i orden: ${load.frameworks.length} rammeverk og ${load.measures.length} felles tiltak i ${load.files.length} filer.`);
        return;
      }
      for (const issue of issues) console.error(formatIssue(issue));
      console.error(`\n${issues.length} feil i innholdet.`);
      process.exitCode = 1;
    });
  content
    .command('stats')
    .description('Tall for innholdet: rammeverk, krav, tiltak, koblinger og dekning per rammeverk')
    .option('--json', 'skriv tallene som JSON')
    .option('--dir <mappe>', 'innholdsmappen', contentDir)
    .action((options: { json?: boolean; dir: string }) => {
      const load = loadContent(resolve(options.dir));
      const stats = contentStats(load);
      if (options.json) console.log(JSON.stringify(stats));
      else {
        console.log(`${stats.frameworks} rammeverk, ${stats.requirementNodes} krav, ${stats.questions} spørsmål, ${stats.measures} felles tiltak, ${stats.mappings} koblinger.`);
        for (const c of stats.coverage) {
          const coverage = c.coveragePercent === null ? 'spørreskjema' : `${c.covered}/${c.inScope} dekket (${c.coveragePercent} %)`;
          console.log(`  ${c.refId.padEnd(18)} v${c.version}  ${String(c.nodes).padStart(4)} noder  ${String(c.assessable).padStart(4)} vurderbare  ${coverage}`);
        }
      }
      if (load.issues.length) {
        for (const issue of load.issues) console.error(formatIssue(issue));
        process.exitCode = 1;
      }
    });
}
