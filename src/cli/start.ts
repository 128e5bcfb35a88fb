import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { projectRoot, webDistDir } from '../paths';
import { loadConfig } from '../server/config';
import { startServer } from '../server/start';
import { printDemoLogins } from './demo';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, entry) => Math.max(max, newestMtime(join(path, entry))), stat.mtimeMs);
}

/** Builds the web app when it is missing or older than its sources. */
export function buildWebIfNeeded(log: (line: string) => void): void {
  const index = join(webDistDir, 'index.html');
  const sources = [join(projectRoot, 'src', 'web'), join(projectRoot, 'src', 'shared'), join(projectRoot, 'vite.config.ts')];
  const sourceTime = Math.max(...sources.filter(existsSync).map(newestMtime));
  if (existsSync(index) && statSync(index).mtimeMs >= sourceTime) return;
  log('Bygger webappen …');
  const vite = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Byggingen av webappen feilet.');
}

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Start Samsvar (webgrensesnitt og API). Uten DATABASE_URL brukes en innebygd database i ./data med demodata.')
    .option('--build', 'bygg webappen først hvis den mangler eller er utdatert')
    .action(async (options: { build?: boolean }) => {
      const log = (line: string) => console.log(line);
      if (options.build) buildWebIfNeeded(log);
      const config = loadConfig();
      if (config.demo && config.databaseUrl) log('ADVARSEL: demomodus er slått på mot en ekte database. Demoinnlogginger har kjente passord og koder.');
      const running = await startServer(config, { log });
      log('');
      log(`Samsvar kjører på ${running.url}`);
      if (config.demo) printDemoLogins(log);
      const shutdown = async () => {
        await running.stop();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
