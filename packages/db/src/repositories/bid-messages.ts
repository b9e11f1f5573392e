import type { BidMessagesRepository } from '@handoff/core/bids';
import { and, asc, desc, eq, gt, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bidMessages as m, bidThreadEmails, bidThreadReads, users } from '../schema/index.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export function createBidMessagesRepository(db: Db): BidMessagesRepository {
  const select = () =>
    db
      .select({
        id: m.id,
        body: m.body,
        authorId: m.authorId,
        authorName: users.name,
        createdAt: m.createdAt,
      })
      .from(m)
      .innerJoin(users, eq(users.id, m.authorId));

  return {
    async list(bidId, { after, before, limit }) {
      if (after) {
        const messages = await select()
          .where(and(eq(m.bidId, bidId), gt(m.createdAt, after)))
          .orderBy(asc(m.createdAt), asc(m.id))
          .limit(limit);
        return { messages, hasEarlier: false };
      }
      // The latest page (or the page before `before`), one extra row to tell whether more precede it.
      const rows = await select()
        .where(and(eq(m.bidId, bidId), before ? lt(m.createdAt, before) : undefined))
        .orderBy(desc(m.createdAt), desc(m.id))
        .limit(limit + 1);
      return { messages: rows.slice(0, limit).reverse(), hasEarlier: rows.length > limit };
    },

    async insert({ bidId, authorId, body, at }) {
      const [row] = await db
        .insert(m)
        .values({ bidId, authorId, body, createdAt: at })
        .returning({ id: m.id });
      return row!;
    },

    async markRead(bidId, userId, upTo) {
      await db
        .insert(bidThreadReads)
        .values({ bidId, userId, readAt: upTo })
        .onConflictDoUpdate({
          target: [bidThreadReads.bidId, bidThreadReads.userId],
          set: { readAt: sql`greatest(${bidThreadReads.readAt}, excluded.read_at)` },
        });
    },

    async unreadTotal(userId) {
      // The caller's threads first (as the job's owner, or as a member of the bidding provider),
      // each through its own index, then their unread messages from the other side.
      const result = await db.execute(sql`
        with threads as (
          select b.id, j.owner_id, true as as_owner
          from job_posts j join bids b on b.job_post_id = j.id
          where j.owner_id = ${userId}
          union all
          select b.id, j.owner_id, false
          from provider_members pm
          join bids b on b.provider_id = pm.provider_id
          join job_posts j on j.id = b.job_post_id
          where pm.user_id = ${userId} and j.owner_id <> ${userId}
        )
        select count(*)::int as n
        from threads t
        join bid_messages m on m.bid_id = t.id
        left join bid_thread_reads r on r.bid_id = t.id and r.user_id = ${userId}
        where m.created_at > coalesce(r.read_at, '-infinity'::timestamptz)
          and (m.author_id = t.owner_id) <> t.as_owner
      `);
      return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
    },

    async claimEmail(bidId, userId, at, since) {
      const rows = await db
        .insert(bidThreadEmails)
        .values({ bidId, userId, emailedAt: at })
        .onConflictDoUpdate({
          target: [bidThreadEmails.bidId, bidThreadEmails.userId],
          set: { emailedAt: at },
          setWhere: lte(bidThreadEmails.emailedAt, since),
        })
        .returning({ bidId: bidThreadEmails.bidId });
      return rows.length > 0;
    },
  };
}
