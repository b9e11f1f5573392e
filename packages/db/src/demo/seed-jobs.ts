import { seedDemoReviews } from './seed-reviews.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from '../repositories/sql-helpers.ts';
import { scopeFor } from '../transaction.ts';
import {
  days,
  DRAFT_JOB,
  FILLED_BIDS,
  FILLED_JOB,
  hours,
  HOUR_VALUE,
  INVITATION_MESSAGE,
  INVITED_JOB,
  OPEN_BIDS,
  OPEN_JOB,
  TASKS,
  THREAD,
} from './job-texts.ts';
import {
  assign,
  BIDDER_COLUMNS,
  bidders,
  CANDIDATES,
  createJob,
  hire,
  isoDay,
  jobWrite,
  placeBid,
  type Bidder,
} from './seed-jobs-steps.ts';

const MARKER = 'demo_jobs';

export interface SeedDemoJobsOptions {
  ownerEmail: string;
  /** The demo provider account: one bid, the message thread and an invitation are its. */
  providerEmail: string;
  now?: Date;
}

export type SeedDemoJobsResult =
  { created: true; jobs: number; bids: number } | { created: false; reason: string };

/**
 * The demo owner's jobs: an open one with bids to compare (one shortlisted with a message thread,
 * one declined, one withdrawn), a filled one with its engagement, one the demo provider is invited
 * to, a draft, and the owner's hour value and worksheet. Written through the repositories in one
 * transaction with no notification or e-mail (this is history, not news). Once per database:
 * `app_meta.demo_jobs` is claimed in that transaction, so a second run (or a concurrent one) adds
 * nothing; the owner deleting a demo job does not bring it back.
 */
export async function seedDemoJobs(db: Db, options: SeedDemoJobsOptions): Promise<SeedDemoJobsResult> {
  const now = options.now ?? new Date();
  const at = (offset: number) => new Date(now.getTime() + offset);
  const [done] = await rowsOf(db, sql`SELECT 1 FROM app_meta WHERE key = ${MARKER}`);
  if (done) return { created: false, reason: 'already there' };
  const [owner] = await rowsOf<{ id: string }>(
    db,
    sql`SELECT id FROM users WHERE email = ${options.ownerEmail}`,
  );
  if (!owner) return { created: false, reason: `no account ${options.ownerEmail}` };
  const [account] = await rowsOf<Bidder>(
    db,
    sql`SELECT ${BIDDER_COLUMNS} FROM users u
      JOIN provider_members m ON m.user_id = u.id JOIN providers p ON p.id = m.provider_id
      WHERE u.email = ${options.providerEmail} AND p.status = 'published'
      ORDER BY m.created_at, p.id LIMIT 1`,
  );
  const mine = account ? [account.id] : [];
  const openBidders = assign(
    OPEN_BIDS,
    await bidders(db, OPEN_JOB.functionSlug, owner.id, mine, CANDIDATES),
    account,
  );
  const filledBidders = assign(
    FILLED_BIDS,
    await bidders(
      db,
      FILLED_JOB.functionSlug,
      owner.id,
      [...mine, ...(openBidders ?? []).map((b) => b.id)],
      CANDIDATES,
    ),
    account,
  );
  if (!openBidders || !filledBidders) {
    return { created: false, reason: 'too few published demo providers to bid' };
  }

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const claimed = await rowsOf(
      t,
      sql`INSERT INTO app_meta (key, value) VALUES (${MARKER}, ${JSON.stringify({ at: now.toISOString() })})
        ON CONFLICT (key) DO NOTHING RETURNING key`,
    );
    if (claimed.length === 0) return { created: false, reason: 'already there' } as const;
    const scope = scopeFor(t);
    let bids = 0;

    // The open job: bids over the three days since it was published.
    const open = await createJob(scope, owner.id, jobWrite(OPEN_JOB, { startBy: isoDay(at(days(14))) }), {
      createdAt: at(-days(5)),
      publishedAt: at(-days(3)),
    });
    let threadBid: { id: string; bidder: Bidder } | null = null;
    for (const [i, plan] of OPEN_BIDS.entries()) {
      const bidder = openBidders[i]!;
      const { id, sentAt } = await placeBid(scope, open, bidder, plan, now);
      bids += 1;
      if (plan.shortlisted) await scope.bids.setMarks(owner.id, id, { shortlisted: true });
      if (plan.status === 'declined') {
        await scope.bids.decline(
          owner.id,
          id,
          plan.declineReason ?? null,
          new Date(sentAt.getTime() + hours(10)),
        );
      }
      if (plan.status === 'withdrawn') {
        await scope.bids.withdraw(bidder.authorId, id, new Date(sentAt.getTime() + hours(12)));
      }
      if (plan.who === 'account') threadBid = { id, bidder };
    }
    if (threadBid) {
      const first = threadBid.bidder.name.split(' ')[0] ?? '';
      for (const message of THREAD) {
        const authorId = message.from === 'owner' ? owner.id : threadBid.bidder.authorId;
        const sent = new Date(open.publishedAt!.getTime() + message.after);
        const body = message.body.replace('{first}', first);
        await scope.bidMessages.insert({ bidId: threadBid.id, authorId, body, at: sent });
        await scope.bidMessages.markRead(threadBid.id, authorId, sent);
      }
    }

    // The filled job: the first bid accepted ten months ago, as the engagement service does it, and
    // reviewed each quarter since (so the engagement page has a trend to show).
    const filled = await createJob(
      scope,
      owner.id,
      jobWrite(FILLED_JOB, { startBy: isoDay(at(-days(298))) }),
      {
        createdAt: at(-days(316)),
        publishedAt: at(-days(314)),
      },
    );
    const filledIds: string[] = [];
    for (const [i, plan] of FILLED_BIDS.entries()) {
      // Bid ten months ago: their start dates count from then (the plans say "28 days ago").
      filledIds.push((await placeBid(scope, filled, filledBidders[i]!, plan, at(-days(270)))).id);
      bids += 1;
    }
    const hired = await hire(scope, owner.id, filled.id, filledIds[0]!, at(-days(300)));
    await seedDemoReviews(scope, owner.id, hired.id, now);

    const invited = await createJob(
      scope,
      owner.id,
      jobWrite(INVITED_JOB, { startBy: isoDay(at(days(21))) }),
      {
        createdAt: at(-days(2)),
        publishedAt: at(-days(1)),
      },
    );
    if (account) {
      await scope.jobPostInvitations.create({
        jobPostId: invited.id,
        providerId: account.id,
        invitedBy: owner.id,
        message: INVITATION_MESSAGE,
        at: at(-hours(20)),
      });
    }
    const draft = await createJob(scope, owner.id, jobWrite(DRAFT_JOB), {
      createdAt: at(-days(1)),
      publishedAt: null,
    });

    // The owner's own figures are left alone when they already entered some.
    if (!(await scope.owners.findProfile(owner.id))) {
      await scope.owners.saveProfile(owner.id, { ...HOUR_VALUE, currency: 'USD' }, now);
    }
    if ((await scope.owners.countTasks(owner.id)) === 0) {
      const jobOf = { open: open.id, filled: filled.id, draft: draft.id };
      for (const task of TASKS) {
        const { job, ...write } = task;
        const functionSource = task.functionSlug ? ('chosen' as const) : null;
        const row = await scope.owners.insertTask(owner.id, { ...write, functionSource }, now);
        if (job) await scope.owners.linkTask(owner.id, row.id, jobOf[job], now);
      }
    }
    return { created: true, jobs: 4, bids } as const;
  });
}
