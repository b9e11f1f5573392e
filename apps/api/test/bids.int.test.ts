import { bids } from '@handoff/db/schema';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  anOwner,
  aProvider,
  bidBody,
  emailJobsFor,
  insertJobPost,
  inviteToJobPost,
  notificationsOf,
  setJobPostStatus,
  submitBid,
  type Headers,
} from './bid-factory.ts';
import { buildTestApp, type TestApp } from './helpers.ts';
import { createProfile, signUpProvider } from './provider-factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const bidCount = async (jobPostId: string) =>
  (await t.database.db.select({ n: count() }).from(bids).where(eq(bids.jobPostId, jobPostId)))[0]!.n;

describe('submitting a bid', () => {
  it('a member bids for its provider; the owner is told in-app and an e-mail is queued', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const keystone = await aProvider(t.app, 'Keystone Front Desk');

    const body = bidBody(job, {
      startDate: '2099-03-01',
      coverage: [
        { dutyId: job.duties[2]!.id, coverage: 'partly', note: 'Weekdays only' },
        { dutyId: job.duties[0]!.id, coverage: 'yes' },
        { dutyId: job.duties[1]!.id, coverage: 'no' },
      ],
    });
    const res = await req('POST', `/job-posts/${job.id}/bids`, keystone.headers, body);
    expect(res.statusCode).toBe(201);
    const bid = res.json();
    expect(bid).toMatchObject({
      viewer: 'provider',
      status: 'active',
      price: 1500,
      priceBasis: 'monthly',
      currency: 'USD',
      startDate: '2099-03-01',
      revision: 0,
      package: null,
      jobPost: { id: job.id, title: job.title, status: 'open' },
      provider: { id: keystone.id, name: 'Keystone Front Desk' },
      coverageSummary: { yes: 1, partly: 1, no: 1, unanswered: 0, score: 50, full: false },
      canRevise: true,
      canWithdraw: true,
      canMessage: true,
    });
    // In the job's duty order, whatever order they were sent in.
    expect(bid.coverage).toEqual([
      { dutyId: job.duties[0]!.id, duty: job.duties[0]!.text, coverage: 'yes', note: '' },
      { dutyId: job.duties[1]!.id, duty: job.duties[1]!.text, coverage: 'no', note: '' },
      { dutyId: job.duties[2]!.id, duty: job.duties[2]!.text, coverage: 'partly', note: 'Weekdays only' },
    ]);
    // The provider's view never carries the owner's own marks.
    expect(bid).not.toHaveProperty('shortlisted');
    expect(bid).not.toHaveProperty('archived');

    const [note] = await notificationsOf(t.app, owner.headers);
    expect(note).toMatchObject({
      kind: 'bid.received',
      title: `New bid on “${job.title}” from Keystone Front Desk`,
      link: `/jobs/${job.id}/bids`,
    });
    expect(note!.body).toContain('USD 1,500 a month, covering 1 of 3 duties fully and 1 partly');
    expect(await emailJobsFor(t, [note!.id])).toEqual([note!.id]);

    const asOwner = (await req('GET', `/bids/${bid.id}`, owner.headers)).json();
    expect(asOwner).toMatchObject({ viewer: 'owner', id: bid.id, shortlisted: false, canAccept: true });
  });

  it('keeps a copy of the provider’s own package; another provider’s package is refused', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const keystone = await aProvider(t.app, 'Keystone Packages');
    const rival = await aProvider(t.app, 'Rival Packages');

    const theirs = await req(
      'POST',
      `/job-posts/${job.id}/bids`,
      keystone.headers,
      bidBody(job, { packageId: rival.packages[0]!.id }),
    );
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().fields.packageId).toMatch(/your own packages/);
    expect(await bidCount(job.id)).toBe(0);

    const mine = await submitBid(
      t.app,
      keystone.headers,
      job.id,
      bidBody(job, { packageId: keystone.packages[0]!.id }),
    );
    expect(mine).toMatchObject({ package: { name: 'Inbox and phones', price: 1450, billing: 'monthly' } });
  });

  it('answers 400 naming the duties that are missing, unknown or listed twice, and writes nothing', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const p = await aProvider(t.app, 'Careless Bidders');
    const post = (coverage: object[]) =>
      req('POST', `/job-posts/${job.id}/bids`, p.headers, bidBody(job, { coverage }));

    const missing = await post([{ dutyId: job.duties[0]!.id, coverage: 'yes' }]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.coverage).toBe(
      `Say how you cover every duty of the job; missing: “${job.duties[1]!.text}”, “${job.duties[2]!.text}”`,
    );

    const unknown = await post([
      ...job.duties.map((d) => ({ dutyId: d.id, coverage: 'yes' })),
      { dutyId: '00000000-0000-4000-8000-000000000000', coverage: 'no' },
    ]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields['coverage.3.dutyId']).toMatch(/not part of the job/);

    const twice = await post([...job.duties, job.duties[0]!].map((d) => ({ dutyId: d.id, coverage: 'yes' })));
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields['coverage.3.dutyId']).toBe('This duty is listed twice');

    const bad = await req('POST', `/job-posts/${job.id}/bids`, p.headers, {
      ...bidBody(job),
      price: -5,
      priceBasis: 'weekly',
      currency: 'XYZ',
      coverNote: '   ',
      startDate: '2027-02-30',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(
      expect.arrayContaining(['price', 'priceBasis', 'currency', 'coverNote', 'startDate']),
    );
    const past = await req(
      'POST',
      `/job-posts/${job.id}/bids`,
      p.headers,
      bidBody(job, { startDate: '2001-01-01' }),
    );
    expect(past.statusCode).toBe(400);
    expect(past.json().fields.startDate).toBe('The start date cannot be in the past');
    expect(await bidCount(job.id)).toBe(0);
  });

  it('takes one bid per provider: a firm’s other member gets a 409 and revises the same bid', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const firm = await aProvider(t.app, 'Harbor Firm');
    const colleague = await signUpProvider(t.app);
    await addMember(t, firm.id, colleague.id);

    const first = await submitBid(t.app, firm.headers, job.id, bidBody(job));
    const again = await req('POST', `/job-posts/${job.id}/bids`, colleague.headers, bidBody(job));
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(
      'Harbor Firm already has a bid on this job: revise that bid instead of bidding again',
    );

    const seen = await req('GET', `/bids/${first.id}`, colleague.headers);
    expect(seen.json()).toMatchObject({ viewer: 'provider', id: first.id });
    const revised = await req('PUT', `/bids/${first.id}`, colleague.headers, bidBody(job, { price: 1400 }));
    expect(revised.statusCode).toBe(200);
    expect(revised.json()).toMatchObject({ price: 1400, revision: 1 });
    expect(await bidCount(job.id)).toBe(1);
  });

  it('asks a member of several providers which one bids, and refuses a provider they are not in', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const a = await aProvider(t.app, 'First Profile');
    const second = await createProfile(t.app, a.headers, { name: 'Second Profile', kind: 'freelancer' });
    const stranger = await aProvider(t.app, 'Stranger Profile');

    const which = await req('POST', `/job-posts/${job.id}/bids`, a.headers, bidBody(job));
    expect(which.statusCode).toBe(400);
    expect(which.json().fields.providerId).toMatch(/choose the one that bids/);

    const notMine = await req(
      'POST',
      `/job-posts/${job.id}/bids`,
      a.headers,
      bidBody(job, { providerId: stranger.id }),
    );
    expect(notMine.statusCode).toBe(403);

    const draft = await req(
      'POST',
      `/job-posts/${job.id}/bids`,
      a.headers,
      bidBody(job, { providerId: second.id }),
    );
    expect(draft.statusCode).toBe(409);
    expect(draft.json().message).toMatch(/^Publish Second Profile before bidding/);
    expect(await bidCount(job.id)).toBe(0);

    const ok = await req('POST', `/job-posts/${job.id}/bids`, a.headers, bidBody(job, { providerId: a.id }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().provider.id).toBe(a.id);
  });
});

