import {
  BID_STATUSES,
  FX_REFERENCE_DATE,
  USD_PER_UNIT,
  type BidStatus,
  type CompareBidsQuery,
  type CoverageLevel,
  type CoverageSummary,
  type Currency,
} from '@handoff/contracts';
import type { ComparisonBidRow, ComparisonJobPost } from './ports.ts';
import { capabilities, type BidCapabilities } from './rules.ts';

// The owner's comparison grid, computed from one read of the job and its bids: prices converted,
// coverage and benchmark commitments laid out in the job's order and summed up, then filtered and
// sorted as asked.

export const CONVERSION_NOTE =
  `Converted prices are approximate: reference rates as of ${FX_REFERENCE_DATE}, not live. ` +
  'The provider is paid the price in the currency they bid.';

const rate = (currency: string) => USD_PER_UNIT[currency as Currency] ?? 1;
const cents = (n: number) => Math.round(n * 100) / 100;

/** An amount from one currency to another through US dollars, to the cent. */
export function convert(amount: number, from: string, to: string): number {
  return from === to ? amount : cents((amount * rate(from)) / rate(to));
}

type Answer = { dutyId: string; coverage: CoverageLevel | null; note: string };

/** The bid's answers in the job's duty order; a duty added after the bid has none. */
export function coverageInOrder(
  duties: { id: string }[],
  answers: { dutyId: string; coverage: CoverageLevel; note: string }[],
): Answer[] {
  const byDuty = new Map(answers.map((a) => [a.dutyId, a]));
  return duties.map((d) => {
    const a = byDuty.get(d.id);
    return { dutyId: d.id, coverage: a?.coverage ?? null, note: a?.note ?? '' };
  });
}

type ReferenceScore = { dutyId: string; answers: number; quality: number | null };

/** Reference scores in the job's duty order: no verified answer is 0 answers, never a guessed score. */
export function referenceScoresInOrder(duties: { id: string }[], scores: ReferenceScore[]): ReferenceScore[] {
  const byDuty = new Map(scores.map((s) => [s.dutyId, s]));
  return duties.map((d) => byDuty.get(d.id) ?? { dutyId: d.id, answers: 0, quality: null });
}

type Commitment = { benchmarkId: string; commitment: CoverageLevel | null; note: string };

/** The bid's benchmark answers in the job's order; a benchmark added after the bid has none. */
export function commitmentsInOrder(
  benchmarks: { id: string }[],
  answers: { benchmarkId: string; commitment: CoverageLevel; note: string }[],
): Commitment[] {
  const byBenchmark = new Map(answers.map((a) => [a.benchmarkId, a]));
  return benchmarks.map((b) => {
    const a = byBenchmark.get(b.id);
    return { benchmarkId: b.id, commitment: a?.commitment ?? null, note: a?.note ?? '' };
  });
}

/** Yes counts fully and partly half, over every duty of the job (a job without duties scores 100). */
export function summarize(answers: { coverage: CoverageLevel | null }[]): CoverageSummary {
  const count = (level: CoverageLevel | null) => answers.filter((a) => a.coverage === level).length;
  const yes = count('yes');
  const partly = count('partly');
  const total = answers.length;
  return {
    yes,
    partly,
    no: count('no'),
    unanswered: count(null),
    score: total === 0 ? 100 : Math.round(((yes + partly / 2) / total) * 100),
    full: yes === total,
  };
}

/** The same sum over benchmark commitments: yes commits fully, partly half. */
export const summarizeCommitments = (answers: { commitment: CoverageLevel | null }[]): CoverageSummary =>
  summarize(answers.map((a) => ({ coverage: a.commitment })));

export interface ComparedBidRecord
  extends Omit<ComparisonBidRow, 'coverage' | 'benchmarks' | 'referenceScores'>, BidCapabilities {
  prices: { bid: number; jobCurrency: number; usd: number };
  coverage: Answer[];
  coverageSummary: CoverageSummary;
  benchmarks: Commitment[];
  benchmarkSummary: CoverageSummary;
  referenceScores: ReferenceScore[];
}

export interface ComparisonCounts {
  total: number;
  byStatus: Record<BidStatus, number>;
  shortlisted: number;
  archived: number;
}

const INACTIVE: readonly BidStatus[] = ['declined', 'withdrawn'];

const byNewest = (a: ComparedBidRecord, b: ComparedBidRecord) =>
  b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id);
const byPrice = (a: ComparedBidRecord, b: ComparedBidRecord) => a.prices.usd - b.prices.usd;
// Duties first: they are what the price buys. Between bids covering the duties alike, the one
// committing to more of the benchmarks comes first.
const byCoverage = (a: ComparedBidRecord, b: ComparedBidRecord) =>
  b.coverageSummary.score - a.coverageSummary.score ||
  b.coverageSummary.yes - a.coverageSummary.yes ||
  b.benchmarkSummary.score - a.benchmarkSummary.score ||
  b.benchmarkSummary.yes - a.benchmarkSummary.yes;
const byRating = (a: ComparedBidRecord, b: ComparedBidRecord) =>
  (b.provider.ratingAvg ?? -1) - (a.provider.ratingAvg ?? -1) ||
  b.provider.ratingCount - a.provider.ratingCount;

/** Each sort, then the next criteria to break its ties; newest last so the order is stable. */
const ORDER: Record<CompareBidsQuery['sort'], ((a: ComparedBidRecord, b: ComparedBidRecord) => number)[]> = {
  newest: [byNewest],
  // Prices on different bases (hourly, monthly, fixed) are compared as numbers: the grid says the basis.
  price: [byPrice, byCoverage, byNewest],
  coverage: [byCoverage, byPrice, byNewest],
  rating: [byRating, byCoverage, byPrice, byNewest],
};

export function compareBids(
  job: ComparisonJobPost,
  rows: ComparisonBidRow[],
  query: CompareBidsQuery,
): { bids: ComparedBidRecord[]; counts: ComparisonCounts } {
  const byStatus = Object.fromEntries(BID_STATUSES.map((s) => [s, 0])) as Record<BidStatus, number>;
  for (const row of rows) byStatus[row.status] += 1;
  const counts = {
    total: rows.length,
    byStatus,
    shortlisted: rows.filter((r) => r.shortlisted).length,
    archived: rows.filter((r) => r.archived).length,
  };

  const bids = rows.map((row): ComparedBidRecord => {
    const coverage = coverageInOrder(job.duties, row.coverage);
    const benchmarks = commitmentsInOrder(job.benchmarks, row.benchmarks);
    return {
      ...row,
      ...capabilities('owner', row.status, job.status),
      prices: {
        bid: row.price,
        jobCurrency: convert(row.price, row.currency, job.currency),
        usd: convert(row.price, row.currency, 'USD'),
      },
      coverage,
      coverageSummary: summarize(coverage),
      benchmarks,
      benchmarkSummary: summarizeCommitments(benchmarks),
      referenceScores: referenceScoresInOrder(job.duties, row.referenceScores),
    };
  });

  const shown = bids.filter(
    (b) =>
      (query.includeArchived || !b.archived) &&
      (!query.hideInactive || !INACTIVE.includes(b.status)) &&
      (!query.fullCoverage || b.coverageSummary.full) &&
      (!query.shortlisted || b.shortlisted),
  );
  const order = ORDER[query.sort];
  shown.sort((a, b) => {
    for (const compare of order) {
      const d = compare(a, b);
      if (d !== 0) return d;
    }
    return 0;
  });
  return { bids: shown, counts };
}
