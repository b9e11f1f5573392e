import { USD_PER_UNIT } from '@handoff/contracts';
import { bidDutyCoverage, bids, providers } from '@handoff/db/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  anOwner,
  emailJobsFor,
  aProvider,
  bidBody,
  insertJobPost,
  submitBid,
  type Headers,
  type TestJobPost,
} from './bid-factory.ts';
import { buildTestApp, manualClock, type TestApp } from './helpers.ts';
import { PNG, signUpProvider } from './provider-factory.ts';

let t: TestApp;
const clock = manualClock(new Date('2027-03-01T09:00:00Z'));
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const later = () => clock.advance(60_000);
const convert = (amount: number, from: keyof typeof USD_PER_UNIT, to: keyof typeof USD_PER_UNIT) =>
  Math.round(((amount * USD_PER_UNIT[from]) / USD_PER_UNIT[to]) * 100) / 100;

type Provider = Awaited<ReturnType<typeof aProvider>>;

/** One job in euros with five bids in several currencies and states. */
async function market() {
  const owner = await anOwner(t.app);
  const job = await insertJobPost(t, owner.id, {
    currency: 'EUR',
    benchmarks: ['Answer 95% of calls live', 'Book every showing within a day'],
  });
  const [d1, d2, d3] = job.duties.map((d) => d.id) as [string, string, string];
  const all = (coverage: string[]) => [d1, d2, d3].map((dutyId, i) => ({ dutyId, coverage: coverage[i] }));

  const keystone = await aProvider(t.app, 'Keystone Compare'); // serves real estate
  await t.app.inject({
    method: 'PUT',
    url: `/providers/${keystone.id}/logo`,
    headers: { ...keystone.headers, 'content-type': 'image/png' },
    payload: PNG,
  });
  const lawDesk = await aProvider(t.app, 'Law Desk Compare', { industries: ['legal-services'] });
  const london = await aProvider(t.app, 'London Compare');
  const quitter = await aProvider(t.app, 'Quitter Compare');
  const refused = await aProvider(t.app, 'Refused Compare');
  await t.database.db
    .update(providers)
    .set({ ratingAvg: 4.9, ratingCount: 31 })
    .where(eq(providers.id, london.id));
  await t.database.db
    .update(providers)
    .set({ ratingAvg: 4.2, ratingCount: 8, verifiedReferenceCount: 3 })
    .where(eq(providers.id, keystone.id));

  const bid = async (p: Provider, body: object) => {
    later();
    return submitBid(t.app, p.headers, job.id, body);
  };
  const b = {
    keystone: await bid(
      keystone,
      bidBody(job, { price: 1500, currency: 'USD', coverage: all(['yes', 'yes', 'yes']) }),
    ),
    lawDesk: await bid(
      lawDesk,
      bidBody(job, { price: 1200, currency: 'EUR', coverage: all(['yes', 'partly', 'no']) }),
    ),
    london: await bid(
      london,
      bidBody(job, {
        price: 40,
        priceBasis: 'hourly',
        currency: 'GBP',
        packageId: london.packages[0]!.id,
        coverage: all(['yes', 'yes', 'partly']),
      }),
    ),
    quitter: await bid(quitter, bidBody(job, { price: 100, coverage: all(['yes', 'yes', 'yes']) })),
    refused: await bid(refused, bidBody(job, { price: 90, coverage: all(['yes', 'yes', 'yes']) })),
  };
  await req('POST', `/bids/${b.quitter.id}/withdraw`, quitter.headers);
  await req('POST', `/bids/${b.refused.id}/decline`, owner.headers, { reason: 'Too far away' });
  return { owner, job, b, providers: { keystone, lawDesk, london, quitter, refused } };
}

