import { providers } from '@handoff/db/schema';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, anOwner, aProvider, notificationsOf, type Headers } from './bid-factory.ts';
import { bearer, buildTestApp, drainJobs, manualClock, PASSWORD, signUp, type TestApp } from './helpers.ts';
import { answer, contact, contactIds, mailedToken, postAnswer, shortlistedBid } from './reference-factory.ts';

// Trust signals flag an answer (never drop it); a flagged answer counts only once an operator
// clears it, and a rejected one never does, with the reason shown to the provider.

let t: TestApp;
const clock = manualClock(new Date('2027-05-03T09:00:00Z'));
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

/** A provider with these contacts, each asked to vouch for the profile; their tokens by e-mail. */
async function askedProvider(name: string, contacts: ReturnType<typeof contact>[]) {
  const provider = await aProvider(t.app, name, { references: contacts });
  const ids = await contactIds(t.app, provider.headers, provider.id);
  const res = await req('POST', `/providers/${provider.id}/reference-requests`, provider.headers, {
    contactIds: ids,
  });
  expect(res.statusCode).toBe(201);
  await drainJobs(t.app);
  const tokens = new Map<string, string>();
  for (const c of contacts) tokens.set(c.email, (await mailedToken(t.app, c.email))!.token!);
  return { provider, tokens };
}

const answerFor = (c: ReturnType<typeof contact>) =>
  answer(1, {
    relationship: { ...answer(1).relationship, company: c.company },
    duties: [{ performed: true, quality: 4, timeliness: 4, benchmark: 'met', example: '' }],
  });

const requestsOf = async (provider: { id: string; headers: Headers }) =>
  (await req('GET', `/providers/${provider.id}/reference-requests`, provider.headers)).json().requests as {
    email: string;
    answer: { id: string; status: string; reviewReason: string | null } | null;
  }[];
const statusOf = async (provider: { id: string; headers: Headers }, email: string) =>
  (await requestsOf(provider)).find((r) => r.email === email)?.answer?.status;
const verifiedCount = async (id: string) =>
  (
    await t.database.db
      .select({ n: providers.verifiedReferenceCount })
      .from(providers)
      .where(eq(providers.id, id))
  )[0]!.n;

let adminHeaders: Headers | null = null;
/** The signals that fired on the answer from `email`, as the operator queue shows them. */
async function flagKinds(providerId: string, email: string) {
  adminHeaders ??= await operator();
  const queue = (await req('GET', '/admin/references', adminHeaders)).json().answers as {
    provider: { id: string };
    contactEmail: string;
    flags: { kind: string }[];
  }[];
  return queue
    .find((x) => x.provider.id === providerId && x.contactEmail === email)
    ?.flags.map((f) => f.kind);
}

async function operator() {
  const admin = await signUp(t.app, { name: 'Olive Operator' });
  await t.database.db.execute(sql`UPDATE users SET roles = '{admin}' WHERE id = ${admin.session.user.id}`);
  const login = await req('POST', '/auth/login', {}, { email: admin.body.email, password: PASSWORD });
  return bearer(login.json().accessToken as string);
}

describe('trust signals', () => {
  it('flags an answer from the provider’s own domain and keeps it out of the count', async () => {
    // The test profile's website is keystone-support.example.
    const own = contact(11, { email: 'ops@keystone-support.example' });
    const { provider, tokens } = await askedProvider('Domain Desk', [own]);
    expect((await postAnswer(t.app, tokens.get(own.email)!, answerFor(own))).statusCode).toBe(201);
    expect(await statusOf(provider, own.email)).toBe('flagged');
    expect(await verifiedCount(provider.id)).toBe(0);
  });

  it('flags the provider answering its own request, by its address or signed in', async () => {
    const mine = contact(12);
    const other = contact(13);
    const { provider, tokens } = await askedProvider('Self Desk', [mine, other]);
    // The contact's address turns out to be a member's own.
    const colleague = await signUp(t.app, { role: 'provider', email: mine.email });
    await addMember(t, provider.id, colleague.session.user.id);
    await postAnswer(t.app, tokens.get(mine.email)!, answerFor(mine));
    expect(await flagKinds(provider.id, mine.email)).toEqual(['self_answer']);
    // Signed in as the provider while answering someone else's link.
    const signedIn = await t.app.inject({
      method: 'POST',
      url: `/reference-forms/${tokens.get(other.email)}`,
      headers: provider.headers,
      payload: answerFor(other),
      remoteAddress: '203.0.113.50',
    });
    expect(signedIn.statusCode).toBe(201);
    expect(await flagKinds(provider.id, other.email)).toEqual(['self_answer']);
  });

  it('flags an answer sent from an address the provider’s account used', async () => {
    const c = contact(14);
    const { provider, tokens } = await askedProvider('Device Desk', [c]);
    // The provider signed up through this same loopback address.
    await postAnswer(t.app, tokens.get(c.email)!, answerFor(c), '127.0.0.1');
    expect(await flagKinds(provider.id, c.email)).toEqual(['provider_device']);
  });

  it('flags one company answering twice, and a burst of answers', async () => {
    const a = contact(15);
    const b = contact(16, { company: 'Acme Realty 15, Inc.' });
    const c = contact(17);
    const { provider, tokens } = await askedProvider('Burst Desk', [a, b, c]);
    await postAnswer(t.app, tokens.get(a.email)!, answerFor(a));
    expect(await statusOf(provider, a.email)).toBe('verified');
    await postAnswer(t.app, tokens.get(b.email)!, answerFor(b));
    expect(await flagKinds(provider.id, b.email)).toEqual(['company_twice']);
    // The third answer within the hour.
    await postAnswer(t.app, tokens.get(c.email)!, answerFor(c));
    expect(await flagKinds(provider.id, c.email)).toEqual(['burst']);
    clock.advance(2 * 60 * 60_000);
  });
});

