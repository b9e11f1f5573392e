import type {
  FlaggedAnswerRecord,
  ReferenceAnswerRecord,
  ReferenceRequestRecord,
  ReferencesRepository,
} from '@handoff/core/references';
import { BURST_WINDOW_MS, DEVICE_LOOKBACK_MS, OPEN_STATUSES, REMINDER_DAYS } from '@handoff/core/references';
import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  bidReferenceAsks,
  bids,
  jobPosts,
  providers,
  referenceOptOuts,
  referenceRequests as q,
  referenceResponseDuties as rd,
  referenceResponses as r,
} from '../schema/index.ts';
import { rowsOf } from './sql-helpers.ts';
import { referenceSummary } from './reference-summary.ts';

const open = inArray(q.status, [...OPEN_STATUSES]);

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

const answerColumns = {
  id: r.id,
  requestId: r.requestId,
  providerId: r.providerId,
  status: r.status,
  flags: r.flags,
  company: r.company,
  role: r.role,
  industrySlug: r.industrySlug,
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
  dutiesContracted: r.dutiesContracted,
  mismatches: r.mismatches,
  communication: r.communication,
  reliability: r.reliability,
  costVersusQuote: r.costVersusQuote,
  problemsHandled: r.problemsHandled,
  wouldRehire: r.wouldRehire,
  recommend: r.recommend,
  advice: r.advice,
  privateNote: r.privateNote,
  scoreX100: r.scoreX100,
  reviewReason: r.reviewReason,
  createdAt: r.createdAt,
  functionSlug: q.functionSlug,
};

/**
 * Rewrites the providers' verified reference count and rating from their verified answers: the one
 * place those numbers are made (answers, operator decisions and the demo seed all end here).
 */
export async function refreshReferenceStats(db: Db, providerIds: readonly string[]): Promise<void> {
  if (providerIds.length === 0) return;
  await db.execute(sql`UPDATE providers p SET
      verified_reference_count = coalesce(s.n, 0),
      rating_count = coalesce(s.n, 0),
      rating_avg = s.avg
    FROM unnest(${sql.param([...providerIds])}::uuid[]) AS ids(id)
    LEFT JOIN (SELECT provider_id, count(*)::int AS n, round(avg(score_x100) / 100.0, 2) AS avg
               FROM reference_responses
               WHERE provider_id = ANY(${sql.param([...providerIds])}::uuid[]) AND status = 'verified'
               GROUP BY provider_id) s ON s.provider_id = ids.id
    WHERE p.id = ids.id`);
}

