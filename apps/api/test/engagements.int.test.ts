import { bids, engagements, jobPostDuties, jobPosts } from '@handoff/db/schema';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  anOwner,
  aProvider,
  bidBody,
  emailJobsFor,
  insertJobPost,
  notificationsOf,
  setJobPostStatus,
  submitBid,
  type Headers,
} from './bid-factory.ts';
import { buildTestApp, manualClock, type TestApp } from './helpers.ts';
import { signUpProvider } from './provider-factory.ts';

let t: TestApp;
const clock = manualClock(new Date('2027-04-12T10:00:00Z'));
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const statusOf = async (bidId: string) =>
  (await t.database.db.select({ status: bids.status }).from(bids).where(eq(bids.id, bidId)))[0]!.status;
const jobRow = async (id: string) =>
  (
    await t.database.db
      .select({ status: jobPosts.status, closedAt: jobPosts.closedAt })
      .from(jobPosts)
      .where(eq(jobPosts.id, id))
  )[0]!;
const engagementCount = async (jobPostId: string) =>
  (
    await t.database.db.select({ n: count() }).from(engagements).where(eq(engagements.jobPostId, jobPostId))
  )[0]!.n;

/** A job with an active winner-to-be (two members), an active rival, a withdrawn and a declined bid. */
async function bidding() {
  const owner = await anOwner(t.app, 'Olivia Owner');
  const job = await insertJobPost(t, owner.id, {
    benchmarks: ['Answer 95% of calls live', 'Close books by the 10th'],
  });
  const winner = await aProvider(t.app, 'Winner Desk');
  const colleague = await signUpProvider(t.app);
  await addMember(t, winner.id, colleague.id);
  const rival = await aProvider(t.app, 'Rival Desk');
  const quitter = await aProvider(t.app, 'Quitter Desk');
  const refused = await aProvider(t.app, 'Refused Desk');
  const b = {
    winner: await submitBid(
      t.app,
      winner.headers,
      job.id,
      bidBody(job, { price: 1100, currency: 'EUR', startDate: '2099-05-03' }),
    ),
    rival: await submitBid(t.app, rival.headers, job.id, bidBody(job)),
    quitter: await submitBid(t.app, quitter.headers, job.id, bidBody(job)),
    refused: await submitBid(t.app, refused.headers, job.id, bidBody(job)),
  };
  await req('POST', `/bids/${b.quitter.id}/withdraw`, quitter.headers);
  await req('POST', `/bids/${b.refused.id}/decline`, owner.headers);
  return { owner, job, winner, colleague, rival, quitter, refused, b };
}

