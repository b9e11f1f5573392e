import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { engagements } from './bids.ts';

/**
 * The review schedule of an engagement, one row each, kept apart from the wide engagements row: the
 * hourly scan updates only this narrow table and its two indexes, which keeps 100,000 reminders in
 * a few seconds.
 */
export const engagementReviewSchedules = pgTable(
  'engagement_review_schedules',
  {
    engagementId: uuid('engagement_id')
      .primaryKey()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    /** The engagement's owner: every write matches it. */
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** standard: quarterly in the first year, then yearly; or a fixed cadence the owner chose. */
    cadence: text('cadence')
      .$type<'standard' | 'quarterly' | 'half-yearly' | 'yearly'>()
      .notNull()
      .default('standard'),
    /** The open or next review's due date; null once the engagement ended. */
    nextDue: date('next_due'),
    /** Reminders sent for the current due date (0, 1, or 2 with the follow-up a week later). */
    remindersSent: integer('reminders_sent').notNull().default(0),
    /** When the next reminder is due; null when none is (both sent, or ended). */
    nextReminderAt: timestamp('next_reminder_at', { withTimezone: true }),
    /** The last review's submission: what a submission compares-and-sets, so one review is one row. */
    lastReviewedAt: timestamp('last_reviewed_at', { withTimezone: true }),
  },
  (t) => [
    index('engagement_review_schedules_reminder_idx')
      .on(t.nextReminderAt)
      .where(sql`${t.nextReminderAt} IS NOT NULL`),
    check(
      'engagement_review_schedules_cadence_check',
      sql`${t.cadence} IN ('standard', 'quarterly', 'half-yearly', 'yearly')`,
    ),
  ],
);

export type BenchmarkResult = 'met' | 'partly' | 'missed';
export type ReviewDecision = 'keep' | 'improve' | 'replace';

/**
 * One submitted review of an engagement. The benchmarks' and duties' texts are copied in, so a
 * review reads the same however the engagement's plan is worded later. Reviews are never edited:
 * the trend is the list of them.
 */
export const engagementReviews = pgTable(
  'engagement_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    /** The engagement's owner, the key every owner read and write matches. */
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The due date this review answered. */
    dueDate: date('due_date').notNull(),
    benchmarks: jsonb('benchmarks')
      .$type<
        Array<{
          benchmarkId: string;
          objective: string;
          target: string;
          result: BenchmarkResult;
          actual: string;
        }>
      >()
      .notNull(),
    duties: jsonb('duties')
      .$type<Array<{ dutyId: string; text: string; score: number; note: string }>>()
      .notNull(),
    decision: text('decision').$type<ReviewDecision>().notNull(),
    /** What the provider reads with the decision. */
    note: text('note').notNull().default(''),
    /** With "improve": what must change by the next review. */
    improvements: text('improvements').notNull().default(''),
    /** The next review's due date this one set. */
    nextDue: date('next_due'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('engagement_reviews_engagement_idx').on(t.engagementId, t.submittedAt),
    check('engagement_reviews_decision_check', sql`${t.decision} IN ('keep', 'improve', 'replace')`),
  ],
);

/** The owner's handover checklist when switching providers: what to revoke, collect, and when. */
export const engagementHandovers = pgTable('engagement_handovers', {
  engagementId: uuid('engagement_id')
    .primaryKey()
    .references(() => engagements.id, { onDelete: 'cascade' }),
  ownerId: uuid('owner_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  accessToRevoke: jsonb('access_to_revoke').$type<string[]>().notNull().default([]),
  documentsToCollect: jsonb('documents_to_collect').$type<string[]>().notNull().default([]),
  lastDay: date('last_day'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
