import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withOwner } from '../db/tenant';
import { exportFramework, exportMappingSet, exportMeasures, type ExportFile } from '../modules/library/export';
import { importLibraryFile, importSummary } from '../modules/library/import';
import { AppError } from '../server/errors';
import { seedDatabase } from '../db/seed';
import { withDatabase } from './shared';

const statusText = { created: 'ny', upgraded: 'ny versjon', unchanged: 'uendret (samme versjon finnes)' } as const;

/** A file error names every place; print them all, not just the first. */
function printError(error: unknown): never {
  if (error instanceof AppError) {
    const issues = (error.details?.issues as { field: string; message: string }[] | undefined) ?? [];
    if (issues.length <= 1) throw new Error(error.message);
    throw new Error([`${issues.length} feil i fila; ingenting er importert:`, ...issues.map((i) => `  ${i.field ? `${i.field}: ` : ''}${i.message}`)].join('\n'));
  }
  throw error;
}

export function registerLibraryCommands(program: Command): void {
  const library = program.command('library').description('Kravbiblioteket: import og eksport i åpne formater');
  library
    .command('import <fil>')
    .description('Importer en CISO Assistant-biblioteksfil (YAML). Alt eller ingenting; samme versjon igjen endrer ingenting.')
    .option('--json', 'skriv antall som JSON: {"frameworks":[{"urn","nodes","assessable","questions"}],"mappings":N}')
    .action(async (file: string, options: { json?: boolean }) => {
      const text = readFileSync(file, 'utf8');
      const result = await withDatabase(async (database, config) => {
        // The library from content/ first (a no-op when it is loaded), so imports meet the same library as the app.
        await seedDatabase(database, config, { demo: false });
        return withOwner(database.owner, { organizationId: null, userId: null, requestId: `cli:library-import:${randomUUID()}` }, (tx) => importLibraryFile(tx, text));
      }).catch(printError);
      if (options.json) {
        console.log(JSON.stringify(importSummary(result)));
        return;
      }
      for (const f of result.frameworks) {
        console.log(`${f.urn} v${f.version}: ${f.nodes} noder, ${f.assessable} vurderbare, ${f.questions} spørsmål – ${statusText[f.status]}`);
      }
      for (const s of result.mappingSets) console.log(`${s.urn} v${s.version}: ${s.mappings} koblinger (${s.sourceFrameworkUrn} → ${s.targetFrameworkUrn}) – ${statusText[s.status]}`);
    });
  library
    .command('export <urn>')
    .description('Eksporter et rammeverk (URN), kryssreferanser (URN) eller «measures» (felles tiltak med koblinger)')
    .option('--format <format>', 'yaml eller xlsx', 'yaml')
    .option('--version <n>', 'versjon av rammeverket (standard: nyeste)')
    .option('--out <fil>', 'skriv til fil (standard: YAML til skjermen, Excel til fil med standardnavn)')
    .action(async (urn: string, options: { format: string; version?: string; out?: string }) => {
      if (options.format !== 'yaml' && options.format !== 'xlsx') throw new Error('--format må være yaml eller xlsx.');
      const format = options.format;
      const version = options.version ? Number(options.version) : undefined;
      if (version !== undefined && !Number.isInteger(version)) throw new Error('--version må være et heltall.');
      const file: ExportFile = await withDatabase(async (database, config) => {
        await seedDatabase(database, config, { demo: false });
        return withOwner(database.owner, { organizationId: null, userId: null, requestId: `cli:library-export:${randomUUID()}` }, (tx) => {
          if (urn === 'measures') return exportMeasures(tx, format);
          if (urn.includes(':requirement_mapping_set:') || urn.includes(':mapping-set:')) return exportMappingSet(tx, urn);
          return exportFramework(tx, urn, version, format);
        });
      }).catch(printError);
      const out = options.out ?? (format === 'xlsx' ? file.fileName : null);
      if (out) {
        writeFileSync(out, file.body);
        console.error(`Skrev ${out} (${file.body.length} byte).`);
      } else {
        // `… | head` closes the pipe early; that is not an error.
        process.stdout.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EPIPE') throw error;
        });
        process.stdout.write(file.body);
      }
    });
}
