import type { Clock } from '../clock.ts';
import type { JobHandlers } from '../jobs.ts';
import type { ReviewReminderNote, ReviewRemindersRepository } from './ports.ts';
import { FOLLOW_UP_DAYS } from './schedule.ts';

export const REVIEW_DUE_KIND = 'engagement.review-due';

/** {provider} and {job} are filled in by the claiming statement, row by row. */
export const reminderNote: ReviewReminderNote = {
  kind: REVIEW_DUE_KIND,
  first: {
    title: 'Time to review {provider}',
    body: 'Your review of {provider} on “{job}” is due. Score each benchmark and duty, then keep, improve or replace.',
  },
  followUp: {
    title: 'Your review of {provider} is still open',
    body: 'A week ago your review of {provider} on “{job}” fell due. It takes a few minutes: score each benchmark and duty, then decide.',
  },
};

export interface ReviewReminderDeps {
  reminders: ReviewRemindersRepository;
  clock: Clock;
  /**
   * Engagements claimed per statement. Larger batches share each statement's joins: on Postgres,
   * 100,000 due reminders took 4.3 s in batches of 5,000 and 2.1 s in batches of 20,000
   * (pnpm bench review-reminders).
   */
  batchSize?: number;
}

/**
 * The scan: claims due reminders batch by batch until none is left at `now`. Each batch is one
 * statement that claims, notifies and queues the e-mails, so it is all or nothing and a second scan
 * running at the same time claims other rows (or none).
 */
export async function scanReviewReminders(
  { reminders, batchSize = 20_000 }: Omit<ReviewReminderDeps, 'clock'>,
  now: Date,
): Promise<number> {
  let total = 0;
  for (;;) {
    const claimed = await reminders.claimDue(now, batchSize, FOLLOW_UP_DAYS, reminderNote);
    total += claimed;
    if (claimed < batchSize) return total;
  }
}

export function createReviewReminderHandlers(
  deps: ReviewReminderDeps,
): Pick<JobHandlers, 'engagements.review-reminders'> {
  return {
    async 'engagements.review-reminders'() {
      await scanReviewReminders(deps, deps.clock.now());
    },
  };
}
