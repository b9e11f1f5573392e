import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { bids } from './bids.ts';
import { providers } from './providers.ts';

export type ReferenceRequestStatus =
  'requested' | 'sent' | 'reminded' | 'answered' | 'declined' | 'unreachable';

/** A duty the reference customer is asked about: the job's (with its id) or the contact's own. */
export interface ReferenceDuty {
  /** The job post duty id when the request comes from a bid; null for a profile request. */
  id: string | null;
  text: string;
}

/**
 * One e-mail asking one reference customer about one provider. The contact is copied in when asked
 * (profile edits replace `provider_references` rows, and the e-mail must name who was asked). The
 * link is `id.HMAC(id)`: nothing secret is stored. `bid_id` is set when an owner asked on a bid.
 * Reminders go out at `next_reminder_at` (1, 3 and 7 days after sending); the link expires at
 * `expires_at`, when an unanswered request becomes unreachable.
 */
export const referenceRequests = pgTable(
  'reference_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    bidId: uuid('bid_id').references(() => bids.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').$type<ReferenceRequestStatus>().notNull().default('requested'),
    name: text('name').notNull(),
    /** Lower-cased. Never shown to anyone but the provider's members. */
    email: text('email').notNull(),
    company: text('company').notNull(),
    role: text('role').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }),
    functionSlug: text('function_slug').notNull(),
    /** The duties the provider says this customer contracted (checked on the form). */
    contactDuties: jsonb('contact_duties').$type<string[]>().notNull(),
    /** The duties the form asks about: the job's on a bid, else the contact's. */
    duties: jsonb('duties').$type<ReferenceDuty[]>().notNull(),
    remindersSent: smallint('reminders_sent').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    nextReminderAt: timestamp('next_reminder_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Answered or declined: the link is used. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** What the reference customer saved without sending (the form's fields, as typed). */
    draft: jsonb('draft').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reference_requests_provider_idx').on(t.providerId, t.createdAt),
    index('reference_requests_bid_idx').on(t.bidId),
    // The reminder scan: open requests by their next due moment, and by expiry.
    index('reference_requests_reminder_idx')
      .on(t.nextReminderAt)
      .where(sql`${t.status} IN ('sent', 'reminded') AND ${t.nextReminderAt} IS NOT NULL`),
    index('reference_requests_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} IN ('requested', 'sent', 'reminded')`),
    // One open request per contact and bid (or profile): asking again does not e-mail twice.
    uniqueIndex('reference_requests_open_idx')
      .on(t.providerId, sql`coalesce(${t.bidId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.email)
      .where(sql`${t.status} IN ('requested', 'sent', 'reminded')`),
    check(
      'reference_requests_status_check',
      sql`${t.status} IN ('requested', 'sent', 'reminded', 'answered', 'declined', 'unreachable')`,
    ),
  ],
);

/** Addresses that asked never to be e-mailed again about one provider, by anyone. */
export const referenceOptOuts = pgTable(
  'reference_opt_outs',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.email] })],
);

export interface ReferenceFlag {
  kind: 'member_domain' | 'provider_device' | 'company_twice' | 'self_answer' | 'burst';
  detail: string;
}

/**
 * verified: counts. flagged: a trust signal fired; unverified until an operator clears (→ verified)
 * or rejects it (→ rejected, with the reason shown to the provider).
 */
export type ReferenceResponseStatus = 'verified' | 'flagged' | 'rejected';

/** The answered form: the relationship as confirmed, the overall questions, the trust review. */
export const referenceResponses = pgTable(
  'reference_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => referenceRequests.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    status: text('status').$type<ReferenceResponseStatus>().notNull(),
    flags: jsonb('flags').$type<ReferenceFlag[]>().notNull(),
    company: text('company').notNull(),
    /** Lower-cased, trimmed, without legal suffixes: how "one company answering twice" is told. */
    companyKey: text('company_key').notNull(),
    role: text('role').notNull(),
    industrySlug: text('industry_slug').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }),
    dutiesContracted: jsonb('duties_contracted').$type<string[]>().notNull(),
    /** Which of company, role, period, duties differ from what the provider entered. */
    mismatches: jsonb('mismatches').$type<string[]>().notNull(),
    communication: smallint('communication').notNull(),
    reliability: smallint('reliability').notNull(),
    costVersusQuote: text('cost_versus_quote').$type<'below' | 'as_quoted' | 'above'>().notNull(),
    problemsHandled: text('problems_handled').notNull(),
    wouldRehire: text('would_rehire').$type<'yes' | 'maybe' | 'no'>().notNull(),
    recommend: smallint('recommend').notNull(),
    advice: text('advice').notNull(),
    /** For the platform only: never in any response to an owner or a provider. */
    privateNote: text('private_note').notNull(),
    /** 1–5: the mean of duty quality and timeliness, communication and reliability. */
    scoreX100: integer('score_x100').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewReason: text('review_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reference_responses_request_idx').on(t.requestId),
    index('reference_responses_provider_idx').on(t.providerId, t.createdAt),
    index('reference_responses_flagged_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'flagged'`),
    check('reference_responses_status_check', sql`${t.status} IN ('verified', 'flagged', 'rejected')`),
    check('reference_responses_recommend_check', sql`${t.recommend} BETWEEN 0 AND 10`),
  ],
);

/** One duty of an answered form. */
export const referenceResponseDuties = pgTable(
  'reference_response_duties',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => referenceResponses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    dutyId: uuid('duty_id'),
    duty: text('duty').notNull(),
    /** Lower-cased, whitespace folded: answers about the same duty meet across requests. */
    dutyKey: text('duty_key').notNull(),
    performed: boolean('performed').notNull(),
    quality: smallint('quality'),
    timeliness: smallint('timeliness'),
    benchmark: text('benchmark').$type<'met' | 'partly' | 'missed' | 'none'>().notNull(),
    example: text('example').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.position] }),
    check(
      'reference_response_duties_benchmark_check',
      sql`${t.benchmark} IN ('met', 'partly', 'missed', 'none')`,
    ),
  ],
);

/** An owner asked the provider of a shortlisted bid for references; the provider picks the contacts. */
export const bidReferenceAsks = pgTable('bid_reference_asks', {
  bidId: uuid('bid_id')
    .primaryKey()
    .references(() => bids.id, { onDelete: 'cascade' }),
  askedBy: uuid('asked_by').references(() => users.id, { onDelete: 'set null' }),
  askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
});
