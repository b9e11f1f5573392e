import { USD_PER_UNIT } from '@handoff/contracts';
import { describe, expect, it } from 'vitest';
import { commitmentsInOrder, compareBids, convert, coverageInOrder, summarize } from './comparison.ts';
import type { ComparisonBidRow, ComparisonJobPost } from './ports.ts';

const job: ComparisonJobPost = {
  id: 'job',
  title: 'Front desk',
  status: 'open',
  currency: 'EUR',
  industrySlug: 'real-estate',
  budgetBasis: 'monthly',
  budgetMin: null,
  budgetMax: null,
  duties: [
    { id: 'd1', text: 'Calls' },
    { id: 'd2', text: 'E-mail' },
  ],
  benchmarks: [
    { id: 'm1', objective: 'Calls answered live', target: '95%', cadence: 'Weekly', dueDate: null },
    { id: 'm2', objective: 'E-mail answered', target: 'Within 4 hours', cadence: 'Weekly', dueDate: null },
  ],
};

let n = 0;
function row(
  overrides: Partial<ComparisonBidRow> & { coverage?: ComparisonBidRow['coverage'] },
): ComparisonBidRow {
  n += 1;
  return {
    id: `bid-${n}`,
    status: 'active',
    price: 100,
    priceBasis: 'monthly',
    currency: 'USD',
    estimatedHours: null,
    startDate: null,
    durationWeeks: null,
    coverNote: '',
    package: null,
    shortlisted: false,
    archived: false,
    declineReason: null,
    revision: 0,
    createdAt: new Date(Date.UTC(2027, 0, n)),
    updatedAt: new Date(Date.UTC(2027, 0, n)),
    provider: {
      id: `p-${n}`,
      name: `Provider ${n}`,
      slug: `provider-${n}`,
      kind: 'firm',
      logoSha256: null,
      ratingAvg: null,
      ratingCount: 0,
      verifiedReferenceCount: 0,
      industries: [],
    },
    coverage: [
      { dutyId: 'd1', coverage: 'yes', note: '' },
      { dutyId: 'd2', coverage: 'yes', note: '' },
    ],
    benchmarks: [
      { benchmarkId: 'm1', commitment: 'yes', note: '' },
      { benchmarkId: 'm2', commitment: 'yes', note: '' },
    ],
    referenceScores: [],
    unreadMessages: 0,
    ...overrides,
  };
}

const defaults = {
  sort: 'newest',
  hideInactive: false,
  fullCoverage: false,
  shortlisted: false,
  includeArchived: false,
} as const;

describe('converting prices', () => {
  it('goes through US dollars at the reference rates, to the cent, and leaves same-currency prices alone', () => {
    expect(convert(1000, 'EUR', 'USD')).toBe(1080);
    expect(convert(1080, 'USD', 'EUR')).toBe(1000);
    expect(convert(50000, 'PHP', 'GBP')).toBe(
      Math.round((50000 * USD_PER_UNIT.PHP * 100) / USD_PER_UNIT.GBP) / 100,
    );
    expect(convert(12.345, 'USD', 'USD')).toBe(12.345);
  });
});

describe('coverage', () => {
  it('lays answers out in the job’s duty order; a duty added after the bid is unanswered', () => {
    const answers = [{ dutyId: 'd2', coverage: 'no' as const, note: 'n' }];
    expect(coverageInOrder(job.duties, answers)).toEqual([
      { dutyId: 'd1', coverage: null, note: '' },
      { dutyId: 'd2', coverage: 'no', note: 'n' },
    ]);
  });

  it('lays benchmark commitments out in the job’s order; one added after the bid is unanswered', () => {
    const answers = [{ benchmarkId: 'm2', commitment: 'partly' as const, note: 'Within 24 hours' }];
    expect(commitmentsInOrder(job.benchmarks, answers)).toEqual([
      { benchmarkId: 'm1', commitment: null, note: '' },
      { benchmarkId: 'm2', commitment: 'partly', note: 'Within 24 hours' },
    ]);
  });

  it('scores yes fully and partly half over every duty; full means yes to all', () => {
    const s = (levels: ('yes' | 'partly' | 'no' | null)[]) =>
      summarize(levels.map((coverage) => ({ coverage })));
    expect(s(['yes', 'partly', 'no', null])).toEqual({
      yes: 1,
      partly: 1,
      no: 1,
      unanswered: 1,
      score: 38,
      full: false,
    });
    expect(s(['yes', 'yes'])).toMatchObject({ score: 100, full: true });
    expect(s([])).toMatchObject({ score: 100, full: true });
  });
});

