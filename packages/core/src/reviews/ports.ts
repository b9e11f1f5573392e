import type { BenchmarkResult, ReviewCadence, ReviewDecision } from '@handoff/contracts';

export interface ReviewRecord {
  id: string;
  engagementId: string;
  dueDate: string;
  submittedAt: Date;
  benchmarks: {
    benchmarkId: string;
    objective: string;
    target: string;
    result: BenchmarkResult;
    actual: string;
  }[];
  duties: { dutyId: string; text: string; score: number; note: string }[];
  decision: ReviewDecision;
  note: string;
  improvements: string;
  nextDue: string | null;
}

export type ReviewWrite = Omit<ReviewRecord, 'id' | 'engagementId' | 'submittedAt'>;

export interface HandoverRecord {
  accessToRevoke: string[];
  documentsToCollect: string[];
  lastDay: string | null;
  updatedAt: Date | null;
}

export interface AlternativeProvider {
  id: string;
  slug: string;
  name: string;
  headline: string;
  verifiedReferenceCount: number;
  ratingAvg: number | null;
  ratingCount: number;
}

/**
 * Reviews and the schedule they run on. Writes take the owner and match `owner_id` and an active
 * engagement in the same statement; reads for either party check membership in SQL.
 */
export interface ReviewsRepository {
  /** Oldest first; empty when the user is neither the owner nor a member of the hired provider. */
  listForParty(userId: string, engagementId: string): Promise<ReviewRecord[]>;
  insert(ownerId: string, engagementId: string, review: ReviewWrite, at: Date): Promise<{ id: string }>;
  /**
   * Sets the next due date (and the cadence, when given) of an active engagement of this owner and
   * starts its reminders afresh. `reviewed` records a submission at `at`, as a compare-and-set on
   * the previous one, so two submissions of one review cannot both count. `remindersSent: 1` counts
   * a review the owner opened themselves as reminded: only the week-later follow-up remains.
   */
  setSchedule(
    ownerId: string,
    engagementId: string,
    change: {
      nextDue: string;
      cadence?: ReviewCadence;
      reviewed?: { previous: Date | null };
      remindersSent?: 0 | 1;
    },
    at: Date,
  ): Promise<boolean>;
  /** Active → ended, the schedule cleared; false when it was not active (or not this owner's). */
  end(ownerId: string, engagementId: string, at: Date): Promise<boolean>;
  handover(ownerId: string, engagementId: string): Promise<HandoverRecord | null>;
  saveHandover(
    ownerId: string,
    engagementId: string,
    handover: Omit<HandoverRecord, 'updatedAt'>,
    at: Date,
  ): Promise<void>;
  /**
   * Published, unsuspended providers serving the function (and the industry, when there is one),
   * but not `excludeProviderId`: by verified references, then rating.
   */
  alternatives(
    functionSlug: string,
    industrySlug: string | null,
    excludeProviderId: string,
    limit: number,
  ): Promise<AlternativeProvider[]>;
}

export interface ReviewReminderNote {
  kind: string;
  /** Titles and bodies are written in SQL from these parts, one set-based statement per batch. */
  first: { title: string; body: string };
  followUp: { title: string; body: string };
}

export interface ReviewRemindersRepository {
  /**
   * Claims up to `limit` engagements whose next reminder is due at `now` and, in the same
   * statement, moves each one's next reminder on (a week later after the first, none after the
   * follow-up), writes the owner's notification and queues its e-mail. A claimed reminder is never
   * claimed again, so concurrent or retried scans send each one once. Returns how many it claimed.
   */
  claimDue(now: Date, limit: number, followUpDays: number, note: ReviewReminderNote): Promise<number>;
}
