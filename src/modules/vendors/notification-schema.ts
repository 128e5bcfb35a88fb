import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from '../../db/columns';
import { tenantPolicies } from '../../db/rls';
import { organizations } from '../organizations/schema';
import { users } from '../users/schema';
import { vendorChanges, vendors } from './schema';

export const notificationKinds = ['vendor_change'] as const;
export const outboxStatuses = ['pending', 'sent', 'failed', 'skipped'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * An in-app notification to one organisation. `dedupe_key` is unique per organisation, so the same event
 * never notifies an organisation twice. Read state is per person (notification_reads).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    dedupeKey: text('dedupe_key').notNull(),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** Where in the app the notification leads. */
    link: text('link'),
    vendorId: uuid('vendor_id').references(() => vendors.id, { onDelete: 'cascade' }),
    vendorChangeId: uuid('vendor_change_id').references(() => vendorChanges.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.organizationId, t.dedupeKey),
    index('notifications_org_time_idx').on(t.organizationId, t.createdAt),
    ...tenantPolicies(t.organizationId),
  ],
);

export const notificationReads = pgTable(
  'notification_reads',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    notificationId: uuid('notification_id').notNull().references(() => notifications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    readAt: createdAt(),
  },
  (t) => [uniqueIndex('notification_reads_key').on(t.organizationId, t.notificationId, t.userId), ...tenantPolicies(t.organizationId)],
);

/**
 * E-mail waiting to be sent: one row per organisation per event (`idempotency_key`), sent by the outbox
 * worker with retries. Recipients are resolved when sending, from the organisation's members at that time.
 * See docs/adr/0010-notification-outbox.md.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    referenceId: uuid('reference_id').notNull(),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    recipients: text('recipients').array(),
    sentAt: timestamptz('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('email_outbox_idempotency_key').on(t.organizationId, t.idempotencyKey),
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
    ...tenantPolicies(t.organizationId),
  ],
);
