import type { BidStatus, CoverageLevel, PriceBasis } from '@handoff/contracts';
import { money } from './provider-format.ts';

// How jobs, bids and engagements read on a page: the API sends codes and numbers, people see words
// and prices with their currency. Shared by the feed, the bid pages, the comparison grid and the
// engagement pages, so a status or a price reads the same everywhere.

export const BID_STATUS_LABELS: Record<BidStatus, string> = {
  active: 'Active',
  withdrawn: 'Withdrawn',
  declined: 'Declined',
  accepted: 'Accepted',
  not_selected: 'Not selected',
};

/** The badge class for a bid's status: hired is good news, declined bad, the rest neutral. */
export function bidStatusBadge(status: BidStatus): string {
  if (status === 'active') return 'badge badge-accent';
  if (status === 'accepted') return 'badge badge-success';
  if (status === 'declined') return 'badge badge-danger';
  return 'badge';
}

export const JOB_STATUS_LABELS = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
  filled: 'Filled',
} as const;

export const COVERAGE_LABELS: Record<CoverageLevel, string> = {
  yes: 'Covered',
  partly: 'Partly',
  no: 'Not covered',
};

/** A bid's answer for a benchmark: does it commit to the target? */
export const COMMITMENT_LABELS: Record<CoverageLevel, string> = {
  yes: 'Commits',
  partly: 'Partly',
  no: 'Can’t commit',
};

export const BASIS_LABELS: Record<PriceBasis, string> = {
  hourly: 'Hourly',
  monthly: 'Monthly',
  fixed: 'Fixed price',
};

const SUFFIX: Record<PriceBasis, string> = { hourly: '/h', monthly: '/month', fixed: ' fixed' };

export const ENGAGEMENT_TYPE_LABELS = {
  freelancer: 'Freelancer',
  virtual_assistant: 'Virtual assistant',
  firm: 'Firm',
  any: 'Any kind of provider',
} as const;

export const WORK_LOCATION_LABELS = { remote: 'Remote', on_site: 'On site', hybrid: 'Hybrid' } as const;

/** "$45/h", "$1,200/month", "$3,000 fixed". */
export function priceWithBasis(amount: number, currency: string, basis: PriceBasis): string {
  return `${money(amount, currency)}${SUFFIX[basis]}`;
}

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "$25–50/h", "$1,200/month" when both ends agree, "up to $50/h", or null without a budget. */
export function budgetRange(
  min: number | null,
  max: number | null,
  currency: string,
  basis: PriceBasis,
): string | null {
  if (min === null && max === null) return null;
  if (min === null) return `up to ${priceWithBasis(max!, currency, basis)}`;
  if (max === null) return `from ${priceWithBasis(min, currency, basis)}`;
  if (min === max) return priceWithBasis(min, currency, basis);
  return `${money(min, currency)}–${plain.format(max)}${SUFFIX[basis]}`;
}

const dayFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** "2027-01-15" → "Jan 15, 2027" (a calendar date, so read in UTC: the same everywhere). */
export function dateLabel(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dayFormat.format(date);
}

/** How often a benchmark is measured, or by when: "Monthly", "by Jan 15, 2027". */
/**
 * A bid's answers counted in one line: "3 covered · 1 partly · 1 not answered" (the zero counts left
 * out, except the first). `yes` and `no` name the answers ("covered" / "not covered").
 */
export function answerCounts(
  summary: { yes: number; partly: number; no: number; unanswered: number },
  words: { yes: string; no: string },
): string {
  return [
    `${summary.yes} ${words.yes}`,
    summary.partly ? `${summary.partly} partly` : null,
    summary.no ? `${summary.no} ${words.no}` : null,
    summary.unanswered ? `${summary.unanswered} not answered` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function benchmarkWhen(b: { cadence: string | null; dueDate: string | null }): string | null {
  return b.cadence ?? (b.dueDate ? `by ${dateLabel(b.dueDate)}` : null);
}

export const weeks = (n: number) => `${n} ${n === 1 ? 'week' : 'weeks'}`;

/** "From Jan 15, 2027 · 12 weeks", or null when the bid says neither. */
export function timeline(startDate: string | null, durationWeeks: number | null): string | null {
  const parts = [
    startDate ? `From ${dateLabel(startDate)}` : null,
    durationWeeks ? weeks(durationWeeks) : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/** "12 hours" with the unit, for estimated hours and hours a week. */
export const hours = (n: number) => `${plain.format(n)} ${n === 1 ? 'hour' : 'hours'}`;
