import type { ReferenceRequestRecord, ReferencesRepository } from '@handoff/core/references';
import { REMINDER_DAYS } from '@handoff/core/references';
import { and, desc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  bidReferenceAsks,
  bids,
  jobPosts,
  providers,
  referenceOptOuts,
  referenceRequests as q,
  referenceResponses as r,
} from '../schema/index.ts';
import { openRequest, referenceAnswerMethods, referenceAnswers } from './reference-answers.ts';
import { rowsOf } from './sql-helpers.ts';

export { refreshReferenceStats } from './reference-answers.ts';

// The asking half of the references repository: asks on bids, requests and their links, drafts,
// declines and opt-outs, reminders and expiry. The answering half is in reference-answers.ts.

const open = openRequest;

const requestColumns = {
  id: q.id,
  providerId: q.providerId,
  bidId: q.bidId,
  status: q.status,
  name: q.name,
  email: q.email,
  company: q.company,
  role: q.role,
  periodFrom: q.periodFrom,
  periodTo: q.periodTo,
  functionSlug: q.functionSlug,
  contactDuties: q.contactDuties,
  duties: q.duties,
  remindersSent: q.remindersSent,
  createdAt: q.createdAt,
  sentAt: q.sentAt,
  expiresAt: q.expiresAt,
  closedAt: q.closedAt,
};

export function createReferencesRepository(db: Db): ReferencesRepository {
  async function requests(where: SQL | undefined): Promise<ReferenceRequestRecord[]> {
    const rows = await db.select(requestColumns).from(q).where(where).orderBy(desc(q.createdAt));
    if (rows.length === 0) return [];
    const found = await referenceAnswers(
      db,
      inArray(
        r.requestId,
        rows.map((x) => x.id),
      ),
      'new',
    );
    const byRequest = new Map(found.map((a) => [a.requestId, a]));
    return rows.map((x) => ({ ...x, answer: byRequest.get(x.id) ?? null }));
  }

  return {
    ...referenceAnswerMethods(db),

    async askOnBid(bidId, userId, at) {
      const rows = await db
        .insert(bidReferenceAsks)
        .values({ bidId, askedBy: userId, askedAt: at })
        .onConflictDoNothing()
        .returning({ bidId: bidReferenceAsks.bidId });
      return rows.length > 0;
    },

    async askedAt(bidId) {
      const [row] = await db
        .select({ at: bidReferenceAsks.askedAt })
        .from(bidReferenceAsks)
        .where(eq(bidReferenceAsks.bidId, bidId));
      return row?.at ?? null;
    },

    async optedOut(providerId, emails) {
      if (emails.length === 0) return new Set();
      const rows = await db
        .select({ email: referenceOptOuts.email })
        .from(referenceOptOuts)
        .where(
          and(eq(referenceOptOuts.providerId, providerId), inArray(referenceOptOuts.email, [...emails])),
        );
      return new Set(rows.map((x) => x.email));
    },

    async insertRequests(rows) {
      if (rows.length === 0) return [];
      return db
        .insert(q)
        .values(rows.map(({ at, ...row }) => ({ ...row, createdAt: at })))
        .onConflictDoNothing()
        .returning({ id: q.id, email: q.email });
    },

    listForBid: (bidId) => requests(eq(q.bidId, bidId)),
    listForProvider: (providerId) => requests(and(eq(q.providerId, providerId), isNull(q.bidId))),

    async findForForm(id) {
      const [row] = await db
        .select({
          ...requestColumns,
          draft: q.draft,
          provider: {
            id: providers.id,
            name: providers.name,
            slug: providers.slug,
            website: providers.website,
          },
          ownerId: jobPosts.ownerId,
        })
        .from(q)
        .innerJoin(providers, eq(providers.id, q.providerId))
        .leftJoin(bids, eq(bids.id, q.bidId))
        .leftJoin(jobPosts, eq(jobPosts.id, bids.jobPostId))
        .where(eq(q.id, id));
      if (!row) return null;
      return { ...row, draft: (row.draft as Record<string, string> | null) ?? null };
    },

    async saveDraft(id, draft) {
      const rows = await db
        .update(q)
        .set({ draft })
        .where(and(eq(q.id, id), open))
        .returning({ id: q.id });
      return rows.length > 0;
    },

    async markSent(id, at, nextReminderAt) {
      const rows = await db
        .update(q)
        .set({ status: 'sent', sentAt: at, nextReminderAt })
        .where(and(eq(q.id, id), eq(q.status, 'requested')))
        .returning({ id: q.id });
      return rows.length > 0;
    },

    async decline(id, at, optOut) {
      const closed = { status: 'declined' as const, closedAt: at, nextReminderAt: null, draft: null };
      const [row] = await db
        .update(q)
        .set(closed)
        .where(and(eq(q.id, id), open))
        .returning({ providerId: q.providerId, email: q.email });
      if (!row) return false;
      if (optOut) {
        await db
          .insert(referenceOptOuts)
          .values({ ...row, createdAt: at })
          .onConflictDoNothing();
        await db
          .update(q)
          .set(closed)
          .where(and(eq(q.providerId, row.providerId), eq(q.email, row.email), open));
      }
      return true;
    },

    async claimDueReminders(now, limit) {
      // The next reminder is counted from the first e-mail: day offsets 1, 3, 7, then none.
      const days = sql`${sql.param([...REMINDER_DAYS])}::int[]`;
      return rowsOf<{ requestId: string; reminder: number }>(
        db,
        sql`WITH due AS (
            SELECT id FROM reference_requests
            WHERE status IN ('sent', 'reminded') AND next_reminder_at IS NOT NULL
              AND next_reminder_at <= ${now}::timestamptz
            ORDER BY next_reminder_at
            LIMIT ${limit}
            FOR UPDATE SKIP LOCKED
          )
          UPDATE reference_requests x SET
            reminders_sent = x.reminders_sent + 1,
            status = 'reminded',
            next_reminder_at = x.sent_at + make_interval(days => (${days})[x.reminders_sent + 2])
          FROM due WHERE x.id = due.id AND x.next_reminder_at <= ${now}::timestamptz
          RETURNING x.id AS "requestId", x.reminders_sent::int AS reminder`,
      );
    },

    async expire(now) {
      const rows = await db
        .update(q)
        .set({ status: 'unreachable', nextReminderAt: null })
        .where(and(open, lte(q.expiresAt, now)))
        .returning({ id: q.id });
      return rows.length;
    },
  };
}
