import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { engagements } from './bids.ts';

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
