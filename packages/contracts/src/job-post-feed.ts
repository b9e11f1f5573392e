import { z } from 'zod';
import { queryParams } from './query.ts';
import { budgetBasis, engagementType } from './job-posts.ts';

// The provider side of job posts: the "jobs for you" feed's query and the invitations list's.

const uuid = (what: string) => z.uuid({ error: `Not ${what}` });
const slug = (what: string) =>
  z
    .string({ error: `Choose ${what}` })
    .trim()
    .min(1, { error: `Choose ${what}` })
    .max(60, { error: `Unknown ${what}` })
    .regex(/^[a-z0-9-]+$/, { error: `Unknown ${what}` });
const isoDate = z.iso.date({ error: 'Enter a date like 2026-03-01' });

export const FEED_SORTS = ['newest', 'best'] as const;
export const FEED_MAX_PER_PAGE = 50;
export const FEED_MAX_PAGE = 500;

const budgetFilter = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .min(0, { error: `${label} cannot be negative` })
    .max(10_000_000, { error: `${label} is at most 10,000,000` })
    .optional();

export const feedQuery = queryParams({
  /** Which of your provider profiles the feed is for; your first one when absent. */
  providerId: uuid('a provider id').optional(),
  q: z.string().trim().max(200, { error: 'Search for at most 200 characters' }).optional(),
  function: slug('function').optional(),
  industry: slug('industry').optional(),
  /** In US dollars, compared with each job's budget converted from its currency. */
  budgetMin: budgetFilter('The lowest budget'),
  budgetMax: budgetFilter('The highest budget'),
  basis: budgetBasis.optional(),
  engagementType: engagementType.optional(),
  postedSince: isoDate.optional(),
  sort: z.enum(FEED_SORTS, { error: 'Sort by newest or best' }).default('newest'),
  page: z.coerce
    .number({ error: 'page must be a number' })
    .int({ error: 'page must be a whole number' })
    .min(1, { error: 'page starts at 1' })
    .max(FEED_MAX_PAGE, { error: `page is at most ${FEED_MAX_PAGE}` })
    .default(1),
  perPage: z.coerce
    .number({ error: 'perPage must be a number' })
    .int({ error: 'perPage must be a whole number' })
    .min(1, { error: 'perPage is at least 1' })
    .max(FEED_MAX_PER_PAGE, { error: `perPage is at most ${FEED_MAX_PER_PAGE}` })
    .default(20),
}).refine((q) => q.budgetMin === undefined || q.budgetMax === undefined || q.budgetMin <= q.budgetMax, {
  error: 'The highest budget cannot be below the lowest',
  path: ['budgetMax'],
});
export type FeedQuery = z.output<typeof feedQuery>;

export const providerInvitationsQuery = queryParams({
  providerId: uuid('a provider id').optional(),
});
