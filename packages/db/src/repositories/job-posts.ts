import type {
  BidStats,
  BidStatus,
  JobPostRecord,
  JobPostsRepository,
  JobPostSummaryRecord,
  ViewerJobPost,
} from '@handoff/core/job-posts';
import { and, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jobPosts as j } from '../schema/index.ts';
import { jobColumns, jobValues, replaceLists, withLists, type JobRow } from './job-post-rows.ts';
import { rowsOf } from './sql-helpers.ts';

const NO_BIDS: Record<BidStatus, number> = {
  active: 0,
  withdrawn: 0,
  declined: 0,
  accepted: 0,
  not_selected: 0,
};

/** Bid counts, unread messages and invitations of the owner's jobs among `ids`, by job. */
async function statsFor(db: Db, ownerId: string, ids: string[]): Promise<Map<string, BidStats>> {
  const out = new Map<string, BidStats>(
    ids.map((id) => [id, { bids: { ...NO_BIDS }, unreadMessages: 0, invitations: 0 }]),
  );
  if (ids.length === 0) return out;
  const jobs = sql`(SELECT id FROM job_posts WHERE owner_id = ${ownerId} AND id = ANY(${sql.param(ids)}::uuid[]))`;
  const [bids, unread, invitations] = await Promise.all([
    rowsOf<{ job: string; status: BidStatus; n: number }>(
      db,
      sql`SELECT job_post_id AS job, status, count(*)::int AS n FROM bids
        WHERE job_post_id IN ${jobs} GROUP BY job_post_id, status`,
    ),
    // A provider's message is unread until the owner's read mark for that bid's thread passes it.
    rowsOf<{ job: string; n: number }>(
      db,
      sql`SELECT b.job_post_id AS job, count(*)::int AS n
        FROM bid_messages m JOIN bids b ON b.id = m.bid_id
        LEFT JOIN bid_thread_reads r ON r.bid_id = b.id AND r.user_id = ${ownerId}
        WHERE b.job_post_id IN ${jobs} AND m.author_id <> ${ownerId}
          AND (r.read_at IS NULL OR m.created_at > r.read_at)
        GROUP BY b.job_post_id`,
    ),
    rowsOf<{ job: string; n: number }>(
      db,
      sql`SELECT job_post_id AS job, count(*)::int AS n FROM job_post_invitations
        WHERE job_post_id IN ${jobs} GROUP BY job_post_id`,
    ),
  ]);
  for (const r of bids) out.get(r.job)!.bids[r.status] = r.n;
  for (const r of unread) out.get(r.job)!.unreadMessages = r.n;
  for (const r of invitations) out.get(r.job)!.invitations = r.n;
  return out;
}

// Drizzle leaves columns of a one-table select unqualified, where a subquery would take them for its
// own: the outer row's id is named in full.
const JOB_ID = sql.raw('"job_posts"."id"');

/** The viewer's provider profiles, as a subquery. */
const viewerProviders = (userId: string) =>
  sql`(SELECT provider_id FROM provider_members WHERE user_id = ${userId})`;

