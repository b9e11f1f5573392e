import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBidMessagesRepository,
  createBidsRepository,
  createEngagementsRepository,
  createJobPostFeedRepository,
  createJobPostInvitationsRepository,
  createJobPostsRepository,
  createOwnersRepository,
  DEMO_OWNER_EMAIL,
  DEMO_PROVIDER_EMAIL,
  seed,
  type Database,
} from '../src/index.ts';
import { createReviewsRepository } from '../src/repositories/reviews.ts';
import { rowsOf } from '../src/repositories/sql-helpers.ts';
import { openTestDatabase } from '../src/testing.ts';

// The demo data `pnpm start` loads: the owner's jobs, bids, engagement and worksheet, once.

let database: Database;
const now = new Date('2026-12-01T12:00:00Z');
const today = now.toISOString().slice(0, 10);
const ids = { owner: '', provider: '' };

const q = <R>(text: string) => rowsOf<R>(database.db, sql.raw(text));

/** Every row the demo jobs write (and the ones they must not), in a stable order. */
const snapshot = async () => ({
  jobs: await q(`SELECT id, status, title, published_at, closed_at FROM job_posts ORDER BY id`),
  duties: await q(`SELECT id, job_post_id, position FROM job_post_duties ORDER BY id`),
  bids: await q(`SELECT id, status, price, shortlisted, decline_reason FROM bids ORDER BY id`),
  coverage: await q(`SELECT bid_id, duty_id, coverage, note FROM bid_duty_coverage ORDER BY bid_id, duty_id`),
  commitments: await q(
    `SELECT bid_id, benchmark_id, commitment, note FROM bid_benchmark_answers ORDER BY bid_id, benchmark_id`,
  ),
  messages: await q(`SELECT id, body FROM bid_messages ORDER BY id`),
  engagements: await q(`SELECT id, bid_id, start_date FROM engagements ORDER BY id`),
  invitations: await q(`SELECT job_post_id, provider_id FROM job_post_invitations ORDER BY 1, 2`),
  tasks: await q(`SELECT id, name, job_post_id FROM owner_tasks ORDER BY id`),
  profiles: await q(`SELECT user_id, target_income FROM owner_profiles ORDER BY 1`),
  notifications: await q(`SELECT count(*)::int AS n FROM notifications`),
  emails: await q(`SELECT count(*)::int AS n FROM outbox WHERE name LIKE 'email.%'`),
});

beforeAll(async () => {
  database = await openTestDatabase();
  await seed(database, { demo: true, now });
  const [owner] = await q<{ id: string }>(`SELECT id FROM users WHERE email = '${DEMO_OWNER_EMAIL}'`);
  const [provider] = await q<{ id: string }>(`SELECT id FROM users WHERE email = '${DEMO_PROVIDER_EMAIL}'`);
  ids.owner = owner!.id;
  ids.provider = provider!.id;
}, 120_000);
afterAll(() => database?.close());

async function ownerJobs() {
  const jobs = await createJobPostsRepository(database.db).listForOwner(ids.owner);
  const by = (status: string) => jobs.filter((j) => j.status === status);
  return { jobs, open: by('open'), filled: by('filled'), draft: by('draft') };
}

