import { z } from 'zod';
import { queryParams } from './query.ts';

// The message thread of one bid, between the job's owner and the provider's members. Plain text:
// stored as typed, escaped by whoever renders it.

export const BID_MESSAGE_MAX = 5000;

export const bidMessageBody = z.object({
  body: z
    .string({ error: 'Write a message' })
    .trim()
    .min(1, { error: 'Write a message' })
    .max(BID_MESSAGE_MAX, { error: `A message has at most ${BID_MESSAGE_MAX} characters` })
    // Postgres text cannot hold NUL, and no keyboard types it.
    .refine((s) => !s.includes('\u0000'), { error: 'The message contains a NUL character; remove it' }),
});

export const bidMessagesQuery = queryParams({
  /** Only messages after this moment, oldest first: for polling (the last message's createdAt). */
  after: z.iso.datetime({ error: 'after is a date-time like 2027-01-15T09:30:00.000Z' }).optional(),
  /** Only messages before this moment (the first message's createdAt): for reading further back. */
  before: z.iso.datetime({ error: 'before is a date-time like 2027-01-15T09:30:00.000Z' }).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be a whole number' })
    .min(1, { error: 'limit is at least 1' })
    .max(200, { error: 'limit is at most 200' })
    .default(100),
}).refine((q) => !(q.after && q.before), { error: 'Send after or before, not both', path: ['before'] });
export type BidMessagesQuery = z.output<typeof bidMessagesQuery>;

export const bidMessage = z.object({
  id: z.uuid(),
  body: z.string(),
  /** The author's name; the owner's side or the provider's. */
  authorName: z.string(),
  side: z.enum(['owner', 'provider']),
  /** Written by the caller. */
  mine: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type BidMessage = z.infer<typeof bidMessage>;

export const bidMessagesResponse = z.object({
  /** Oldest first. */
  messages: z.array(bidMessage),
  /** Without `after`: whether older messages than these exist (ask with `before`). */
  hasEarlier: z.boolean(),
  /** Whether the caller may write now; when not, `closedReason` says why. */
  canPost: z.boolean(),
  closedReason: z.string().nullable(),
});

export const messagesUnreadResponse = z.object({
  /** Unread messages in every thread the caller is a party to. */
  unread: z.number().int(),
});