describe('the comparison', () => {
  const cheapEuro = row({ price: 900, currency: 'EUR' }); // 972 USD
  const partial = row({ price: 500, coverage: [{ dutyId: 'd1', coverage: 'partly', note: '' }] });
  const rated = row({ price: 2000, provider: { ...row({}).provider, ratingAvg: 4.8, ratingCount: 12 } });
  const declined = row({ status: 'declined', price: 100 });
  const archived = row({ archived: true, shortlisted: true });
  const rows = [cheapEuro, partial, rated, declined, archived];
  const ids = (query: Partial<typeof defaults> | Record<string, unknown>) =>
    compareBids(job, rows, { ...defaults, ...query }).bids.map((b) => b.id);

  it('converts each price to the job’s currency and to US dollars', () => {
    const [b] = compareBids(job, [cheapEuro], defaults).bids;
    expect(b!.prices).toEqual({ bid: 900, jobCurrency: 900, usd: 972 });
  });

  it('sorts by price in dollars, coverage, rating or newest, and leaves archived bids out by default', () => {
    expect(ids({ sort: 'newest' })).toEqual([declined.id, rated.id, partial.id, cheapEuro.id]);
    expect(ids({ sort: 'price' })).toEqual([declined.id, partial.id, cheapEuro.id, rated.id]);
    expect(ids({ sort: 'coverage' })).toEqual([declined.id, cheapEuro.id, rated.id, partial.id]);
    expect(ids({ sort: 'rating' })[0]).toBe(rated.id);
  });

  it('sums up each bid’s commitments; sorting by coverage puts duties first, then benchmarks', () => {
    const hedged = row({
      price: 50,
      benchmarks: [
        { benchmarkId: 'm1', commitment: 'partly', note: 'Within 24 h, not 4 h' },
        { benchmarkId: 'm2', commitment: 'no', note: '' },
      ],
    });
    const committed = row({ price: 60 });
    const thin = row({ price: 40, coverage: [{ dutyId: 'd1', coverage: 'yes', note: '' }] });
    const { bids } = compareBids(job, [hedged, committed, thin], { ...defaults, sort: 'coverage' });
    expect(bids.map((b) => b.id)).toEqual([committed.id, hedged.id, thin.id]);
    expect(bids[1]!.benchmarks).toEqual([
      { benchmarkId: 'm1', commitment: 'partly', note: 'Within 24 h, not 4 h' },
      { benchmarkId: 'm2', commitment: 'no', note: '' },
    ]);
    expect(bids[1]!.benchmarkSummary).toEqual({
      yes: 0,
      partly: 1,
      no: 1,
      unanswered: 0,
      score: 25,
      full: false,
    });
    // Full coverage is about the duties: a bid hedging on benchmarks still covers every duty.
    const full = compareBids(job, [hedged, thin], { ...defaults, fullCoverage: true }).bids;
    expect(full.map((b) => b.id)).toEqual([hedged.id]);
  });

  it('filters: inactive hidden, full coverage only, shortlisted only, archived included', () => {
    expect(ids({ hideInactive: true })).not.toContain(declined.id);
    expect(ids({ fullCoverage: true })).not.toContain(partial.id);
    expect(ids({ shortlisted: true })).toEqual([]);
    expect(ids({ shortlisted: true, includeArchived: true })).toEqual([archived.id]);
  });

  it('counts every bid whatever the filters, and says what the owner can do with each', () => {
    const { counts, bids } = compareBids(job, rows, { ...defaults, hideInactive: true });
    expect(counts).toEqual({
      total: 5,
      byStatus: { active: 4, withdrawn: 0, declined: 1, accepted: 0, not_selected: 0 },
      shortlisted: 1,
      archived: 1,
    });
    expect(bids.every((b) => b.canAccept && b.canDecline)).toBe(true);
    const filled = compareBids({ ...job, status: 'filled' }, [cheapEuro], defaults).bids[0]!;
    expect(filled.canAccept).toBe(false);
  });
});

describe('reference scores in the grid', () => {
  it('lays them out in the job’s duty order, with no score where no verified answer rated the duty', () => {
    const { bids } = compareBids(
      job,
      [row({ referenceScores: [{ dutyId: 'd2', answers: 2, quality: 4.5 }] })],
      defaults,
    );
    expect(bids[0]!.referenceScores).toEqual([
      { dutyId: 'd1', answers: 0, quality: null },
      { dutyId: 'd2', answers: 2, quality: 4.5 },
    ]);
  });
});
