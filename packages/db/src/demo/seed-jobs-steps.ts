import type { ProviderKind } from '@handoff/contracts';
import type { TxScope } from '@handoff/core';
import { firstDue } from '@handoff/core/reviews';
import {
  engagementStart,
  type BenchmarkAnswerWrite,
  type BidWrite,
  type DutyCoverageWrite,
} from '@handoff/core/bids';
import {
  fromTemplate,
  missingForPublish,
  resolveDraft,
  validateJobPost,
  type JobPostRecord,
  type JobPostWrite,
  type Prefill,
} from '@handoff/core/job-posts';
import { findFunction } from '@handoff/core/taxonomy';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from '../repositories/sql-helpers.ts';
import {
  BENCHMARK_NOTES,
  DEMO_INDUSTRY,
  DUTY_NOTES,
  FALLBACK_COMMITMENT_NOTES,
  FALLBACK_NOTES,
  type DemoBidPlan,
  type DemoJobPlan,
} from './job-texts.ts';

// The steps of seedDemoJobs: finding bidders, writing a job, a bid, a hire, each through the
// repositories of the caller's transaction.

export interface Bidder {
  id: string;
  name: string;
  kind: ProviderKind;
  authorId: string;
}

export const BIDDER_COLUMNS = sql`p.id, p.name, p.kind, m.user_id AS "authorId"`;
/** Candidates read for each job, to find a provider of each plan's kind among them. */
export const CANDIDATES = 40;

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Published providers offering the function, those serving the demo industry first; stable order. */
export function bidders(db: Db, functionSlug: string, ownerId: string, exclude: string[], limit: number) {
  return rowsOf<Bidder>(
    db,
    sql`SELECT ${BIDDER_COLUMNS} FROM providers p
      JOIN provider_functions pf ON pf.provider_id = p.id AND pf.function_slug = ${functionSlug}
      JOIN provider_members m ON m.provider_id = p.id AND m.role = 'owner'
      WHERE p.status = 'published' AND m.user_id <> ${ownerId}
        AND NOT (p.id = ANY(${sql.param(exclude)}::uuid[]))
      ORDER BY EXISTS (SELECT 1 FROM provider_industries pi
        WHERE pi.provider_id = p.id AND pi.industry_slug = ${DEMO_INDUSTRY}) DESC, p.slug
      LIMIT ${limit}`,
  );
}

/**
 * A bidder for each plan: the demo provider for its own, else the first candidate left of the plan's
 * kind (or of any kind). Without the demo provider's profile, a freelancer takes its part. Null when
 * the candidates run out.
 */
export function assign(
  plans: DemoBidPlan[],
  candidates: Bidder[],
  account: Bidder | undefined,
): Bidder[] | null {
  const left = [...candidates];
  const take = (kind: ProviderKind) => {
    const i = left.findIndex((c) => c.kind === kind);
    return left.splice(Math.max(i, 0), 1)[0];
  };
  const chosen: Bidder[] = [];
  for (const plan of plans) {
    const bidder = plan.who === 'account' ? (account ?? take('freelancer')) : take(plan.who);
    if (!bidder) return null;
    chosen.push(bidder);
  }
  return chosen;
}

/** The function's template under the plan's own fields, checked like an owner's write. */
export function jobWrite(plan: DemoJobPlan, extra: Prefill = {}): JobPostWrite {
  const fn = findFunction(plan.functionSlug);
  if (!fn) throw new Error(`demo jobs: there is no function “${plan.functionSlug}” in the taxonomy`);
  const write = resolveDraft({ ...fromTemplate(fn), ...plan.fields, ...extra }, {})!;
  validateJobPost(write, null);
  return write;
}

