import { eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/connection';
import { queryRows } from '../../db/sql';
import type { Tx } from '../../db/tenant';
import type { SessionInfo } from '../../server/context';
import type { Config } from '../../server/config';
import { randomToken, sha256 } from './crypto';
import { sessions, type SessionState } from './schema';

export const SESSION_COOKIE = '__Host-samsvar';

export interface NewSession {
  userId: string;
  state: SessionState;
  authMethod: 'password' | 'oidc';
  activeOrganizationId?: string | null;
  ip?: string;
  userAgent?: string;
}

/** The cookie token (only its hash is stored) and the CSRF token the page must send back. */
export interface IssuedSession {
  token: string;
  csrfToken: string;
}

/** Creates a session. */
export async function createSession(tx: Tx, config: Config, input: NewSession, now: Date): Promise<IssuedSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await tx.insert(sessions).values({
    id: sha256(token),
    userId: input.userId,
    state: input.state,
    authMethod: input.authMethod,
    activeOrganizationId: input.activeOrganizationId ?? null,
    csrfToken,
    ip: input.ip?.slice(0, 64),
    userAgent: input.userAgent?.slice(0, 300),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000),
  });
  return { token, csrfToken };
}

/**
 * Replaces a session with a fresh one (new token, new CSRF token) when its privilege changes, so a token
 * captured before login is worthless after it. The absolute expiry starts again only at full login.
 */
export async function rotateSession(tx: Tx, config: Config, oldId: string, changes: { state: SessionState; activeOrganizationId?: string | null }, now: Date): Promise<IssuedSession> {
  const [old] = await tx.select().from(sessions).where(eq(sessions.id, oldId));
  if (!old) throw new Error('session vanished during rotation');
  await tx.delete(sessions).where(eq(sessions.id, oldId));
  return createSession(
    tx,
    config,
    {
      userId: old.userId,
      state: changes.state,
      authMethod: old.authMethod,
      activeOrganizationId: changes.activeOrganizationId ?? old.activeOrganizationId,
      ip: old.ip ?? undefined,
      userAgent: old.userAgent ?? undefined,
    },
    now,
  );
}

interface SessionRow {
  id: string;
  user_id: string;
  state: SessionState;
  active_organization_id: string | null;
  csrf_token: string;
  auth_method: 'password' | 'oidc';
  expires_at: Date | string;
  email: string;
  name: string;
  language: 'nb' | 'nn' | 'en' | null;
  user_status: string;
  organization_kind: string | null;
  organization_name: string | null;
  roles: string[] | string;
}

export interface LoadedSession {
  info: SessionInfo;
  organizationKind: string | null;
  roles: string[];
}

const parseArray = (value: string[] | string): string[] =>
  Array.isArray(value) ? value : value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);

/** One query per request (see migration 0003). Returns null for unknown, expired, idle or disabled sessions. */
export async function loadSession(db: Db, token: string, idleMinutes: number): Promise<LoadedSession | null> {
  const rows = await queryRows<SessionRow>(db, sql`select * from session_for_token(${sha256(token)}, ${idleMinutes * 60})`);
  const row = rows[0];
  if (!row || row.user_status !== 'active') return null;
  return {
    info: {
      id: row.id,
      userId: row.user_id,
      state: row.state,
      csrfToken: row.csrf_token,
      authMethod: row.auth_method,
      activeOrganizationId: row.active_organization_id,
      organizationName: row.organization_name,
      email: row.email,
      name: row.name,
      language: row.language,
      expiresAt: new Date(row.expires_at),
    },
    organizationKind: row.organization_kind,
    roles: parseArray(row.roles),
  };
}

/** Sets the cookie and returns the CSRF token for the response body. */
export function setSessionCookie(reply: FastifyReply, issued: IssuedSession): string {
  reply.setCookie(SESSION_COOKIE, issued.token, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
  return issued.csrfToken;
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}
