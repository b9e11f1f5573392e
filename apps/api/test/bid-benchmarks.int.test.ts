import { bidBenchmarkAnswers, bids } from '@handoff/db/schema';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anOwner,
  aProvider,
  bidBody,
  insertJobPost,
  notificationsOf,
  submitBid,
  type Headers,
  type TestJobPost,
} from './bid-factory.ts';
import { buildTestApp, type TestApp } from './helpers.ts';
import { completeJob, createOpenJob } from './job-post-factory.ts';

// A bid's commitment to each of the job's benchmarks: answered like the duties, required like them,
// shown to the bid's two parties only, and kept through the owner's edits of the job like them.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const BENCHMARKS = [
  'Answer 95% of calls live',
  'Reply to every enquiry within 4 hours',
  'Book showings same day',
];

const answersOf = async (bidId: string) =>
  (
    await t.database.db
      .select({ n: count() })
      .from(bidBenchmarkAnswers)
      .where(eq(bidBenchmarkAnswers.bidId, bidId))
  )[0]!.n;

const bidsOn = async (jobPostId: string) =>
  (await t.database.db.select({ n: count() }).from(bids).where(eq(bids.jobPostId, jobPostId)))[0]!.n;

/** "yes" to the first benchmark, "partly" with a note to the second, "no" to the third. */
const mixed = (job: TestJobPost) => [
  { benchmarkId: job.benchmarks[2]!.id, commitment: 'no' },
  { benchmarkId: job.benchmarks[0]!.id, commitment: 'yes' },
  { benchmarkId: job.benchmarks[1]!.id, commitment: 'partly', note: '  95% within 24 h, not 4 h  ' },
];

