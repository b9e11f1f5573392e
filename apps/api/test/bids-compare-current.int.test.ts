import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { providers } from '@handoff/db/schema';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  anOwner,
  aProvider,
  bidBody,
  insertJobPost,
  submitBid,
  type Headers,
  type TestJobPost,
} from './bid-factory.ts';
import { buildTestApp, type TestApp } from './helpers.ts';
import { completeProfile, PNG } from './provider-factory.ts';

// Each api process keeps the comparisons it computed while their data is unchanged. Two apps on one
// database stand for two processes: every change goes through one (or straight to the database) and
// the owner reads through the other, which must show it at once.

let t: TestApp;
let other: FastifyInstance;
beforeAll(async () => {
  t = await buildTestApp();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    WRITE_RATE_LIMIT_PER_MINUTE: '1000',
  });
  other = await buildApp({ config, database: t.database, runJobs: false });
});
afterAll(async () => {
  await other?.close();
  await t.close();
});

const via =
  (app: FastifyInstance) =>
  (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const reader = () => via(t.app);
const writer = () => via(other);

type Compared = {
  jobPost: { title: string };
  counts: { total: number };
  bids: {
    id: string;
    status: string;
    shortlisted: boolean;
    unreadMessages: number;
    price: { bid: { amount: number } };
    benchmarks: { commitment: string | null }[];
    provider: {
      name: string;
      logoUrl: string | null;
      ratingAvg: number | null;
      industries: { slug: string }[];
    };
  }[];
};

async function compare(job: TestJobPost, headers: Headers, query = ''): Promise<Compared> {
  const res = await reader()('GET', `/job-posts/${job.id}/bids${query}`, headers);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return res.json();
}

describe('the comparison stays current while each api process keeps it', () => {
  it('serves an unchanged comparison without computing it again, and the same bytes', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const p = await aProvider(t.app, 'Steady Compare');
    await submitBid(t.app, p.headers, job.id, bidBody(job));
    const spy = vi.spyOn(t.app.services.bidReview, 'compare');
    try {
      const first = await reader()('GET', `/job-posts/${job.id}/bids`, owner.headers);
      const second = await reader()('GET', `/job-posts/${job.id}/bids`, owner.headers);
      expect(second.body).toBe(first.body);
      expect(spy).toHaveBeenCalledTimes(1);
      // Another sort is another answer; the first one is still kept.
      await reader()('GET', `/job-posts/${job.id}/bids?sort=price`, owner.headers);
      await reader()('GET', `/job-posts/${job.id}/bids`, owner.headers);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('shows every change made through another process or straight in the database', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id, { benchmarks: ['Answer 95% of calls live'] });
    const p = await aProvider(t.app, 'Changing Desk');
    const bid = await submitBid(t.app, p.headers, job.id, bidBody(job, { price: 1500 }));
    const w = writer();
    const mine = async () => (await compare(job, owner.headers)).bids.find((b) => b.id === bid.id)!;
    const before = await mine();
    expect(before).toMatchObject({ price: { bid: { amount: 1500 } }, shortlisted: false, unreadMessages: 0 });

    // The provider revises price and commitment.
    const revised = bidBody(job, {
      price: 1200,
      benchmarks: [{ benchmarkId: job.benchmarks[0]!.id, commitment: 'partly', note: '90%' }],
    });
    expect((await w('PUT', `/bids/${bid.id}`, p.headers, revised)).statusCode).toBe(200);
    expect(await mine()).toMatchObject({
      price: { bid: { amount: 1200 } },
      benchmarks: [{ commitment: 'partly' }],
    });

    // The owner's own marks, which do not touch the bid's updated_at.
    await w('POST', `/bids/${bid.id}/shortlist`, owner.headers);
    expect((await mine()).shortlisted).toBe(true);
    await w('POST', `/bids/${bid.id}/archive`, owner.headers);
    expect((await compare(job, owner.headers)).bids).toEqual([]);
    expect((await compare(job, owner.headers, '?includeArchived=true')).bids).toHaveLength(1);
    await w('POST', `/bids/${bid.id}/unarchive`, owner.headers);

    // A message from the provider is unread until the owner opens the thread.
    await w('POST', `/bids/${bid.id}/messages`, p.headers, { body: 'We can start on Monday.' });
    expect((await mine()).unreadMessages).toBe(1);
    await w('GET', `/bids/${bid.id}/messages`, owner.headers);
    expect((await mine()).unreadMessages).toBe(0);
    // Again: this time reading moves the owner's existing read mark.
    await w('POST', `/bids/${bid.id}/messages`, p.headers, { body: 'Or Tuesday, if you prefer.' });
    expect((await mine()).unreadMessages).toBe(1);
    await w('GET', `/bids/${bid.id}/messages`, owner.headers);
    expect((await mine()).unreadMessages).toBe(0);

    // The provider's profile: a new name and industry, a logo; a rating written by another feature.
    const renamed = completeProfile({ name: 'Changed Desk', industries: ['legal-services'] });
    expect((await w('PUT', `/providers/${p.id}`, p.headers, renamed)).statusCode).toBe(200);
    expect((await mine()).provider).toMatchObject({
      name: 'Changed Desk',
      industries: [{ slug: 'legal-services' }],
    });
    const logo = await w(
      'PUT',
      `/providers/${p.id}/logo`,
      { ...p.headers, 'content-type': 'image/png' },
      PNG,
    );
    expect(logo.statusCode).toBe(200);
    expect((await mine()).provider.logoUrl).toMatch(/^\/providers\//);
    await t.database.db
      .update(providers)
      .set({ ratingAvg: 4.7, ratingCount: 3 })
      .where(eq(providers.id, p.id));
    expect((await mine()).provider.ratingAvg).toBe(4.7);

    // The job itself, and new bids, withdrawals and declines.
    await t.database.db.execute(sql`UPDATE job_posts SET title = 'Renamed front desk' WHERE id = ${job.id}`);
    expect((await compare(job, owner.headers)).jobPost.title).toBe('Renamed front desk');
    const q = await aProvider(t.app, 'Late Desk');
    const late = (await w('POST', `/job-posts/${job.id}/bids`, q.headers, bidBody(job))).json();
    expect((await compare(job, owner.headers)).counts.total).toBe(2);
    await w('POST', `/bids/${late.id}/withdraw`, q.headers);
    expect((await compare(job, owner.headers)).bids.find((b) => b.id === late.id)!.status).toBe('withdrawn');
    await w('POST', `/bids/${bid.id}/decline`, owner.headers, { reason: 'Went another way' });
    expect((await mine()).status).toBe('declined');
  });

  it('checks who asks before anything kept is served', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const p = await aProvider(t.app, 'Kept Desk');
    await submitBid(t.app, p.headers, job.id, bidBody(job, { coverNote: 'Kept secret note' }));
    await compare(job, owner.headers);
    const stranger = await anOwner(t.app);
    for (const [headers, code] of [
      [stranger.headers, 404],
      [p.headers, 404],
      [{}, 401],
    ] as const) {
      const res = await reader()('GET', `/job-posts/${job.id}/bids`, headers);
      expect(res.statusCode).toBe(code);
      expect(res.body).not.toContain('Kept secret note');
    }
  });
});