export async function createJob(
  scope: TxScope,
  ownerId: string,
  write: JobPostWrite,
  when: { createdAt: Date; publishedAt: Date | null },
): Promise<JobPostRecord> {
  const { id } = await scope.jobPosts.create(ownerId, write, when.createdAt);
  if (when.publishedAt) {
    const missing = missingForPublish(write, isoDay(when.publishedAt));
    if (missing.length) {
      throw new Error(`demo job “${write.title}” is incomplete: ${missing.map((m) => m.field).join(', ')}`);
    }
    await scope.jobPosts.transition(ownerId, id, 'draft', 'open', when.publishedAt);
  }
  return (await scope.jobPosts.findForOwner(ownerId, id))!;
}

/** One answer per duty and per benchmark of the job; the price from the plan's hourly figure. */
export async function placeBid(
  scope: TxScope,
  job: JobPostRecord,
  bidder: Bidder,
  plan: DemoBidPlan,
  now: Date,
) {
  const sentAt = new Date(job.publishedAt!.getTime() + plan.after);
  const weekly = plan.hourly * (job.hoursPerWeek ?? 5);
  const price =
    plan.basis === 'hourly'
      ? plan.hourly
      : plan.basis === 'monthly'
        ? Math.round((weekly * 52) / 12 / 10) * 10
        : Math.round((weekly * (job.durationWeeks ?? 4)) / 10) * 10;
  const write: BidWrite = {
    price,
    priceBasis: plan.basis,
    currency: job.currency,
    estimatedHours: plan.basis === 'hourly' ? job.hoursPerWeek : null,
    startDate: isoDay(new Date(now.getTime() + plan.startIn)),
    durationWeeks: plan.durationWeeks,
    coverNote: plan.coverNote,
    package: null,
    coverage: coverageFor(job, plan),
    benchmarks: commitmentsFor(job, plan),
  };
  const row = await scope.bids.insert({
    jobPostId: job.id,
    providerId: bidder.id,
    authorId: bidder.authorId,
    write,
    at: sentAt,
  });
  if (!row) throw new Error(`demo jobs: ${bidder.name} already bid on “${job.title}”`);
  return { id: row.id, sentAt };
}

const level = (letter: string | undefined) => (letter === 'p' ? 'partly' : letter === 'n' ? 'no' : 'yes');

function coverageFor(job: JobPostRecord, plan: DemoBidPlan): DutyCoverageWrite[] {
  return job.duties.map((duty, i) => {
    const coverage = level(plan.coverage[i]);
    const usual = DUTY_NOTES[job.functionSlug]?.[i] ?? FALLBACK_NOTES;
    const note = plan.notes?.[i] ?? (coverage === 'yes' ? '' : usual[coverage]);
    return { dutyId: duty.id, coverage, note };
  });
}

function commitmentsFor(job: JobPostRecord, plan: DemoBidPlan): BenchmarkAnswerWrite[] {
  return job.benchmarks.map((benchmark, i) => {
    const commitment = level(plan.commitments[i]);
    const usual = BENCHMARK_NOTES[job.functionSlug]?.[i] ?? FALLBACK_COMMITMENT_NOTES;
    const note = plan.commitmentNotes?.[i] ?? (commitment === 'yes' ? '' : usual[commitment]);
    return { benchmarkId: benchmark.id, commitment, note };
  });
}

/** Accepting a bid, as the engagement service does in its transaction, minus the notices. */
export async function hire(scope: TxScope, ownerId: string, jobPostId: string, bidId: string, at: Date) {
  const terms = await scope.bids.accept(ownerId, bidId, at);
  const plan = await scope.bids.jobPostPlan(ownerId, jobPostId);
  if (!terms || !plan) throw new Error('demo jobs: the filled job’s bid could not be accepted');
  await scope.bids.markJobPostFilled(ownerId, jobPostId, at);
  await scope.bids.markOthersNotSelected(ownerId, jobPostId, bidId, at);
  const startDate = engagementStart(terms.startDate, at);
  return scope.engagements.insert({
    jobPostId,
    bidId,
    ownerId,
    providerId: terms.providerId,
    price: terms.price,
    priceBasis: terms.priceBasis,
    currency: terms.currency,
    startDate,
    nextReviewDue: firstDue(startDate),
    plan,
    at,
  });
}
