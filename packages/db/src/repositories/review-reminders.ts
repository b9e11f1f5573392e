import { jobPolicies } from '@handoff/core';
import type { ReviewRemindersRepository } from '@handoff/core/reviews';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './sql-helpers.ts';

/**
 * The review-reminder scan's one statement per batch. `due` walks the schedules' partial index on
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
            SELECT engagement_id FROM engagement_review_schedules
            WHERE next_reminder_at <= ${now}::timestamptz
            ORDER BY next_reminder_at LIMIT ${limit}
            FOR UPDATE SKIP LOCKED
          ), claimed AS (
            UPDATE engagement_review_schedules s SET
              reminders_sent = s.reminders_sent + 1,
              next_reminder_at = CASE WHEN s.reminders_sent = 0
                THEN ${now}::timestamptz + make_interval(days => ${followUpDays}::int) ELSE NULL END
            FROM due WHERE s.engagement_id = due.engagement_id AND s.next_reminder_at <= ${now}::timestamptz
            RETURNING s.engagement_id AS id, s.owner_id, s.reminders_sent AS sent
          ), notes AS (
            INSERT INTO notifications (user_id, kind, title, body, link)
            SELECT c.owner_id, ${note.kind}::text,
              CASE WHEN c.sent = 1 THEN ${fill(note.first.title)} ELSE ${fill(note.followUp.title)} END,
              CASE WHEN c.sent = 1 THEN ${fill(note.first.body)} ELSE ${fill(note.followUp.body)} END,
              '/engagements/' || c.id || '/review'
            FROM claimed c
            JOIN engagements e ON e.id = c.id AND e.status = 'active'
            JOIN providers p ON p.id = e.provider_id
            JOIN job_posts j ON j.id = e.job_post_id
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
