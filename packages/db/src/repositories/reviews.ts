import type { ReviewsRepository } from '@handoff/core/reviews';
import { reminderMoment } from '@handoff/core/reviews';
import { and, asc, desc, eq, exists, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  engagementHandovers as h,
  engagementReviewSchedules as rs,
  engagementReviews as r,
  engagements as e,
  providerFunctions as pf,
  providerIndustries as pi,
  providerMembers as pm,
  providers as p,
} from '../schema/index.ts';

/** Reviews, their schedule on the engagement row, the handover checklist, and alternatives. */
export function createReviewsRepository(db: Db): ReviewsRepository {
  const activeOwned = (ownerId: string, engagementId: string) =>
    and(eq(e.id, engagementId), eq(e.ownerId, ownerId), eq(e.status, 'active'));

  return {
    async listForParty(userId, engagementId) {
      const mine = db.select({ id: pm.providerId }).from(pm).where(eq(pm.userId, userId));
      return db
        .select({
          id: r.id,
          engagementId: r.engagementId,
          dueDate: r.dueDate,
          submittedAt: r.submittedAt,
          benchmarks: r.benchmarks,
          duties: r.duties,
          decision: r.decision,
          note: r.note,
          improvements: r.improvements,
          nextDue: r.nextDue,
        })
        .from(r)
        .innerJoin(e, eq(e.id, r.engagementId))
        .where(and(eq(r.engagementId, engagementId), or(eq(e.ownerId, userId), inArray(e.providerId, mine))))
        .orderBy(asc(r.submittedAt), asc(r.id));
    },

    async insert(ownerId, engagementId, review, at) {
      const [row] = await db
        .insert(r)
        .values({ ...review, engagementId, ownerId, submittedAt: at })
        .returning({ id: r.id });
      return row!;
    },

    async setSchedule(ownerId, engagementId, change, at) {
      const { nextDue, cadence, reviewed, remindersSent = 0 } = change;
      // Compared in the UPDATE itself: a second submission waits for the first's row lock, then
      // finds last_reviewed_at moved and matches nothing.
      const expected = !reviewed
        ? undefined
        : reviewed.previous === null
          ? isNull(rs.lastReviewedAt)
          : eq(rs.lastReviewedAt, reviewed.previous);
      // Owner-opened reviews (remindersSent 1) only get the follow-up, a week from now.
      const nextReminderAt =
        remindersSent === 0 ? reminderMoment(nextDue) : new Date(at.getTime() + 7 * 86_400_000);
      const rows = await db
        .update(rs)
        .set({
          nextDue,
          remindersSent,
          nextReminderAt,
          ...(cadence ? { cadence } : {}),
          ...(reviewed ? { lastReviewedAt: at } : {}),
        })
        .where(
          and(
            eq(rs.engagementId, engagementId),
            eq(rs.ownerId, ownerId),
            exists(
              db
                .select({ one: sql`1` })
                .from(e)
                .where(activeOwned(ownerId, engagementId)),
            ),
            expected,
          ),
        )
        .returning({ id: rs.engagementId });
      return rows.length === 1;
    },

    async end(ownerId, engagementId, at) {
      const rows = await db
        .update(e)
        .set({ status: 'ended', endedAt: at })
        .where(activeOwned(ownerId, engagementId))
        .returning({ id: e.id });
      if (rows.length !== 1) return false;
      // No more reviews: the scan's index no longer holds it.
      await db
        .update(rs)
        .set({ nextDue: null, nextReminderAt: null })
        .where(and(eq(rs.engagementId, engagementId), eq(rs.ownerId, ownerId)));
      return true;
    },

    async handover(ownerId, engagementId) {
      const [row] = await db
        .select({
          accessToRevoke: h.accessToRevoke,
          documentsToCollect: h.documentsToCollect,
          lastDay: h.lastDay,
          updatedAt: h.updatedAt,
        })
        .from(h)
        .where(and(eq(h.engagementId, engagementId), eq(h.ownerId, ownerId)));
      return row ?? null;
    },

    async saveHandover(ownerId, engagementId, handover, at) {
      // The owner key is checked against the engagement in the same statement: nobody writes a
      // checklist onto someone else's engagement.
      await db.execute(sql`INSERT INTO engagement_handovers
          (engagement_id, owner_id, access_to_revoke, documents_to_collect, last_day, updated_at)
        SELECT e.id, e.owner_id, ${JSON.stringify(handover.accessToRevoke)}::jsonb,
          ${JSON.stringify(handover.documentsToCollect)}::jsonb, ${handover.lastDay}::date, ${at}::timestamptz
        FROM engagements e WHERE e.id = ${engagementId} AND e.owner_id = ${ownerId}
        ON CONFLICT (engagement_id) DO UPDATE SET access_to_revoke = excluded.access_to_revoke,
          documents_to_collect = excluded.documents_to_collect, last_day = excluded.last_day,
          updated_at = excluded.updated_at
        WHERE engagement_handovers.owner_id = ${ownerId}`);
    },

    async alternatives(functionSlug, industrySlug, excludeProviderId, limit) {
      const servesIndustry = industrySlug
        ? sql`EXISTS (SELECT 1 FROM ${pi} WHERE ${pi.providerId} = ${p.id} AND ${pi.industrySlug} = ${industrySlug})`
        : undefined;
      return db
        .select({
          id: p.id,
          slug: p.slug,
          name: p.name,
          headline: p.headline,
          verifiedReferenceCount: p.verifiedReferenceCount,
          ratingAvg: p.ratingAvg,
          ratingCount: p.ratingCount,
        })
        .from(p)
        .innerJoin(pf, and(eq(pf.providerId, p.id), eq(pf.functionSlug, functionSlug)))
        .where(
          and(eq(p.status, 'published'), isNull(p.suspendedAt), ne(p.id, excludeProviderId), servesIndustry),
        )
        .orderBy(
          desc(p.verifiedReferenceCount),
          sql`${p.ratingAvg} DESC NULLS LAST`,
          desc(p.ratingCount),
          asc(p.name),
        )
        .limit(limit);
    },
  };
}
