import { z } from 'zod';
import { queryParams } from './query.ts';
import { CURRENCIES } from './iso-codes.ts';
import { MAX_BENCHMARKS } from './job-posts.ts';

// Bids: what a provider sends, and the query parameters of the bid lists. Rules that need the job
// (every duty and benchmark answered, the job open and visible, the package the provider's own) are
// checked in @handoff/core/bids, which names the fields the same way (coverage.2.dutyId,
// benchmarks.1.benchmarkId, packageId…).

export const BID_STATUSES = ['active', 'withdrawn', 'declined', 'accepted', 'not_selected'] as const;
export const bidStatus = z.enum(BID_STATUSES, { error: `Choose one of ${BID_STATUSES.join(', ')}` });
export type BidStatus = z.infer<typeof bidStatus>;

export const PRICE_BASES = ['hourly', 'monthly', 'fixed'] as const;
export const priceBasis = z.enum(PRICE_BASES, { error: 'Choose an hourly, monthly or fixed price' });
export type PriceBasis = z.infer<typeof priceBasis>;

export const COVERAGE_LEVELS = ['yes', 'partly', 'no'] as const;
export const coverageLevel = z.enum(COVERAGE_LEVELS, { error: 'Say yes, partly or no for each duty' });
export type CoverageLevel = z.infer<typeof coverageLevel>;

/** A bid's answer for a benchmark: does the provider commit to its target? */
export const commitmentLevel = z.enum(COVERAGE_LEVELS, {
  error: 'Say yes, partly or no for each benchmark',
});

export const COVER_NOTE_MAX = 5000;
export const COVERAGE_NOTE_MAX = 500;
export const DECLINE_REASON_MAX = 1000;

const isCalendarDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const bidDate = z
  .string({ error: 'Enter a date like 2027-01-15' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Enter a date like 2027-01-15' })
  .refine(isCalendarDate, { error: 'This date does not exist' });

const bidPrice = z
  .number({ error: 'Enter the price as a number' })
  .positive({ error: 'The price must be more than 0' })
  .max(1_000_000, { error: 'The price is at most 1,000,000' })
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: 'Use at most two decimals' })
  .transform((n) => Math.round(n * 100) / 100);

export const dutyCoverageInput = z.object({
  dutyId: z.uuid({ error: 'Not a duty of this job' }),
  coverage: coverageLevel,
  note: z
    .string({ error: 'Write the note as text' })
    .trim()
    .max(COVERAGE_NOTE_MAX, { error: `Use at most ${COVERAGE_NOTE_MAX} characters for a duty’s note` })
    .default(''),
});

export const benchmarkAnswerInput = z.object({
  benchmarkId: z.uuid({ error: 'Not a benchmark of this job' }),
  commitment: commitmentLevel,
  note: z
    .string({ error: 'Write the note as text' })
    .trim()
    .max(COVERAGE_NOTE_MAX, {
      error: `Use at most ${COVERAGE_NOTE_MAX} characters for a benchmark’s note`,
    })
    .default(''),
});

/** Each id of a list once: a second answer for the same duty or benchmark is refused by name. */
const listedOnce =
  <T>(id: (item: T) => string, key: string, what: string) =>
  (list: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(id(item)))
        ctx.addIssue({ code: 'custom', path: [i, key], message: `This ${what} is listed twice` });
      seen.add(id(item));
    });
  };

