import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { jobPosts } from './job-posts.ts';
import { providers } from './providers.ts';

/**
 * What an owner's hour is worth: target yearly income over productive hours (hours a day × days a
 * week × weeks a year). Saved once the owner has an account; before that the web keeps the figures.
 */
export const ownerProfiles = pgTable(
  'owner_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    targetIncome: numeric('target_income', { precision: 12, scale: 2, mode: 'number' }),
    currency: text('currency').notNull().default('USD'),
    hoursPerDay: numeric('hours_per_day', { precision: 4, scale: 2, mode: 'number' }),
    daysPerWeek: numeric('days_per_week', { precision: 3, scale: 2, mode: 'number' }),
    weeksPerYear: numeric('weeks_per_year', { precision: 4, scale: 2, mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('owner_profiles_income_check', sql`${t.targetIncome} > 0`),
    check('owner_profiles_hours_check', sql`${t.hoursPerDay} > 0 AND ${t.hoursPerDay} <= 24`),
    check('owner_profiles_days_check', sql`${t.daysPerWeek} > 0 AND ${t.daysPerWeek} <= 7`),
    check('owner_profiles_weeks_check', sql`${t.weeksPerYear} > 0 AND ${t.weeksPerYear} <= 52`),
  ],
);

/**
 * The love / hate worksheet: the owner's tasks, hours a week each. A hated task is matched to a
 * business function (suggested from its words, or chosen by the owner) and can become a draft job.
 */
export const ownerTasks = pgTable(
  'owner_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    feeling: text('feeling').$type<'love' | 'hate'>().notNull(),
    name: text('name').notNull(),
    hoursPerWeek: numeric('hours_per_week', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    functionSlug: text('function_slug'),
    /** 'suggested' from the task's words, or 'chosen' by the owner (a suggestion never overrides it). */
    functionSource: text('function_source').$type<'suggested' | 'chosen'>(),
    position: integer('position').notNull(),
    /** The draft job this task became, if it did. */
    jobPostId: uuid('job_post_id').references(() => jobPosts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('owner_tasks_user_idx').on(t.userId, t.feeling, t.position),
    check('owner_tasks_feeling_check', sql`${t.feeling} IN ('love', 'hate')`),
    check('owner_tasks_hours_check', sql`${t.hoursPerWeek} >= 0 AND ${t.hoursPerWeek} <= 168`),
  ],
);

/** An owner's own shortlist of providers, kept before (or without) any job. */
export const savedProviders = pgTable(
  'saved_providers',
  {
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.providerId] })],
);
