import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project root, wherever the command is run from. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const contentDir = join(projectRoot, 'content');
export const webDistDir = join(projectRoot, 'dist', 'web');