describe('demo jobs', () => {
  it('are written once: a second seed (later, even) changes no row and queues no e-mail', async () => {
    const first = await snapshot();
    expect(first.jobs).toHaveLength(4);
    expect(first.notifications).toEqual([{ n: 0 }]);
    expect(first.emails).toEqual([{ n: 0 }]);
    await seed(database, { demo: true, now: new Date(now.getTime() + 86_400_000) });
    expect(await snapshot()).toEqual(first);
  });

  it('give the owner an open job with at least five bids, each answering every duty and benchmark', async () => {
    const { open } = await ownerJobs();
    const withBids = open.find((j) => j.functionSlug === 'bookkeeping')!;
    expect(withBids.publishedAt!.getTime()).toBeLessThan(now.getTime());
    const found = await createBidsRepository(database.db).comparison(ids.owner, withBids.id);
    const { jobPost, bids } = found!;
    expect(bids.length).toBeGreaterThanOrEqual(5);
    expect(jobPost.duties.length).toBeGreaterThan(3);
    expect(jobPost.benchmarks.length).toBeGreaterThan(0);
    for (const bid of bids) {
      expect(bid.coverage.map((c) => c.dutyId).sort()).toEqual(jobPost.duties.map((d) => d.id).sort());
    }
    const levels = new Set(bids.flatMap((b) => b.coverage.map((c) => c.coverage)));
    expect([...levels].sort()).toEqual(['no', 'partly', 'yes']);
    // The grid's benchmark rows have real answers from the start, notes on some.
    for (const bid of bids) {
      expect(bid.benchmarks.map((a) => a.benchmarkId).sort()).toEqual(
        jobPost.benchmarks.map((b) => b.id).sort(),
      );
    }
    const commitments = bids.flatMap((b) => b.benchmarks);
    expect([...new Set(commitments.map((a) => a.commitment))].sort()).toEqual(['no', 'partly', 'yes']);
    expect(commitments.filter((a) => a.note).length).toBeGreaterThan(3);
    expect(new Set(bids.map((b) => b.price)).size).toBeGreaterThan(3);
    expect(bids.filter((b) => b.shortlisted)).toHaveLength(1);
    const declined = bids.filter((b) => b.status === 'declined');
    expect(declined).toHaveLength(1);
    expect(declined[0]!.declineReason).toMatch(/\w/);
    expect(bids.filter((b) => b.status === 'withdrawn')).toHaveLength(1);
    expect(bids.every((b) => b.coverNote.length > 10)).toBe(true);
  });

  it('give the demo provider a bid with a message thread, and an invitation to another open job', async () => {
    const mine = await createBidsRepository(database.db).listForMember(ids.provider, { limit: 50 });
    expect(mine).toHaveLength(1);
    const bid = (await createBidsRepository(database.db).findForViewer(ids.provider, mine[0]!.id))!;
    expect(bid.status).toBe('active');
    const thread = await createBidMessagesRepository(database.db).list(bid.id, { limit: 50 });
    expect(thread.messages.map((m) => m.authorId)).toEqual([
      ids.owner,
      ids.provider,
      ids.owner,
      ids.provider,
    ]);
    // The owner has the provider's last answer to read.
    expect(await createBidMessagesRepository(database.db).unreadTotal(ids.owner)).toBe(1);

    const invitations = await createJobPostInvitationsRepository(database.db).listReceived(ids.provider);
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.status).toBe('open');
    expect(invitations[0]!.jobPostId).not.toBe(bid.jobPost.id);

    const feed = createJobPostFeedRepository(database.db);
    const [profile] = await feed.providersOf(ids.provider);
    const page = await feed.page(profile!, { sort: 'newest', page: 1, perPage: 20 });
    const inFeed = new Map(page.rows.map((r) => [r.id, r]));
    expect(inFeed.get(bid.jobPost.id)?.bidStatus).toBe('active');
    expect(inFeed.get(invitations[0]!.jobPostId)?.invited).toBe(true);
  });

  it('give the owner a filled job whose accepted bid started an engagement in the recent past', async () => {
    const { filled } = await ownerJobs();
    expect(filled).toHaveLength(1);
    const { bids } = (await createBidsRepository(database.db).comparison(ids.owner, filled[0]!.id))!;
    expect(bids.map((b) => b.status).sort()).toEqual(['accepted', 'not_selected', 'not_selected']);
    const [engagement, ...others] = await createEngagementsRepository(database.db).listForUser(ids.owner, {});
    expect(others).toEqual([]);
    expect(engagement!.jobPost.id).toBe(filled[0]!.id);
    expect(engagement!.bidId).toBe(bids.find((b) => b.status === 'accepted')!.id);
    expect(engagement!.startDate < today).toBe(true);
    const detail = await createEngagementsRepository(database.db).findForUser(ids.owner, engagement!.id);
    expect(detail!.duties.length).toBeGreaterThan(0);
    // Reviewed each quarter since it started, so its page has a trend; the next one is in the future.
    const reviews = await createReviewsRepository(database.db).listForParty(ids.owner, engagement!.id);
    expect(reviews.map((r) => r.decision)).toEqual(['keep', 'improve', 'keep']);
    expect(detail!.nextReviewDue! > today).toBe(true);
  });

  it('give the owner a draft, an hour value and a worksheet whose hated tasks link to the jobs', async () => {
    const { draft, jobs } = await ownerJobs();
    expect(draft).toHaveLength(1);
    const owners = createOwnersRepository(database.db);
    expect(await owners.findProfile(ids.owner)).toMatchObject({
      targetIncome: 200_000,
      hoursPerDay: 3,
      daysPerWeek: 5,
      weeksPerYear: 52,
    });
    const tasks = await owners.listTasks(ids.owner);
    expect(tasks.filter((t) => t.feeling === 'love').length).toBeGreaterThan(0);
    const linked = tasks.filter((t) => t.jobPostId).map((t) => t.jobPostId);
    expect(linked).toHaveLength(3);
    expect(linked).toContain(draft[0]!.id);
    for (const id of linked) expect(jobs.map((j) => j.id)).toContain(id);
  });
});
