import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  bidBenchmarkAnswers,
  bidDutyCoverage as cov,
  bidMessages as msg,
  bids as b,
  engagements as e,
  jobPostBenchmarks,
  jobPostDuties,
  jobPostInvitations,
  jobPosts as j,
  providerMembers as pm,
  providers as p,
  users,
} from '../schema/index.ts';

// The work side of an account's export: the jobs it posted with every bid they received (the owner
// sees those whole in the comparison), the bids of its provider profiles (without the owner's private
// marks), the threads of both, and the engagements on either side.

const bidTerms = {
  id: b.id,
  status: b.status,
  price: b.price,
  priceBasis: b.priceBasis,
  currency: b.currency,
  estimatedHours: b.estimatedHours,
  startDate: b.startDate,
  durationWeeks: b.durationWeeks,
  coverNote: b.coverNote,
  package: b.package,
  declineReason: b.declineReason,
  revision: b.revision,
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
};

async function jobsOf(db: Db, ownerId: string) {
  return db
    .select({
      id: j.id,
      status: j.status,
      title: j.title,
      functionSlug: j.functionSlug,
      industrySlug: j.industrySlug,
      summary: j.summary,
      processNotes: j.processNotes,
      trainingLinks: j.trainingLinks,
      startBy: j.startBy,
      durationWeeks: j.durationWeeks,
      budgetBasis: j.budgetBasis,
      budgetMin: j.budgetMin,
      budgetMax: j.budgetMax,
      currency: j.currency,
      hoursPerWeek: j.hoursPerWeek,
      engagementType: j.engagementType,
      workLocation: j.workLocation,
      underBudgetBonus: j.underBudgetBonus,
      earlyFinishBonus: j.earlyFinishBonus,
      visibility: j.visibility,
      revision: j.revision,
      publishedAt: j.publishedAt,
      closedAt: j.closedAt,
      createdAt: j.createdAt,
      updatedAt: j.updatedAt,
    })
    .from(j)
    .where(eq(j.ownerId, ownerId))
    .orderBy(desc(j.createdAt), desc(j.id));
}

/** Rows by key, in their order: a long thread list is walked once, not once per bid. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Coverage and thread of each bid, keyed by bid id. */
async function bidDetails(db: Db, userId: string, bidIds: string[]) {
  if (!bidIds.length) return { coverageOf: () => [], answersOf: () => [], messagesOf: () => [] };
  const [coverage, answers, messages] = await Promise.all([
    db
      .select({ bidId: cov.bidId, duty: jobPostDuties.text, coverage: cov.coverage, note: cov.note })
      .from(cov)
      .innerJoin(jobPostDuties, eq(jobPostDuties.id, cov.dutyId))
      .where(inArray(cov.bidId, bidIds))
      .orderBy(asc(jobPostDuties.position), asc(jobPostDuties.id)),
    db
      .select({
        bidId: bidBenchmarkAnswers.bidId,
        benchmark: jobPostBenchmarks.objective,
        commitment: bidBenchmarkAnswers.commitment,
        note: bidBenchmarkAnswers.note,
      })
      .from(bidBenchmarkAnswers)
      .innerJoin(jobPostBenchmarks, eq(jobPostBenchmarks.id, bidBenchmarkAnswers.benchmarkId))
      .where(inArray(bidBenchmarkAnswers.bidId, bidIds))
      .orderBy(asc(jobPostBenchmarks.position), asc(jobPostBenchmarks.id)),
    db
      .select({
        bidId: msg.bidId,
        id: msg.id,
        author: users.name,
        byYou: sql<boolean>`${msg.authorId} = ${userId}`.mapWith(Boolean),
        body: msg.body,
        sentAt: msg.createdAt,
      })
      .from(msg)
      .innerJoin(users, eq(users.id, msg.authorId))
      .where(inArray(msg.bidId, bidIds))
      .orderBy(asc(msg.createdAt), asc(msg.id)),
  ]);
  const coverageBy = groupBy(coverage, (r) => r.bidId);
  const messagesBy = groupBy(messages, (r) => r.bidId);
  const answersBy = groupBy(answers, (r) => r.bidId);
  return {
    coverageOf: (id: string) => (coverageBy.get(id) ?? []).map(({ bidId: _, ...rest }) => rest),
    answersOf: (id: string) => (answersBy.get(id) ?? []).map(({ bidId: _, ...rest }) => rest),
    messagesOf: (id: string) => (messagesBy.get(id) ?? []).map(({ bidId: _, ...rest }) => rest),
  };
}

