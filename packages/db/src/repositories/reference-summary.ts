import type { ReferenceSummaryRecord } from '@handoff/core/references';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './sql-helpers.ts';

const round2 = (n: unknown) => (n === null || n === undefined ? null : Math.round(Number(n) * 100) / 100);

/** What verified answers say about one provider: overall, per duty and per industry served. */
export async function referenceSummary(db: Db, providerId: string): Promise<ReferenceSummaryRecord> {
  const verified = sql`r.provider_id = ${providerId} AND r.status = 'verified'`;
  const [overall, duties, industries] = await Promise.all([
    rowsOf<{ n: number; score: string | null; rehire: number; recommend: string | null }>(
      db,
      sql`SELECT count(*)::int AS n, avg(r.score_x100) / 100.0 AS score,
            count(*) FILTER (WHERE r.would_rehire = 'yes')::int AS rehire, avg(r.recommend) AS recommend
          FROM reference_responses r WHERE ${verified}`,
    ),
    rowsOf<{
      duty: string;
      answers: number;
      quality: string | null;
      timeliness: string | null;
      met: number;
      partly: number;
      missed: number;
    }>(
      db,
      sql`SELECT min(d.duty) AS duty, count(*)::int AS answers,
            avg(d.quality) AS quality, avg(d.timeliness) AS timeliness,
            count(*) FILTER (WHERE d.benchmark = 'met')::int AS met,
            count(*) FILTER (WHERE d.benchmark = 'partly')::int AS partly,
            count(*) FILTER (WHERE d.benchmark = 'missed')::int AS missed
          FROM reference_response_duties d JOIN reference_responses r ON r.id = d.response_id
          WHERE ${verified} AND d.performed
          GROUP BY d.duty_key ORDER BY count(*) DESC, min(d.duty) LIMIT 60`,
    ),
    rowsOf<{ function: string; industry: string; count: number }>(
      db,
      sql`SELECT q.function_slug AS function, r.industry_slug AS industry, count(*)::int AS count
          FROM reference_responses r JOIN reference_requests q ON q.id = r.request_id
          WHERE ${verified}
          GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
    ),
  ]);
  const o = overall[0];
  return {
    verifiedCount: o?.n ?? 0,
    score: round2(o?.score),
    wouldRehire: o?.rehire ?? 0,
    recommendAvg: round2(o?.recommend),
    duties: duties.map((d) => ({ ...d, quality: round2(d.quality), timeliness: round2(d.timeliness) })),
    industries,
  };
}
