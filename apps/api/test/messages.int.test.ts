import { bidMessages } from '@handoff/db/schema';
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
  submitBid,
  type Headers,
} from './bid-factory.ts';
import { bearer, buildTestApp, manualClock, signUp, type TestApp } from './helpers.ts';

let t: TestApp;
const clock = manualClock(new Date('2027-06-01T08:00:00Z'));
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const say = async (bidId: string, headers: Headers, body: string) => {
  clock.advance(1000);
  return req('POST', `/bids/${bidId}/messages`, headers, { body });
};
const thread = async (bidId: string, headers: Headers, query = '') =>
  (await req('GET', `/bids/${bidId}/messages${query}`, headers)).json();
const unread = async (headers: Headers) =>
  (await req('GET', '/messages/unread-count', headers)).json().unread;
const messageCount = async (bidId: string) =>
  (await t.database.db.select({ n: count() }).from(bidMessages).where(eq(bidMessages.bidId, bidId)))[0]!.n;

type Bid = { id: string };

async function conversation() {
  const owner = await anOwner(t.app, 'Olivia Owner');
  const job = await insertJobPost(t, owner.id);
  const p = await aProvider(t.app, 'Chatty Desk');
  const { session } = await signUp(t.app, { role: 'provider', name: 'Colin Colleague' });
  const colleague = { id: session.user.id, headers: bearer(session.accessToken) };
  await addMember(t, p.id, colleague.id);
  const rival = await aProvider(t.app, 'Rival Chat');
  const bid = await submitBid(t.app, p.headers, job.id, bidBody(job));
  const rivalBid = await submitBid(t.app, rival.headers, job.id, bidBody(job));
  return { owner, job, p, colleague, rival, bid, rivalBid };
}

describe('a bid’s conversation', () => {
  it('is between the job’s owner and the provider’s members; each message says whose side it is', async () => {
    const { owner, p, colleague, bid } = await conversation();
    const first = await say(bid.id, owner.headers, 'Can you start on the 1st?');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      body: 'Can you start on the 1st?',
      authorName: 'Olivia Owner',
      side: 'owner',
      mine: true,
    });
    expect((await say(bid.id, colleague.headers, 'Yes, we can.')).json()).toMatchObject({
      side: 'provider',
      mine: true,
    });

    const seen = await thread(bid.id, p.headers);
    expect(seen).toMatchObject({ hasEarlier: false, canPost: true, closedReason: null });
    expect(
      seen.messages.map((m: { body: string; side: string; mine: boolean; authorName: string }) => [
        m.body,
        m.side,
        m.mine,
        m.authorName,
      ]),
    ).toEqual([
      ['Can you start on the 1st?', 'owner', false, 'Olivia Owner'],
      ['Yes, we can.', 'provider', false, 'Colin Colleague'],
    ]);
  });

  it('is readable and writable by the two parties only: not a competitor, another owner or anonymous', async () => {
    const { owner, bid, rival } = await conversation();
    await say(bid.id, owner.headers, 'Private: our budget is flexible');
    const otherOwner = await anOwner(t.app);
    for (const [headers, code] of [
      [rival.headers, 404],
      [otherOwner.headers, 404],
      [{}, 401],
    ] as const) {
      const read = await req('GET', `/bids/${bid.id}/messages`, headers);
      expect(read.statusCode).toBe(code);
      expect(read.body).not.toContain('budget is flexible');
      const write = await req('POST', `/bids/${bid.id}/messages`, headers, { body: 'Let me in' });
      expect(write.statusCode).toBe(code);
      expect(write.json().message).toBeTruthy();
    }
    expect(await messageCount(bid.id)).toBe(1);
    expect(await unread(rival.headers)).toBe(0);
  });

  it('stores plain text as typed, trimmed, 1–5000 characters, and refuses a NUL character', async () => {
    const { owner, bid } = await conversation();
    const html = await say(bid.id, owner.headers, '  <script>alert("hi")</script> & <b>bold</b>  ');
    expect(html.json().body).toBe('<script>alert("hi")</script> & <b>bold</b>');
    for (const [body, message] of [
      ['   ', 'Write a message'],
      ['x'.repeat(5001), 'A message has at most 5000 characters'],
      ['null \u0000 byte', 'The message contains a NUL character; remove it'],
    ]) {
      const res = await say(bid.id, owner.headers, body!);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields.body).toBe(message);
    }
    expect(await messageCount(bid.id)).toBe(1);
  });

  it('polls for new messages with after, and reads further back with before', async () => {
    const { owner, p, bid } = await conversation();
    for (let i = 1; i <= 5; i += 1) await say(bid.id, owner.headers, `Message ${i}`);
    const latest = await thread(bid.id, p.headers, '?limit=3');
    expect(latest.messages.map((m: { body: string }) => m.body)).toEqual([
      'Message 3',
      'Message 4',
      'Message 5',
    ]);
    expect(latest.hasEarlier).toBe(true);
    const earlier = await thread(bid.id, p.headers, `?before=${latest.messages[0].createdAt}`);
    expect(earlier.messages.map((m: { body: string }) => m.body)).toEqual(['Message 1', 'Message 2']);
    expect(earlier.hasEarlier).toBe(false);

    const last = latest.messages[2].createdAt;
    expect((await thread(bid.id, p.headers, `?after=${last}`)).messages).toEqual([]);
    await say(bid.id, owner.headers, 'Message 6');
    const fresh = await thread(bid.id, p.headers, `?after=${last}`);
    expect(fresh.messages.map((m: { body: string }) => m.body)).toEqual(['Message 6']);
    expect((await req('GET', `/bids/${bid.id}/messages?after=yesterday`, p.headers)).statusCode).toBe(400);
  });
});

