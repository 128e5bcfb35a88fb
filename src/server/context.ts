import type { FastifyBaseLogger } from 'fastify';
import type { Tx } from '../db/tenant';
import { withTenant } from '../db/tenant';
import type { Actor } from './policy';
import type { Services } from './services';
import type { SessionState } from '../modules/auth/schema';
import type { UiLanguage } from '../modules/users/schema';
import { commonError } from './errors';

export interface SessionInfo {
  id: string;
  userId: string;
  state: SessionState;
  csrfToken: string;
  authMethod: 'password' | 'oidc';
  activeOrganizationId: string | null;
  organizationName: string | null;
  email: string;
  name: string;
  language: UiLanguage | null;
  expiresAt: Date;
}

/** Everything a handler knows about the request, built by the pipeline before the handler runs. */
export class RequestContext {
  session: SessionInfo | null = null;
  actor: Actor | null = null;

  constructor(
    readonly requestId: string,
    readonly ip: string,
    readonly userAgent: string,
    readonly services: Services,
    readonly log: FastifyBaseLogger,
  ) {}

  get userId(): string | null {
    return this.session?.userId ?? null;
  }

  /** The acting person in their active organisation; routes with a policy always have one. */
  requireActor(): Actor {
    if (!this.actor) throw commonError('NO_ORGANIZATION');
    return this.actor;
  }

  /** Runs work in a tenant transaction for the active organisation (or none), as the application role. */
  work<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const actor = this.actor;
    return withTenant(
      this.services.database.app,
      {
        organizationId: actor?.organizationId ?? null,
        userId: this.userId,
        requestId: this.requestId,
        nationalWriter: actor?.organizationKind === 'national' && actor.roles.includes('fellesforvalter'),
      },
      fn,
    );
  }

  /** Work for the signed-in person that belongs to no organisation (own profile, memberships, switching). */
  personalWork<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return withTenant(this.services.database.app, { organizationId: null, userId: this.userId, requestId: this.requestId }, fn);
  }
}
