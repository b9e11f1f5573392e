import { z } from 'zod';
import { queryParams } from './query.ts';
import { priceBasis } from './bids.ts';
import { reviewCadence } from './reviews.ts';

// Engagements: a hired bid. Only its two parties (the owner, the provider's members) see one.

export const engagementIdParams = z.object({ id: z.uuid({ error: 'Not an engagement id' }) });

export const engagementsQuery = queryParams({
  /** Only those where the caller is the owner, or a member of the hired provider. */
  as: z.enum(['owner', 'provider'], { error: 'as is owner or provider' }).optional(),
  status: z.enum(['active', 'ended'], { error: 'status is active or ended' }).optional(),
});

const engagementFields = {
  id: z.uuid(),
  /** The caller's side. */
  role: z.enum(['owner', 'provider']),
  status: z.enum(['active', 'ended']),
  jobPost: z.object({ id: z.uuid(), title: z.string() }),
  owner: z.object({ name: z.string() }),
  provider: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), logoUrl: z.string().nullable() }),
  /** The other party's name, as the dashboards show it. */
  counterpartName: z.string(),
  price: z.number(),
  priceBasis,
  currency: z.string(),
  startDate: z.string(),
  /** The bid it came from (its message thread stays open). */
  bidId: z.uuid(),
  createdAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  reviewCadence,
  /** The open or next review's due date; null once the engagement ended. */
  nextReviewDue: z.string().nullable(),
};

export const engagementSummary = z.object(engagementFields);
export type EngagementSummary = z.infer<typeof engagementSummary>;

export const engagementsResponse = z.object({ engagements: z.array(engagementSummary) });

/** The job's duties and benchmarks as they were when the bid was accepted. */
export const engagementResponse = z.object({
  ...engagementFields,
  duties: z.array(z.object({ id: z.string(), text: z.string() })),
  benchmarks: z.array(
    z.object({
      id: z.string(),
      objective: z.string(),
      target: z.string(),
      cadence: z.string().nullable(),
      dueDate: z.string().nullable(),
    }),
  ),
});
export type EngagementView = z.infer<typeof engagementResponse>;