describe('unread counts', () => {
  it('count the other side’s messages per bid and in total, for each participant, until they read them', async () => {
    const { owner, job, p, colleague, bid } = await conversation();
    await say(bid.id, p.headers, 'Hello from the desk');
    await say(bid.id, colleague.headers, 'And from me');

    expect(await unread(owner.headers)).toBe(2);
    expect((await req('GET', `/bids/${bid.id}`, owner.headers)).json().unreadMessages).toBe(2);
    expect(await unread(p.headers)).toBe(0);
    expect(await unread(colleague.headers)).toBe(0);

    await thread(bid.id, owner.headers);
    expect(await unread(owner.headers)).toBe(0);
    const compared = (await req('GET', `/job-posts/${job.id}/bids`, owner.headers)).json();
    expect(compared.bids.find((b: { id: string }) => b.id === bid.id).unreadMessages).toBe(0);

    await say(bid.id, owner.headers, 'Thanks both');
    for (const headers of [p.headers, colleague.headers]) {
      expect(await unread(headers)).toBe(1);
      const listed = (await req('GET', '/bids', headers)).json().bids;
      expect(listed.find((b: { id: string }) => b.id === bid.id).unreadMessages).toBe(1);
    }
    await thread(bid.id, p.headers);
    expect(await unread(p.headers)).toBe(0);
    // Each member reads for themselves.
    expect(await unread(colleague.headers)).toBe(1);
    // Writing counts as having read the thread up to then.
    await say(bid.id, colleague.headers, 'Noted');
    expect(await unread(colleague.headers)).toBe(0);
  });
});

describe('notifications about messages', () => {
  it('tell the other side in-app every time, and by e-mail at most once per thread every 10 minutes', async () => {
    const { owner, job, p, colleague, bid, rival, rivalBid } = await conversation();
    const messageNotes = async (headers: Headers) =>
      (await notificationsOf(t.app, headers)).filter((n) => n.kind === 'message.received');

    await say(bid.id, p.headers, 'First');
    clock.advance(60_000);
    await say(bid.id, p.headers, 'Second, a minute later');
    let notes = await messageNotes(owner.headers);
    expect(notes.map((n) => n.body)).toEqual(['Test Person: Second, a minute later', 'Test Person: First']);
    expect(notes[0]).toMatchObject({
      title: `New message about “${job.title}”`,
      link: `/bids/${bid.id}#messages`,
    });
    expect(
      await emailJobsFor(
        t,
        notes.map((n) => n.id),
      ),
    ).toEqual([notes[1]!.id]);

    // Another thread has its own allowance.
    await say(rivalBid.id, rival.headers, 'Hello from the rival');
    const rivalNote = (await messageNotes(owner.headers))[0]!;
    expect(await emailJobsFor(t, [rivalNote.id])).toEqual([rivalNote.id]);

    clock.advance(10 * 60_000);
    await say(bid.id, p.headers, 'Third, eleven minutes on');
    notes = await messageNotes(owner.headers);
    expect(await emailJobsFor(t, [notes[0]!.id])).toEqual([notes[0]!.id]);

    // The owner's reply reaches every member of the provider, and never its own author.
    await say(bid.id, owner.headers, 'Got it');
    for (const headers of [p.headers, colleague.headers]) {
      const [note] = await messageNotes(headers);
      expect(note).toMatchObject({ body: 'Olivia Owner: Got it' });
      expect(await emailJobsFor(t, [note!.id])).toHaveLength(1);
    }
    expect((await messageNotes(owner.headers)).some((n) => n.body.includes('Got it'))).toBe(false);
  });
});

describe('when a conversation is closed', () => {
  it('withdrawn, declined and not-selected bids stay readable but take no messages; the accepted bid does', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const [a, b, c, d] = await Promise.all(
      ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((n) => aProvider(t.app, `${n} Chat`)),
    );
    const bids: { id: string }[] = [];
    for (const p of [a!, b!, c!, d!]) bids.push(await submitBid(t.app, p.headers, job.id, bidBody(job)));
    const [withdrawn, declined, hired, passed] = bids as [Bid, Bid, Bid, Bid];
    for (const x of bids) await say(x.id, owner.headers, 'Before the decision');

    await req('POST', `/bids/${withdrawn.id}/withdraw`, a!.headers);
    await req('POST', `/bids/${declined.id}/decline`, owner.headers);
    await req('POST', `/bids/${hired.id}/accept`, owner.headers);

    for (const [bid, headers, reason] of [
      [withdrawn, a!.headers, 'This bid was withdrawn; its conversation is closed'],
      [declined, b!.headers, 'The owner declined this bid; its conversation is closed'],
      [passed, d!.headers, 'The job was filled with another bid; its conversation is closed'],
    ] as const) {
      const read = await thread(bid.id, headers);
      expect(read).toMatchObject({ canPost: false, closedReason: reason });
      expect(read.messages.map((m: { body: string }) => m.body)).toEqual(['Before the decision']);
      for (const who of [headers, owner.headers]) {
        const res = await say(bid.id, who, 'One more thing');
        expect(res.statusCode).toBe(409);
        expect(res.json().message).toBe(reason);
      }
    }
    expect((await thread(hired.id, c!.headers)).canPost).toBe(true);
    expect((await say(hired.id, c!.headers, 'When do we start?')).statusCode).toBe(201);
    expect((await say(hired.id, owner.headers, 'Monday.')).statusCode).toBe(201);
  });
});
