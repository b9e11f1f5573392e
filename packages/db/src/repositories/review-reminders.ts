import { jobPolicies } from '@handoff/core';
import type { ReviewRemindersRepository } from '@handoff/core/reviews';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './sql-helpers.ts';

/**
 * The review-reminder scan's one statement per batch. `due` walks the partial index on
 * next_reminder_at and skips rows another scan has locked; the UPDATE re-checks the time, so a row
 * claimed by a scan that committed meanwhile is not claimed twice; the notification and its e-mail
 * job are written in the same statement, so a claim without its reminder cannot be committed.
 */
export function createReviewRemindersRepository(db: Db): ReviewRemindersRepository {
  return {
    async claimDue(now, limit, followUpDays, note) {
      const fill = (template: string) =>
        sql`replace(replace(${template}::text, '{provider}', p.name), '{job}', j.title)`;
      const [row] = await rowsOf<{ claimed: number }>(
        db,
        sql`WITH due AS (
            SELECT id FROM engagements
            WHERE next_reminder_at <= ${now}::timestamptz AND status = 'active'
            ORDER BY next_reminder_at LIMIT ${limit}
            FOR UPDATE SKIP LOCKED
          ), claimed AS (
            UPDATE engagements e SET
              review_reminders_sent = e.review_reminders_sent + 1,
              next_reminder_at = CASE WHEN e.review_reminders_sent = 0
                THEN ${now}::timestamptz + make_interval(days => ${followUpDays}::int) ELSE NULL END
            FROM due WHERE e.id = due.id AND e.next_reminder_at <= ${now}::timestamptz
            RETURNING e.id, e.owner_id, e.provider_id, e.job_post_id, e.review_reminders_sent AS sent
          ), notes AS (
            INSERT INTO notifications (user_id, kind, title, body, link)
            SELECT c.owner_id, ${note.kind}::text,
              CASE WHEN c.sent = 1 THEN ${fill(note.first.title)} ELSE ${fill(note.followUp.title)} END,
              CASE WHEN c.sent = 1 THEN ${fill(note.first.body)} ELSE ${fill(note.followUp.body)} END,
              '/engagements/' || c.id || '/review'
            FROM claimed c
            JOIN providers p ON p.id = c.provider_id
            JOIN job_posts j ON j.id = c.job_post_id
            JOIN users u ON u.id = c.owner_id AND u.deleted_at IS NULL
            RETURNING id
          ), queued AS (
            INSERT INTO outbox (name, payload, max_attempts)
            SELECT 'email.notification', jsonb_build_object('notificationId', id),
              ${jobPolicies['email.notification'].attempts}::int
            FROM notes RETURNING 1
          )
          SELECT (SELECT count(*) FROM claimed)::int AS claimed, (SELECT count(*) FROM queued)::int AS queued`,
      );
      return Number(row?.claimed ?? 0);
    },
  };
}