describe('which jobs take bids (nothing is written when refused)', () => {
  it('a draft, a closed and a filled job take no bids, nor an unknown one; anonymous callers none', async () => {
    const owner = await anOwner(t.app);
    const p = await aProvider(t.app, 'Eager Bidders');
    const cases = [
      ['draft', 404, 'No open job with this id; it may be a draft or invite-only'],
      ['closed', 409, 'This job is closed: it takes no more bids, and its bids can no longer change'],
      ['filled', 409, 'This job has been filled: it takes no more bids, and its bids can no longer change'],
    ] as const;
    for (const [status, code, message] of cases) {
      const job = await insertJobPost(t, owner.id, { status });
      const res = await req('POST', `/job-posts/${job.id}/bids`, p.headers, bidBody(job));
      expect([status, res.statusCode, res.json().message]).toEqual([status, code, message]);
      expect(await bidCount(job.id)).toBe(0);
    }
    const job = await insertJobPost(t, owner.id);
    const unknown = await req(
      'POST',
      `/job-posts/00000000-0000-4000-8000-000000000000/bids`,
      p.headers,
      bidBody(job),
    );
    expect(unknown.statusCode).toBe(404);
    const anonymous = await req('POST', `/job-posts/${job.id}/bids`, {}, bidBody(job));
    expect(anonymous.statusCode).toBe(401);
    const notAProvider = await req('POST', `/job-posts/${job.id}/bids`, owner.headers, bidBody(job));
    expect(notAProvider.statusCode).toBe(403);
    expect(notAProvider.json().message).toBe('Only providers can bid: create your provider profile first');
    expect(await bidCount(job.id)).toBe(0);
  });

  it('an invite-only job takes bids only from the providers invited to it', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id, { visibility: 'invite_only' });
    const invited = await aProvider(t.app, 'Invited Desk');
    const uninvited = await aProvider(t.app, 'Uninvited Desk');
    await inviteToJobPost(t, job.id, invited.id, owner.id);

    const refused = await req('POST', `/job-posts/${job.id}/bids`, uninvited.headers, bidBody(job));
    expect(refused.statusCode).toBe(404);
    expect(await bidCount(job.id)).toBe(0);
    expect((await req('POST', `/job-posts/${job.id}/bids`, invited.headers, bidBody(job))).statusCode).toBe(
      201,
    );
  });

  it('a provider cannot bid on a job one of its members posted', async () => {
    const p = await aProvider(t.app, 'Self Dealers');
    const job = await insertJobPost(t, p.userId);
    const res = await req('POST', `/job-posts/${job.id}/bids`, p.headers, bidBody(job));
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('You posted this job: a provider you belong to cannot bid on it');
    expect(await bidCount(job.id)).toBe(0);
  });
});