describe('answering a job’s benchmarks', () => {
  it('stores a commitment per benchmark, shown in the job’s order to the bidder and the owner', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id, { benchmarks: BENCHMARKS });
    const p = await aProvider(t.app, 'Committed Desk');

    const res = await req(
      'POST',
      `/job-posts/${job.id}/bids`,
      p.headers,
      bidBody(job, { benchmarks: mixed(job) }),
    );
    expect(res.statusCode).toBe(201);
    const bid = res.json();
    const expected = [
      { commitment: 'yes', note: '' },
      { commitment: 'partly', note: '95% within 24 h, not 4 h' },
      { commitment: 'no', note: '' },
    ].map((answer, i) => ({
      benchmarkId: job.benchmarks[i]!.id,
      objective: BENCHMARKS[i],
      target: '95%',
      cadence: 'monthly',
      dueDate: null,
      ...answer,
    }));
    expect(bid.benchmarks).toEqual(expected);
    expect(bid.benchmarkSummary).toEqual({ yes: 1, partly: 1, no: 1, unanswered: 0, score: 50, full: false });
    expect(await answersOf(bid.id)).toBe(3);

    const asOwner = (await req('GET', `/bids/${bid.id}`, owner.headers)).json();
    expect(asOwner).toMatchObject({ viewer: 'owner', benchmarks: expected });
    const [note] = await notificationsOf(t.app, owner.headers);
    expect(note!.body).toContain('; committing to 1 of 3 benchmarks (1 partly)');

    const compared = (await req('GET', `/job-posts/${job.id}/bids`, owner.headers)).json();
    expect(compared.benchmarks.map((b: { id: string }) => b.id)).toEqual(job.benchmarks.map((b) => b.id));
    expect(compared.bids[0]).toMatchObject({
      benchmarks: expected.map(({ benchmarkId, commitment, note }) => ({ benchmarkId, commitment, note })),
      benchmarkSummary: { yes: 1, partly: 1, no: 1, score: 50 },
    });
  });

  it('every benchmark needs an answer: missing, unknown, twice or not yes / partly / no is a 400; nothing is written', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id, { benchmarks: BENCHMARKS });
    const p = await aProvider(t.app, 'Hasty Desk');
    const post = (benchmarks: object[] | undefined) =>
      req('POST', `/job-posts/${job.id}/bids`, p.headers, { ...bidBody(job), benchmarks });

    const none = await post(undefined);
    expect(none.statusCode).toBe(400);
    expect(none.json().fields.benchmarks).toBe(
      `Say whether you commit to every benchmark of the job; missing: ${BENCHMARKS.map((b) => `“${b}”`).join(', ')}`,
    );

    const all = job.benchmarks.map((b) => ({ benchmarkId: b.id, commitment: 'yes' }));
    const unknown = await post([
      ...all,
      { benchmarkId: '00000000-0000-4000-8000-000000000000', commitment: 'no' },
    ]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual({
      'benchmarks.3.benchmarkId':
        'This benchmark is not part of the job (the owner may have removed it); reload the job',
    });

    // Another job's benchmark is not this job's, even when it is the bidder's to see.
    const other = await insertJobPost(t, owner.id);
    const foreign = await post([
      ...all.slice(1),
      { benchmarkId: other.benchmarks[0]!.id, commitment: 'yes' },
    ]);
    expect(foreign.statusCode).toBe(400);
    expect(Object.keys(foreign.json().fields).sort()).toEqual(['benchmarks', 'benchmarks.2.benchmarkId']);

    const twice = await post([...all, all[0]!]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields['benchmarks.3.benchmarkId']).toBe('This benchmark is listed twice');

    const vague = await post([{ ...all[0]!, commitment: 'maybe' }, ...all.slice(1)]);
    expect(vague.statusCode).toBe(400);
    expect(vague.json().fields['benchmarks.0.commitment']).toBe('Say yes, partly or no for each benchmark');

    const long = await post([{ ...all[0]!, note: 'x'.repeat(501) }, ...all.slice(1)]);
    expect(long.json().fields['benchmarks.0.note']).toMatch(/at most 500 characters/);
    expect(await bidsOn(job.id)).toBe(0);
  });

  it('a job without benchmarks takes a bid without answers', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id, { benchmarks: [] });
    const p = await aProvider(t.app, 'Plain Desk');
    const { benchmarks: _, ...body } = bidBody(job);
    const res = await req('POST', `/job-posts/${job.id}/bids`, p.headers, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ benchmarks: [], benchmarkSummary: { score: 100, full: true } });
  });

  it('a revision replaces every answer', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id, { benchmarks: BENCHMARKS });
    const p = await aProvider(t.app, 'Second Thoughts Desk');
    const bid = await submitBid(t.app, p.headers, job.id, bidBody(job, { benchmarks: mixed(job) }));

    const revised = await req(
      'PUT',
      `/bids/${bid.id}`,
      p.headers,
      bidBody(job, {
        benchmarks: job.benchmarks.map((b, i) => ({
          benchmarkId: b.id,
          commitment: i === 2 ? 'partly' : 'yes',
          note: i === 2 ? 'Next morning for late requests' : '',
        })),
      }),
    );
    expect(revised.statusCode).toBe(200);
    expect(
      revised.json().benchmarks.map((b: { commitment: string; note: string }) => [b.commitment, b.note]),
    ).toEqual([
      ['yes', ''],
      ['yes', ''],
      ['partly', 'Next morning for late requests'],
    ]);
    expect(await answersOf(bid.id)).toBe(3);
  });
});

