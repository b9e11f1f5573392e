import type { ComparisonBidRow, ComparisonJobPost } from '@handoff/core/bids';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bidReferenceScores } from './bid-reference-scores.ts';
import { rowsOf } from './sql-helpers.ts';
import {
  bidBenchmarkAnswers,
  bidDutyCoverage,
  bidMessages,
  bids as b,
  bidThreadReads,
  jobPostBenchmarks,
  jobPostDuties,
  jobPosts as j,
  providerIndustries,
  providerLogos,
  providers as p,
} from '../schema/index.ts';

/**
 * In a query over `bids` joined to `job_posts`: the messages of the bid's thread from the other
 * side that `userId` has not read. The owner's side is the job's owner; every other author is the
 * provider's (a job's owner can never be a member of a provider bidding on it).
 */
export const unreadForViewer = (userId: string) =>
  sql<number>`(
    select count(*) from ${bidMessages} m
    where m.bid_id = ${b.id}
      and (m.author_id = ${j.ownerId}) = (${j.ownerId} <> ${userId})
      and m.created_at > coalesce(
        (select r.read_at from ${bidThreadReads} r where r.bid_id = ${b.id} and r.user_id = ${userId}),
        '-infinity'::timestamptz
      )
  )`.mapWith(Number);

/**
 * The owner's comparison in three statements whatever the number of bids: the job with its duties
 * and benchmarks, every bid with its provider, industries, coverage, benchmark answers and unread
 * count (each a subquery on an index keyed by the bid or the provider), and the providers' verified
 * reference scores per duty. All are keyed by the owner.
 */
export async function bidComparison(
  db: Db,
  ownerId: string,
  jobPostId: string,
): Promise<{ jobPost: ComparisonJobPost; bids: ComparisonBidRow[] } | null> {
  // Outer columns are spelled out in the subqueries: drizzle leaves a one-table select's columns
  // unqualified, and an unqualified "id" there would mean the subquery's own.
  const [jobRows, bidRows, scores] = await Promise.all([
    db
      .select({
        id: j.id,
        title: j.title,
        status: j.status,
        currency: j.currency,
        industrySlug: j.industrySlug,
        budgetBasis: j.budgetBasis,
        budgetMin: j.budgetMin,
        budgetMax: j.budgetMax,
        duties: sql<ComparisonJobPost['duties']>`coalesce((
          select json_agg(json_build_object('id', d.id, 'text', d.text) order by d.position, d.id)
          from ${jobPostDuties} d where d.job_post_id = job_posts.id
        ), '[]'::json)`,
        benchmarks: sql<ComparisonJobPost['benchmarks']>`coalesce((
          select json_agg(json_build_object(
            'id', x.id, 'objective', x.objective, 'target', x.target, 'cadence', x.cadence, 'dueDate', x.due_date
          ) order by x.position, x.id)
          from ${jobPostBenchmarks} x where x.job_post_id = job_posts.id
        ), '[]'::json)`,
      })
      .from(j)
      .where(and(eq(j.id, jobPostId), eq(j.ownerId, ownerId))),
    db
      .select({
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
        shortlisted: b.shortlisted,
        archived: b.archived,
        declineReason: b.declineReason,
        revision: b.revision,
        createdAt: b.createdAt,
        updatedAt: b.updatedAt,
        providerId: p.id,
        providerName: p.name,
        providerSlug: p.slug,
        providerKind: p.kind,
        ratingAvg: p.ratingAvg,
        ratingCount: p.ratingCount,
        verifiedReferenceCount: p.verifiedReferenceCount,
        logoSha256: providerLogos.sha256,
        industries: sql<string[]>`array(
          select pi.industry_slug from ${providerIndustries} pi
          where pi.provider_id = ${p.id} order by pi.position
        )`,
        coverage: sql<ComparisonBidRow['coverage']>`coalesce((
          select json_agg(json_build_object('dutyId', c.duty_id, 'coverage', c.coverage, 'note', c.note))
          from ${bidDutyCoverage} c where c.bid_id = ${b.id}
        ), '[]'::json)`,
        benchmarks: sql<ComparisonBidRow['benchmarks']>`coalesce((
          select json_agg(json_build_object('benchmarkId', a.benchmark_id, 'commitment', a.commitment, 'note', a.note))
          from ${bidBenchmarkAnswers} a where a.bid_id = ${b.id}
        ), '[]'::json)`,
        unreadMessages: unreadForViewer(ownerId),
      })
      .from(b)
      .innerJoin(j, and(eq(j.id, b.jobPostId), eq(j.ownerId, ownerId)))
      .innerJoin(p, eq(p.id, b.providerId))
      .leftJoin(providerLogos, eq(providerLogos.providerId, p.id))
      .where(eq(b.jobPostId, jobPostId)),
    bidReferenceScores(db, ownerId, jobPostId),
  ]);
  const [jobPost] = jobRows;
  if (!jobPost) return null;
  return {
    jobPost,
    bids: bidRows.map((r) => ({
      id: r.id,
      status: r.status,
      price: r.price,
      priceBasis: r.priceBasis,
      currency: r.currency,
      estimatedHours: r.estimatedHours,
      startDate: r.startDate,
      durationWeeks: r.durationWeeks,
      coverNote: r.coverNote,
      package: r.package,
      shortlisted: r.shortlisted,
      archived: r.archived,
      declineReason: r.declineReason,
      revision: r.revision,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      provider: {
        id: r.providerId,
        name: r.providerName,
        slug: r.providerSlug,
        kind: r.providerKind,
        logoSha256: r.logoSha256,
        ratingAvg: r.ratingAvg,
        ratingCount: r.ratingCount,
        verifiedReferenceCount: r.verifiedReferenceCount,
        industries: r.industries,
      },
      coverage: r.coverage,
      benchmarks: r.benchmarks,
      referenceScores: scores.filter((s) => s.bidId === r.id).map(({ bidId: _, ...s }) => s),
      unreadMessages: r.unreadMessages,
    })),
  };
}

