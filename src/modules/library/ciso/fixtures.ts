import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../../paths';

/**
 * The real CISO Assistant library files the importer is tested with live in ../shared/fixtures/ciso-assistant
 * beside the repository (or SAMSVAR_FIXTURES_DIR). From a git worktree the shared folder is further up, so
 * look upwards from the project root.
 */
export function cisoFixturesDir(): string {
  if (process.env.SAMSVAR_FIXTURES_DIR) return join(process.env.SAMSVAR_FIXTURES_DIR, 'ciso-assistant');
  for (let dir = projectRoot; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'fixtures', 'ciso-assistant');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error('Fant ikke shared/fixtures/ciso-assistant over prosjektmappen; sett SAMSVAR_FIXTURES_DIR.');
  }
}