describe('revising and withdrawing', () => {
  async function setUp() {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const p = await aProvider(t.app, 'Revising Desk');
    const rival = await aProvider(t.app, 'Rival Desk');
    const bid = await submitBid(t.app, p.headers, job.id, bidBody(job));
    return { owner, job, p, rival, bid };
  }

  it('a revision replaces the terms, counts up, and tells the owner (in-app and e-mail)', async () => {
    const { owner, job, p, bid } = await setUp();
    const res = await req(
      'PUT',
      `/bids/${bid.id}`,
      p.headers,
      bidBody(job, { price: 32.5, priceBasis: 'hourly', currency: 'EUR', coverNote: 'Now with weekends.' }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ price: 32.5, priceBasis: 'hourly', currency: 'EUR', revision: 1 });
    const [note] = await notificationsOf(t.app, owner.headers);
    expect(note).toMatchObject({
      kind: 'bid.received',
      title: `Revising Desk revised their bid on “${job.title}”`,
    });
    expect(note!.body).toMatch(/^Revision 1: now EUR 32\.5 an hour/);
    expect(await emailJobsFor(t, [note!.id])).toHaveLength(1);
  });

  it('nobody but the bidder revises or withdraws: a competitor gets 404, the owner 403, nothing changes', async () => {
    const { owner, job, rival, bid } = await setUp();
    const tries = [
      [rival.headers, 'PUT', `/bids/${bid.id}`, 404],
      [owner.headers, 'PUT', `/bids/${bid.id}`, 403],
      [{}, 'PUT', `/bids/${bid.id}`, 401],
      [rival.headers, 'POST', `/bids/${bid.id}/withdraw`, 404],
      [owner.headers, 'POST', `/bids/${bid.id}/withdraw`, 403],
      [{}, 'POST', `/bids/${bid.id}/withdraw`, 401],
    ] as const;
    for (const [headers, method, url, code] of tries) {
      const res = await req(method, url, headers, method === 'PUT' ? bidBody(job, { price: 1 }) : undefined);
      expect([method, url, res.statusCode]).toEqual([method, url, code]);
      expect(res.json().message).toBeTruthy();
    }
    expect((await req('GET', `/bids/${bid.id}`, owner.headers)).json()).toMatchObject({
      status: 'active',
      price: 1500,
      revision: 0,
    });
  });

  it('withdrawing tells the owner; a withdrawn bid cannot be revised but can be submitted again', async () => {
    const { owner, job, p, bid } = await setUp();
    const res = await req('POST', `/bids/${bid.id}/withdraw`, p.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', canRevise: false, canWithdraw: false });
    const [note] = await notificationsOf(t.app, owner.headers);
    expect(note).toMatchObject({
      kind: 'bid.withdrawn',
      title: `Revising Desk withdrew their bid on “${job.title}”`,
    });

    const revise = await req('PUT', `/bids/${bid.id}`, p.headers, bidBody(job));
    expect(revise.statusCode).toBe(409);
    expect(revise.json().message).toBe('This bid was withdrawn; it can no longer be changed');
    expect((await req('POST', `/bids/${bid.id}/withdraw`, p.headers)).statusCode).toBe(409);

    const again = await submitBid(t.app, p.headers, job.id, bidBody(job, { price: 1300 }));
    expect(again).toMatchObject({ id: bid.id, status: 'active', revision: 1, price: 1300 });
    expect((await notificationsOf(t.app, owner.headers))[0]!.kind).toBe('bid.received');
  });

  it('a declined bid, or any bid on a closed job, can no longer change', async () => {
    const { owner, job, p, bid } = await setUp();
    expect((await req('POST', `/bids/${bid.id}/decline`, owner.headers)).statusCode).toBe(200);
    const revise = await req('PUT', `/bids/${bid.id}`, p.headers, bidBody(job));
    expect(revise.statusCode).toBe(409);
    expect(revise.json().message).toBe('The owner declined this bid; it can no longer be changed');
    expect((await req('POST', `/job-posts/${job.id}/bids`, p.headers, bidBody(job))).statusCode).toBe(409);

    const other = await insertJobPost(t, owner.id);
    const open = await submitBid(t.app, p.headers, other.id, bidBody(other));
    await setJobPostStatus(t, other.id, 'closed');
    const closed = await req('PUT', `/bids/${open.id}`, p.headers, bidBody(other, { price: 9 }));
    expect(closed.statusCode).toBe(409);
    expect(closed.json().message).toMatch(/^This job is closed/);
    expect((await req('POST', `/bids/${open.id}/withdraw`, p.headers)).statusCode).toBe(409);
  });
});

describe('reading bids', () => {
  it('GET /bids lists the caller’s own bids newest first, by status, in pages; never a competitor’s', async () => {
    const owner = await anOwner(t.app);
    const p = await aProvider(t.app, 'Listing Desk');
    const rival = await aProvider(t.app, 'Listing Rival');
    const jobs = [];
    for (let i = 0; i < 3; i += 1) jobs.push(await insertJobPost(t, owner.id, { title: `Job ${i}` }));
    const mine = [];
    for (const job of jobs) {
      mine.push(await submitBid(t.app, p.headers, job.id, bidBody(job)));
      await submitBid(t.app, rival.headers, job.id, bidBody(job, { price: 999 }));
      await new Promise((r) => setTimeout(r, 5));
    }
    await req('POST', `/bids/${mine[0]!.id}/withdraw`, p.headers);

    const all = (await req('GET', '/bids', p.headers)).json();
    expect(all.bids.map((b: { id: string }) => b.id)).toEqual(mine.map((b) => b.id).reverse());
    expect(all.bids[0]).toMatchObject({
      jobPost: { id: jobs[2]!.id, title: 'Job 2', status: 'open' },
      provider: { id: p.id, name: 'Listing Desk' },
      price: 1500,
      unreadMessages: 0,
    });
    expect(all.counts).toEqual({ active: 2, withdrawn: 1, declined: 0, accepted: 0, not_selected: 0 });
    expect(all.nextBefore).toBeNull();

    const withdrawn = (await req('GET', '/bids?status=withdrawn', p.headers)).json();
    expect(withdrawn.bids.map((b: { id: string }) => b.id)).toEqual([mine[0]!.id]);
    const forJob = (await req('GET', `/bids?jobPostId=${jobs[1]!.id}`, p.headers)).json();
    expect(forJob.bids.map((b: { id: string }) => b.id)).toEqual([mine[1]!.id]);

    const page1 = (await req('GET', '/bids?limit=2', p.headers)).json();
    expect(page1.bids).toHaveLength(2);
    const page2 = (await req('GET', `/bids?limit=2&before=${page1.nextBefore}`, p.headers)).json();
    expect(page2.bids.map((b: { id: string }) => b.id)).toEqual([mine[0]!.id]);

    expect((await req('GET', '/bids?status=maybe', p.headers)).statusCode).toBe(400);
    expect((await req('GET', '/bids', owner.headers)).json().bids).toEqual([]);
    expect((await req('GET', '/bids')).statusCode).toBe(401);
  });

  it('GET /bids/:id shows a bid to its two parties only: not to a competitor, another owner or anonymous', async () => {
    const owner = await anOwner(t.app);
    const otherOwner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const p = await aProvider(t.app, 'Private Desk');
    const rival = await aProvider(t.app, 'Nosy Rival');
    const bid = await submitBid(t.app, p.headers, job.id, bidBody(job, { coverNote: 'Our secret sauce' }));
    await submitBid(t.app, rival.headers, job.id, bidBody(job));

    for (const [headers, code] of [
      [rival.headers, 404],
      [otherOwner.headers, 404],
      [{}, 401],
    ] as const) {
      const res = await req('GET', `/bids/${bid.id}`, headers);
      expect(res.statusCode).toBe(code);
      expect(res.body).not.toContain('secret sauce');
      expect(res.body).not.toContain('1500');
    }
    expect((await req('GET', '/bids/not-a-uuid', p.headers)).statusCode).toBe(400);
  });
});
