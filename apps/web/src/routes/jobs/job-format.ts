import type { BudgetBasis, JobPostStatus } from '@handoff/contracts';
import { money } from '$lib/provider-format.ts';

// How a job's facts read on the owner's pages and the public job page. The API sends codes and
// numbers; people see words and money with its currency.

export const STATUS_LABELS: Record<JobPostStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
  filled: 'Filled',
};

export const BASIS_LABELS: Record<BudgetBasis, string> = {
  hourly: 'Hourly',
  monthly: 'Monthly',
  fixed: 'Fixed price',
};

const BASIS_UNITS: Record<BudgetBasis, string> = { hourly: '/h', monthly: '/mo', fixed: ' fixed' };

export const ENGAGEMENT_LABELS = {
  any: 'Any kind of provider',
  freelancer: 'Freelancer',
  virtual_assistant: 'Virtual assistant',
  firm: 'Firm',
} as const;

export const LOCATION_LABELS = { remote: 'Remote', on_site: 'On site', hybrid: 'Hybrid' } as const;

export const VISIBILITY_LABELS = {
  public: 'Public: any provider can find it and bid',
  invite_only: 'Invite only: only providers you invite see it',
} as const;

const plainFormats = new Map<number, Intl.NumberFormat>();
/** A number as the second half of a range: "50", "1,200", "87.50". */
function plain(amount: number): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  let format = plainFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: 2 });
    plainFormats.set(digits, format);
  }
  return format.format(amount);
}

/** "$25–50", "$1,200", "€900–1,100"; `null` when neither end is known. */
export function moneyRange(min: number | null, max: number | null, currency: string): string | null {
  if (min === null && max === null) return null;
  if (min === null || max === null || min === max) return money((min ?? max)!, currency);
  return `${money(min, currency)}–${plain(max)}`;
}

/** Whole amounts for weekly and yearly figures: "$1,026", "$42,933–48,133". */
export function wholeRange(range: { min: number; max: number }, currency: string): string {
  return moneyRange(Math.round(range.min), Math.round(range.max), currency)!;
}

export const whole = (amount: number, currency: string): string => money(Math.round(amount), currency);

interface Budget {
  budgetBasis: BudgetBasis;
  budgetMin: number | null;
  budgetMax: number | null;
  currency: string;
  budgetMinUsd?: number | null;
  budgetMaxUsd?: number | null;
}

/** "$25–50/h", "$1,200/mo", "$5,000 fixed"; `null` without a budget. */
export function budgetLabel(job: Budget): string | null {
  const range = moneyRange(job.budgetMin, job.budgetMax, job.currency);
  return range ? `${range}${BASIS_UNITS[job.budgetBasis]}` : null;
}

/** "≈ US$27–54/h" for a budget in another currency; `null` for US dollars or no budget. */
export function usdBudgetLabel(job: Budget): string | null {
  if (job.currency === 'USD') return null;
  const range = moneyRange(job.budgetMinUsd ?? null, job.budgetMaxUsd ?? null, 'USD');
  return range ? `≈ US${range}${BASIS_UNITS[job.budgetBasis]}` : null;
}

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
/** "2026-03-01" or an ISO time → "Mar 1, 2026" (the same on the server and in every browser). */
export function dateLabel(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
