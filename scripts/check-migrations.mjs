#!/usr/bin/env node
// Fails when the schema has changes that no migration holds yet: drizzle-kit would still generate one.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const source = join(root, 'src', 'db', 'migrations');
// drizzle-kit wants the output folder relative to the project.
const relativeCopy = join('node_modules', '.cache', `migration-check-${process.pid}`);
const copy = join(root, relativeCopy);
mkdirSync(copy, { recursive: true });
cpSync(source, copy, { recursive: true });
const before = new Set(readdirSync(copy));
const result = spawnSync(process.execPath, [join(root, 'node_modules', 'drizzle-kit', 'bin.cjs'), 'generate', '--name=unapplied_schema_change'], {
  cwd: root,
  env: { ...process.env, DRIZZLE_OUT: relativeCopy },
  encoding: 'utf8',
});
const added = readdirSync(copy).filter((f) => !before.has(f) && f.endsWith('.sql'));
rmSync(copy, { recursive: true, force: true });
if (result.status !== 0 || /error/i.test(result.stderr ?? '')) {
  console.error(result.stdout, result.stderr);
  process.exit(1);
}
if (added.length) {
  console.error(`Skjemaet og migreringene er ikke i takt: drizzle-kit ville laget ${added.join(', ')}. Kjør npx drizzle-kit generate --name=<navn>.`);
  process.exit(1);
}
console.log('Skjema og migreringer er i takt.');