describe('when the owner edits the job’s benchmarks', () => {
  it('a removed benchmark’s answers go, a kept one keeps its answer, a new one is unanswered until the bid is revised', async () => {
    const owner = await anOwner(t.app);
    const benchmarks = [
      { objective: 'Books closed each month', target: 'By the 10th business day', cadence: 'Monthly' },
      { objective: 'Accounts reconciled', target: 'Zero unexplained differences', cadence: 'Monthly' },
    ];
    const created = (await createOpenJob(t.app, owner.headers, { benchmarks })) as unknown as TestJobPost;
    const job = { ...created, ownerId: owner.id };
    const p = await aProvider(t.app, 'Steady Books');
    const [closed, reconciled] = job.benchmarks as (TestJobPost['benchmarks'][number] &
      (typeof benchmarks)[0])[];
    const bid = await submitBid(
      t.app,
      p.headers,
      job.id,
      bidBody(job, {
        benchmarks: [
          { benchmarkId: closed!.id, commitment: 'partly', note: 'By the 15th' },
          { benchmarkId: reconciled!.id, commitment: 'yes' },
        ],
      }),
    );

    const added = { objective: 'Invoices over 60 days past due', target: 'Under 10%', cadence: 'Monthly' };
    const edit = await req(
      'PUT',
      `/job-posts/${job.id}`,
      owner.headers,
      completeJob({
        duties: job.duties,
        benchmarks: [{ ...closed, target: 'By the 8th business day' }, added],
      }),
    );
    expect(edit.statusCode).toBe(200);
    const newId = edit.json().benchmarks[1].id as string;

    const seen = (await req('GET', `/bids/${bid.id}`, p.headers)).json();
    expect(seen.benchmarks).toEqual([
      expect.objectContaining({
        benchmarkId: closed!.id,
        target: 'By the 8th business day',
        commitment: 'partly',
        note: 'By the 15th',
      }),
      expect.objectContaining({ benchmarkId: newId, objective: added.objective, commitment: null, note: '' }),
    ]);
    expect(seen.benchmarkSummary).toMatchObject({ partly: 1, unanswered: 1 });
    expect(await answersOf(bid.id)).toBe(1);
    const [grid] = (await req('GET', `/job-posts/${job.id}/bids`, owner.headers)).json().bids;
    expect(grid.benchmarks.map((b: { commitment: string | null }) => b.commitment)).toEqual(['partly', null]);

    // Revising answers the job as it is now: the new benchmark is required, the removed one refused.
    const stale = await req('PUT', `/bids/${bid.id}`, p.headers, bidBody(job));
    expect(stale.statusCode).toBe(400);
    expect(stale.json().fields).toMatchObject({
      'benchmarks.1.benchmarkId': expect.stringMatching(/owner may have removed it/),
      benchmarks: `Say whether you commit to every benchmark of the job; missing: “${added.objective}”`,
    });
    const fresh = { ...job, benchmarks: edit.json().benchmarks };
    const ok = await req('PUT', `/bids/${bid.id}`, p.headers, bidBody(fresh));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().benchmarkSummary).toMatchObject({ yes: 2, unanswered: 0, full: true });
  });
});

describe('who reads a bid’s answers', () => {
  it('only its two parties: a competitor and another owner get 404 and none of the notes, anonymous 401', async () => {
    const owner = await anOwner(t.app);
    const otherOwner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id, { benchmarks: BENCHMARKS });
    const p = await aProvider(t.app, 'Discreet Desk');
    const rival = await aProvider(t.app, 'Curious Rival');
    const secret = 'Our secret: 99% live answer rate';
    const bid = await submitBid(
      t.app,
      p.headers,
      job.id,
      bidBody(job, {
        benchmarks: job.benchmarks.map((b) => ({ benchmarkId: b.id, commitment: 'yes', note: secret })),
      }),
    );
    await submitBid(t.app, rival.headers, job.id, bidBody(job));

    const tries = [
      [rival.headers, `/bids/${bid.id}`, 404],
      [otherOwner.headers, `/bids/${bid.id}`, 404],
      [{}, `/bids/${bid.id}`, 401],
      [rival.headers, `/job-posts/${job.id}/bids`, 404],
      [otherOwner.headers, `/job-posts/${job.id}/bids`, 404],
      [{}, `/job-posts/${job.id}/bids`, 401],
    ] as const;
    for (const [headers, url, code] of tries) {
      const res = await req('GET', url, headers);
      expect([url, res.statusCode]).toEqual([url, code]);
      expect(res.body).not.toContain(secret);
    }
    // The rival's own bid shows the rival's answers, never the other bid's.
    const own = (await req('GET', '/bids', rival.headers)).json().bids[0];
    const rivalBid = await req('GET', `/bids/${own.id}`, rival.headers);
    expect(rivalBid.statusCode).toBe(200);
    expect(rivalBid.body).not.toContain(secret);
    // And the bid's own parties do see them.
    expect((await req('GET', `/bids/${bid.id}`, p.headers)).body).toContain(secret);
    expect((await req('GET', `/job-posts/${job.id}/bids`, owner.headers)).body).toContain(secret);
  });
});
