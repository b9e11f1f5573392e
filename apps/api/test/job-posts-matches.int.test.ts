import { createOutboxWriter } from '@handoff/db';
import { jobPostMatches, outbox, providerMembers } from '@handoff/db/schema';
import { and, eq, isNotNull, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, drainJobs, signUp, type TestApp } from './helpers.ts';
import { createOpenJob, publishedProvider } from './job-post-factory.ts';

// A job that opens tells the members of matching providers in the app at once, and by e-mail in one
// daily digest; both are idempotent, however often their jobs run.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const matchNotes = async (headers: Headers) =>
  (
    (await req('GET', '/notifications', headers)).json().notifications as {
      kind: string;
      title: string;
      link: string;
    }[]
  ).filter((n) => n.kind === 'job.new-match');

/** The digests in someone's dev mailbox, oldest first, with their text. */
async function digests(email: string) {
  const list = (await req('GET', `/dev/mailbox?to=${encodeURIComponent(email)}`)).json().messages as {
    id: string;
    subject: string;
  }[];
  const mails = [];
  for (const m of list.filter((x) => /new job/i.test(x.subject)).reverse()) {
    mails.push((await req('GET', `/dev/mailbox/${m.id}`)).json() as { subject: string; text: string });
  }
  return mails;
}

const writer = () => createOutboxWriter(t.database.db);
const runDigest = async () => {
  await writer().enqueue('job-posts.daily-digest', {});
  await drainJobs(t.app);
};

let owner: { id: string; headers: Headers };
let firm: Awaited<ReturnType<typeof publishedProvider>>;
let colleague: { id: string; email: string; headers: Headers };
let payroll: Awaited<ReturnType<typeof publishedProvider>>;
let quiet: Awaited<ReturnType<typeof publishedProvider>>;
let firmEmail: string;

beforeAll(async () => {
  // The owner also runs a bookkeeping profile: nobody is told about their own job.
  const ownerProvider = await publishedProvider(t.app, { role: 'both', functions: ['bookkeeping'] });
  owner = { id: ownerProvider.userId, headers: ownerProvider.headers };
  firm = await publishedProvider(t.app, { functions: ['bookkeeping'], name: 'Ledger Firm' });
  firmEmail = (await req('GET', '/auth/me', firm.headers)).json().user.email;
  const { session } = await signUp(t.app, { role: 'provider', name: 'Colleague' });
  colleague = { id: session.user.id, email: session.user.email, headers: bearer(session.accessToken) };
  await t.database.db
    .insert(providerMembers)
    .values({ providerId: firm.providerId, userId: colleague.id, role: 'member' });
  payroll = await publishedProvider(t.app, { functions: ['payroll'] });
  quiet = await publishedProvider(t.app, { functions: ['bookkeeping'] });
  const off = await req('PUT', '/notifications/preferences', quiet.headers, {
    email: { 'job.new-match': false },
  });
  expect(off.statusCode).toBe(200);
});

afterAll(async () => {
  // Every background job ran through without an error.
  const failed = await t.database.db
    .select({ name: outbox.name, error: outbox.lastError })
    .from(outbox)
    .where(or(eq(outbox.status, 'failed'), isNotNull(outbox.lastError)));
  expect(failed).toEqual([]);
});

describe('new-match notifications', () => {
  it('tell every member of every matching profile in the app, without e-mail, and only once', async () => {
    const job = await createOpenJob(t.app, owner.headers, { title: 'Books for a sign shop' });
    await drainJobs(t.app);
    for (const headers of [firm.headers, colleague.headers, quiet.headers]) {
      expect(await matchNotes(headers)).toEqual([
        expect.objectContaining({
          title: 'New Bookkeeping job: “Books for a sign shop”',
          link: `/jobs/${job.id}`,
        }),
      ]);
    }
    expect(await matchNotes(payroll.headers)).toEqual([]);
    expect(await matchNotes(owner.headers)).toEqual([]);
    expect(await digests(firmEmail)).toEqual([]);

    // A retried or repeated job tells nobody twice.
    await writer().enqueue('job-posts.notify-matches', { jobPostId: job.id });
    await writer().enqueue('job-posts.notify-matches', { jobPostId: job.id });
    await drainJobs(t.app);
    expect(await matchNotes(firm.headers)).toHaveLength(1);
    const rows = await t.database.db
      .select({ userId: jobPostMatches.userId })
      .from(jobPostMatches)
      .where(and(eq(jobPostMatches.jobPostId, job.id), eq(jobPostMatches.channel, 'instant')));
    expect(rows.map((r) => r.userId).sort()).toEqual([firm.userId, colleague.id, quiet.userId].sort());
  });

  it('an invite-only job tells nobody by match (the invited hear of their invitation)', async () => {
    const job = await createOpenJob(t.app, owner.headers, {
      title: 'Private books',
      visibility: 'invite_only',
    });
    await drainJobs(t.app);
    expect((await matchNotes(firm.headers)).map((n) => n.link)).not.toContain(`/jobs/${job.id}`);
  });
});

describe('the daily digest', () => {
  it('e-mails each match once, however often the scan runs; leaves out closed jobs and opted-out members', async () => {
    const kept = await createOpenJob(t.app, owner.headers, { title: 'Quarterly close for a florist' });
    const gone = await createOpenJob(t.app, owner.headers, { title: 'Books for a food truck' });
    await drainJobs(t.app);
    await req('POST', `/job-posts/${gone.id}/close`, owner.headers);

    await runDigest();
    await runDigest();
    for (const email of [firmEmail, colleague.email]) {
      const mails = await digests(email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe('2 new jobs match your profile');
      expect(mails[0]!.text).toContain('Quarterly close for a florist');
      expect(mails[0]!.text).toContain('Books for a sign shop');
      expect(mails[0]!.text).toContain(`/jobs/${kept.id}`);
      expect(mails[0]!.text).not.toContain('Books for a food truck');
      expect(mails[0]!.text).toMatch(/Unsubscribe: /);
    }
    const quietEmail = (await req('GET', '/auth/me', quiet.headers)).json().user.email;
    expect(await digests(quietEmail)).toEqual([]);

    // The next day's digest has only what opened since.
    await createOpenJob(t.app, owner.headers, { title: 'Catch-up bookkeeping for a gym' });
    await drainJobs(t.app);
    await runDigest();
    const mails = await digests(firmEmail);
    expect(mails.map((m) => m.subject)).toEqual([
      '2 new jobs match your profile',
      'A new job for you: Catch-up bookkeeping for a gym',
    ]);
    expect(mails[1]!.text).not.toContain('florist');
    // Turning the e-mail back on does not send what was already seen in the app.
    await req('PUT', '/notifications/preferences', quiet.headers, { email: { 'job.new-match': true } });
    await runDigest();
    expect(await digests(quietEmail)).toEqual([]);
  });
});
