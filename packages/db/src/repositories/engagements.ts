import type { ReviewCadence } from '@handoff/contracts';
import type { EngagementRecord, EngagementsRepository } from '@handoff/core/bids';
import { reminderMoment } from '@handoff/core/reviews';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  engagementReviewSchedules as rs,
  engagements as e,
  jobPosts as j,
  providerLogos,
  providerMembers as pm,
  providers as p,
  users,
} from '../schema/index.ts';

export function createEngagementsRepository(db: Db): EngagementsRepository {
  const myProviders = (userId: string) =>
    db.select({ id: pm.providerId }).from(pm).where(eq(pm.userId, userId));

  /** The engagements the user is a party to: as the owner, or as a member of the hired provider. */
  const partyTo = (userId: string, as?: 'owner' | 'provider'): SQL | undefined => {
    const asOwner = eq(e.ownerId, userId);
    const asProvider = inArray(e.providerId, myProviders(userId));
    return as === 'owner' ? asOwner : as === 'provider' ? asProvider : or(asOwner, asProvider);
  };

  const columns = (userId: string) => ({
    id: e.id,
    status: e.status,
    bidId: e.bidId,
    ownerId: e.ownerId,
    ownerName: users.name,
    jobPost: { id: j.id, title: j.title },
    providerId: p.id,
    providerName: p.name,
    providerSlug: p.slug,
    logoSha256: providerLogos.sha256,
    price: e.price,
    priceBasis: e.priceBasis,
    currency: e.currency,
    startDate: e.startDate,
    createdAt: e.createdAt,
    endedAt: e.endedAt,
    reviewCadence: sql<ReviewCadence>`coalesce(${rs.cadence}, 'standard')`,
    nextReviewDue: rs.nextDue,
    asOwner: sql<boolean>`${e.ownerId} = ${userId}`.mapWith(Boolean),
  });

  // Two selections over the same joins: a list leaves out the plan (jsonb) that only one page shows.
  const listQuery = (userId: string) =>
    db
      .select(columns(userId))
      .from(e)
      .innerJoin(j, eq(j.id, e.jobPostId))
      .innerJoin(p, eq(p.id, e.providerId))
      .innerJoin(users, eq(users.id, e.ownerId))
      .leftJoin(providerLogos, eq(providerLogos.providerId, p.id))
      .leftJoin(rs, eq(rs.engagementId, e.id));
  const detailQuery = (userId: string) =>
    db
      .select({ ...columns(userId), duties: e.duties, benchmarks: e.benchmarks })
      .from(e)
      .innerJoin(j, eq(j.id, e.jobPostId))
      .innerJoin(p, eq(p.id, e.providerId))
      .innerJoin(users, eq(users.id, e.ownerId))
      .leftJoin(providerLogos, eq(providerLogos.providerId, p.id))
      .leftJoin(rs, eq(rs.engagementId, e.id));

  const record = (r: Awaited<ReturnType<typeof listQuery>>[number]): EngagementRecord => ({
    id: r.id,
    status: r.status,
    bidId: r.bidId,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    jobPost: r.jobPost,
    provider: { id: r.providerId, name: r.providerName, slug: r.providerSlug, logoSha256: r.logoSha256 },
    price: r.price,
    priceBasis: r.priceBasis,
    currency: r.currency,
    startDate: r.startDate,
    createdAt: r.createdAt,
    endedAt: r.endedAt,
    reviewCadence: r.reviewCadence,
    nextReviewDue: r.nextReviewDue,
    role: r.asOwner ? 'owner' : 'provider',
  });

  return {
    async insert({ plan, at, nextReviewDue, ...values }) {
      const [row] = await db
        .insert(e)
        .values({ ...values, duties: plan.duties, benchmarks: plan.benchmarks, createdAt: at })
        .returning({ id: e.id });
      await db.insert(rs).values({
        engagementId: row!.id,
        ownerId: values.ownerId,
        nextDue: nextReviewDue,
        nextReminderAt: reminderMoment(nextReviewDue),
      });
      return row!;
    },

    async listForUser(userId, { as, status }) {
      const rows = await listQuery(userId)
        .where(and(partyTo(userId, as), status ? eq(e.status, status) : undefined))
        .orderBy(desc(e.createdAt), desc(e.id));
      return rows.map(record);
    },

    async findForUser(userId, id) {
      const [row] = await detailQuery(userId).where(and(eq(e.id, id), partyTo(userId)));
      return row ? { ...record(row), duties: row.duties, benchmarks: row.benchmarks } : null;
    },
  };
}
