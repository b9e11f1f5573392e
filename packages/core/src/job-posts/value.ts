import { USD_PER_UNIT, type Currency } from '@handoff/contracts';
import type { OwnerProfileView } from '../owners/owners.service.ts';
import type { JobPostRecord } from './ports.ts';

type Range = { min: number; max: number };

export interface JobHandoffValue {
  currency: string;
  hourValue: number;
  ownerCostPerWeek: number;
  ownerCostPerYear: number;
  budgetPerWeek: Range | null;
  gainPerWeek: Range | null;
  gainPerYear: Range | null;
}

const cents = (n: number) => Math.round(n * 100) / 100;
const WEEKS_PER_MONTH = 52 / 12;

/** The budget as a weekly cost in the job's currency, to the cent; null when it cannot be one. */
export function budgetPerWeek(
  job: Pick<JobPostRecord, 'budgetBasis' | 'budgetMin' | 'budgetMax' | 'hoursPerWeek' | 'durationWeeks'>,
): Range | null {
  const { budgetMin: min, budgetMax: max } = job;
  if (min === null || max === null) return null;
  const per = (divisor: number) => ({ min: cents(min / divisor), max: cents(max / divisor) });
  switch (job.budgetBasis) {
    case 'hourly':
      return job.hoursPerWeek === null ? null : per(1 / job.hoursPerWeek);
    case 'monthly':
      return per(WEEKS_PER_MONTH);
    case 'fixed':
      return job.durationWeeks ? per(job.durationWeeks) : null;
  }
}

/**
 * The calculator applied to a job: the owner's hours on it at their hour value, against the budget
 * (converted to the owner's currency). Null without an hour value or the job's hours a week.
 */
export function jobHandoffValue(
  job: JobPostRecord,
  profile: OwnerProfileView | null,
): JobHandoffValue | null {
  if (!profile || job.hoursPerWeek === null) return null;
  const ownerCostPerWeek = cents(job.hoursPerWeek * profile.hourValue);
  const rate =
    (USD_PER_UNIT[job.currency as Currency] ?? 1) / (USD_PER_UNIT[profile.currency as Currency] ?? 1);
  const weekly = budgetPerWeek(job);
  const budget = weekly ? { min: cents(weekly.min * rate), max: cents(weekly.max * rate) } : null;
  const gain = budget
    ? { min: cents(ownerCostPerWeek - budget.max), max: cents(ownerCostPerWeek - budget.min) }
    : null;
  const yearly = (r: Range) => ({
    min: cents(r.min * profile.weeksPerYear),
    max: cents(r.max * profile.weeksPerYear),
  });
  return {
    currency: profile.currency,
    hourValue: profile.hourValue,
    ownerCostPerWeek,
    ownerCostPerYear: cents(ownerCostPerWeek * profile.weeksPerYear),
    budgetPerWeek: budget,
    gainPerWeek: gain,
    gainPerYear: gain ? yearly(gain) : null,
  };
}