export function createJobPostsRepository(db: Db): JobPostsRepository {
  const ownRow = (ownerId: string, id: string, extra?: SQL) =>
    db
      .select(jobColumns)
      .from(j)
      .where(and(eq(j.id, id), eq(j.ownerId, ownerId), extra));

  return {
    async create(ownerId, write, at) {
      const [row] = await db
        .insert(j)
        .values({ ownerId, ...jobValues(write), createdAt: at, updatedAt: at })
        .returning({ id: j.id });
      await replaceLists(db, row!.id, write);
      return { id: row!.id };
    },

    async findForOwner(ownerId, id) {
      const [record] = await withLists(db, (await ownRow(ownerId, id)) as JobRow[]);
      return record ?? null;
    },

    async replace(ownerId, id, write, { expectedStatus, bumpRevision }, at) {
      const rows = await db
        .update(j)
        .set({
          ...jobValues(write),
          updatedAt: at,
          ...(bumpRevision ? { revision: sql`${j.revision} + 1` } : {}),
        })
        .where(and(eq(j.id, id), eq(j.ownerId, ownerId), eq(j.status, expectedStatus)))
        .returning({ id: j.id });
      if (rows.length === 0) return false;
      await replaceLists(db, id, write);
      return true;
    },

    async transition(ownerId, id, from, to, at) {
      const stamp = to === 'open' ? { publishedAt: at } : to === 'closed' ? { closedAt: at } : {};
      const rows = await db
        .update(j)
        .set({ status: to, updatedAt: at, ...stamp })
        .where(and(eq(j.id, id), eq(j.ownerId, ownerId), eq(j.status, from)))
        .returning({ id: j.id });
      return rows.length > 0;
    },

    async deleteDraft(ownerId, id) {
      const rows = await db
        .delete(j)
        .where(and(eq(j.id, id), eq(j.ownerId, ownerId), eq(j.status, 'draft')))
        .returning({ id: j.id });
      return rows.length > 0;
    },

    async listForOwner(ownerId, status) {
      const { summary: _s, processNotes: _p, trainingLinks: _t, ...columns } = jobColumns;
      const rows = await db
        .select(columns)
        .from(j)
        .where(and(eq(j.ownerId, ownerId), status ? eq(j.status, status) : undefined))
        .orderBy(desc(j.createdAt), desc(j.id))
        // An owner's whole history fits; a runaway account does not get an unbounded answer.
        .limit(500);
      const stats = await statsFor(
        db,
        ownerId,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({ ...r, ...stats.get(r.id)! })) as JobPostSummaryRecord[];
    },

    async stats(ownerId, id) {
      return (await statsFor(db, ownerId, [id])).get(id)!;
    },

    async findForViewer(userId, id) {
      const mine = viewerProviders(userId);
      const invited = sql`EXISTS (SELECT 1 FROM job_post_invitations i
        WHERE i.job_post_id = ${JOB_ID} AND i.provider_id IN ${mine})`;
      const bidOf = sql`(SELECT b.id FROM bids b WHERE b.job_post_id = ${JOB_ID} AND b.provider_id IN ${mine}
        ORDER BY b.created_at LIMIT 1)`;
      const [row] = await db
        .select({
          ...jobColumns,
          invited: sql<boolean>`${invited}`,
          myBid: sql<
            ViewerJobPost['myBid']
          >`(SELECT json_build_object('id', bb.id, 'providerId', bb.provider_id,
            'status', bb.status) FROM bids bb WHERE bb.id = ${bidOf})`,
        })
        .from(j)
        .where(
          and(
            eq(j.id, id),
            ne(j.ownerId, userId),
            ne(j.status, 'draft'),
            sql`((${j.status} = 'open' AND ${j.visibility} = 'public' AND EXISTS (SELECT 1 FROM provider_members
              WHERE user_id = ${userId})) OR ${invited} OR ${bidOf} IS NOT NULL)`,
          ),
        );
      if (!row) return null;
      const { invited: isInvited, myBid, ...job } = row;
      const [record] = await withLists(db, [job as JobRow]);
      return { job: record as JobPostRecord, invited: isInvited, myBid };
    },

    async findPublic(id) {
      const rows = await db
        .select(jobColumns)
        .from(j)
        .where(and(eq(j.id, id), eq(j.status, 'open'), eq(j.visibility, 'public')));
      const [record] = await withLists(db, rows as JobRow[]);
      return record ?? null;
    },

    async activeBidderMembers(jobPostId) {
      const rows = await rowsOf<{ userId: string }>(
        db,
        sql`SELECT DISTINCT m.user_id AS "userId"
          FROM bids b JOIN provider_members m ON m.provider_id = b.provider_id
          JOIN job_posts jp ON jp.id = b.job_post_id
          WHERE b.job_post_id = ${jobPostId} AND b.status = 'active' AND m.user_id <> jp.owner_id
          ORDER BY 1`,
      );
      return rows.map((r) => r.userId);
    },
  };
}
