import { and, inArray, like, lt, or } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accountTokens, devMailbox, mailLog, outbox, refreshSessions, signUps } from '../schema/index.ts';

const DAY = 86_400_000;

/**
 * Deletes what has no further use: expired sessions, links and pending sign-ups, old finished jobs, old dev mail, and
 * the log entries of deleted accounts' last e-mails.
 */
export async function purgeExpired(db: Db, now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  await db.delete(refreshSessions).where(lt(refreshSessions.expiresAt, ago(1)));
  await db
    .delete(accountTokens)
    .where(or(lt(accountTokens.expiresAt, ago(7)), lt(accountTokens.usedAt, ago(7))));
  // A pending sign-up holds a name and a password hash: gone a day after its link expired (the
  // day in between lets a late click still hear "expired — sign up again" rather than "not valid").
  await db.delete(signUps).where(lt(signUps.expiresAt, ago(1)));
  await db
    .delete(outbox)
    .where(and(inArray(outbox.status, ['done', 'relayed']), lt(outbox.createdAt, ago(7))));
  await db.delete(devMailbox).where(lt(devMailbox.createdAt, ago(30)));
  // A deleted account's address outlives it only in its last e-mail's job and log entry: both go
  // once the job can no longer be retried (its outbox row is purged above after the same 7 days).
  await db.delete(mailLog).where(and(like(mailLog.key, 'account-deleted:%'), lt(mailLog.sentAt, ago(7))));
}
