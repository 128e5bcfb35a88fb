import { resolve } from 'node:path';
import type { Command } from 'commander';
import { lintDpiaContent } from '../modules/dpia/content';
import { lintContent } from '../modules/library/content/lint';
import { formatIssue, loadContent } from '../modules/library/content/loader';
import { findSplitText } from '../modules/library/content/split-text';
import { contentStats } from '../modules/library/content/stats';
import { lintProcessingTemplates } from '../modules/processing/content';
import { loadRiskContent } from '../modules/risk/content';
import { contentDir } from '../paths';

/** One part of the content that `content lint` checks besides the library: its summary line and its issues. */
interface ContentCheck {
  summary: string;
  errors: { file: string; path: string; message: string }[];
}

/** The national templates and catalogues beside the library, each under its own folder of the content directory. */
function moduleChecks(dir: string): ContentCheck[] {
  const processing = lintProcessingTemplates(resolve(dir, 'processing'));
  const risk = loadRiskContent(resolve(dir, 'risk'));
  const dpia = lintDpiaContent(resolve(dir, 'dpia'));
  return [
    { summary: `${processing.templates} behandlingsmaler`, errors: processing.errors.map((e) => ({ ...e, file: `processing/${e.file}` })) },
    { summary: `${risk.catalogue?.threats.length ?? 0} trusler i ROS-katalogen`, errors: risk.issues.map((e) => ({ ...e, file: `risk/${e.file}` })) },
    { summary: 'DPIA-maler og skalaer', errors: dpia.map((e) => ({ ...e, file: `dpia/${e.file}` })) },
  ];
}

export function registerContentCommands(program: Command): void {
  const content = program.command('content').description('Innholdet i content/ (kravbiblioteket og felles tiltak)');
  content
    .command('lint')
    .description('Kontroller innholdet: format, doble og døde URN-er, tiltak uten kobling, krav ingen tiltak dekker (kode 1 ved feil)')
    .option('--dir <mappe>', 'innholdsmappen som skal kontrolleres', contentDir)
    .action((options: { dir: string }) => {
      const { load, issues } = lintContent(resolve(options.dir));
      const checks = moduleChecks(options.dir);
      const all = [...issues, ...findSplitText(resolve(options.dir)), ...checks.flatMap((c) => c.errors.map((e) => ({ ...e, line: null })))];
      if (all.length === 0) {
        const parts = [`${load.frameworks.length} rammeverk`, `${load.measures.length} felles tiltak`, ...checks.map((c) => c.summary)];
        console.log(`Innholdet er i orden: ${parts.join(', ')}.`);
        return;
      }
      for (const issue of all) console.error(formatIssue(issue));
      console.error(`\n${all.length} feil i innholdet.`);
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