describe('hiring', () => {
  it('accepting starts the engagement, fills the job, and leaves every other active bid not selected', async () => {
    const { owner, job, winner, colleague, rival, quitter, refused, b } = await bidding();
    const before = {
      quitter: (await notificationsOf(t.app, quitter.headers)).length,
      refused: (await notificationsOf(t.app, refused.headers)).length,
    };
    const res = await req('POST', `/bids/${b.winner.id}/accept`, owner.headers);
    expect(res.statusCode).toBe(201);
    const engagement = res.json();
    expect(engagement).toMatchObject({
      role: 'owner',
      status: 'active',
      jobPost: { id: job.id, title: job.title },
      owner: { name: 'Olivia Owner' },
      provider: { id: winner.id, name: 'Winner Desk', slug: winner.slug, logoUrl: null },
      counterpartName: 'Winner Desk',
      price: 1100,
      priceBasis: 'monthly',
      currency: 'EUR',
      startDate: '2099-05-03',
      bidId: b.winner.id,
      endedAt: null,
    });
    expect(engagement.duties).toEqual(job.duties);
    expect(engagement.benchmarks.map((x: { objective: string }) => x.objective)).toEqual([
      'Answer 95% of calls live',
      'Close books by the 10th',
    ]);

    expect(await jobRow(job.id)).toEqual({ status: 'filled', closedAt: clock.now() });
    expect(await statusOf(b.winner.id)).toBe('accepted');
    expect(await statusOf(b.rival.id)).toBe('not_selected');
    expect(await statusOf(b.quitter.id)).toBe('withdrawn');
    expect(await statusOf(b.refused.id)).toBe('declined');

    // Both of the winner's members are told, and so is the other active bidder; e-mails queued.
    const told = [];
    for (const headers of [winner.headers, colleague.headers]) {
      const [note] = await notificationsOf(t.app, headers);
      expect(note).toMatchObject({
        kind: 'bid.accepted',
        title: `You are hired: your bid on “${job.title}” was accepted`,
        link: `/engagements/${engagement.id}`,
      });
      expect(note!.body).toMatch(/^The engagement starts on 2099-05-03\./);
      told.push(note!.id);
    }
    const [filled] = await notificationsOf(t.app, rival.headers);
    expect(filled).toMatchObject({
      kind: 'job.filled',
      title: `“${job.title}” was filled with another bid`,
      link: `/bids/${b.rival.id}`,
    });
    told.push(filled!.id);
    expect((await emailJobsFor(t, told)).sort()).toEqual([...told].sort());
    // Bidders who were out already hear nothing more.
    expect(await notificationsOf(t.app, quitter.headers)).toHaveLength(before.quitter);
    expect(await notificationsOf(t.app, refused.headers)).toHaveLength(before.refused);

    // The other bids are kept, read-only.
    const rivalView = (await req('GET', `/bids/${b.rival.id}`, rival.headers)).json();
    expect(rivalView).toMatchObject({
      status: 'not_selected',
      jobPost: { status: 'filled' },
      canRevise: false,
      canWithdraw: false,
      canMessage: false,
    });
    const revise = await req('PUT', `/bids/${b.rival.id}`, rival.headers, bidBody(job, { price: 1 }));
    expect(revise.statusCode).toBe(409);
    expect(revise.json().message).toBe('The job was filled with another bid; it can no longer be changed');
    expect((await req('POST', `/bids/${b.rival.id}/withdraw`, rival.headers)).statusCode).toBe(409);

    // The engagement keeps the job's plan as it was when hired.
    await t.database.db
      .update(jobPostDuties)
      .set({ text: 'Something else entirely' })
      .where(eq(jobPostDuties.id, job.duties[0]!.id));
    const later = (await req('GET', `/engagements/${engagement.id}`, colleague.headers)).json();
    expect(later.duties[0]).toEqual(job.duties[0]);
  });

  it('starts today when the bid named no start date', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const p = await aProvider(t.app, 'Soon Desk');
    const bid = await submitBid(t.app, p.headers, job.id, bidBody(job));
    const res = await req('POST', `/bids/${bid.id}/accept`, owner.headers);
    expect(res.json().startDate).toBe('2027-04-12');
  });

  it('only the owner accepts: the bidder gets 403, others 404, and nothing changes', async () => {
    const { owner, job, winner, rival, b } = await bidding();
    const otherOwner = await anOwner(t.app);
    for (const [who, headers, code] of [
      ['the bidder', winner.headers, 403],
      ['a competitor', rival.headers, 404],
      ['another owner', otherOwner.headers, 404],
      ['anonymous', {}, 401],
    ] as const) {
      const res = await req('POST', `/bids/${b.winner.id}/accept`, headers);
      expect([who, res.statusCode]).toEqual([who, code]);
      expect(res.json().message).toBeTruthy();
    }
    expect(await jobRow(job.id)).toMatchObject({ status: 'open', closedAt: null });
    expect(await statusOf(b.winner.id)).toBe('active');
    expect(await engagementCount(job.id)).toBe(0);
    expect((await req('GET', `/bids/${b.winner.id}`, owner.headers)).json().canAccept).toBe(true);
  });

  it('a withdrawn or declined bid cannot be accepted, nor any bid of a job that is not open', async () => {
    const { owner, job, b } = await bidding();
    const withdrawn = await req('POST', `/bids/${b.quitter.id}/accept`, owner.headers);
    expect(withdrawn.statusCode).toBe(409);
    expect(withdrawn.json().message).toBe('The provider withdrew this bid, so it cannot be accepted');
    const declined = await req('POST', `/bids/${b.refused.id}/accept`, owner.headers);
    expect(declined.statusCode).toBe(409);
    expect(declined.json().message).toBe('You declined this bid, so it cannot be accepted');

    await setJobPostStatus(t, job.id, 'closed');
    const closed = await req('POST', `/bids/${b.winner.id}/accept`, owner.headers);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().message).toMatch(/^This job is closed/);
    expect(await engagementCount(job.id)).toBe(0);
    expect(await statusOf(b.winner.id)).toBe('active');

    await setJobPostStatus(t, job.id, 'open');
    expect((await req('POST', `/bids/${b.winner.id}/accept`, owner.headers)).statusCode).toBe(201);
    const twice = await req('POST', `/bids/${b.winner.id}/accept`, owner.headers);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('You already accepted this bid; the engagement has started');
    const other = await req('POST', `/bids/${b.rival.id}/accept`, owner.headers);
    expect(other.statusCode).toBe(409);
    expect(other.json().message).toBe('This job was filled with another bid');
    expect(await engagementCount(job.id)).toBe(1);
  });
});

describe('engagements on the dashboards', () => {
  it('lists each party’s engagements with the other party’s name; only the two parties see one', async () => {
    const { owner, job, winner, colleague, rival, b } = await bidding();
    const { id } = (await req('POST', `/bids/${b.winner.id}/accept`, owner.headers)).json();

    const asOwner = (await req('GET', '/engagements', owner.headers)).json().engagements;
    expect(asOwner).toMatchObject([
      { id, role: 'owner', counterpartName: 'Winner Desk', jobPost: { title: job.title } },
    ]);
    for (const headers of [winner.headers, colleague.headers]) {
      const mine = (await req('GET', '/engagements', headers)).json().engagements;
      expect(mine).toMatchObject([{ id, role: 'provider', counterpartName: 'Olivia Owner' }]);
      expect((await req('GET', '/engagements?as=owner', headers)).json().engagements).toEqual([]);
      expect((await req('GET', `/engagements/${id}`, headers)).json()).toMatchObject({
        id,
        role: 'provider',
      });
    }
    expect((await req('GET', '/engagements?as=provider', owner.headers)).json().engagements).toEqual([]);
    expect((await req('GET', '/engagements?status=ended', owner.headers)).json().engagements).toEqual([]);
    expect((await req('GET', '/engagements?as=boss', owner.headers)).statusCode).toBe(400);
    expect((await req('GET', '/engagements', rival.headers)).json().engagements).toEqual([]);

    const otherOwner = await anOwner(t.app);
    for (const [headers, code] of [
      [rival.headers, 404],
      [otherOwner.headers, 404],
      [{}, 401],
    ] as const) {
      const res = await req('GET', `/engagements/${id}`, headers);
      expect(res.statusCode).toBe(code);
      expect(res.body).not.toContain('Winner Desk');
    }
  });
});
