import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { providers } from './providers.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export type JobPostStatus = 'draft' | 'open' | 'closed' | 'filled';
export type BudgetBasis = 'hourly' | 'monthly' | 'fixed';
export type EngagementType = 'freelancer' | 'virtual_assistant' | 'firm' | 'any';
export type WorkLocation = 'remote' | 'on_site' | 'hybrid';

/**
 * An owner's job description ("job" in the UI; a "job" in the code is a background job). States:
 * draft → open → closed or filled. Function and industry slugs are validated against the taxonomy
 * in core, as on provider profiles. `revision` counts edits made while open (bidders are told).
 * `search_text` is title, summary and duties, kept by the repository for the providers' feed.
 */
export const jobPosts = pgTable(
  'job_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<JobPostStatus>().notNull().default('draft'),
    title: text('title').notNull(),
    functionSlug: text('function_slug').notNull(),
    industrySlug: text('industry_slug'),
    summary: text('summary').notNull().default(''),
    processNotes: text('process_notes').notNull().default(''),
    /** Links to training material: [{ label, url }]. */
    trainingLinks: jsonb('training_links')
      .$type<Array<{ label: string; url: string }>>()
      .notNull()
      .default([]),
    startBy: date('start_by'),
    durationWeeks: integer('duration_weeks'),
    budgetBasis: text('budget_basis').$type<BudgetBasis>().notNull(),
    budgetMin: numeric('budget_min', { precision: 12, scale: 2, mode: 'number' }),
    budgetMax: numeric('budget_max', { precision: 12, scale: 2, mode: 'number' }),
    currency: text('currency').notNull().default('USD'),
    hoursPerWeek: numeric('hours_per_week', { precision: 5, scale: 2, mode: 'number' }),
    engagementType: text('engagement_type').$type<EngagementType>().notNull().default('any'),
    workLocation: text('work_location').$type<WorkLocation>().notNull().default('remote'),
    /** Bonuses offered: finishing under budget, before a deadline ('' when none). */
    underBudgetBonus: text('under_budget_bonus').notNull().default(''),
    earlyFinishBonus: text('early_finish_bonus').notNull().default(''),
    visibility: text('visibility').$type<'public' | 'invite_only'>().notNull().default('public'),
    revision: integer('revision').notNull().default(0),
    searchText: text('search_text').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('english', search_text)`),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('job_posts_status_check', sql`${t.status} IN ('draft', 'open', 'closed', 'filled')`),
    check('job_posts_basis_check', sql`${t.budgetBasis} IN ('hourly', 'monthly', 'fixed')`),
    check(
      'job_posts_engagement_check',
      sql`${t.engagementType} IN ('freelancer', 'virtual_assistant', 'firm', 'any')`,
    ),
    check('job_posts_location_check', sql`${t.workLocation} IN ('remote', 'on_site', 'hybrid')`),
    check('job_posts_visibility_check', sql`${t.visibility} IN ('public', 'invite_only')`),
    check('job_posts_budget_check', sql`${t.budgetMin} <= ${t.budgetMax}`),
    index('job_posts_owner_idx').on(t.ownerId, t.createdAt),
    // The providers' feed: open jobs, newest first, by function (and industry).
    index('job_posts_feed_idx')
      .on(t.functionSlug, t.publishedAt)
      .where(sql`${t.status} = 'open'`),
    index('job_posts_feed_industry_idx')
      .on(t.industrySlug, t.publishedAt)
      .where(sql`${t.status} = 'open'`),
    index('job_posts_search_idx').using('gin', t.searchVector),
    // The feed's walk and count over the public open jobs of a function, newest first. The trailing
    // columns are the filters most feeds use, so a page and its total come from the index alone.
    index('job_posts_feed_public_idx')
      .on(
        t.functionSlug,
        t.publishedAt.desc().nullsFirst(),
        t.id.desc().nullsFirst(),
        t.industrySlug,
        t.budgetBasis,
        t.engagementType,
      )
      .where(sql`${t.status} = 'open' AND ${t.visibility} = 'public'`),
  ],
);

/** A job's duties, in order; bids say how they cover each one, by id, so ids outlive edits. */
export const jobPostDuties = pgTable(
  'job_post_duties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobPostId: uuid('job_post_id')
      .notNull()
      .references(() => jobPosts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('job_post_duties_job_idx').on(t.jobPostId, t.position)],
);

/** A job's benchmarks: an objective, a measurable target, and a cadence or a due date. */
export const jobPostBenchmarks = pgTable(
  'job_post_benchmarks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobPostId: uuid('job_post_id')
      .notNull()
      .references(() => jobPosts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    objective: text('objective').notNull(),
    target: text('target').notNull(),
    /** 'weekly', 'monthly', 'quarterly'… or null when the benchmark has a due date instead. */
    cadence: text('cadence'),
    dueDate: date('due_date'),
  },
  (t) => [index('job_post_benchmarks_job_idx').on(t.jobPostId, t.position)],
);

/** Providers an owner invited to bid (the only ones who can see an invite-only job). */
export const jobPostInvitations = pgTable(
  'job_post_invitations',
  {
    jobPostId: uuid('job_post_id')
      .notNull()
      .references(() => jobPosts.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.jobPostId, t.providerId] }),
    index('job_post_invitations_provider_idx').on(t.providerId, t.createdAt),
  ],
);

/**
 * Which matching jobs each provider member was told about, and how: 'instant' (in-app, when the job
 * opened) and 'digest' (the daily e-mail). The primary key makes each one once, however often the
 * scan runs.
 */
export const jobPostMatches = pgTable(
  'job_post_matches',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    jobPostId: uuid('job_post_id')
      .notNull()
      .references(() => jobPosts.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<'instant' | 'digest'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.jobPostId, t.channel] }),
    check('job_post_matches_channel_check', sql`${t.channel} IN ('instant', 'digest')`),
  ],
);
