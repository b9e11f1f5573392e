import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { jobPostBenchmarks, jobPostDuties, jobPosts } from './job-posts.ts';
import { providers } from './providers.ts';

/**
 * active: the provider's offer stands (they may revise or withdraw it while the job is open).
 * withdrawn: the provider took it back. declined: the owner said no (with an optional reason).
 * accepted: the owner hired on it. not_selected: the job was filled on another bid.
 */
export type BidStatus = 'active' | 'withdrawn' | 'declined' | 'accepted' | 'not_selected';

/**
 * One bid per provider per job, made by any member of the provider (a firm's members bid for the
 * firm). `shortlisted` and `archived` are the owner's own marks; nothing of them is shown to the
 * provider except that a declined bid says so.
 */
export const bids = pgTable(
  'bids',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobPostId: uuid('job_post_id')
      .notNull()
      .references(() => jobPosts.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    /** The member who last submitted or revised it. */
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<BidStatus>().notNull().default('active'),
    price: numeric('price', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    priceBasis: text('price_basis').$type<'hourly' | 'monthly' | 'fixed'>().notNull(),
    currency: text('currency').notNull(),
    estimatedHours: numeric('estimated_hours', { precision: 7, scale: 2, mode: 'number' }),
    startDate: date('start_date'),
    durationWeeks: integer('duration_weeks'),
    coverNote: text('cover_note').notNull().default(''),
    /** The provider package the bid is based on, as it was offered (profiles are edited later). */
    package: jsonb('package').$type<{
      name: string;
      price: number;
      billing: 'hourly' | 'monthly' | 'fixed';
      duties: string[];
    } | null>(),
    shortlisted: boolean('shortlisted').notNull().default(false),
    archived: boolean('archived').notNull().default(false),
    declineReason: text('decline_reason'),
    /** 0 when submitted, +1 on each revision (the owner is told of each). */
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bids_job_provider_idx').on(t.jobPostId, t.providerId),
    index('bids_provider_idx').on(t.providerId, t.updatedAt),
    check(
      'bids_status_check',
      sql`${t.status} IN ('active', 'withdrawn', 'declined', 'accepted', 'not_selected')`,
    ),
    check('bids_basis_check', sql`${t.priceBasis} IN ('hourly', 'monthly', 'fixed')`),
    check('bids_price_check', sql`${t.price} > 0`),
  ],
);

/** How a bid covers each of the job's duties: yes, partly or no, with a note. */
export const bidDutyCoverage = pgTable(
  'bid_duty_coverage',
  {
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    dutyId: uuid('duty_id')
      .notNull()
      .references(() => jobPostDuties.id, { onDelete: 'cascade' }),
    coverage: text('coverage').$type<'yes' | 'partly' | 'no'>().notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.bidId, t.dutyId] }),
    // Removing a duty (an edit, or deleting a draft) cascades here by duty: without it, each one
    // removed scans every answer of every bid.
    index('bid_duty_coverage_duty_idx').on(t.dutyId),
    check('bid_duty_coverage_check', sql`${t.coverage} IN ('yes', 'partly', 'no')`),
  ],
);

/**
 * Whether a bid commits to each of the job's benchmarks: yes, partly or no, with a note ("95 % within
 * 24 h, not 4 h"). Kept like duty coverage: by benchmark id, so answers outlive edits of the job, and
 * written only together with their bid row (insert or revision).
 */
export const bidBenchmarkAnswers = pgTable(
  'bid_benchmark_answers',
  {
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    benchmarkId: uuid('benchmark_id')
      .notNull()
      .references(() => jobPostBenchmarks.id, { onDelete: 'cascade' }),
    commitment: text('commitment').$type<'yes' | 'partly' | 'no'>().notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.bidId, t.benchmarkId] }),
    index('bid_benchmark_answers_benchmark_idx').on(t.benchmarkId),
    check('bid_benchmark_answers_check', sql`${t.commitment} IN ('yes', 'partly', 'no')`),
  ],
);

/** A thread per bid between the job's owner and the provider's members. Plain text only. */
export const bidMessages = pgTable(
  'bid_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bid_messages_bid_idx').on(t.bidId, t.createdAt)],
);

/** Up to when each participant has read a bid's thread (unread counts). */
export const bidThreadReads = pgTable(
  'bid_thread_reads',
  {
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.userId] })],
);

/**
 * Accepting a bid starts an engagement: who, for what (the job's duties and benchmarks as they were
 * at hiring), at what price, from when. Reviews (next feature) hang off it.
 */
export const engagements = pgTable(
  'engagements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobPostId: uuid('job_post_id')
      .notNull()
      .references(() => jobPosts.id, { onDelete: 'cascade' }),
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    status: text('status').$type<'active' | 'ended'>().notNull().default('active'),
    price: numeric('price', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    priceBasis: text('price_basis').$type<'hourly' | 'monthly' | 'fixed'>().notNull(),
    currency: text('currency').notNull(),
    startDate: date('start_date').notNull(),
    duties: jsonb('duties').$type<Array<{ id: string; text: string }>>().notNull(),
    benchmarks: jsonb('benchmarks')
      .$type<
        Array<{
          id: string;
          objective: string;
          target: string;
          cadence: string | null;
          dueDate: string | null;
        }>
      >()
      .notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('engagements_job_idx').on(t.jobPostId),
    uniqueIndex('engagements_bid_idx').on(t.bidId),
    index('engagements_owner_idx').on(t.ownerId, t.createdAt),
    index('engagements_provider_idx').on(t.providerId, t.createdAt),
    check('engagements_status_check', sql`${t.status} IN ('active', 'ended')`),
  ],
);

/**
 * When each participant was last e-mailed about a bid's thread. A conversation notifies the other
 * side in-app for every message but e-mails each person at most once per thread every 10 minutes;
 * claiming the slot is one upsert, so two messages at once cannot both send.
 */
export const bidThreadEmails = pgTable(
  'bid_thread_emails',
  {
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.userId] })],
);
