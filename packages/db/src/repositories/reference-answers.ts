import type {
  FlaggedAnswerRecord,
  ReferenceAnswerRecord,
  ReferencesRepository,
} from '@handoff/core/references';
import { BURST_WINDOW_MS, DEVICE_LOOKBACK_MS, OPEN_STATUSES } from '@handoff/core/references';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  providers,
  referenceRequests as q,
  referenceResponseDuties as rd,
  referenceResponses as r,
} from '../schema/index.ts';
import { referenceSummary } from './reference-summary.ts';
import { rowsOf } from './sql-helpers.ts';

// The answering half of the references repository: the customer's answer, the facts its trust
// signals are read from, the operator's decision and the numbers made from verified answers. The
// asking half (requests, links, reminders) is in references.ts, which joins the two.

/** A request still waiting for its customer. */
export const openRequest = inArray(q.status, [...OPEN_STATUSES]);

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

/** Answers matching `where`, with their duties in order. */
export async function referenceAnswers(
  db: Db,
  where: SQL | undefined,
  order: 'new' | 'old',
  limit?: number,
): Promise<ReferenceAnswerRecord[]> {
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

type AnswerMethods = Pick<
  ReferencesRepository,
  | 'trustFacts'
  | 'insertAnswer'
  | 'refreshProviderStats'
  | 'summary'
  | 'verifiedAnswers'
  | 'flagged'
  | 'review'
>;

export function referenceAnswerMethods(db: Db): AnswerMethods {
  return {
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
        .where(and(eq(q.id, requestId), openRequest))
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
      referenceAnswers(db, and(eq(r.providerId, providerId), eq(r.status, 'verified')), 'new', limit),

    async flagged(limit) {
      const found = await referenceAnswers(db, eq(r.status, 'flagged'), 'old', limit);
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
  };
}
