import { outbox } from '@handoff/db/schema';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, drainJobs, type TestApp } from './helpers.ts';
import {
  bookkeeping,
  completeJob,
  createDraft,
  createOpenJob,
  insertBid,
  publishedProvider,
  signUpOwner,
} from './job-post-factory.ts';

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

const notificationsOf = async (headers: Headers) =>
  (await req('GET', '/notifications', headers)).json().notifications as {
    kind: string;
    title: string;
    body: string;
    link: string;
  }[];

const queued = async (name: string, jobPostId: string) =>
  (await t.database.db.select({ payload: outbox.payload }).from(outbox).where(eq(outbox.name, name))).filter(
    (r) => r.payload.jobPostId === jobPostId,
  ).length;

describe('starting a draft', () => {
  it('from a template: the function’s duties and benchmarks, titled after it', async () => {
    const owner = await signUpOwner(t.app);
    const res = await req('POST', '/job-posts', owner.headers, { template: 'bookkeeping' });
    expect(res.statusCode).toBe(201);
    const job = res.json();
    expect(job).toMatchObject({
      viewer: 'owner',
      status: 'draft',
      title: 'Bookkeeping',
      functionSlug: 'bookkeeping',
      functionName: 'Bookkeeping',
      budgetBasis: 'hourly',
      revision: 0,
      bids: { total: 0 },
      handoff: null,
    });
    expect(job.duties.map((d: { text: string }) => d.text)).toEqual(bookkeeping.duties);
    expect(job.benchmarks[0]).toMatchObject({ objective: 'Books closed each month', cadence: 'Monthly' });
    expect(job.missingForPublish.map((m: { field: string }) => m.field)).toEqual([
      'summary',
      'budgetMin',
      'budgetMax',
      'hoursPerWeek',
    ]);
  });

  it('blank needs a function; any field sent overrides the start', async () => {
    const owner = await signUpOwner(t.app);
    const blank = await req('POST', '/job-posts', owner.headers, { title: 'Help' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields.functionSlug).toMatch(/business function/);
    const res = await req('POST', '/job-posts', owner.headers, {
      template: 'payroll',
      title: 'Payroll for 12 people',
      duties: [{ text: 'Run payroll every other Friday' }],
    });
    expect(res.json()).toMatchObject({ title: 'Payroll for 12 people', functionSlug: 'payroll' });
    expect(res.json().duties.map((d: { text: string }) => d.text)).toEqual([
      'Run payroll every other Friday',
    ]);
  });

  it('from a provider (first function and industry) and from one of its packages (duties and price)', async () => {
    const owner = await signUpOwner(t.app);
    const provider = await publishedProvider(t.app, { functions: ['payroll'], industries: ['healthcare'] });
    const fromProvider = await req('POST', '/job-posts', owner.headers, {
      fromProviderId: provider.providerId,
    });
    expect(fromProvider.statusCode).toBe(201);
    expect(fromProvider.json()).toMatchObject({ functionSlug: 'payroll', industrySlug: 'healthcare' });

    const fromPackage = await req('POST', '/job-posts', owner.headers, {
      fromPackage: { providerId: provider.providerId, packageId: provider.packageId },
    });
    expect(fromPackage.statusCode).toBe(201);
    expect(fromPackage.json()).toMatchObject({
      title: 'Monthly close',
      functionSlug: 'payroll',
      budgetBasis: 'monthly',
      budgetMin: 900,
      budgetMax: 900,
      currency: 'USD',
    });
    expect(fromPackage.json().duties).toHaveLength(1);

    const unknown = await req('POST', '/job-posts', owner.headers, {
      fromPackage: { providerId: provider.providerId, packageId: owner.id },
    });
    expect(unknown.statusCode).toBe(404);
    const two = await req('POST', '/job-posts', owner.headers, {
      template: 'payroll',
      fromProviderId: owner.id,
    });
    expect(two.statusCode).toBe(400);
    expect(two.json().message).toMatch(/one thing at a time/);
  });

  it('says what to fix: an unknown function or industry, a duty id of another job, a budget upside down', async () => {
    const owner = await signUpOwner(t.app);
    const bad = await req('POST', '/job-posts', owner.headers, completeJob({ functionSlug: 'astrology' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.functionSlug).toMatch(/no business function/);
    const industry = await req(
      'POST',
      '/job-posts',
      owner.headers,
      completeJob({ industrySlug: 'space-mining' }),
    );
    expect(industry.json().fields.industrySlug).toMatch(/no industry/);
    const budget = await req(
      'POST',
      '/job-posts',
      owner.headers,
      completeJob({ budgetMin: 50, budgetMax: 20 }),
    );
    expect(budget.json().fields.budgetMax).toMatch(/cannot be below/);
    const other = await createDraft(t.app, owner.headers);
    const mine = await createDraft(t.app, owner.headers);
    const stolen = await req(
      'PUT',
      `/job-posts/${mine.id}`,
      owner.headers,
      completeJob({ duties: [{ id: other.duties[0]!.id, text: 'Taken from another job' }] }),
    );
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().fields['duties.0.id']).toMatch(/not part of this job/);
    const http = await req(
      'POST',
      '/job-posts',
      owner.headers,
      completeJob({ trainingLinks: [{ label: 'x', url: 'http://a.example' }] }),
    );
    expect(http.json().fields['trainingLinks.0.url']).toMatch(/https/);
  });
});

describe('draft → open → closed', () => {
  it('publishing an incomplete job lists everything missing at once and changes nothing', async () => {
    const owner = await signUpOwner(t.app);
    const draft = (await req('POST', '/job-posts', owner.headers, { functionSlug: 'payroll' })).json();
    const res = await req('POST', `/job-posts/${draft.id}/publish`, owner.headers);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields)).toEqual([
      'summary',
      'duties',
      'benchmarks',
      'budgetMin',
      'budgetMax',
      'hoursPerWeek',
    ]);
    expect(res.json().message).toMatch(/^Complete the job before publishing it: summary, duties/);
    expect((await req('GET', `/job-posts/${draft.id}`, owner.headers)).json().status).toBe('draft');
    expect(await queued('job-posts.notify-matches', draft.id)).toBe(0);
  });

  it('publishing opens the job and queues the new-match notifications in the same transaction', async () => {
    const owner = await signUpOwner(t.app);
    const job = await createOpenJob(t.app, owner.headers);
    expect(job).toMatchObject({ status: 'open', revision: 0, missingForPublish: [] });
    expect(await queued('job-posts.notify-matches', job.id)).toBe(1);
    const again = await req('POST', `/job-posts/${job.id}/publish`, owner.headers);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/already open/);
  });

  it('a start date in the past keeps a job from opening', async () => {
    const owner = await signUpOwner(t.app);
    const draft = await createDraft(t.app, owner.headers, { startBy: '2020-01-01' });
    const res = await req('POST', `/job-posts/${draft.id}/publish`, owner.headers);
    expect(res.json().fields).toEqual({ startBy: 'The start date has passed; choose today or later' });
  });

  it('editing an open job counts a revision and tells active bidders what changed; ids of kept duties stay', async () => {
    const owner = await signUpOwner(t.app);
    const job = await createOpenJob(t.app, owner.headers);
    const bidder = await publishedProvider(t.app);
    const withdrawn = await publishedProvider(t.app);
    await insertBid(t.database, {
      jobPostId: job.id,
      providerId: bidder.providerId,
      authorId: bidder.userId,
    });
    await insertBid(t.database, {
      jobPostId: job.id,
      providerId: withdrawn.providerId,
      authorId: withdrawn.userId,
      status: 'withdrawn',
    });

    const [first, second] = job.duties;
    const res = await req(
      'PUT',
      `/job-posts/${job.id}`,
      owner.headers,
      completeJob({
        budgetMax: 55,
        duties: [
          { id: second!.id, text: second!.text },
          { id: first!.id, text: 'Reconcile four accounts' },
        ],
      }),
    );
    expect(res.statusCode).toBe(200);
    const edited = res.json();
    expect(edited).toMatchObject({
      status: 'open',
      revision: 1,
      budgetMax: 55,
      bids: { active: 1, withdrawn: 1, total: 2 },
    });
    expect(edited.duties).toEqual([second, { id: first!.id, text: 'Reconcile four accounts' }]);

    await drainJobs(t.app);
    const [note] = (await notificationsOf(bidder.headers)).filter((n) => n.kind === 'job.updated');
    expect(note).toMatchObject({
      kind: 'job.updated',
      title: `“${completeJob().title}” was updated`,
      link: `/jobs/${job.id}`,
    });
    expect(note!.body).toMatch(/^The owner changed the duties and budget\./);
    expect((await notificationsOf(withdrawn.headers)).filter((n) => n.kind === 'job.updated')).toEqual([]);

    // Saving the same job again changes nothing: no revision, nobody told.
    const same = completeJob({ budgetMax: 55, duties: edited.duties });
    expect((await req('PUT', `/job-posts/${job.id}`, owner.headers, same)).json().revision).toBe(1);
    expect((await notificationsOf(bidder.headers)).filter((n) => n.kind === 'job.updated')).toHaveLength(1);
  });

  it('an open job must stay complete', async () => {
    const owner = await signUpOwner(t.app);
    const job = await createOpenJob(t.app, owner.headers);
    const res = await req(
      'PUT',
      `/job-posts/${job.id}`,
      owner.headers,
      completeJob({ duties: [], summary: '' }),
    );
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields)).toEqual(['summary', 'duties']);
    expect((await req('GET', `/job-posts/${job.id}`, owner.headers)).json().duties).toHaveLength(3);
  });

  it('closing tells active bidders; a closed job cannot be edited, published or closed again', async () => {
    const owner = await signUpOwner(t.app);
    const job = await createOpenJob(t.app, owner.headers);
    const bidder = await publishedProvider(t.app);
    await insertBid(t.database, {
      jobPostId: job.id,
      providerId: bidder.providerId,
      authorId: bidder.userId,
    });
    const closed = await req('POST', `/job-posts/${job.id}/close`, owner.headers);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(closed.json().closedAt).not.toBeNull();
    await drainJobs(t.app);
    expect((await notificationsOf(bidder.headers)).filter((n) => n.kind === 'job.updated')[0]).toMatchObject({
      kind: 'job.updated',
      title: `“${completeJob().title}” was closed`,
    });

    const edit = await req('PUT', `/job-posts/${job.id}`, owner.headers, completeJob({ title: 'Reopened?' }));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toBe('This job is closed; it can no longer be changed');
    expect((await req('POST', `/job-posts/${job.id}/publish`, owner.headers)).statusCode).toBe(409);
    expect((await req('POST', `/job-posts/${job.id}/close`, owner.headers)).json().message).toMatch(
      /already closed/,
    );
  });

  it('a filled job is history too', async () => {
    const owner = await signUpOwner(t.app);
    const job = await createOpenJob(t.app, owner.headers);
    await t.database.db.execute(sql`UPDATE job_posts SET status = 'filled' WHERE id = ${job.id}`);
    const edit = await req('PUT', `/job-posts/${job.id}`, owner.headers, completeJob());
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toMatch(/filled/);
    expect((await req('POST', `/job-posts/${job.id}/close`, owner.headers)).statusCode).toBe(409);
  });

  it('a draft can be deleted, a published job cannot; a draft cannot be closed', async () => {
    const owner = await signUpOwner(t.app);
    const draft = await createDraft(t.app, owner.headers);
    expect((await req('POST', `/job-posts/${draft.id}/close`, owner.headers)).json().message).toMatch(
      /delete the draft/,
    );
    expect((await req('DELETE', `/job-posts/${draft.id}`, owner.headers)).statusCode).toBe(204);
    expect((await req('GET', `/job-posts/${draft.id}`, owner.headers)).statusCode).toBe(404);
    const open = await createOpenJob(t.app, owner.headers);
    expect((await req('DELETE', `/job-posts/${open.id}`, owner.headers)).statusCode).toBe(409);
  });
});
