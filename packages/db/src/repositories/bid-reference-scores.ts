import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './sql-helpers.ts';

export interface DutyReferenceScore {
  bidId: string;
  dutyId: string;
  /** Verified answers that rated this duty as performed. */
  answers: number;
  /** Mean quality 1–5, two decimals. */
  quality: number | null;
}

/**
 * Each bid's provider's verified reference score per duty of the job, for every bid at once (one
 * statement, however many bids). An answer given on this very bid is matched by the job duty's id,
 * so an owner's later rewording of the duty keeps it; any other answer (another job, the profile)
 * by the duty's text, lower-cased with whitespace folded as `reference_response_duties.duty_key` is.
 * Only verified answers and performed duties count: a held or rejected answer is no evidence.
 */
export async function bidReferenceScores(
  db: Db,
  ownerId: string,
  jobPostId: string,
): Promise<DutyReferenceScore[]> {
  const rows = await rowsOf<{ bidId: string; dutyId: string; answers: number; quality: string | null }>(
    db,
    sql`WITH jb AS (
          SELECT b.id AS bid_id, b.provider_id
          FROM bids b JOIN job_posts j ON j.id = b.job_post_id
          WHERE b.job_post_id = ${jobPostId} AND j.owner_id = ${ownerId}
        ),
        jd AS (
          SELECT d.id AS duty_id, btrim(regexp_replace(lower(d.text), '\\s+', ' ', 'g')) AS duty_key
          FROM job_post_duties d WHERE d.job_post_id = ${jobPostId}
        )
        SELECT jb.bid_id AS "bidId", jd.duty_id AS "dutyId",
          count(DISTINCT r.id)::int AS answers, avg(rd.quality) AS quality
        FROM jb
        JOIN reference_responses r ON r.provider_id = jb.provider_id AND r.status = 'verified'
        JOIN reference_requests q ON q.id = r.request_id
        JOIN reference_response_duties rd ON rd.response_id = r.id AND rd.performed
        JOIN jd ON CASE WHEN q.bid_id = jb.bid_id THEN rd.duty_id = jd.duty_id
                        ELSE rd.duty_key = jd.duty_key END
        GROUP BY jb.bid_id, jd.duty_id`,
  );
  return rows.map((r) => ({
    ...r,
    quality: r.quality === null ? null : Math.round(Number(r.quality) * 100) / 100,
  }));
}
