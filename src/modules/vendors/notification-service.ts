import { and, desc, eq, notExists, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { notificationReads, notifications } from './notification-schema';

export interface NotificationDto {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  read: boolean;
}

const unread = (organizationId: string, userId: string) =>
  notExists(
    sql`(select 1 from ${notificationReads} r where r.organization_id = ${organizationId} and r.notification_id = ${notifications.id} and r.user_id = ${userId})`,
  );

/** The organisation's notifications, newest first, with the person's own read state. */
export async function listNotifications(tx: Tx, organizationId: string, userId: string, limit = 50) {
  const rows = await tx
    .select({
      notification: notifications,
      read: sql<boolean>`exists (select 1 from ${notificationReads} r where r.organization_id = ${organizationId} and r.notification_id = ${notifications.id} and r.user_id = ${userId})`,
    })
    .from(notifications)
    .where(eq(notifications.organizationId, organizationId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.organizationId, organizationId), unread(organizationId, userId)));
  return {
    unread: count?.n ?? 0,
    items: rows.map(({ notification: n, read }): NotificationDto => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      read: Boolean(read),
    })),
  };
}

export async function markRead(tx: Tx, organizationId: string, userId: string, notificationId: string) {
  const [found] = await tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.organizationId, organizationId)));
  if (!found) throw commonError('NOT_FOUND');
  await tx.insert(notificationReads).values({ organizationId, notificationId, userId }).onConflictDoNothing();
}

export async function markAllRead(tx: Tx, organizationId: string, userId: string) {
  await tx.execute(sql`insert into notification_reads (organization_id, notification_id, user_id)
    select n.organization_id, n.id, ${userId}::uuid from notifications n
     where n.organization_id = ${organizationId}
       and not exists (select 1 from notification_reads r where r.organization_id = n.organization_id and r.notification_id = n.id and r.user_id = ${userId}::uuid)
    on conflict do nothing`);
}
