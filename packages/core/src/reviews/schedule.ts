import type { ReviewCadence } from '@handoff/contracts';

// The review schedule as pure date arithmetic on YYYY-MM-DD strings (UTC calendar days), so the
// rules are tested without a database and the same dates come out on every machine.

/** Days an "improve" decision gives the provider before the next review. */
export const IMPROVE_REVIEW_DAYS = 30;
/** Days after the first reminder that the follow-up goes out when the review is still open. */
export const FOLLOW_UP_DAYS = 7;

/** start + n months, clamped to the month's last day (Jan 31 + 1 month = Feb 28), as Postgres does. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** The moment a due date's first reminder is due: the start of that day, UTC. */
export const reminderMoment = (due: string) => new Date(`${due}T00:00:00Z`);

/**
 * The months after the start at which the n-th review (n from 1) falls due. Each is counted from the
 * start, not from the previous review, so a late review does not push every later one back.
 */
function monthsOf(cadence: ReviewCadence, n: number): number {
  switch (cadence) {
    case 'standard':
      return n <= 4 ? n * 3 : (n - 3) * 12;
    case 'quarterly':
      return n * 3;
    case 'half-yearly':
      return n * 6;
    case 'yearly':
      return n * 12;
  }
}

/** The first scheduled due date strictly after `after` (the start itself is never a review). */
export function nextScheduledDue(start: string, cadence: ReviewCadence, after: string): string {
  for (let n = 1; ; n++) {
    const due = addMonths(start, monthsOf(cadence, n));
    if (due > after) return due;
  }
}

/** The first review of a new engagement. */
export const firstDue = (start: string, cadence: ReviewCadence = 'standard') =>
  nextScheduledDue(start, cadence, start);

/**
 * After a review submitted on `today`: the next date on the schedule, or for "improve" a review in
 * 30 days when that comes first.
 */
export function dueAfterReview(
  start: string,
  cadence: ReviewCadence,
  today: string,
  decision: 'keep' | 'improve' | 'replace',
): string {
  const scheduled = nextScheduledDue(start, cadence, today);
  if (decision !== 'improve') return scheduled;
  const soon = addDays(today, IMPROVE_REVIEW_DAYS);
  return soon < scheduled ? soon : scheduled;
}

/**
 * A new cadence counts from the last review (or the start): the first date of the new schedule after
 * it. One that is already past is due now, so the owner is reminded at once rather than skipped.
 */
export function dueAfterCadenceChange(
  start: string,
  cadence: ReviewCadence,
  lastReviewed: string | null,
): string {
  return nextScheduledDue(start, cadence, lastReviewed ?? start);
}
