import type { RequestContext } from './context';
import type { Access } from './route';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}
