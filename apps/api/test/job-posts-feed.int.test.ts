import { providerMembers } from '@handoff/db/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, drainJobs, manualClock, signUp, type TestApp } from './helpers.ts';
import { createDraft, createOpenJob, insertBid, publishedProvider, signUpOwner } from './job-post-factory.ts';

// The providers' "jobs for you" feed, and invitations to bid: who sees which job.

const DAY = 86_400_000;
const clock = manualClock(new Date(Date.UTC(2031, 0, 10, 12)));
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

type Item = { id: string; invited: boolean; bidStatus: string | null; industryMatch: boolean };
const feed = async (headers: Headers, query = '') => {
  const res = await req('GET', `/feed/job-posts${query ? `?${query}` : ''}`, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { providerId: string; items: Item[]; total: number; page: number; perPage: number };
};
const ids = (page: { items: Item[] }) => page.items.map((i) => i.id);

let owner: Awaited<ReturnType<typeof signUpOwner>>;
let provider: Awaited<ReturnType<typeof publishedProvider>>;
let outsider: Awaited<ReturnType<typeof publishedProvider>>;
const jobs: Record<string, string> = {};

beforeAll(async () => {
  owner = await signUpOwner(t.app);
  // Serves customer service and bookkeeping, in real estate.
  provider = await publishedProvider(t.app, { name: 'Keystone Books' });
  outsider = await publishedProvider(t.app, { name: 'Outsider Support' });
  const open = async (key: string, overrides: Record<string, unknown>) => {
    jobs[key] = (await createOpenJob(t.app, owner.headers, overrides)).id;
    clock.advance(DAY);
  };
  await open('brokerageBooks', {
    title: 'Bookkeeping for a brokerage',
    summary: 'Keep QuickBooks current for a busy real-estate brokerage with three offices.',
    industrySlug: 'real-estate',
  });
  await open('clinicPhones', {
    title: 'Front desk phones for a clinic',
    functionSlug: 'customer-service',
    industrySlug: 'healthcare',
    summary: 'Answer patient calls and book appointments for a two-doctor clinic.',
    duties: [{ text: 'Answer patient calls during opening hours' }],
    currency: 'EUR',
    budgetMin: 20,
    budgetMax: 30,
    engagementType: 'virtual_assistant',
  });
  const payroll = {
    functionSlug: 'payroll',
    summary: 'Run payroll every other Friday for a team of twelve, taxes included.',
    duties: [{ text: 'Run payroll and approve direct deposits' }],
  };
  await open('payroll', { ...payroll, title: 'Payroll for a bakery', industrySlug: 'retail' });
  await open('secretBooks', {
    title: 'Quiet bookkeeping',
    summary: 'Bookkeeping we would rather not advertise, for a family office.',
    visibility: 'invite_only',
  });
  await open('invitedPayroll', { ...payroll, title: 'Invited payroll', visibility: 'invite_only' });
  await open('agencyBooks', {
    title: 'Monthly close for an agency',
    summary: 'Close the books every month in Xero for a real-estate marketing agency.',
    industrySlug: 'real-estate',
    budgetBasis: 'monthly',
    budgetMin: 2000,
    budgetMax: 3000,
    currency: 'GBP',
  });
  jobs.draft = (await createDraft(t.app, owner.headers, { title: 'Draft books' })).id;
  jobs.closed = (await createOpenJob(t.app, owner.headers, { title: 'Closed books' })).id;
  await req('POST', `/job-posts/${jobs.closed}/close`, owner.headers);
  const invite = await req('POST', `/job-posts/${jobs.invitedPayroll}/invitations`, owner.headers, {
    providerId: provider.providerId,
    message: 'We loved your payroll package',
  });
  expect(invite.statusCode).toBe(201);
});

describe('the feed', () => {
  it('shows open jobs in the profile’s functions and those it was invited to, newest first', async () => {
    const page = await feed(provider.headers);
    expect(page.providerId).toBe(provider.providerId);
    expect(ids(page)).toEqual([
      jobs.agencyBooks,
      jobs.invitedPayroll,
      jobs.clinicPhones,
      jobs.brokerageBooks,
    ]);
    expect(page.total).toBe(4);
    expect(page.items.find((i) => i.id === jobs.invitedPayroll)).toMatchObject({
      invited: true,
      bidStatus: null,
    });
    expect(page.items.find((i) => i.id === jobs.agencyBooks)).toMatchObject({
      invited: false,
      industryMatch: true,
      budgetMinUsd: 2540,
      functionName: 'Bookkeeping',
    });
  });

  it('follows each profile’s own functions, whoever else is on the platform', async () => {
    const payrollOnly = await publishedProvider(t.app, { functions: ['payroll'], industries: ['retail'] });
    expect(ids(await feed(payrollOnly.headers))).toEqual([jobs.payroll]);
  });

  it('shows the profile’s own bid on a job', async () => {
    const other = await publishedProvider(t.app);
    await insertBid(t.database, {
      jobPostId: jobs.brokerageBooks!,
      providerId: other.providerId,
      authorId: other.userId,
    });
    const item = (await feed(other.headers)).items.find((i) => i.id === jobs.brokerageBooks);
    expect(item).toMatchObject({ bidStatus: 'active' });
    expect(
      (await feed(provider.headers)).items.find((i) => i.id === jobs.brokerageBooks)?.bidStatus,
    ).toBeNull();
  });

  it.each<[string, string, string[]]>([
    ['text over title, summary and duties', 'q=quickbooks', ['brokerageBooks']],
    ['text over the duties', 'q=reconcile', ['agencyBooks', 'brokerageBooks']],
    ['a function', 'function=customer-service', ['clinicPhones']],
    ['an industry', 'industry=real-estate', ['agencyBooks', 'brokerageBooks']],
    [
      'a budget floor in US dollars (EUR 30 is $32.40)',
      'budgetMin=40',
      ['agencyBooks', 'invitedPayroll', 'brokerageBooks'],
    ],
    ['a budget ceiling in US dollars', 'budgetMax=24', ['clinicPhones']],
    ['a budget basis', 'basis=monthly', ['agencyBooks']],
    [
      'an engagement type (jobs open to any kind included)',
      'engagementType=firm',
      ['agencyBooks', 'invitedPayroll', 'brokerageBooks'],
    ],
    ['posted since a date', 'postedSince=2031-01-13', ['agencyBooks', 'invitedPayroll']],
    ['filters together', 'industry=real-estate&basis=hourly&q=brokerage', ['brokerageBooks']],
  ])('filters by %s', async (_what, query, expected) => {
    const page = await feed(provider.headers, query);
    expect(ids(page)).toEqual(expected.map((k) => jobs[k]));
    expect(page.total).toBe(expected.length);
  });

  it('sorts by best match: the profile’s industries first, then the text’s rank, then newest', async () => {
    expect(ids(await feed(provider.headers, 'sort=best'))).toEqual([
      jobs.agencyBooks,
      jobs.brokerageBooks,
      jobs.invitedPayroll,
      jobs.clinicPhones,
    ]);
  });

  it('pages, with the total of every match', async () => {
    const second = await feed(provider.headers, 'perPage=3&page=2');
    expect(ids(second)).toEqual([jobs.brokerageBooks]);
    expect(second).toMatchObject({ total: 4, page: 2, perPage: 3 });
    const past = await feed(provider.headers, 'perPage=3&page=9');
    expect(past).toMatchObject({ items: [], total: 4 });
  });

  it.each([
    ['perPage=51', 'perPage', /at most 50/],
    ['function=astrology', 'function', /no business function/],
    ['industry=space', 'industry', /no industry/],
    ['budgetMin=50&budgetMax=10', 'budgetMax', /cannot be below/],
    ['sort=random', 'sort', /newest or best/],
    ['postedSince=yesterday', 'postedSince', /date like/],
  ])('answers 400 for %s', async (query, field, message) => {
    const res = await req('GET', `/feed/job-posts?${query}`, provider.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[field]).toMatch(message);
  });

  it('needs a provider profile: 403 with a message for an owner, 401 anonymous, 404 for someone else’s profile', async () => {
    const res = await req('GET', '/feed/job-posts', owner.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/create a provider profile/);
    expect((await req('GET', '/feed/job-posts')).statusCode).toBe(401);
    const theirs = await req('GET', `/feed/job-posts?providerId=${outsider.providerId}`, provider.headers);
    expect(theirs.statusCode).toBe(404);
  });
});

describe('an invite-only job', () => {
  it('is invisible to the uninvited: feed, public page and by id', async () => {
    for (const key of ['secretBooks', 'invitedPayroll']) {
      expect(ids(await feed(outsider.headers))).not.toContain(jobs[key]);
      expect((await req('GET', `/job-posts/${jobs[key]}`, outsider.headers)).statusCode).toBe(404);
      expect((await req('GET', `/public/job-posts/${jobs[key]}`)).statusCode).toBe(404);
    }
    expect((await req('GET', `/job-posts/${jobs.secretBooks}`, provider.headers)).statusCode).toBe(404);
  });

  it('is visible to the invited provider, with its notes', async () => {
    const res = await req('GET', `/job-posts/${jobs.invitedPayroll}`, provider.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ viewer: 'provider', invited: true, title: 'Invited payroll' });
    expect(res.json().processNotes).toMatch(/Receipts/);
  });

  it('drafts and closed jobs are nobody’s but the owner’s', async () => {
    for (const key of ['draft', 'closed']) {
      expect(ids(await feed(provider.headers))).not.toContain(jobs[key]);
      expect((await req('GET', `/job-posts/${jobs[key]}`, provider.headers)).statusCode).toBe(404);
    }
  });
});