/**
 * A stamp of everything the owner's comparison of a job shows, in one cheap statement: it changes
 * whenever any of it changes, and is null when the job is not the owner's. Built from row versions
 * (`xmin`, which every insert and update of a row renews, whoever wrote it) of the job, its duties
 * and benchmarks, its bids and their providers and the owner's read marks, and the count of the
 * bids' messages (never edited: a new one changes the count), and the row versions of the bidding
 * providers' reference answers (an operator clearing a held answer updates its row). What it relies on, kept by the
 * repositories: a bid's coverage and benchmark answers are written only together with its row
 * (insert or revision), and a provider's industries and logo only together with the provider row.
 * Read it before the comparison: data newer than its stamp can only cause an extra recomputation.
 */
export async function bidComparisonStamp(db: Db, ownerId: string, jobPostId: string): Promise<string | null> {
  const [row] = await rowsOf<{ stamp: string }>(
    db,
    sql`SELECT md5(concat_ws('|', j.xmin::text,
        (SELECT string_agg(d.xmin::text, ',' ORDER BY d.id) FROM ${jobPostDuties} d WHERE d.job_post_id = j.id),
        (SELECT string_agg(x.xmin::text, ',' ORDER BY x.id) FROM ${jobPostBenchmarks} x WHERE x.job_post_id = j.id),
        (SELECT string_agg(b.xmin::text || ':' || p.xmin::text, ',' ORDER BY b.id)
          FROM ${b} b JOIN ${p} p ON p.id = b.provider_id WHERE b.job_post_id = j.id),
        (SELECT count(*) || '/' || coalesce(max(m.xmin::text::bigint), 0)
          FROM ${bidMessages} m JOIN ${b} b ON b.id = m.bid_id WHERE b.job_post_id = j.id),
        (SELECT count(*) || '/' || coalesce(max(r.xmin::text::bigint), 0)
          FROM reference_responses r JOIN ${b} b ON b.provider_id = r.provider_id WHERE b.job_post_id = j.id),
        (SELECT string_agg(r.xmin::text, ',' ORDER BY r.bid_id)
          FROM ${bidThreadReads} r JOIN ${b} b ON b.id = r.bid_id WHERE b.job_post_id = j.id AND r.user_id = j.owner_id)
      )) AS stamp
      FROM ${j} j WHERE j.id = ${jobPostId} AND j.owner_id = ${ownerId}`,
  );
  return row?.stamp ?? null;
}
