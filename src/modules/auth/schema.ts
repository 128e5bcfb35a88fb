import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, timestamptz } from '../../db/columns';
import { organizations } from '../organizations/schema';
import { users } from '../users/schema';

export const sessionStates = ['mfa_required', 'mfa_enrolment', 'active'] as const;
export type SessionState = (typeof sessionStates)[number];

/**
 * Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a database dump
 * cannot be replayed as a login. Not audited row by row (too hot); logins are audited as events instead.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    state: text('state', { enum: sessionStates }).notNull(),
    activeOrganizationId: uuid('active_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    csrfToken: text('csrf_token').notNull(),
    authMethod: text('auth_method', { enum: ['password', 'oidc'] }).notNull(),
    pendingTotpSecret: text('pending_totp_secret'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);