const compare = async (job: TestJobPost, headers: Headers, query = '') => {
  const res = await req('GET', `/job-posts/${job.id}/bids${query}`, headers);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const idsOf = (body: { bids: { id: string }[] }) => body.bids.map((x) => x.id);

describe('comparing the bids on a job', () => {
  it('gives the grid’s rows, and per bid the provider, prices converted, coverage and unread messages', async () => {
    const { owner, job, b, providers: p } = await market();
    await req('POST', `/bids/${b.london.id}/messages`, p.london.headers, {
      body: 'Happy to start next week.',
    });

    const body = await compare(job, owner.headers);
    expect(body.jobPost).toMatchObject({
      id: job.id,
      status: 'open',
      currency: 'EUR',
      industry: { slug: 'real-estate', name: 'Real estate' },
      budgetBasis: 'monthly',
    });
    expect(body.duties).toEqual(job.duties);
    expect(body.benchmarks.map((x: { objective: string }) => x.objective)).toEqual([
      'Answer 95% of calls live',
      'Book every showing within a day',
    ]);
    expect(body.conversion).toMatchObject({ approximate: true, ratesAsOf: expect.any(String) });
    expect(body.conversion.note).toMatch(/approximate/);
    expect(body.counts).toEqual({
      total: 5,
      byStatus: { active: 3, withdrawn: 1, declined: 1, accepted: 0, not_selected: 0 },
      shortlisted: 0,
      archived: 0,
    });
    // Newest first by default; withdrawn and declined bids are shown unless hidden.
    expect(idsOf(body)).toEqual([b.refused.id, b.quitter.id, b.london.id, b.lawDesk.id, b.keystone.id]);

    const byId = new Map(body.bids.map((x: { id: string }) => [x.id, x]));
    const london = byId.get(b.london.id) as Record<string, unknown>;
    expect(london).toMatchObject({
      status: 'active',
      priceBasis: 'hourly',
      price: {
        bid: { amount: 40, currency: 'GBP' },
        jobCurrency: { amount: convert(40, 'GBP', 'EUR'), currency: 'EUR' },
        usd: { amount: convert(40, 'GBP', 'USD'), currency: 'USD' },
      },
      package: { name: 'Inbox and phones', price: 1450, billing: 'monthly' },
      coverageSummary: { yes: 2, partly: 1, no: 0, unanswered: 0, score: 83, full: false },
      unreadMessages: 1,
      canAccept: true,
      canDecline: true,
      provider: {
        id: p.london.id,
        name: 'London Compare',
        slug: p.london.slug,
        kind: 'firm',
        logoUrl: null,
        ratingAvg: 4.9,
        ratingCount: 31,
        industries: [{ slug: 'real-estate', name: 'Real estate' }],
        servesJobIndustry: true,
      },
    });
    expect(
      (london.coverage as { dutyId: string; coverage: string }[]).map((c) => [c.dutyId, c.coverage]),
    ).toEqual(job.duties.map((d, i) => [d.id, ['yes', 'yes', 'partly'][i]]));
    const keystone = byId.get(b.keystone.id) as { provider: Record<string, unknown>; price: object };
    expect(keystone.provider.logoUrl).toMatch(
      new RegExp(`^/providers/${p.keystone.id}/logo\\?v=[0-9a-f]{16}$`),
    );
    expect(keystone.provider.verifiedReferenceCount).toBe(3);
    expect(keystone.price).toEqual({
      bid: { amount: 1500, currency: 'USD' },
      jobCurrency: { amount: convert(1500, 'USD', 'EUR'), currency: 'EUR' },
      usd: { amount: 1500, currency: 'USD' },
    });
    const lawDesk = byId.get(b.lawDesk.id) as { provider: Record<string, unknown>; coverageSummary: object };
    expect(lawDesk.provider).toMatchObject({
      industries: [{ slug: 'legal-services', name: 'Legal services' }],
      servesJobIndustry: false,
    });
    expect(lawDesk.coverageSummary).toMatchObject({ yes: 1, partly: 1, no: 1, score: 50 });
    expect(byId.get(b.refused.id)).toMatchObject({
      status: 'declined',
      declineReason: 'Too far away',
      canAccept: false,
    });

    // Reading the thread clears its unread count.
    await req('GET', `/bids/${b.london.id}/messages`, owner.headers);
    const after = await compare(job, owner.headers);
    expect(after.bids.find((x: { id: string }) => x.id === b.london.id).unreadMessages).toBe(0);
  });

  it('sorts by price in US dollars, coverage or rating, and filters as asked', async () => {
    const { owner, job, b } = await market();
    const active = '&hideInactive=true';
    expect(idsOf(await compare(job, owner.headers, `?sort=price${active}`))).toEqual([
      b.london.id, // GBP 40
      b.lawDesk.id, // EUR 1,200 ≈ USD 1,296
      b.keystone.id, // USD 1,500
    ]);
    expect(idsOf(await compare(job, owner.headers, `?sort=coverage${active}`))).toEqual([
      b.keystone.id,
      b.london.id,
      b.lawDesk.id,
    ]);
    expect(idsOf(await compare(job, owner.headers, `?sort=rating${active}`))).toEqual([
      b.london.id,
      b.keystone.id,
      b.lawDesk.id,
    ]);
    expect(idsOf(await compare(job, owner.headers, `?fullCoverage=true${active}`))).toEqual([b.keystone.id]);

    await req('POST', `/bids/${b.lawDesk.id}/shortlist`, owner.headers);
    await req('POST', `/bids/${b.keystone.id}/archive`, owner.headers);
    expect(idsOf(await compare(job, owner.headers, '?shortlisted=true'))).toEqual([b.lawDesk.id]);
    const withoutArchived = await compare(job, owner.headers, `?sort=price${active}`);
    expect(idsOf(withoutArchived)).toEqual([b.london.id, b.lawDesk.id]);
    expect(withoutArchived.counts).toMatchObject({ total: 5, shortlisted: 1, archived: 1 });
    expect(idsOf(await compare(job, owner.headers, `?sort=price&includeArchived=true${active}`))).toEqual([
      b.london.id,
      b.lawDesk.id,
      b.keystone.id,
    ]);

    const bad = await req('GET', `/job-posts/${job.id}/bids?sort=cheapest&fullCoverage=maybe`, owner.headers);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['sort', 'fullCoverage']);
  });

  it('is the job owner’s only: bidders, other owners and anonymous callers get nothing', async () => {
    const { job, providers: p } = await market();
    const otherOwner = await anOwner(t.app);
    for (const [headers, code] of [
      [p.keystone.headers, 404],
      [otherOwner.headers, 404],
      [{}, 401],
    ] as const) {
      const res = await req('GET', `/job-posts/${job.id}/bids`, headers);
      expect(res.statusCode).toBe(code);
      expect(res.body).not.toContain('Law Desk Compare');
      expect(res.body).not.toContain('1200');
    }
  });

  it('answers in one piece for 200 bids', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const db = t.database.db;
    // Straight into the tables: 200 sign-ups through the api would take minutes.
    const rows = await db
      .insert(providers)
      .values(
        Array.from({ length: 200 }, (_, i) => ({
          slug: `bulk-${job.id.slice(0, 8)}-${i}`,
          name: `Bulk ${i}`,
          kind: 'freelancer' as const,
          status: 'published' as const,
        })),
      )
      .returning({ id: providers.id });
    const made = await db
      .insert(bids)
      .values(
        rows.map((r, i) => ({
          jobPostId: job.id,
          providerId: r.id,
          authorId: owner.id,
          price: 1000 + i,
          priceBasis: 'monthly' as const,
          currency: 'USD',
        })),
      )
      .returning({ id: bids.id });
    await db.insert(bidDutyCoverage).values(
      made.flatMap((m, i) =>
        job.duties.map((d) => ({
          bidId: m.id,
          dutyId: d.id,
          coverage: i % 2 ? ('yes' as const) : ('no' as const),
        })),
      ),
    );

    const body = await compare(job, owner.headers, '?sort=price&fullCoverage=true');
    expect(body.counts.total).toBe(200);
    expect(body.bids).toHaveLength(100);
    expect(body.bids[0].price.usd.amount).toBe(1001);
    expect(body.bids[99].price.usd.amount).toBe(1199);
  });
});

