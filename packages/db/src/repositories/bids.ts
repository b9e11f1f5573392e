import type { BidsRepository, BidWrite } from '@handoff/core/bids';
import { and, asc, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  bidBenchmarkAnswers as answers,
  bidDutyCoverage as cov,
  bids as b,
  jobPostBenchmarks,
  jobPostDuties,
  jobPostInvitations,
  jobPosts as j,
  providerMembers as pm,
  providerPackages,
  providers as p,
} from '../schema/index.ts';
import { bidComparison, bidComparisonStamp, unreadForViewer } from './bid-comparison.ts';
import { createBidDecisions } from './bid-decisions.ts';
import { bidColumns, bidConditions, terms } from './bid-rows.ts';

/** Bids as providers write them and either party reads them; the owner's decisions are in bid-decisions. */

export function createBidsRepository(db: Db): BidsRepository {
  const { memberOf, openJob, myProviders } = bidConditions(db);

  /** A bid's answers, duty by duty and benchmark by benchmark, replaced as a whole. */
  async function writeAnswers(bidId: string, w: BidWrite) {
    await db.delete(cov).where(eq(cov.bidId, bidId));
    if (w.coverage.length) await db.insert(cov).values(w.coverage.map((c) => ({ bidId, ...c })));
    await db.delete(answers).where(eq(answers.bidId, bidId));
    if (w.benchmarks.length) {
      await db.insert(answers).values(w.benchmarks.map((a) => ({ bidId, ...a })));
    }
  }

  return {
    async memberProviders(userId) {
      return db
        .select({ id: p.id, name: p.name, status: p.status })
        .from(p)
        .innerJoin(pm, and(eq(pm.providerId, p.id), eq(pm.userId, userId)))
        .orderBy(asc(p.createdAt), asc(p.id));
    },

    async jobPostForBidder(jobPostId, providerId) {
      const [row] = await db
        .select({
          id: j.id,
          ownerId: j.ownerId,
          title: j.title,
          status: j.status,
          visibility: j.visibility,
          // Spelled out: drizzle leaves a one-table select's columns unqualified, which inside a
          // subquery could name the subquery's own.
          invited: sql<boolean>`exists (
            select 1 from ${jobPostInvitations} i where i.job_post_id = job_posts.id and i.provider_id = ${providerId}
          )`.mapWith(Boolean),
          postedByMember: sql<boolean>`exists (
            select 1 from ${pm} m where m.provider_id = ${providerId} and m.user_id = job_posts.owner_id
          )`.mapWith(Boolean),
        })
        .from(j)
        .where(eq(j.id, jobPostId))
        // A hire takes this row FOR UPDATE: no bid is written on a job while it is being filled.
        .for('share');
      if (!row) return null;
      const [duties, benchmarks] = await Promise.all([
        db
          .select({ id: jobPostDuties.id, text: jobPostDuties.text })
          .from(jobPostDuties)
          .where(eq(jobPostDuties.jobPostId, jobPostId))
          .orderBy(asc(jobPostDuties.position), asc(jobPostDuties.id)),
        db
          .select({ id: jobPostBenchmarks.id, objective: jobPostBenchmarks.objective })
          .from(jobPostBenchmarks)
          .where(eq(jobPostBenchmarks.jobPostId, jobPostId))
          .orderBy(asc(jobPostBenchmarks.position), asc(jobPostBenchmarks.id)),
      ]);
      return { ...row, duties, benchmarks };
    },

    async findPackage(providerId, packageId) {
      const [row] = await db
        .select({
          name: providerPackages.name,
          price: providerPackages.price,
          billing: providerPackages.billing,
          duties: providerPackages.duties,
        })
        .from(providerPackages)
        .where(and(eq(providerPackages.id, packageId), eq(providerPackages.providerId, providerId)));
      return row ?? null;
    },

    async findByJobAndProvider(jobPostId, providerId) {
      const [row] = await db
        .select({ id: b.id, status: b.status })
        .from(b)
        .where(and(eq(b.jobPostId, jobPostId), eq(b.providerId, providerId)));
      return row ?? null;
    },

    async insert({ jobPostId, providerId, authorId, write, at }) {
      const [row] = await db
        .insert(b)
        .values({ jobPostId, providerId, authorId, ...terms(write), createdAt: at, updatedAt: at })
        .onConflictDoNothing({ target: [b.jobPostId, b.providerId] })
        .returning({ id: b.id });
      if (!row) return null;
      await writeAnswers(row.id, write);
      return row;
    },

    async revise({ userId, bidId, from, write, at }) {
      const rows = await db
        .update(b)
        .set({
          ...terms(write),
          authorId: userId,
          status: 'active',
          revision: sql`${b.revision} + 1`,
          updatedAt: at,
        })
        .where(
          and(eq(b.id, bidId), inArray(b.status, from), memberOf(userId, b.providerId), openJob(b.jobPostId)),
        )
        .returning({ id: b.id });
      if (rows.length === 0) return false;
      await writeAnswers(bidId, write);
      return true;
    },

    async findForViewer(userId, bidId) {
      const [row] = await db
        .select({
          ...bidColumns,
          jobPost: { id: j.id, title: j.title, status: j.status, ownerId: j.ownerId },
          provider: { id: p.id, name: p.name, slug: p.slug },
          unreadMessages: unreadForViewer(userId),
        })
        .from(b)
        .innerJoin(j, eq(j.id, b.jobPostId))
        .innerJoin(p, eq(p.id, b.providerId))
        .where(and(eq(b.id, bidId), or(eq(j.ownerId, userId), memberOf(userId, b.providerId))));
      if (!row) return null;
      const [coverage, benchmarks] = await Promise.all([
        db
          .select({
            dutyId: jobPostDuties.id,
            duty: jobPostDuties.text,
            coverage: cov.coverage,
            note: sql<string>`coalesce(${cov.note}, '')`,
          })
          .from(jobPostDuties)
          .leftJoin(cov, and(eq(cov.dutyId, jobPostDuties.id), eq(cov.bidId, bidId)))
          .where(eq(jobPostDuties.jobPostId, row.jobPost.id))
          .orderBy(asc(jobPostDuties.position), asc(jobPostDuties.id)),
        db
          .select({
            benchmarkId: jobPostBenchmarks.id,
            objective: jobPostBenchmarks.objective,
            target: jobPostBenchmarks.target,
            cadence: jobPostBenchmarks.cadence,
            dueDate: jobPostBenchmarks.dueDate,
            commitment: answers.commitment,
            note: sql<string>`coalesce(${answers.note}, '')`,
          })
          .from(jobPostBenchmarks)
          .leftJoin(answers, and(eq(answers.benchmarkId, jobPostBenchmarks.id), eq(answers.bidId, bidId)))
          .where(eq(jobPostBenchmarks.jobPostId, row.jobPost.id))
          .orderBy(asc(jobPostBenchmarks.position), asc(jobPostBenchmarks.id)),
      ]);
      const side = row.jobPost.ownerId === userId ? 'owner' : 'provider';
      return { ...row, side, coverage, benchmarks };
    },

    async listForMember(userId, filter) {
      return db
        .select({
          id: b.id,
          status: b.status,
          price: b.price,
          priceBasis: b.priceBasis,
          currency: b.currency,
          revision: b.revision,
          declineReason: b.declineReason,
          jobPost: { id: j.id, title: j.title, status: j.status },
          provider: { id: p.id, name: p.name, slug: p.slug },
          unreadMessages: unreadForViewer(userId),
          createdAt: b.createdAt,
          updatedAt: b.updatedAt,
        })
        .from(b)
        .innerJoin(j, eq(j.id, b.jobPostId))
        .innerJoin(p, eq(p.id, b.providerId))
        .where(
          and(
            inArray(b.providerId, myProviders(userId)),
            filter.status ? eq(b.status, filter.status) : undefined,
            filter.jobPostId ? eq(b.jobPostId, filter.jobPostId) : undefined,
            filter.before ? lt(b.createdAt, filter.before) : undefined,
          ),
        )
        .orderBy(desc(b.createdAt), desc(b.id))
        .limit(filter.limit);
    },

    async countByStatusForMember(userId) {
      const rows = await db
        .select({ status: b.status, n: count() })
        .from(b)
        .where(inArray(b.providerId, myProviders(userId)))
        .groupBy(b.status);
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },

    async withdraw(userId, bidId, at) {
      const rows = await db
        .update(b)
        .set({ status: 'withdrawn', updatedAt: at })
        .where(
          and(eq(b.id, bidId), eq(b.status, 'active'), memberOf(userId, b.providerId), openJob(b.jobPostId)),
        )
        .returning({ id: b.id });
      return rows.length > 0;
    },

    ...createBidDecisions(db),

    async providerMembers(providerIds) {
      if (providerIds.length === 0) return [];
      return db
        .select({ providerId: pm.providerId, userId: pm.userId })
        .from(pm)
        .where(inArray(pm.providerId, [...new Set(providerIds)]))
        .orderBy(asc(pm.providerId), asc(pm.createdAt));
    },

    comparison: (ownerId, jobPostId) => bidComparison(db, ownerId, jobPostId),
    comparisonStamp: (ownerId, jobPostId) => bidComparisonStamp(db, ownerId, jobPostId),
  };
}
