import type { BidsRepository } from '@handoff/core/bids';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bids as b, jobPostBenchmarks, jobPostDuties, jobPosts as j } from '../schema/index.ts';
import { bidConditions } from './bid-rows.ts';

type Decisions = Pick<
  BidsRepository,
  | 'setMarks'
  | 'decline'
  | 'lockJobPost'
  | 'jobPostPlan'
  | 'accept'
  | 'markJobPostFilled'
  | 'markOthersNotSelected'
>;

/** The job owner's decisions on bids, hiring included; each statement is keyed by the owner. */
export function createBidDecisions(db: Db): Decisions {
  const { ownedJob } = bidConditions(db);
  return {
    async setMarks(ownerId, bidId, marks) {
      // The owner's own marks: not a change to the offer, so `updated_at` stays the provider's.
      const rows = await db
        .update(b)
        .set(marks)
        .where(and(eq(b.id, bidId), ownedJob(ownerId, b.jobPostId)))
        .returning({ id: b.id });
      return rows.length > 0;
    },

    async decline(ownerId, bidId, reason, at) {
      const rows = await db
        .update(b)
        .set({ status: 'declined', declineReason: reason, shortlisted: false, updatedAt: at })
        .where(and(eq(b.id, bidId), eq(b.status, 'active'), ownedJob(ownerId, b.jobPostId)))
        .returning({ id: b.id });
      return rows.length > 0;
    },

    async lockJobPost(ownerId, jobPostId) {
      const [row] = await db
        .select({ status: j.status })
        .from(j)
        .where(and(eq(j.id, jobPostId), eq(j.ownerId, ownerId)))
        .for('update');
      return row?.status ?? null;
    },

    async jobPostPlan(ownerId, jobPostId) {
      const owned = and(eq(j.id, jobPostId), eq(j.ownerId, ownerId));
      const [duties, benchmarks] = await Promise.all([
        db
          .select({ id: jobPostDuties.id, text: jobPostDuties.text })
          .from(jobPostDuties)
          .innerJoin(j, eq(j.id, jobPostDuties.jobPostId))
          .where(owned)
          .orderBy(asc(jobPostDuties.position), asc(jobPostDuties.id)),
        db
          .select({
            id: jobPostBenchmarks.id,
            objective: jobPostBenchmarks.objective,
            target: jobPostBenchmarks.target,
            cadence: jobPostBenchmarks.cadence,
            dueDate: jobPostBenchmarks.dueDate,
          })
          .from(jobPostBenchmarks)
          .innerJoin(j, eq(j.id, jobPostBenchmarks.jobPostId))
          .where(owned)
          .orderBy(asc(jobPostBenchmarks.position), asc(jobPostBenchmarks.id)),
      ]);
      return { duties, benchmarks };
    },

    async accept(ownerId, bidId, at) {
      const [row] = await db
        .update(b)
        .set({ status: 'accepted', updatedAt: at })
        .where(and(eq(b.id, bidId), eq(b.status, 'active'), ownedJob(ownerId, b.jobPostId, true)))
        .returning({
          providerId: b.providerId,
          price: b.price,
          priceBasis: b.priceBasis,
          currency: b.currency,
          startDate: b.startDate,
        });
      return row ?? null;
    },

    async markJobPostFilled(ownerId, jobPostId, at) {
      const rows = await db
        .update(j)
        .set({ status: 'filled', closedAt: at, updatedAt: at })
        .where(and(eq(j.id, jobPostId), eq(j.ownerId, ownerId), eq(j.status, 'open')))
        .returning({ id: j.id });
      return rows.length > 0;
    },

    async markOthersNotSelected(ownerId, jobPostId, exceptBidId, at) {
      return db
        .update(b)
        .set({ status: 'not_selected', updatedAt: at })
        .where(
          and(
            eq(b.jobPostId, jobPostId),
            ne(b.id, exceptBidId),
            eq(b.status, 'active'),
            ownedJob(ownerId, b.jobPostId),
          ),
        )
        .returning({ bidId: b.id, providerId: b.providerId });
    },
  };
}
