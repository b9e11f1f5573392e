import type { NotificationsRepository } from '@handoff/core/notifications';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { notificationPreferences, notifications, users } from '../schema/index.ts';

const columns = {
  id: notifications.id,
  userId: notifications.userId,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createNotificationsRepository(db: Db): NotificationsRepository {
  return {
    async create(input) {
      // Nothing is raised for a deleted account: its tombstone has no inbox and no address.
      const [row] = await db
        .insert(notifications)
        .select(
          db
            .select({
              id: sql`gen_random_uuid()`.as('id'),
              userId: users.id,
              kind: sql`${input.kind}`.as('kind'),
              title: sql`${input.title}`.as('title'),
              body: sql`${input.body}`.as('body'),
              link: sql`${input.link ?? null}::text`.as('link'),
              readAt: sql`null::timestamptz`.as('read_at'),
              createdAt: sql`now()`.as('created_at'),
            })
            .from(users)
            .where(and(eq(users.id, input.userId), isNull(users.deletedAt))),
        )
        .returning({ id: notifications.id });
      return row ?? null;
    },
    async findById(id) {
      const [row] = await db.select(columns).from(notifications).where(eq(notifications.id, id));
      return row ?? null;
    },
    async findForEmail(ids) {
      // A malformed id would fail the whole statement, and with it every job batched alongside.
      const valid = [...new Set(ids)].filter((id) => UUID.test(id));
      if (!valid.length) return [];
      return db
        .select({
          id: notifications.id,
          userId: notifications.userId,
          kind: notifications.kind,
          title: notifications.title,
          body: notifications.body,
          link: notifications.link,
          to: users.email,
          emailPreference: notificationPreferences.email,
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .leftJoin(
          notificationPreferences,
          and(
            eq(notificationPreferences.userId, notifications.userId),
            eq(notificationPreferences.kind, notifications.kind),
          ),
        )
        .where(and(inArray(notifications.id, valid), isNull(users.deletedAt)));
    },
    async listForUser(userId, { limit, unreadOnly }) {
      return db
        .select(columns)
        .from(notifications)
        .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit);
    },
    async unreadCount(userId) {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return row?.n ?? 0;
    },
    async markRead(userId, id, at) {
      const rows = await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning({ id: notifications.id });
      return rows.length > 0;
    },
    async markAllRead(userId, at) {
      const rows = await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return rows.length;
    },
    async emailPreferences(userId) {
      const rows = await db
        .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId));
      return Object.fromEntries(rows.map((r) => [r.kind, r.email]));
    },
    async setEmailPreference(userId, kind, email) {
      await db
        .insert(notificationPreferences)
        .values({ userId, kind, email })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { email },
        });
    },
  };
}