describe('the operator queue', () => {
  it('is for operators only', async () => {
    const owner = await anOwner(t.app);
    expect((await req('GET', '/admin/references', owner.headers)).statusCode).toBe(403);
    expect((await req('GET', '/admin/references')).statusCode).toBe(401);
    const someone = (await req('GET', '/admin/references', await operator())).json().answers[0];
    const review = await req('POST', `/admin/references/${someone.id}/review`, owner.headers, {
      decision: 'clear',
    });
    expect(review.statusCode).toBe(403);
  });

  it('clears one answer (it counts) and rejects another with a reason the provider sees', async () => {
    const a = contact(21, { email: 'a@clear-desk.example' });
    const b = contact(22, { email: 'b@clear-desk.example' });
    const { provider, tokens } = await askedProvider('Clear Desk', [a, b]);
    await t.database.db.execute(
      sql`UPDATE providers SET website = 'https://clear-desk.example' WHERE id = ${provider.id}`,
    );
    await postAnswer(t.app, tokens.get(a.email)!, answerFor(a));
    await postAnswer(t.app, tokens.get(b.email)!, answerFor(b));
    const admin = await operator();
    const queue = (await req('GET', '/admin/references', admin)).json().answers as {
      id: string;
      provider: { id: string };
      contactEmail: string;
      privateNote: string;
      flags: { kind: string }[];
    }[];
    const mine = queue.filter((x) => x.provider.id === provider.id);
    expect(mine.map((x) => x.contactEmail).sort()).toEqual([a.email, b.email]);
    expect(mine[0]!.flags.map((f) => f.kind)).toContain('member_domain');
    expect(mine[0]!.privateNote).toBe('PRIVATE-NOTE-do-not-show');

    const [first, second] = mine.sort((x, y) => x.contactEmail.localeCompare(y.contactEmail));
    const noReason = await req('POST', `/admin/references/${second!.id}/review`, admin, {
      decision: 'reject',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toMatch(/reason/);
    expect(
      (await req('POST', `/admin/references/${first!.id}/review`, admin, { decision: 'clear' })).statusCode,
    ).toBe(204);
    const rejected = await req('POST', `/admin/references/${second!.id}/review`, admin, {
      decision: 'reject',
      reason: 'The customer works for the provider',
    });
    expect(rejected.statusCode).toBe(204);
    // Decided once: a second decision finds nothing waiting.
    expect(
      (
        await req('POST', `/admin/references/${first!.id}/review`, admin, {
          decision: 'reject',
          reason: 'Later',
        })
      ).statusCode,
    ).toBe(404);

    expect(await verifiedCount(provider.id)).toBe(1);
    const rows = await requestsOf(provider);
    expect(rows.find((r) => r.email === b.email)?.answer).toMatchObject({
      status: 'rejected',
      reviewReason: 'The customer works for the provider',
    });
    const told = (await notificationsOf(t.app, provider.headers)).filter(
      (n) => n.kind === 'reference.reviewed',
    );
    expect(told.map((n) => n.title).sort()).toEqual([
      'The reference from Acme Realty 21 was checked and now counts',
      'The reference from Acme Realty 22 was not accepted',
    ]);
    const pub = (await req('GET', `/public/providers/${provider.slug}/references`)).json();
    expect(pub.answers).toHaveLength(1);
    expect(JSON.stringify(pub)).not.toContain('PRIVATE-NOTE');
  });

  it('never shows an owner a flagged answer’s content, and nobody else’s provider sees it at all', async () => {
    const s = await shortlistedBid(t, [contact(31, { email: 'x@keystone-support.example' })], 'Held Desk');
    await req('POST', `/bids/${s.bid.id}/reference-ask`, s.owner.headers);
    const ids = await contactIds(t.app, s.provider.headers, s.provider.id);
    await req('POST', `/bids/${s.bid.id}/reference-requests`, s.provider.headers, { contactIds: ids });
    await drainJobs(t.app);
    const token = (await mailedToken(t.app, 'x@keystone-support.example'))!.token!;
    await postAnswer(
      t.app,
      token,
      answer(3, { relationship: { ...answer(3).relationship, company: 'Acme Realty 31' } }),
    );
    const owner = (await req('GET', `/bids/${s.bid.id}/references`, s.owner.headers)).json();
    expect(owner.requests[0]).toMatchObject({ status: 'answered', answer: null });
    const providerView = (await req('GET', `/bids/${s.bid.id}/references`, s.provider.headers)).json();
    expect(providerView.requests[0].answer.status).toBe('flagged');
    const rival = await aProvider(t.app, 'Rival Held Desk');
    expect((await req('GET', `/bids/${s.bid.id}/references`, rival.headers)).statusCode).toBe(404);
    expect(
      (await req('GET', `/providers/${s.provider.id}/reference-requests`, rival.headers)).statusCode,
    ).toBe(404);
  });
});
