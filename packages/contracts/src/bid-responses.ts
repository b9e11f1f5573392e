import { z } from 'zod';
import { bidStatus, coverageLevel, priceBasis } from './bids.ts';
import { providerKind } from './providers.ts';

// What the api says about bids. Allow-lists: a provider's view never carries the owner's own marks
// (shortlisted, archived), and no view ever carries another provider's bid.

const jobPostStatus = z.enum(['draft', 'open', 'closed', 'filled']);

const bidPackage = z.object({
  name: z.string(),
  price: z.number(),
  billing: priceBasis,
  duties: z.array(z.string()),
});

/** One duty of the job and how the bid covers it; null when the duty was added after the bid. */
const dutyCoverage = z.object({
  dutyId: z.uuid(),
  duty: z.string(),
  coverage: coverageLevel.nullable(),
  note: z.string(),
});

/**
 * One benchmark of the job and whether the bid commits to it; null when the benchmark was added
 * after the bid.
 */
const benchmarkAnswer = z.object({
  benchmarkId: z.uuid(),
  objective: z.string(),
  target: z.string(),
  cadence: z.string().nullable(),
  dueDate: z.string().nullable(),
  commitment: coverageLevel.nullable(),
  note: z.string(),
});

/** Sums up a bid's duty coverage, or (same shape) its benchmark commitments. */
export const coverageSummary = z.object({
  yes: z.number().int(),
  partly: z.number().int(),
  no: z.number().int(),
  /** Duties (benchmarks) the bid does not answer (added to the job after it was made). */
  unanswered: z.number().int(),
  /** 0–100: yes counts fully, partly half, over every duty (benchmark) of the job; 100 when it has none. */
  score: z.number().int(),
  /** Yes for every duty (benchmark). */
  full: z.boolean(),
});
export type CoverageSummary = z.infer<typeof coverageSummary>;

const bidFields = {
  id: z.uuid(),
  status: bidStatus,
  price: z.number(),
  priceBasis,
  currency: z.string(),
  estimatedHours: z.number().nullable(),
  startDate: z.string().nullable(),
  durationWeeks: z.number().int().nullable(),
  coverNote: z.string(),
  package: bidPackage.nullable(),
  coverage: z.array(dutyCoverage),
  coverageSummary,
  /** The job's benchmarks in order, with the bid's commitment to each. */
  benchmarks: z.array(benchmarkAnswer),
  benchmarkSummary: coverageSummary,
  /** Set when the owner declined with a reason. */
  declineReason: z.string().nullable(),
  revision: z.number().int(),
  jobPost: z.object({ id: z.uuid(), title: z.string(), status: jobPostStatus }),
  provider: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  /** Messages from the other side the caller has not read. */
  unreadMessages: z.number().int(),
  canRevise: z.boolean(),
  canWithdraw: z.boolean(),
  canMessage: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/** A member of the bidding provider's view. */
export const providerBidView = z.object({ viewer: z.literal('provider'), ...bidFields });

/** The job owner's view: their own marks, and what they can do with it. */
export const ownerBidView = z.object({
  viewer: z.literal('owner'),
  ...bidFields,
  shortlisted: z.boolean(),
  archived: z.boolean(),
  canAccept: z.boolean(),
  canDecline: z.boolean(),
});

/** GET /bids/:id answers each party with its own view, told apart by `viewer`. */
export const bidResponse = z.discriminatedUnion('viewer', [providerBidView, ownerBidView]);
export type BidView = z.infer<typeof bidResponse>;
export type OwnerBidView = z.infer<typeof ownerBidView>;
export type ProviderBidView = z.infer<typeof providerBidView>;

export const bidListItem = z.object({
  id: z.uuid(),
  status: bidStatus,
  price: z.number(),
  priceBasis,
  currency: z.string(),
  revision: z.number().int(),
  declineReason: z.string().nullable(),
  jobPost: z.object({ id: z.uuid(), title: z.string(), status: jobPostStatus }),
  provider: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  unreadMessages: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type BidListItem = z.infer<typeof bidListItem>;

export const myBidsResponse = z.object({
  bids: z.array(bidListItem),
  /** All the caller's bids by status, whatever the filter: the dashboard's tabs. */
  counts: z.record(bidStatus, z.number().int()),
  /** Pass as `before` for the next page; null on the last one. */
  nextBefore: z.iso.datetime().nullable(),
});

const money = z.object({ amount: z.number(), currency: z.string() });

/** One column of the comparison grid. */
export const comparedBid = z.object({
  id: z.uuid(),
  status: bidStatus,
  provider: z.object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    kind: providerKind.nullable(),
    logoUrl: z.string().nullable(),
    ratingAvg: z.number().nullable(),
    ratingCount: z.number().int(),
    verifiedReferenceCount: z.number().int(),
    industries: z.array(z.object({ slug: z.string(), name: z.string() })),
    /** Whether the job's industry is among them; null when the job names no industry. */
    servesJobIndustry: z.boolean().nullable(),
  }),
  priceBasis,
  /** As bid, then converted (see `conversion`). */
  price: z.object({ bid: money, jobCurrency: money, usd: money }),
  estimatedHours: z.number().nullable(),
  startDate: z.string().nullable(),
  durationWeeks: z.number().int().nullable(),
  coverNote: z.string(),
  package: bidPackage.nullable(),
  shortlisted: z.boolean(),
  archived: z.boolean(),
  declineReason: z.string().nullable(),
  revision: z.number().int(),
  /** In the job's duty order. */
  coverage: z.array(dutyCoverage.omit({ duty: true })),
  coverageSummary,
  /** In the job's benchmark order (the benchmarks themselves are the comparison's `benchmarks`). */
  benchmarks: z.array(benchmarkAnswer.pick({ benchmarkId: true, commitment: true, note: true })),
  benchmarkSummary: coverageSummary,
  /**
   * In the job's duty order: the provider's mean quality (1–5) from verified reference answers about
   * that duty, and how many; `answers: 0` and `quality: null` when none rated it.
   */
  referenceScores: z.array(
    z.object({ dutyId: z.uuid(), answers: z.number().int(), quality: z.number().nullable() }),
  ),
  unreadMessages: z.number().int(),
  canAccept: z.boolean(),
  canDecline: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ComparedBid = z.infer<typeof comparedBid>;

export const bidComparisonResponse = z.object({
  jobPost: z.object({
    id: z.uuid(),
    title: z.string(),
    status: jobPostStatus,
    currency: z.string(),
    industry: z.object({ slug: z.string(), name: z.string() }).nullable(),
    budgetBasis: priceBasis,
    budgetMin: z.number().nullable(),
    budgetMax: z.number().nullable(),
  }),
  /** The grid's rows. */
  duties: z.array(z.object({ id: z.uuid(), text: z.string() })),
  benchmarks: z.array(
    z.object({
      id: z.uuid(),
      objective: z.string(),
      target: z.string(),
      cadence: z.string().nullable(),
      dueDate: z.string().nullable(),
    }),
  ),
  conversion: z.object({
    approximate: z.literal(true),
    /** Said to the owner next to converted prices. */
    note: z.string(),
    ratesAsOf: z.string(),
  }),
  /** Every bid on the job by status, and how many are shortlisted or archived, before filtering. */
  counts: z.object({
    total: z.number().int(),
    byStatus: z.record(bidStatus, z.number().int()),
    shortlisted: z.number().int(),
    archived: z.number().int(),
  }),
  bids: z.array(comparedBid),
});
export type BidComparison = z.infer<typeof bidComparisonResponse>;