export async function exportWork(db: Db, userId: string) {
  const myProviders = db.select({ id: pm.providerId }).from(pm).where(eq(pm.userId, userId));
  const jobs = await jobsOf(db, userId);
  const jobIds = jobs.map((job) => job.id);
  const none = Promise.resolve([]);
  const [duties, benchmarks, invitations, received, made, engagements] = await Promise.all([
    jobIds.length
      ? db
          .select({ jobPostId: jobPostDuties.jobPostId, id: jobPostDuties.id, text: jobPostDuties.text })
          .from(jobPostDuties)
          .where(inArray(jobPostDuties.jobPostId, jobIds))
          .orderBy(asc(jobPostDuties.position), asc(jobPostDuties.id))
      : none,
    jobIds.length
      ? db
          .select({
            jobPostId: jobPostBenchmarks.jobPostId,
            id: jobPostBenchmarks.id,
            objective: jobPostBenchmarks.objective,
            target: jobPostBenchmarks.target,
            cadence: jobPostBenchmarks.cadence,
            dueDate: jobPostBenchmarks.dueDate,
          })
          .from(jobPostBenchmarks)
          .where(inArray(jobPostBenchmarks.jobPostId, jobIds))
          .orderBy(asc(jobPostBenchmarks.position), asc(jobPostBenchmarks.id))
      : none,
    jobIds.length
      ? db
          .select({
            jobPostId: jobPostInvitations.jobPostId,
            providerName: p.name,
            providerSlug: p.slug,
            message: jobPostInvitations.message,
            invitedAt: jobPostInvitations.createdAt,
          })
          .from(jobPostInvitations)
          .innerJoin(p, eq(p.id, jobPostInvitations.providerId))
          .where(inArray(jobPostInvitations.jobPostId, jobIds))
          .orderBy(asc(jobPostInvitations.createdAt))
      : none,
    jobIds.length
      ? db
          .select({
            ...bidTerms,
            jobPostId: b.jobPostId,
            provider: { id: p.id, name: p.name },
            shortlisted: b.shortlisted,
            archived: b.archived,
          })
          .from(b)
          .innerJoin(p, eq(p.id, b.providerId))
          .where(inArray(b.jobPostId, jobIds))
          .orderBy(asc(b.createdAt), asc(b.id))
      : none,
    db
      .select({
        ...bidTerms,
        authoredByYou: sql<boolean>`${b.authorId} = ${userId}`.mapWith(Boolean),
        provider: { id: p.id, name: p.name },
        jobPost: { id: j.id, title: j.title, ownerName: users.name },
      })
      .from(b)
      .innerJoin(p, eq(p.id, b.providerId))
      .innerJoin(j, eq(j.id, b.jobPostId))
      .innerJoin(users, eq(users.id, j.ownerId))
      .where(inArray(b.providerId, myProviders))
      .orderBy(desc(b.createdAt), desc(b.id)),
    db
      .select({
        id: e.id,
        side: sql<'owner' | 'provider'>`case when ${e.ownerId} = ${userId} then 'owner' else 'provider' end`,
        status: e.status,
        jobPost: { id: j.id, title: j.title },
        ownerName: users.name,
        provider: { id: p.id, name: p.name },
        price: e.price,
        priceBasis: e.priceBasis,
        currency: e.currency,
        startDate: e.startDate,
        duties: e.duties,
        benchmarks: e.benchmarks,
        createdAt: e.createdAt,
        endedAt: e.endedAt,
      })
      .from(e)
      .innerJoin(j, eq(j.id, e.jobPostId))
      .innerJoin(p, eq(p.id, e.providerId))
      .innerJoin(users, eq(users.id, e.ownerId))
      .where(and(or(eq(e.ownerId, userId), inArray(e.providerId, myProviders))))
      .orderBy(desc(e.createdAt), desc(e.id)),
  ]);
  const details = await bidDetails(db, userId, [...received.map((r) => r.id), ...made.map((m) => m.id)]);
  const withThread = <T extends { id: string }>(bid: T) => ({
    ...bid,
    coverage: details.coverageOf(bid.id),
    benchmarkAnswers: details.answersOf(bid.id),
    messages: details.messagesOf(bid.id),
  });
  const forJob = <T extends { jobPostId: string }>(rows: T[]) => {
    const by = groupBy(rows, (r) => r.jobPostId);
    return (id: string) => (by.get(id) ?? []).map(({ jobPostId: _, ...rest }) => rest);
  };
  const [dutiesOf, benchmarksOf, invitationsOf, receivedOf] = [
    forJob(duties),
    forJob(benchmarks),
    forJob(invitations),
    forJob(received),
  ];
  return {
    jobPosts: jobs.map((job) => ({
      ...job,
      duties: dutiesOf(job.id),
      benchmarks: benchmarksOf(job.id),
      invitations: invitationsOf(job.id),
      bidsReceived: receivedOf(job.id).map(withThread),
    })),
    bidsMade: made.map(withThread),
    engagements,
  };
}
