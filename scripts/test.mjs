#!/usr/bin/env node
// Runs every test: unit and integration tests beside the code (src/**/*.test.ts), then the browser tests
// (test/e2e). With TEST_DATABASE_URL set, the database tests run against that PostgreSQL server.
// Prints node:test's own "# pass N" / "# fail N" summary at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const onlyE2e = args.includes('--only-e2e');
const noE2e = args.includes('--no-e2e');
const filter = args.find((a) => !a.startsWith('--'));

function find(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) find(path, out);
    else if (entry.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

const unit = find(join(root, 'src')).concat(find(join(root, 'bench')));
const e2e = find(join(root, 'test', 'e2e'));
const selected = (list) => (filter ? list.filter((f) => f.includes(filter)) : list).sort();

const totals = { pass: 0, fail: 0 };

function run(label, files, extraEnv = {}, concurrency = 2) {
  if (!files.length) return;
  // Per run, so that two runs at once (two checkouts sharing node_modules) cannot mix their summaries.
  const tap = join(tmpdir(), `samsvar-test-${label}-${process.pid}.tap`);
  console.log(`\n== ${label}: ${files.length} filer${process.env.TEST_DATABASE_URL ? ' (PostgreSQL)' : ' (PGlite)'} ==`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } },
  );
  const summary = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  rmSync(tap, { force: true });
  const pass = Number(/^# pass (\d+)/m.exec(summary)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(summary)?.[1] ?? (result.status === 0 ? 0 : 1));
  totals.pass += pass;
  totals.fail += fail || (result.status !== 0 ? 1 : 0);
}

if (!onlyE2e) run('unit', selected(unit));
if (!noE2e && selected(e2e).length) {
  const prepare = spawnSync(process.execPath, [join(root, 'scripts', 'prepare-e2e.mjs')], { cwd: root, stdio: 'inherit' });
  if (prepare.status !== 0) totals.fail += 1;
  else run('e2e', selected(e2e), {}, 1);
}

console.log(`\n# pass ${totals.pass}\n# fail ${totals.fail}`);
process.exit(totals.fail ? 1 : 0);