/** What a bid says; submitting and revising share it (a revision replaces every field). */
const bidFields = {
  price: bidPrice,
  priceBasis,
  currency: z.enum(CURRENCIES, { error: `Choose one of ${CURRENCIES.join(', ')}` }),
  estimatedHours: z
    .number({ error: 'Enter the estimated hours as a number' })
    .positive({ error: 'Estimated hours must be more than 0' })
    .max(10_000, { error: 'Estimated hours are at most 10,000' })
    .transform((n) => Math.round(n * 100) / 100)
    .nullable()
    .default(null),
  startDate: bidDate.nullable().default(null),
  durationWeeks: z
    .number({ error: 'Enter the duration in whole weeks' })
    .int({ error: 'Enter the duration in whole weeks' })
    .min(1, { error: 'The duration is at least 1 week' })
    .max(520, { error: 'The duration is at most 520 weeks (10 years)' })
    .nullable()
    .default(null),
  coverNote: z
    .string({ error: 'Write a cover note' })
    .trim()
    .min(1, { error: 'Write a cover note: tell the owner why you are a good fit' })
    .max(COVER_NOTE_MAX, { error: `Use at most ${COVER_NOTE_MAX} characters for the cover note` }),
  /** One of the bidding provider's packages; the bid keeps a copy of it as it is now. */
  packageId: z.uuid({ error: 'Choose one of your packages' }).nullable().default(null),
  /** How the bid covers each of the job's duties: every duty, once. */
  coverage: z
    .array(dutyCoverageInput, { error: 'Send the coverage as a list, one entry per duty' })
    .max(100, { error: 'A job has at most 100 duties' })
    .superRefine(listedOnce((c) => c.dutyId, 'dutyId', 'duty')),
  /**
   * Whether the bid commits to each of the job's benchmarks: every benchmark, once. Left out, it is
   * an empty list (enough for a job without benchmarks; otherwise core names the missing ones).
   */
  benchmarks: z
    .array(benchmarkAnswerInput, { error: 'Send the benchmark answers as a list, one per benchmark' })
    .max(MAX_BENCHMARKS, { error: `A job has at most ${MAX_BENCHMARKS} benchmarks` })
    .superRefine(listedOnce((b) => b.benchmarkId, 'benchmarkId', 'benchmark'))
    .default([]),
};

export const bidRevisionInput = z.object(bidFields);
export type BidRevisionInput = z.input<typeof bidRevisionInput>;
export type BidRevision = z.output<typeof bidRevisionInput>;

export const bidInput = z.object({
  ...bidFields,
  /** Needed only when the caller is a member of several provider profiles. */
  providerId: z.uuid({ error: 'Choose which of your provider profiles bids' }).optional(),
});
export type BidInput = z.input<typeof bidInput>;
export type BidSubmission = z.output<typeof bidInput>;

/** The body is optional: no body (or null) declines without a reason. */
export const declineBidBody = z
  .object({
    reason: z
      .string({ error: 'Write the reason as text' })
      .trim()
      .max(DECLINE_REASON_MAX, { error: `Use at most ${DECLINE_REASON_MAX} characters for the reason` })
      .optional(),
  })
  .nullish()
  .transform((body) => body ?? {});

export const bidIdParams = z.object({ id: z.uuid({ error: 'Not a bid id' }) });
export const jobPostBidsParams = z.object({ id: z.uuid({ error: 'Not a job id' }) });

const flag = (name: string) => z.stringbool({ error: `${name} must be true or false` }).default(false);

/** GET /bids: the caller's bids, for every provider profile they are a member of. */
export const myBidsQuery = queryParams({
  status: bidStatus.optional(),
  jobPostId: z.uuid({ error: 'Not a job id' }).optional(),
  /** Bids created before this moment (the `nextBefore` of the previous page). */
  before: z.iso.datetime({ error: 'before is a date-time like 2027-01-15T09:30:00.000Z' }).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be a whole number' })
    .min(1, { error: 'limit is at least 1' })
    .max(100, { error: 'limit is at most 100' })
    .default(50),
});
export type MyBidsQuery = z.output<typeof myBidsQuery>;

export const BID_SORTS = ['newest', 'price', 'coverage', 'rating'] as const;
export type BidSort = (typeof BID_SORTS)[number];

/** GET /job-posts/:id/bids: the owner's comparison, sorted and filtered by the api. */
export const compareBidsQuery = queryParams({
  /** price: lowest in US dollars first; coverage: best first; rating: best first; newest: latest first. */
  sort: z.enum(BID_SORTS, { error: `Sort by ${BID_SORTS.join(', ')}` }).default('newest'),
  /** Leave out declined and withdrawn bids. */
  hideInactive: flag('hideInactive'),
  /** Only bids that answer "yes" for every duty. */
  fullCoverage: flag('fullCoverage'),
  shortlisted: flag('shortlisted'),
  /** Archived bids are left out unless asked for. */
  includeArchived: flag('includeArchived'),
});
export type CompareBidsQuery = z.output<typeof compareBidsQuery>;
