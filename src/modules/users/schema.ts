import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz, updatedAt } from '../../db/columns';
import { appRole } from '../../db/rls';
import { pgPolicy } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/schema';
import { allRoles } from './roles';

export const userStatuses = ['active', 'disabled'] as const;
export const uiLanguages = ['nb', 'nn', 'en'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

/** A person. Not a tenant row: one person may belong to several organisations (memberships). */
export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    status: text('status', { enum: userStatuses }).notNull().default('active'),
    language: text('language', { enum: uiLanguages }),
    totpSecret: text('totp_secret'),
    totpEnrolledAt: timestamptz('totp_enrolled_at'),
    totpLastStep: integer('totp_last_step'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    failedMfaCount: integer('failed_mfa_count').notNull().default(0),
    lockedUntil: timestamptz('locked_until'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    lastLoginAt: timestamptz('last_login_at'),
    lastOrganizationId: uuid('last_organization_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_oidc_key').on(t.oidcIssuer, t.oidcSubject),
  ],
);

/** One-time MFA recovery codes; only their hashes are stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

const memberVisible = (organizationId: unknown, userId: unknown) => sql`${organizationId} = nullif(current_setting('app.organization_id', true), '')::uuid
  or ${userId} = nullif(current_setting('app.user_id', true), '')::uuid`;

/** A person's role in an organisation; one row per role. */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: allRoles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_org_user_role_key').on(t.organizationId, t.userId, t.role),
    index('memberships_user_idx').on(t.userId),
    // A person sees their own memberships in every organisation (to switch between them); otherwise own organisation only.
    pgPolicy('membership_read', { for: 'select', to: appRole, using: memberVisible(t.organizationId, t.userId) }),
    pgPolicy('membership_write', {
      for: 'all',
      to: appRole,
      using: sql`${t.organizationId} = nullif(current_setting('app.organization_id', true), '')::uuid`,
      withCheck: sql`${t.organizationId} = nullif(current_setting('app.organization_id', true), '')::uuid`,
    }),
  ],
);

/** An invitation by e-mail to join an organisation with a role. The token itself is only in the e-mail. */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: allRoles }).notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    revokedAt: timestamptz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    index('invitations_org_idx').on(t.organizationId, t.createdAt),
    pgPolicy('tenant_isolation', {
      for: 'all',
      to: appRole,
      using: sql`${t.organizationId} = nullif(current_setting('app.organization_id', true), '')::uuid`,
      withCheck: sql`${t.organizationId} = nullif(current_setting('app.organization_id', true), '')::uuid`,
    }),
  ],
);
