import { and, inArray, lt, or } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accountTokens, devMailbox, outbox, refreshSessions } from '../schema/index.ts';

const DAY = 86_400_000;

/** Deletes what has no further use: expired sessions and links, old finished jobs, old dev mail. */
export async function purgeExpired(db: Db, now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  await db.delete(refreshSessions).where(lt(refreshSessions.expiresAt, ago(1)));
  await db
    .delete(accountTokens)
    .where(or(lt(accountTokens.expiresAt, ago(7)), lt(accountTokens.usedAt, ago(7))));
  await db
    .delete(outbox)
    .where(and(inArray(outbox.status, ['done', 'relayed']), lt(outbox.createdAt, ago(7))));
  await db.delete(devMailbox).where(lt(devMailbox.createdAt, ago(30)));
}
