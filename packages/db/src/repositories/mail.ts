import type { DevMailboxStore, MailLogStore } from '@handoff/mail';
import { desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { devMailbox, mailLog } from '../schema/index.ts';

type MailLogEntry = Parameters<MailLogStore['record']>[0];

/**
 * The log of sent mail, by key. The set-based methods let a busy worker check and record the mail
 * of many jobs in one statement each (see createBatcher in @handoff/queue).
 */
export function createMailLogStore(db: Db): MailLogStore & {
  /** The keys among these that were already sent. */
  sentKeys(keys: readonly string[]): Promise<Set<string>>;
  recordAll(entries: readonly MailLogEntry[]): Promise<void>;
} {
  return {
    async has(key) {
      const [row] = await db.select({ key: mailLog.key }).from(mailLog).where(eq(mailLog.key, key));
      return Boolean(row);
    },
    async record(entry) {
      await db.insert(mailLog).values(entry).onConflictDoNothing();
    },
    async sentKeys(keys) {
      if (!keys.length) return new Set();
      const rows = await db
        .select({ key: mailLog.key })
        .from(mailLog)
        .where(inArray(mailLog.key, [...new Set(keys)]));
      return new Set(rows.map((r) => r.key));
    },
    async recordAll(entries) {
      if (!entries.length) return;
      await db
        .insert(mailLog)
        .values([...entries])
        .onConflictDoNothing();
    },
  };
}

/** The development mailbox: delivery and the log entry commit together, so a key is stored once. */
export function createDevMailboxStore(db: Db): DevMailboxStore & {
  list(options: { to?: string; limit: number }): Promise<DevMail[]>;
  get(id: string): Promise<(DevMail & { html: string; text: string }) | null>;
} {
  return {
    async deliver(m) {
      return db.transaction(async (tx) => {
        const logged = await tx
          .insert(mailLog)
          .values({ key: m.key, to: m.to, subject: m.subject, transport: 'dev', messageId: null })
          .onConflictDoNothing()
          .returning({ key: mailLog.key });
        if (!logged.length) return false;
        await tx
          .insert(devMailbox)
          .values({ to: m.to, from: m.from, subject: m.subject, text: m.text, html: m.html });
        return true;
      });
    },
    async list({ to, limit }) {
      return db
        .select({
          id: devMailbox.id,
          to: devMailbox.to,
          from: devMailbox.from,
          subject: devMailbox.subject,
          createdAt: devMailbox.createdAt,
        })
        .from(devMailbox)
        .where(to ? eq(devMailbox.to, to) : undefined)
        .orderBy(desc(devMailbox.createdAt))
        .limit(limit);
    },
    async get(id) {
      const [row] = await db.select().from(devMailbox).where(eq(devMailbox.id, id));
      return row ?? null;
    },
  };
}

export interface DevMail {
  id: string;
  to: string;
  from: string;
  subject: string;
  createdAt: Date;
}

export async function purgeDevMailbox(db: Db, olderThan: Date) {
  await db.delete(devMailbox).where(lt(devMailbox.createdAt, olderThan));
}
