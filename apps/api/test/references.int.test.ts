import { providers, referenceRequests } from '@handoff/db/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOwner, aProvider, notificationsOf, type Headers } from './bid-factory.ts';
import { buildTestApp, drainJobs, manualClock, type TestApp } from './helpers.ts';
import {
  answer,
  CONTACT_DUTY,
  contact,
  contactIds,
  mailedToken,
  postAnswer,
  shortlistedBid,
} from './reference-factory.ts';

// An owner asks for references on a shortlisted bid, the provider picks contacts, each gets one
// e-mail with a private link, answers per duty, and the owner reads the verified result.

let t: TestApp;
const clock = manualClock(new Date('2027-04-12T10:00:00Z'));
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe('reference checks on a bid', () => {
  let s: Awaited<ReturnType<typeof shortlistedBid>>;
  let token: string;

  beforeAll(async () => {
    s = await shortlistedBid(t);
  });

  it('lets the provider pick contacts only after the owner asked, and tells the provider of the ask', async () => {
    const ids = await contactIds(t.app, s.provider.headers, s.provider.id);
    const early = await req('POST', `/bids/${s.bid.id}/reference-requests`, s.provider.headers, {
      contactIds: ids,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/not asked/);

    // The provider cannot ask on the owner's behalf; the owner can.
    expect((await req('POST', `/bids/${s.bid.id}/reference-ask`, s.provider.headers)).statusCode).toBe(403);
    expect((await req('POST', `/bids/${s.bid.id}/reference-ask`, s.owner.headers)).statusCode).toBe(204);
    expect((await req('POST', `/bids/${s.bid.id}/reference-ask`, s.owner.headers)).statusCode).toBe(204);
    const told = (await notificationsOf(t.app, s.provider.headers)).filter(
      (n) => n.kind === 'reference.asked',
    );
    expect(told).toHaveLength(1);

    const picked = await req('POST', `/bids/${s.bid.id}/reference-requests`, s.provider.headers, {
      contactIds: [ids[0]],
    });
    expect(picked.statusCode).toBe(201);
    expect(picked.json()).toEqual({ created: 1 });
    // Picking the same contact again asks nobody twice.
    const again = await req('POST', `/bids/${s.bid.id}/reference-requests`, s.provider.headers, {
      contactIds: [ids[0]],
    });
    expect(again.json()).toEqual({ created: 0 });
  });

  it('e-mails the contact once, with a private link, and the request shows as sent', async () => {
    await drainJobs(t.app);
    await drainJobs(t.app);
    const mail = await mailedToken(t.app, contact(1).email);
    expect(mail?.count).toBe(1);
    expect(mail?.text).toMatch(/Keystone Desk/);
    token = mail!.token!;
    const view = (await req('GET', `/bids/${s.bid.id}/references`, s.owner.headers)).json();
    expect(view.requests).toHaveLength(1);
    expect(view.requests[0]).toMatchObject({
      status: 'sent',
      company: 'Acme Realty 1',
      name: null,
      email: null,
    });
  });

  it('shows the form with the job’s duties and the contact as the provider entered it', async () => {
    const form = await req('GET', `/reference-forms/${token}`);
    expect(form.statusCode).toBe(200);
    expect(form.json().duties.map((d: { text: string }) => d.text)).toEqual(s.job.duties.map((d) => d.text));
    expect(form.json().contact).toMatchObject({
      company: 'Acme Realty 1',
      period: { from: '2023-02', to: null },
      duties: [CONTACT_DUTY],
    });
    expect(form.json().askedFor).toBe('bid');
  });

  it('keeps a draft and gives it back', async () => {
    const saved = await req(
      'PUT',
      `/reference-forms/${token}/draft`,
      {},
      { company: 'Acme Realty 1', 'duty.0.quality': '4' },
    );
    expect(saved.statusCode).toBe(204);
    expect((await req('GET', `/reference-forms/${token}`)).json().draft).toEqual({
      company: 'Acme Realty 1',
      'duty.0.quality': '4',
    });
  });

  it('rejects incomplete answers with a message naming what is missing, and stores nothing', async () => {
    const wrongCount = await postAnswer(t.app, token, answer(1));
    expect(wrongCount.statusCode).toBe(400);
    expect(wrongCount.json().message).toMatch(/each of the 3 duties/);
    const unrated = answer(3);
    (unrated.duties as { quality: number | null }[])[0]!.quality = null;
    const res = await postAnswer(t.app, token, unrated);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/quality and timeliness/);
    const badIndustry = await postAnswer(
      t.app,
      token,
      answer(3, {
        relationship: { ...answer(3).relationship, industry: 'astrology' },
      }),
    );
    expect(badIndustry.statusCode).toBe(400);
    expect((await req('GET', `/reference-forms/${token}`)).statusCode).toBe(200);
  });

  it('takes the answer once; the link is then used', async () => {
    const sent = await postAnswer(t.app, token, answer(3));
    expect(sent.statusCode).toBe(201);
    const twice = await postAnswer(t.app, token, answer(3));
    expect(twice.statusCode).toBe(410);
    expect(twice.json().message).toMatch(/already answered/);
    expect((await req('GET', `/reference-forms/${token}`)).statusCode).toBe(410);
  });

  it('shows the owner the verified answer per duty, never the private note or the contact’s address', async () => {
    const res = await req('GET', `/bids/${s.bid.id}/references`, s.owner.headers);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('PRIVATE-NOTE');
    expect(res.body).not.toContain(contact(1).email);
    const view = res.json();
    expect(view.requests[0].status).toBe('answered');
    expect(view.requests[0].answer).toMatchObject({
      status: 'verified',
      industry: 'real-estate',
      recommend: 9,
    });
    expect(view.requests[0].answer.duties[0]).toMatchObject({
      performed: true,
      quality: 5,
      timeliness: 4,
      benchmark: 'met',
    });
    expect(view.summary.verifiedCount).toBe(1);
    expect(view.summary.industries).toEqual([
      { function: 'customer-service', industry: 'real-estate', count: 1 },
    ]);
    const owners = (await notificationsOf(t.app, s.owner.headers)).filter(
      (n) => n.kind === 'reference.answered',
    );
    expect(owners).toHaveLength(1);
  });

  it('shows the provider its own answers with the contact, still without the private note', async () => {
    const res = await req('GET', `/bids/${s.bid.id}/references`, s.provider.headers);
    expect(res.body).not.toContain('PRIVATE-NOTE');
    expect(res.json().requests[0]).toMatchObject({ name: contact(1).name, email: contact(1).email });
  });

  it('lets nobody else read a bid’s references', async () => {
    const stranger = await anOwner(t.app, 'Nosy Owner');
    const rival = await aProvider(t.app, 'Rival Desk');
    expect((await req('GET', `/bids/${s.bid.id}/references`, stranger.headers)).statusCode).toBe(404);
    expect((await req('GET', `/bids/${s.bid.id}/references`, rival.headers)).statusCode).toBe(404);
    expect((await req('GET', `/bids/${s.bid.id}/references`)).statusCode).toBe(401);
    expect((await req('POST', `/bids/${s.bid.id}/reference-ask`, stranger.headers)).statusCode).toBe(404);
    const ids = await contactIds(t.app, rival.headers, rival.id);
    expect(
      (await req('POST', `/bids/${s.bid.id}/reference-requests`, rival.headers, { contactIds: ids }))
        .statusCode,
    ).toBe(404);
    expect(
      (await req('GET', `/providers/${s.provider.id}/reference-requests`, rival.headers)).statusCode,
    ).toBe(404);
    expect(
      (
        await req('POST', `/providers/${s.provider.id}/reference-requests`, rival.headers, {
          contactIds: ids,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('counts the verified answer on the profile, in the public summary and the provider’s numbers', async () => {
    const pub = await req('GET', `/public/providers/${s.provider.slug}/references`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).not.toContain('PRIVATE-NOTE');
    const { summary, answers } = pub.json();
    expect(summary.verifiedCount).toBe(1);
    expect(answers).toHaveLength(1);
    // Two performed duties: quality 5 each; the third was not performed and is not averaged in.
    expect(summary.duties).toHaveLength(2);
    expect(summary.duties[0]).toMatchObject({ answers: 1, quality: 5, timeliness: 4, met: 1 });
    const [row] = await t.database.db
      .select({ n: providers.verifiedReferenceCount, avg: providers.ratingAvg })
      .from(providers)
      .where(eq(providers.id, s.provider.id));
    expect(row!.n).toBe(1);
    // (5 + 4) × 2 duties + communication 5 + reliability 4 = 27 over 6 parts.
    expect(row!.avg).toBe(4.5);

    // Search follows through the outbox: the provider now passes the verified-references filter.
    await drainJobs(t.app);
    const found = await req(
      'GET',
      `/search/providers?q=${encodeURIComponent('Keystone Desk')}&verified=true`,
    );
    const hit = (
      found.json().hits as { id: string; verifiedReferenceCount: number; ratingAvg: number }[]
    ).find((h) => h.id === s.provider.id);
    expect(hit).toMatchObject({ verifiedReferenceCount: 1, ratingAvg: 4.5 });
  });
});

describe('reference links', () => {
  it('answers a tampered link, or one request’s id with another’s signature, with a clear 404', async () => {
    const s = await shortlistedBid(t, [contact(3), contact(4)], 'Link Desk');
    await req('POST', `/bids/${s.bid.id}/reference-ask`, s.owner.headers);
    const ids = await contactIds(t.app, s.provider.headers, s.provider.id);
    await req('POST', `/bids/${s.bid.id}/reference-requests`, s.provider.headers, { contactIds: ids });
    await drainJobs(t.app);
    const a = (await mailedToken(t.app, contact(3).email))!.token!;
    const b = (await mailedToken(t.app, contact(4).email))!.token!;
    const [idA, sigA] = a.split('.');
    const [idB] = b.split('.');
    for (const bad of [`${idB}.${sigA}`, `${idA}.${sigA!.slice(0, -2)}xx`, 'not-a-link', `${idA}`]) {
      const res = await req('GET', `/reference-forms/${encodeURIComponent(bad)}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toMatch(/not valid.*whole link/);
      expect((await postAnswer(t.app, encodeURIComponent(bad), answer(3))).statusCode).toBe(404);
    }
    // The right link still works.
    expect((await req('GET', `/reference-forms/${a}`)).statusCode).toBe(200);
  });

  it('expires after 14 days with a page that says what to do', async () => {
    const s = await shortlistedBid(t, [contact(5)], 'Expiry Desk');
    await req('POST', `/bids/${s.bid.id}/reference-ask`, s.owner.headers);
    await req('POST', `/bids/${s.bid.id}/reference-requests`, s.provider.headers, {
      contactIds: await contactIds(t.app, s.provider.headers, s.provider.id),
    });
    await drainJobs(t.app);
    const token = (await mailedToken(t.app, contact(5).email))!.token!;
    clock.advance(14 * 86_400_000 + 1000);
    const res = await req('GET', `/reference-forms/${token}`);
    expect(res.statusCode).toBe(410);
    expect(res.json().message).toMatch(/expired on .*ask Expiry Desk to send a new request/);
    expect((await postAnswer(t.app, token, answer(3))).statusCode).toBe(410);
  });

  it('declines with an opt-out: no more requests for that provider to that address, by anyone', async () => {
    const s = await shortlistedBid(t, [contact(6)], 'Opt-out Desk');
    await req('POST', `/bids/${s.bid.id}/reference-ask`, s.owner.headers);
    const ids = await contactIds(t.app, s.provider.headers, s.provider.id);
    await req('POST', `/bids/${s.bid.id}/reference-requests`, s.provider.headers, { contactIds: ids });
    // The same contact asked for the profile too: the opt-out closes both.
    await req('POST', `/providers/${s.provider.id}/reference-requests`, s.provider.headers, {
      contactIds: ids,
    });
    await drainJobs(t.app);
    const token = (await mailedToken(t.app, contact(6).email))!.token!;
    const res = await req('POST', `/reference-forms/${token}/decline`, {}, { optOut: true });
    expect(res.statusCode).toBe(204);
    const rows = await t.database.db
      .select({ status: referenceRequests.status })
      .from(referenceRequests)
      .where(eq(referenceRequests.providerId, s.provider.id));
    expect(rows.map((r) => r.status)).toEqual(['declined', 'declined']);
    const again = await req('POST', `/providers/${s.provider.id}/reference-requests`, s.provider.headers, {
      contactIds: ids,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/asked not to be e-mailed/);
    expect((await req('GET', `/reference-forms/${token}`)).statusCode).toBe(410);
  });
});
