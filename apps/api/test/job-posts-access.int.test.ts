import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';
import {
  completeJob,
  createDraft,
  createOpenJob,
  insertBid,
  publishedProvider,
  signUpOwner,
} from './job-post-factory.ts';

// The owner's pages of their jobs, the public page, and who may read or change a job.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const req = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  headers: Headers = {},
  payload?: object,
) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe('the owner’s pages', () => {
  it('lists the owner’s jobs newest first with bid counts and unread messages', async () => {
    const owner = await signUpOwner(t.app);
    const older = await createOpenJob(t.app, owner.headers, { title: 'Older job' });
    const newer = await createDraft(t.app, owner.headers, { title: 'Newer draft' });
    const bidder = await publishedProvider(t.app);
    const bidId = await insertBid(t.database, {
      jobPostId: older.id,
      providerId: bidder.providerId,
      authorId: bidder.userId,
    });
    await t.database.db.execute(
      sql`INSERT INTO bid_messages (bid_id, author_id, body) VALUES (${bidId}, ${bidder.userId}, 'Hello'), (${bidId}, ${owner.id}, 'Hi')`,
    );
    const list = (await req('GET', '/job-posts', owner.headers)).json().jobPosts;
    expect(list.map((j: { id: string }) => j.id)).toEqual([newer.id, older.id]);
    expect(list[1]).toMatchObject({ bids: { active: 1, total: 1 }, unreadMessages: 1, status: 'open' });
    expect(list[0]).toMatchObject({ bids: { total: 0 }, unreadMessages: 0, status: 'draft' });
    await t.database.db.execute(
      sql`INSERT INTO bid_thread_reads (bid_id, user_id, read_at) VALUES (${bidId}, ${owner.id}, now() + interval '1 minute')`,
    );
    expect((await req('GET', `/job-posts/${older.id}`, owner.headers)).json().unreadMessages).toBe(0);
    const drafts = (await req('GET', '/job-posts?status=draft', owner.headers)).json().jobPosts;
    expect(drafts.map((j: { id: string }) => j.id)).toEqual([newer.id]);
    expect((await req('GET', '/job-posts?status=secret', owner.headers)).statusCode).toBe(400);
  });

  it('shows what handing the job off is worth once the owner saved their hour value', async () => {
    const owner = await signUpOwner(t.app);
    await req('PUT', '/owner/profile', owner.headers, {
      targetIncome: 195_000,
      hoursPerDay: 3,
      daysPerWeek: 5,
      weeksPerYear: 52,
    });
    const job = await createDraft(t.app, owner.headers, { hoursPerWeek: 4, budgetMin: 25, budgetMax: 50 });
    expect((await req('GET', `/job-posts/${job.id}`, owner.headers)).json().handoff).toEqual({
      currency: 'USD',
      hourValue: 250,
      ownerCostPerWeek: 1000,
      ownerCostPerYear: 52_000,
      budgetPerWeek: { min: 100, max: 200 },
      gainPerWeek: { min: 800, max: 900 },
      gainPerYear: { min: 41_600, max: 46_800 },
    });
  });

  it('the public page of an open public job has no owner, notes, links or bids; others are 404', async () => {
    const owner = await signUpOwner(t.app);
    const job = await createOpenJob(t.app, owner.headers);
    const res = await req('GET', `/public/job-posts/${job.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: job.id, title: completeJob().title, status: 'open', budgetMinUsd: 25 });
    for (const hidden of [
      'ownerId',
      'owner',
      'processNotes',
      'trainingLinks',
      'bids',
      'unreadMessages',
      'viewer',
    ]) {
      expect(body).not.toHaveProperty(hidden);
    }
    expect(res.body).not.toContain('Receipts 2026');
    expect(res.body).not.toContain(owner.id);

    const draft = await createDraft(t.app, owner.headers);
    const invite = await createOpenJob(t.app, owner.headers, { visibility: 'invite_only' });
    const closed = await createOpenJob(t.app, owner.headers);
    await req('POST', `/job-posts/${closed.id}/close`, owner.headers);
    for (const id of [draft.id, invite.id, closed.id, owner.id]) {
      expect((await req('GET', `/public/job-posts/${id}`)).statusCode).toBe(404);
    }
    expect((await req('GET', '/public/job-posts/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('only the owner reads and changes a job', () => {
  let owner: { id: string; headers: Headers };
  let other: { id: string; headers: Headers };
  let provider: Awaited<ReturnType<typeof publishedProvider>>;
  let draft: { id: string };
  let open: { id: string };
  beforeAll(async () => {
    owner = await signUpOwner(t.app);
    other = await signUpOwner(t.app);
    provider = await publishedProvider(t.app);
    draft = await createDraft(t.app, owner.headers);
    open = await createOpenJob(t.app, owner.headers);
  });

  const attempts = () =>
    [
      ['PUT', `/job-posts/${open.id}`, completeJob({ title: 'Hijacked' })],
      ['PUT', `/job-posts/${draft.id}`, completeJob({ title: 'Hijacked' })],
      ['POST', `/job-posts/${draft.id}/publish`],
      ['POST', `/job-posts/${open.id}/close`],
      ['DELETE', `/job-posts/${draft.id}`],
      ['POST', `/job-posts/${open.id}/invitations`, { providerId: provider.providerId }],
      ['GET', `/job-posts/${open.id}/invitations`],
      ['GET', `/job-posts/${draft.id}`],
    ] as const;

  it.each([
    ['another owner', () => other.headers],
    ['a provider', () => provider.headers],
  ])('%s gets 404 with a message and changes nothing', async (_who, headers) => {
    for (const [method, url, body] of attempts()) {
      const res = await req(method, url, headers(), body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().message).toMatch(
        /No job with this id among yours|no job with this id that you can see/i,
      );
    }
    const mine = (await req('GET', `/job-posts/${open.id}`, owner.headers)).json();
    expect(mine).toMatchObject({ status: 'open', title: completeJob().title, invitations: 0, revision: 0 });
    expect((await req('GET', `/job-posts/${draft.id}`, owner.headers)).json().status).toBe('draft');
  });

  it('anonymous gets 401 everywhere but the public page', async () => {
    for (const [method, url, body] of [
      ...attempts(),
      ['GET', '/job-posts'],
      ['POST', '/job-posts', completeJob()],
    ] as const) {
      const res = await req(method, url, {}, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().message).toMatch(/Log in/);
    }
  });

  it('another owner sees neither in their list, nor the open job by id (only its public page)', async () => {
    expect((await req('GET', '/job-posts', other.headers)).json().jobPosts).toEqual([]);
    expect((await req('GET', `/job-posts/${open.id}`, other.headers)).statusCode).toBe(404);
    expect((await req('GET', `/public/job-posts/${open.id}`, other.headers)).statusCode).toBe(200);
  });

  it('a provider member sees the open public job as a provider, without notes until invited or bidding', async () => {
    const res = await req('GET', `/job-posts/${open.id}`, provider.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      viewer: 'provider',
      invited: false,
      myBid: null,
      processNotes: null,
      trainingLinks: null,
    });
    expect(res.json()).not.toHaveProperty('bids');
    const bidId = await insertBid(t.database, {
      jobPostId: open.id,
      providerId: provider.providerId,
      authorId: provider.userId,
    });
    const after = (await req('GET', `/job-posts/${open.id}`, provider.headers)).json();
    expect(after).toMatchObject({ myBid: { id: bidId, providerId: provider.providerId, status: 'active' } });
    expect(after.processNotes).toMatch(/Receipts 2026/);
  });
});
