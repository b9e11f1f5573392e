import { BID_STATUSES, FX_REFERENCE_DATE, type BidStatus } from '@handoff/contracts';
import {
  CONVERSION_NOTE,
  type BidComparisonResult,
  type BidDetail,
  type BidListRecord,
  type ComparedBidRecord,
} from '@handoff/core/bids';
import { findIndustry } from '@handoff/core/taxonomy';
import { logoUrl } from '../providers/provider-views.ts';

// Records → response bodies. The response schemas are the allow-lists; these only shape and name.

const iso = (d: Date) => d.toISOString();
const industry = (slug: string) => ({ slug, name: findIndustry(slug)?.name ?? slug });

const bidFields = (b: BidDetail) => ({
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
  coverage: b.coverage,
  coverageSummary: b.coverageSummary,
  benchmarks: b.benchmarks,
  benchmarkSummary: b.benchmarkSummary,
  declineReason: b.declineReason,
  revision: b.revision,
  jobPost: { id: b.jobPost.id, title: b.jobPost.title, status: b.jobPost.status },
  provider: b.provider,
  unreadMessages: b.unreadMessages,
  canRevise: b.canRevise,
  canWithdraw: b.canWithdraw,
  canMessage: b.canMessage,
  createdAt: iso(b.createdAt),
  updatedAt: iso(b.updatedAt),
});

/** Each party's own view; the provider's never carries the owner's marks. */
export const bidView = (b: BidDetail) =>
  b.side === 'owner'
    ? {
        viewer: 'owner' as const,
        ...bidFields(b),
        shortlisted: b.shortlisted,
        archived: b.archived,
        canAccept: b.canAccept,
        canDecline: b.canDecline,
      }
    : { viewer: 'provider' as const, ...bidFields(b) };

export const bidListItemView = (b: BidListRecord) => ({
  ...b,
  createdAt: iso(b.createdAt),
  updatedAt: iso(b.updatedAt),
});

/** Every status present, zero when the caller has none. */
export const statusCounts = (counts: Partial<Record<BidStatus, number>>) =>
  Object.fromEntries(BID_STATUSES.map((s) => [s, counts[s] ?? 0])) as Record<BidStatus, number>;

function comparedView(b: ComparedBidRecord, jobCurrency: string, jobIndustry: string | null) {
  const p = b.provider;
  return {
    id: b.id,
    status: b.status,
    provider: {
      id: p.id,
      name: p.name,
      slug: p.slug,
      kind: p.kind,
      logoUrl: p.logoSha256 ? logoUrl(p.id, p.logoSha256) : null,
      ratingAvg: p.ratingAvg,
      ratingCount: p.ratingCount,
      verifiedReferenceCount: p.verifiedReferenceCount,
      industries: p.industries.map(industry),
      servesJobIndustry: jobIndustry === null ? null : p.industries.includes(jobIndustry),
    },
    priceBasis: b.priceBasis,
    price: {
      bid: { amount: b.prices.bid, currency: b.currency },
      jobCurrency: { amount: b.prices.jobCurrency, currency: jobCurrency },
      usd: { amount: b.prices.usd, currency: 'USD' },
    },
    estimatedHours: b.estimatedHours,
    startDate: b.startDate,
    durationWeeks: b.durationWeeks,
    coverNote: b.coverNote,
    package: b.package,
    shortlisted: b.shortlisted,
    archived: b.archived,
    declineReason: b.declineReason,
    revision: b.revision,
    coverage: b.coverage,
    coverageSummary: b.coverageSummary,
    benchmarks: b.benchmarks,
    benchmarkSummary: b.benchmarkSummary,
    referenceScores: b.referenceScores,
    unreadMessages: b.unreadMessages,
    canAccept: b.canAccept,
    canDecline: b.canDecline,
    createdAt: iso(b.createdAt),
    updatedAt: iso(b.updatedAt),
  };
}

export function comparisonView({ jobPost: job, counts, bids }: BidComparisonResult) {
  return {
    jobPost: {
      id: job.id,
      title: job.title,
      status: job.status,
      currency: job.currency,
      industry: job.industrySlug ? industry(job.industrySlug) : null,
      budgetBasis: job.budgetBasis,
      budgetMin: job.budgetMin,
      budgetMax: job.budgetMax,
    },
    duties: job.duties,
    benchmarks: job.benchmarks,
    conversion: { approximate: true as const, note: CONVERSION_NOTE, ratesAsOf: FX_REFERENCE_DATE },
    counts,
    bids: bids.map((b) => comparedView(b, job.currency, job.industrySlug)),
  };
}
