#!/usr/bin/env node
// Before the browser tests: Debian's Chromium must be there (installed with apt-get when we may), and the
// web app must be built.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium mangler; installerer Debians chromium med apt-get …');
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync(chromium)) {
    console.error(`Nettlesertestene trenger Chromium i ${chromium}. Installer med: sudo apt-get install -y chromium (eller sett CHROMIUM_PATH).`);
    process.exit(1);
  }
}

const build = spawnSync(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(build.status ?? 1);
