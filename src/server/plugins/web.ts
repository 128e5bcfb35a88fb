import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { webDistDir } from '../../paths';
import type { FastifyInstance } from 'fastify';
import { commonError } from '../errors';

export const webRoot = webDistDir;

/**
 * Serves the built web app. Hashed assets are cached for a year; index.html never, so a new release is
 * picked up at once. Any other browser path gets index.html (the app routes in the browser).
 */
export async function registerWeb(app: FastifyInstance): Promise<void> {
  const indexFile = join(webRoot, 'index.html');
  const hasWeb = existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.includes(`${join('web', 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const indexHtml = hasWeb ? readFileSync(indexFile) : null;
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && !/\.[a-z0-9]+$/i.test(request.url.split('?')[0]!);
    if (wantsPage && indexHtml) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    }
    throw commonError('ROUTE_NOT_FOUND');
  });
}