export function createReferencesRepository(db: Db): ReferencesRepository {
  /** Answers matching `where`, with their duties in order. */
  async function answers(where: SQL | undefined, order: 'new' | 'old', limit?: number) {
    const base = db
      .select(answerColumns)
      .from(r)
      .innerJoin(q, eq(q.id, r.requestId))
      .where(where)
      .orderBy(order === 'new' ? desc(r.createdAt) : asc(r.createdAt));
    const rows = limit ? await base.limit(limit) : await base;
    if (rows.length === 0) return [];
    const duties = await db
      .select({
        responseId: rd.responseId,
        dutyId: rd.dutyId,
        duty: rd.duty,
        performed: rd.performed,
        quality: rd.quality,
        timeliness: rd.timeliness,
        benchmark: rd.benchmark,
        example: rd.example,
      })
      .from(rd)
      .where(
        inArray(
          rd.responseId,
          rows.map((a) => a.id),
        ),
      )
      .orderBy(asc(rd.responseId), asc(rd.position));
    return rows.map(({ scoreX100, ...a }): ReferenceAnswerRecord => ({
      ...a,
      score: scoreX100 / 100,
      duties: duties.filter((d) => d.responseId === a.id).map(({ responseId: _, ...d }) => d),
    }));
  }

  async function requests(where: SQL | undefined): Promise<ReferenceRequestRecord[]> {
    const rows = await db.select(requestColumns).from(q).where(where).orderBy(desc(q.createdAt));
    if (rows.length === 0) return [];
    const found = await answers(
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

    async trustFacts(providerId, companyKey, requestId, at) {
      const since = new Date(at.getTime() - DEVICE_LOOKBACK_MS);
      const burstSince = new Date(at.getTime() - BURST_WINDOW_MS);
      const [facts] = await rowsOf<{
        memberIds: string[] | null;
        memberEmails: string[] | null;
        memberIps: string[] | null;
        memberDevices: { ip: string; userAgent: string }[] | null;
        website: string | null;
        sameCompany: number;
        recent: number;
      }>(
        db,
        sql`SELECT
          (SELECT array_agg(m.user_id::text) FROM provider_members m WHERE m.provider_id = ${providerId}) AS "memberIds",
          (SELECT array_agg(u.email) FROM provider_members m JOIN users u ON u.id = m.user_id
             WHERE m.provider_id = ${providerId}) AS "memberEmails",
          (SELECT array_agg(DISTINCT s.ip) FROM provider_members m JOIN refresh_sessions s ON s.user_id = m.user_id
             WHERE m.provider_id = ${providerId} AND s.ip IS NOT NULL AND s.last_seen_at >= ${since}::timestamptz) AS "memberIps",
          (SELECT json_agg(DISTINCT jsonb_build_object('ip', s.ip, 'userAgent', s.user_agent))
             FROM provider_members m JOIN refresh_sessions s ON s.user_id = m.user_id
             WHERE m.provider_id = ${providerId} AND s.ip IS NOT NULL AND s.user_agent IS NOT NULL
               AND s.last_seen_at >= ${since}::timestamptz) AS "memberDevices",
          (SELECT website FROM providers WHERE id = ${providerId}) AS website,
          (SELECT count(*)::int FROM reference_responses x WHERE x.provider_id = ${providerId}
             AND x.company_key = ${companyKey} AND x.status <> 'rejected' AND x.request_id <> ${requestId}::uuid) AS "sameCompany",
          (SELECT count(*)::int FROM reference_responses x WHERE x.provider_id = ${providerId}
             AND x.created_at >= ${burstSince}::timestamptz) AS recent`,
      );
      return {
        memberIds: facts?.memberIds ?? [],
        memberEmails: facts?.memberEmails ?? [],
        memberIps: facts?.memberIps ?? [],
        memberDevices: facts?.memberDevices ?? [],
        website: facts?.website ?? null,
        sameCompanyAnswers: Number(facts?.sameCompany ?? 0),
        recentAnswers: Number(facts?.recent ?? 0),
      };
    },

    async insertAnswer(requestId, providerId, a, at) {
      const closed = await db
        .update(q)
        .set({ status: 'answered', closedAt: at, nextReminderAt: null, draft: null })
        .where(and(eq(q.id, requestId), open))
        .returning({ id: q.id });
      if (closed.length === 0) return null;
      const { duties, score, ...answer } = a;
      const [row] = await db
        .insert(r)
        .values({ ...answer, requestId, providerId, scoreX100: Math.round(score * 100), createdAt: at })
        .returning({ id: r.id });
      const id = row!.id;
      if (duties.length) {
        await db.insert(rd).values(
          duties.map((d, position) => ({
            ...d,
            responseId: id,
            position,
            dutyKey: d.duty.toLowerCase().replace(/\s+/g, ' ').trim(),
          })),
        );
      }
      return id;
    },

    refreshProviderStats: (providerId) => refreshReferenceStats(db, [providerId]),

    summary: (providerId) => referenceSummary(db, providerId),

    verifiedAnswers: (providerId, limit) =>
      answers(and(eq(r.providerId, providerId), eq(r.status, 'verified')), 'new', limit),

    async flagged(limit) {
      const found = await answers(eq(r.status, 'flagged'), 'old', limit);
      if (found.length === 0) return [];
      const extra = await db
        .select({ id: r.id, email: q.email, pid: providers.id, name: providers.name, slug: providers.slug })
        .from(r)
        .innerJoin(q, eq(q.id, r.requestId))
        .innerJoin(providers, eq(providers.id, r.providerId))
        .where(
          inArray(
            r.id,
            found.map((a) => a.id),
          ),
        );
      const byId = new Map(extra.map((e) => [e.id, e]));
      return found.map((a): FlaggedAnswerRecord => {
        const e = byId.get(a.id)!;
        return { ...a, contactEmail: e.email, provider: { id: e.pid, name: e.name, slug: e.slug } };
      });
    },

    async review(answerId, decision, reason, by, at) {
      const [row] = await db
        .update(r)
        .set({
          status: decision === 'clear' ? 'verified' : 'rejected',
          reviewedBy: by,
          reviewedAt: at,
          reviewReason: reason || null,
        })
        .where(and(eq(r.id, answerId), eq(r.status, 'flagged')))
        .returning({ providerId: r.providerId, requestId: r.requestId, company: r.company });
      return row ?? null;
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
