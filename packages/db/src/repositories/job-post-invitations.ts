import type {
  JobPostInvitationRecord,
  JobPostInvitationsRepository,
  ProviderForJob,
  ProviderLookup,
} from '@handoff/core/job-posts';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  jobPostInvitations as inv,
  jobPosts as j,
  providerFunctions,
  providerIndustries,
  providerMembers,
  providerPackages,
  providers as p,
} from '../schema/index.ts';

const bidStatusOf = sql<JobPostInvitationRecord['bidStatus']>`(SELECT b.status FROM bids b
  WHERE b.job_post_id = ${inv.jobPostId} AND b.provider_id = ${inv.providerId})`;

const invitationColumns = {
  providerId: inv.providerId,
  providerSlug: p.slug,
  providerName: p.name,
  providerKind: p.kind,
  providerHeadline: p.headline,
  message: inv.message,
  invitedAt: inv.createdAt,
  bidStatus: bidStatusOf,
};

export function createJobPostInvitationsRepository(db: Db): JobPostInvitationsRepository {
  /** Invitations of the owner's job: the job's owner is matched in the join. */
  const ofOwnersJob = (ownerId: string, jobPostId: string, providerId?: string) =>
    db
      .select(invitationColumns)
      .from(inv)
      .innerJoin(j, and(eq(j.id, inv.jobPostId), eq(j.ownerId, ownerId)))
      .innerJoin(p, eq(p.id, inv.providerId))
      .where(and(eq(inv.jobPostId, jobPostId), providerId ? eq(inv.providerId, providerId) : undefined));

  return {
    async create({ jobPostId, providerId, invitedBy, message, at }) {
      const rows = await db
        .insert(inv)
        .values({ jobPostId, providerId, invitedBy, message, createdAt: at })
        .onConflictDoNothing()
        .returning({ providerId: inv.providerId });
      return rows.length > 0;
    },

    listForJob: (ownerId, jobPostId) =>
      ofOwnersJob(ownerId, jobPostId).orderBy(desc(inv.createdAt), asc(p.name)),

    async findForJob(ownerId, jobPostId, providerId) {
      const [row] = await ofOwnersJob(ownerId, jobPostId, providerId);
      return row ?? null;
    },

    async count(ownerId, jobPostId) {
      const [row] = await db
        .select({ n: count() })
        .from(inv)
        .innerJoin(j, and(eq(j.id, inv.jobPostId), eq(j.ownerId, ownerId)))
        .where(eq(inv.jobPostId, jobPostId));
      return row?.n ?? 0;
    },

    async listReceived(userId, providerId) {
      return db
        .select({
          jobPostId: j.id,
          title: j.title,
          functionSlug: j.functionSlug,
          status: j.status,
          budgetBasis: j.budgetBasis,
          budgetMin: j.budgetMin,
          budgetMax: j.budgetMax,
          currency: j.currency,
          providerId: p.id,
          providerName: p.name,
          message: inv.message,
          invitedAt: inv.createdAt,
          bidStatus: bidStatusOf,
        })
        .from(inv)
        .innerJoin(
          providerMembers,
          and(eq(providerMembers.providerId, inv.providerId), eq(providerMembers.userId, userId)),
        )
        .innerJoin(p, eq(p.id, inv.providerId))
        .innerJoin(j, eq(j.id, inv.jobPostId))
        .where(providerId ? eq(inv.providerId, providerId) : undefined)
        .orderBy(desc(inv.createdAt), asc(j.id))
        .limit(500);
    },
  };
}

/** Published providers as a job needs them: to start a draft from, or to invite. */
export function createProviderLookup(db: Db): ProviderLookup {
  return {
    async findPublished(id) {
      const [row] = await db
        .select({
          id: p.id,
          name: p.name,
          slug: p.slug,
          kind: p.kind,
          headline: p.headline,
          currency: p.currency,
        })
        .from(p)
        .where(and(eq(p.id, id), eq(p.status, 'published')));
      if (!row) return null;
      const [functions, industries, packages] = await Promise.all([
        db
          .select({
            slug: providerFunctions.functionSlug,
            duties: providerFunctions.duties,
            custom: providerFunctions.customDuties,
          })
          .from(providerFunctions)
          .where(eq(providerFunctions.providerId, id))
          .orderBy(asc(providerFunctions.position)),
        db
          .select({ slug: providerIndustries.industrySlug })
          .from(providerIndustries)
          .where(eq(providerIndustries.providerId, id))
          .orderBy(asc(providerIndustries.position)),
        db
          .select({
            id: providerPackages.id,
            name: providerPackages.name,
            price: providerPackages.price,
            billing: providerPackages.billing,
            duties: providerPackages.duties,
          })
          .from(providerPackages)
          .where(eq(providerPackages.providerId, id))
          .orderBy(asc(providerPackages.position)),
      ]);
      const provider: ProviderForJob = {
        ...row,
        functions: functions.map((f) => ({ slug: f.slug, duties: [...f.duties, ...f.custom] })),
        industries: industries.map((i) => i.slug),
        packages,
      };
      return provider;
    },

    async memberIds(providerId) {
      const rows = await db
        .select({ userId: providerMembers.userId })
        .from(providerMembers)
        .where(eq(providerMembers.providerId, providerId))
        .orderBy(asc(providerMembers.createdAt));
      return rows.map((r) => r.userId);
    },
  };
}