describe('invitations', () => {
  it('notify every member of the invited profile in the app and by e-mail, once', async () => {
    const job = (await createOpenJob(t.app, owner.headers, { title: 'Books for a title company' })).id;
    const firm = await publishedProvider(t.app, { name: 'Harbor Firm' });
    const { session } = await signUp(t.app, { role: 'provider', name: 'Second Member' });
    await t.database.db
      .insert(providerMembers)
      .values({ providerId: firm.providerId, userId: session.user.id, role: 'member' });

    const res = await req('POST', `/job-posts/${job}/invitations`, owner.headers, {
      providerId: firm.providerId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      alreadyInvited: false,
      invitation: { providerId: firm.providerId, providerName: 'Harbor Firm', message: '', bidStatus: null },
    });
    await drainJobs(t.app);
    for (const headers of [firm.headers, bearer(session.accessToken)]) {
      const notes = (await req('GET', '/notifications', headers)).json().notifications;
      expect(notes.filter((n: { kind: string }) => n.kind === 'job.invitation')).toEqual([
        expect.objectContaining({
          title: 'Harbor Firm is invited to bid on “Books for a title company”',
          link: `/jobs/${job}`,
        }),
      ]);
    }
    const mail = (await req('GET', `/dev/mailbox?to=${encodeURIComponent(session.user.email)}`)).json()
      .messages;
    expect(mail.map((m: { subject: string }) => m.subject)).toContain(
      'Harbor Firm is invited to bid on “Books for a title company”',
    );

    const again = await req('POST', `/job-posts/${job}/invitations`, owner.headers, {
      providerId: firm.providerId,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().alreadyInvited).toBe(true);
    await drainJobs(t.app);
    const notes = (await req('GET', '/notifications', firm.headers)).json().notifications;
    expect(notes.filter((n: { kind: string }) => n.kind === 'job.invitation')).toHaveLength(1);
  });

  it('the owner lists a job’s invitations; the provider lists its own, newest first, with its bid', async () => {
    const list = (await req('GET', `/job-posts/${jobs.invitedPayroll}/invitations`, owner.headers)).json();
    expect(list.invitations).toEqual([
      expect.objectContaining({
        providerId: provider.providerId,
        providerName: 'Keystone Books',
        message: 'We loved your payroll package',
      }),
    ]);
    await insertBid(t.database, {
      jobPostId: jobs.invitedPayroll!,
      providerId: provider.providerId,
      authorId: provider.userId,
    });
    clock.advance(DAY);
    const later = (await createOpenJob(t.app, owner.headers, { title: 'Later job' })).id;
    await req('POST', `/job-posts/${later}/invitations`, owner.headers, { providerId: provider.providerId });
    const received = (await req('GET', '/provider/invitations', provider.headers)).json().invitations;
    expect(received.map((i: { jobPostId: string }) => i.jobPostId)).toEqual([later, jobs.invitedPayroll]);
    expect(received[1]).toMatchObject({
      title: 'Invited payroll',
      functionName: 'Payroll',
      status: 'open',
      budgetMin: 25,
      budgetMax: 45,
      currency: 'USD',
      providerName: 'Keystone Books',
      bidStatus: 'active',
    });
    expect(received[0].bidStatus).toBeNull();
    expect((await req('GET', '/provider/invitations', outsider.headers)).json().invitations).toEqual([]);
  });

  it('say what is wrong: a draft, an unknown or unpublished profile, your own profile', async () => {
    const both = await signUpOwner(t.app, 'both');
    const draft = await createDraft(t.app, both.headers);
    const open = await createOpenJob(t.app, both.headers);
    const notYet = await req('POST', `/job-posts/${draft.id}/invitations`, both.headers, {
      providerId: provider.providerId,
    });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().message).toMatch(/Publish the job/);
    const unknown = await req('POST', `/job-posts/${open.id}/invitations`, both.headers, {
      providerId: both.id,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/No published provider/);
    // A user with both roles has a profile of their own and posts jobs; they cannot invite themselves.
    const mine = await req('POST', '/providers', both.headers, { name: 'My Own Books', kind: 'freelancer' });
    expect(mine.statusCode).toBe(201);
    const draftProfile = await req('POST', `/job-posts/${open.id}/invitations`, both.headers, {
      providerId: mine.json().id,
    });
    expect(draftProfile.statusCode).toBe(404);
    const self = await publishedProvider(t.app, { role: 'both' });
    const selfJob = await createOpenJob(t.app, self.headers);
    const own = await req('POST', `/job-posts/${selfJob.id}/invitations`, self.headers, {
      providerId: self.providerId,
    });
    expect(own.statusCode).toBe(409);
    expect(own.json().message).toMatch(/your own provider profile/);
    expect((await req('GET', `/job-posts/${open.id}/invitations`, both.headers)).json().invitations).toEqual(
      [],
    );
  });

  it('provider invitations need a provider membership', async () => {
    const res = await req('GET', '/provider/invitations', owner.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/provider profile/);
    expect((await req('GET', '/provider/invitations')).statusCode).toBe(401);
  });
});