describe('the owner’s decisions on a bid', () => {
  it('shortlists and archives for the owner alone: the provider is not told and does not see the marks', async () => {
    const { owner, b, providers: p } = await market();
    const before = (await req('GET', '/notifications', p.keystone.headers)).json().notifications.length;
    const shortlisted = await req('POST', `/bids/${b.keystone.id}/shortlist`, owner.headers);
    expect(shortlisted.statusCode).toBe(200);
    expect(shortlisted.json()).toMatchObject({ viewer: 'owner', shortlisted: true, archived: false });
    expect((await req('POST', `/bids/${b.keystone.id}/archive`, owner.headers)).json()).toMatchObject({
      archived: true,
    });
    expect((await req('POST', `/bids/${b.keystone.id}/unarchive`, owner.headers)).json()).toMatchObject({
      archived: false,
    });
    expect((await req('POST', `/bids/${b.keystone.id}/unshortlist`, owner.headers)).json()).toMatchObject({
      shortlisted: false,
    });
    await req('POST', `/bids/${b.keystone.id}/shortlist`, owner.headers);

    const seen = (await req('GET', `/bids/${b.keystone.id}`, p.keystone.headers)).json();
    expect(seen.viewer).toBe('provider');
    expect(seen).not.toHaveProperty('shortlisted');
    expect((await req('GET', '/notifications', p.keystone.headers)).json().notifications).toHaveLength(
      before,
    );

    const withdrawn = await req('POST', `/bids/${b.quitter.id}/shortlist`, owner.headers);
    expect(withdrawn.statusCode).toBe(409);
    expect(withdrawn.json().message).toMatch(/Only an active bid can be shortlisted/);
  });

  it('only the owner shortlists, archives or declines: others get 403/404 and nothing changes', async () => {
    const { owner, b, providers: p } = await market();
    const otherOwner = await anOwner(t.app);
    for (const action of ['shortlist', 'unshortlist', 'archive', 'unarchive', 'decline']) {
      for (const [who, headers, code] of [
        ['the bidder', p.lawDesk.headers, 403],
        ['a competitor', p.keystone.headers, 404],
        ['another owner', otherOwner.headers, 404],
        ['anonymous', {}, 401],
      ] as const) {
        const res = await req('POST', `/bids/${b.lawDesk.id}/${action}`, headers);
        expect([action, who, res.statusCode]).toEqual([action, who, code]);
        expect(res.json().message).toBeTruthy();
      }
    }
    const after = (await req('GET', `/bids/${b.lawDesk.id}`, owner.headers)).json();
    expect(after).toMatchObject({
      status: 'active',
      shortlisted: false,
      archived: false,
      declineReason: null,
    });
  });

  it('declining tells every member of the provider, with the reason; the bid stays, read-only', async () => {
    const { owner, job, b, providers: p } = await market();
    const colleague = await signUpProvider(t.app);
    await addMember(t, p.lawDesk.id, colleague.id);
    const res = await req('POST', `/bids/${b.lawDesk.id}/decline`, owner.headers, {
      reason: '  We need someone who knows real estate.  ',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'declined',
      declineReason: 'We need someone who knows real estate.',
      canAccept: false,
      canDecline: false,
    });
    const [note] = (await req('GET', '/notifications', p.lawDesk.headers)).json().notifications;
    expect(note).toMatchObject({
      kind: 'bid.declined',
      title: `Your bid on “${job.title}” was declined`,
      body: 'The owner’s reason: “We need someone who knows real estate.”',
      link: `/bids/${b.lawDesk.id}`,
    });
    const [colleagues] = (await req('GET', '/notifications', colleague.headers)).json().notifications;
    expect(colleagues).toMatchObject({ kind: 'bid.declined', body: note.body });
    expect(await emailJobsFor(t, [note.id, colleagues.id])).toHaveLength(2);
    const seen = (await req('GET', `/bids/${b.lawDesk.id}`, p.lawDesk.headers)).json();
    expect(seen).toMatchObject({
      status: 'declined',
      declineReason: 'We need someone who knows real estate.',
      canRevise: false,
    });

    const again = await req('POST', `/bids/${b.lawDesk.id}/decline`, owner.headers);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('The owner declined this bid; it cannot be declined');

    const tooLong = await req('POST', `/bids/${b.keystone.id}/decline`, owner.headers, {
      reason: 'x'.repeat(1001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fields.reason).toMatch(/at most 1000/);
  });
});
