import type { ComparedBid, CoverageSummary } from '@handoff/contracts';
import { BASIS_LABELS, hours, priceWithBasis } from '$lib/bid-format.ts';

/** A bid's price in the job's currency, and the same in US dollars and as bid when those differ. */
export function priceLines(bid: ComparedBid, jobCurrency: string) {
  const { bid: asBid, jobCurrency: inJob, usd } = bid.price;
  return {
    main: priceWithBasis(inJob.amount, inJob.currency, bid.priceBasis),
    usd: jobCurrency === 'USD' ? null : `≈ ${priceWithBasis(usd.amount, 'USD', bid.priceBasis)}`,
    asBid:
      asBid.currency === jobCurrency
        ? null
        : `Bid as ${priceWithBasis(asBid.amount, asBid.currency, bid.priceBasis)}`,
  };
}

/** "Hourly · about 40 hours". */
export function basisLine(bid: ComparedBid): string {
  const estimate = bid.estimatedHours === null ? null : `about ${hours(bid.estimatedHours)}`;
  return [BASIS_LABELS[bid.priceBasis], estimate].filter(Boolean).join(' · ');
}

/** "83% · 5 yes, 1 partly, 0 no": a bid's duty coverage, or its benchmark commitments. */
export function coverageLine(summary: CoverageSummary): string {
  const parts = [`${summary.yes} yes`, `${summary.partly} partly`, `${summary.no} no`];
  if (summary.unanswered) parts.push(`${summary.unanswered} not answered`);
  return `${summary.score}% · ${parts.join(', ')}`;
}

/** The bid's answer for one duty, or null when it has none (the duty came after the bid). */
export const answerFor = (bid: ComparedBid, dutyId: string) =>
  bid.coverage.find((c) => c.dutyId === dutyId) ?? null;

/** The bid's commitment to one benchmark, or null when it has none (the benchmark came after the bid). */
export const commitmentFor = (bid: ComparedBid, benchmarkId: string) =>
  bid.benchmarks.find((b) => b.benchmarkId === benchmarkId) ?? null;

/** The provider's verified reference score for one duty; no entry reads as no verified answers. */
export const referenceFor = (bid: ComparedBid, dutyId: string) =>
  bid.referenceScores.find((s) => s.dutyId === dutyId) ?? { dutyId, answers: 0, quality: null };
