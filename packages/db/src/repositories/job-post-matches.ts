import type { JobPostMatchesRepository } from '@handoff/core/job-posts';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jobPosts as j, notificationPreferences, users } from '../schema/index.ts';
import { rowsOf } from './sql-helpers.ts';

const uuids = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

/** Who was told about which matching job, in-app ('instant') and in the daily e-mail ('digest'). */
export function createJobPostMatchesRepository(db: Db): JobPostMatchesRepository {
  return {
    async jobForMatching(jobPostId) {
      const [row] = await db
        .select({
          id: j.id,
          ownerId: j.ownerId,
          status: j.status,
          title: j.title,
          functionSlug: j.functionSlug,
          visibility: j.visibility,
        })
        .from(j)
        .where(eq(j.id, jobPostId));
      return row ?? null;
    },

    async matchingMembers(job, afterUserId, limit) {
      const invitedOnly =
        job.visibility === 'invite_only'
          ? sql`AND EXISTS (SELECT 1 FROM job_post_invitations i WHERE i.job_post_id = ${job.id} AND i.provider_id = p.id)`
          : sql``;
      const rows = await rowsOf<{ userId: string }>(
        db,
        sql`SELECT DISTINCT m.user_id AS "userId"
          FROM provider_functions pf
          JOIN providers p ON p.id = pf.provider_id AND p.status = 'published'
          JOIN provider_members m ON m.provider_id = p.id
          WHERE pf.function_slug = ${job.functionSlug} AND m.user_id <> ${job.ownerId}
            ${afterUserId ? sql`AND m.user_id > ${afterUserId}` : sql``} ${invitedOnly}
          ORDER BY 1 LIMIT ${limit}`,
      );
      return rows.map((r) => r.userId);
    },

    async recordInstant(jobPostId, userIds, note) {
      if (userIds.length === 0) return 0;
      // One statement: a match and its notification are written together or not at all, and a
      // member told before (the primary key) gets neither again.
      const rows = await rowsOf<{ id: string }>(
        db,
        sql`WITH fresh AS (
            INSERT INTO job_post_matches (user_id, job_post_id, channel)
            SELECT u, ${jobPostId}::uuid, 'instant' FROM unnest(${uuids(userIds)}) AS u
            ON CONFLICT DO NOTHING RETURNING user_id)
          INSERT INTO notifications (user_id, kind, title, body, link)
          SELECT user_id, ${note.kind}::text, ${note.title}::text, ${note.body}::text, ${note.link}::text FROM fresh
          RETURNING id`,
      );
      return rows.length;
    },

    async pendingDigest(afterUserId, limit, kind) {
      return rowsOf<{ userId: string; emailPreference: boolean | null }>(
        db,
        sql`SELECT m.user_id AS "userId", np.email AS "emailPreference"
          FROM (
            SELECT DISTINCT mi.user_id FROM job_post_matches mi
            JOIN job_posts jp ON jp.id = mi.job_post_id AND jp.status = 'open'
            WHERE mi.channel = 'instant'
              ${afterUserId ? sql`AND mi.user_id > ${afterUserId}` : sql``}
              AND NOT EXISTS (SELECT 1 FROM job_post_matches md
                WHERE md.user_id = mi.user_id AND md.job_post_id = mi.job_post_id AND md.channel = 'digest')
            ORDER BY mi.user_id LIMIT ${limit}
          ) m
          LEFT JOIN notification_preferences np ON np.user_id = m.user_id AND np.kind = ${kind}
          ORDER BY m.user_id`,
      );
    },

    async claimDigest(userIds, at) {
      const claimed = new Map<string, string[]>();
      if (userIds.length === 0) return claimed;
      const rows = await rowsOf<{ userId: string; jobPostId: string }>(
        db,
        sql`INSERT INTO job_post_matches (user_id, job_post_id, channel, created_at)
          SELECT mi.user_id, mi.job_post_id, 'digest', ${at}::timestamptz FROM job_post_matches mi
          JOIN job_posts jp ON jp.id = mi.job_post_id AND jp.status = 'open'
          WHERE mi.channel = 'instant' AND mi.user_id = ANY(${uuids(userIds)})
          ON CONFLICT DO NOTHING
          RETURNING user_id AS "userId", job_post_id AS "jobPostId"`,
      );
      for (const r of rows) claimed.set(r.userId, [...(claimed.get(r.userId) ?? []), r.jobPostId]);
      return claimed;
    },

    async digestContent(userId, jobPostIds, kind) {
      const [user] = await db
        .select({ to: users.email, emailPreference: notificationPreferences.email })
        .from(users)
        .leftJoin(
          notificationPreferences,
          and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, kind)),
        )
        // A deleted account's tombstone gets no digest, even one queued before it was deleted.
        .where(and(eq(users.id, userId), isNull(users.deletedAt)));
      if (!user) return null;
      if (jobPostIds.length === 0) return { ...user, jobs: [] };
      const jobs = await db
        .select({
          id: j.id,
          title: j.title,
          functionSlug: j.functionSlug,
          budgetBasis: j.budgetBasis,
          budgetMin: j.budgetMin,
          budgetMax: j.budgetMax,
          currency: j.currency,
        })
        .from(j)
        .where(
          and(
            inArray(j.id, [...jobPostIds]),
            eq(j.status, 'open'),
            // Still visible to them: public, or one of their profiles invited.
            sql`(${j.visibility} = 'public' OR EXISTS (SELECT 1 FROM job_post_invitations i
              JOIN provider_members pm ON pm.provider_id = i.provider_id AND pm.user_id = ${userId}
              WHERE i.job_post_id = ${j.id}))`,
          ),
        )
        .orderBy(desc(j.publishedAt), desc(j.id));
      return { ...user, jobs };
    },
  };
}
