import { providers } from '@handoff/db/schema';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProvider, emailJobsFor, notificationsOf, type Headers } from './bid-factory.ts';
import { hired, reviewBody, scheduleRow } from './engagement-factory.ts';
import { buildTestApp, manualClock, type TestApp } from './helpers.ts';

let t: TestApp;
const clock = manualClock(new Date('2027-04-12T10:00:00Z'));
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe('switching providers', () => {
  it('"replace" then re-post: a new draft with the same function, industry, duties, benchmarks and budget', async () => {
    const h = await hired(t);
    const body = reviewBody(h, { decision: 'replace', note: 'We are moving on.' }, ['missed', 'missed']);
    expect((await req('POST', `/engagements/${h.id}/reviews`, h.owner.headers, body)).statusCode).toBe(201);

    const res = await req('POST', `/engagements/${h.id}/repost`, h.owner.headers);
    expect(res.statusCode).toBe(201);
    const { jobPostId } = res.json();
    expect(jobPostId).not.toBe(h.job.id);
    const draft = (await req('GET', `/job-posts/${jobPostId}`, h.owner.headers)).json();
    expect(draft).toMatchObject({
      status: 'draft',
      title: 'Front desk for a real-estate brokerage',
      functionSlug: 'customer-service',
      industrySlug: 'real-estate',
      budgetBasis: 'monthly',
      budgetMin: 1200,
      budgetMax: 1800,
      currency: 'USD',
    });
    expect(draft.duties.map((d: { text: string }) => d.text)).toEqual(h.job.duties.map((d) => d.text));
    expect(
      draft.benchmarks.map((b: { objective: string; target: string }) => [b.objective, b.target]),
    ).toEqual([
      ['Calls answered live', '95%'],
      ['Showings booked same day', '95%'],
    ]);
    // The engagement goes on until the owner ends it.
    expect((await scheduleRow(t, h.id)).status).toBe('active');
  });

  it('alternatives: same function and industry, by verified references then rating, not the current one', async () => {
    const h = await hired(t, 'Current Desk');
    const make = async (name: string, refs: number, rating: number | null, suspended = false) => {
      const p = await aProvider(t.app, name);
      await t.database.db
        .update(providers)
        .set({ verifiedReferenceCount: refs, ratingAvg: rating, suspendedAt: suspended ? new Date() : null })
        .where(eq(providers.id, p.id));
      return p;
    };
    await make('Alt Few Refs', 1, 5);
    await make('Alt Many Refs', 40, 3.9);
    await make('Alt Many Refs Better', 40, 4.8);
    await make('Alt Suspended', 99, 5, true);
    await t.database.db.execute(
      sql`UPDATE providers SET verified_reference_count = 1000 WHERE id = ${h.provider.id}`,
    );
    const { providers: list } = (
      await req('GET', `/engagements/${h.id}/alternatives`, h.owner.headers)
    ).json();
    const names = list.map((p: { name: string }) => p.name);
    expect(names.slice(0, 2)).toEqual(['Alt Many Refs Better', 'Alt Many Refs']);
    expect(names).not.toContain('Current Desk');
    expect(names).not.toContain('Alt Suspended');
    expect(list.length).toBeLessThanOrEqual(4);
    expect(list[0]).toMatchObject({ verifiedReferenceCount: 40, ratingAvg: 4.8 });
  });

  it('the handover checklist is stored and edited by the owner; a bad date names the field', async () => {
    const h = await hired(t);
    expect((await req('GET', `/engagements/${h.id}/handover`, h.owner.headers)).json()).toEqual({
      accessToRevoke: [],
      documentsToCollect: [],
      lastDay: null,
      updatedAt: null,
    });
    const saved = await req('PUT', `/engagements/${h.id}/handover`, h.owner.headers, {
      accessToRevoke: ['Phone system admin', '', 'Shared inbox'],
      documentsToCollect: ['Call scripts'],
      lastDay: '2027-05-31',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      accessToRevoke: ['Phone system admin', 'Shared inbox'],
      documentsToCollect: ['Call scripts'],
      lastDay: '2027-05-31',
    });
    const bad = await req('PUT', `/engagements/${h.id}/handover`, h.owner.headers, {
      accessToRevoke: [],
      documentsToCollect: [],
      lastDay: 'end of May',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.lastDay).toMatch(/YYYY-MM-DD/);
    expect((await req('GET', `/engagements/${h.id}/handover`, h.owner.headers)).json().lastDay).toBe(
      '2027-05-31',
    );
  });

  it('ending the engagement tells the provider in-app and by e-mail; nothing more can be reviewed', async () => {
    const h = await hired(t);
    const res = await req('POST', `/engagements/${h.id}/end`, h.owner.headers, {
      note: 'Thanks for the year.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ended',
      endedAt: clock.now().toISOString(),
      nextReviewDue: null,
    });
    const told = [];
    for (const headers of [h.provider.headers, h.colleague.headers]) {
      const [note] = await notificationsOf(t.app, headers);
      expect(note).toMatchObject({
        kind: 'engagement.ended',
        title: 'Olivia Owner ended the engagement for “Front desk for a real-estate brokerage”',
        body: 'Their note: Thanks for the year.',
      });
      told.push(note!.id);
    }
    expect((await emailJobsFor(t, told)).sort()).toEqual([...told].sort());
    const again = await req('POST', `/engagements/${h.id}/end`, h.owner.headers, {});
    expect(again.statusCode).toBe(409);
    const review = await req('POST', `/engagements/${h.id}/reviews`, h.owner.headers, reviewBody(h));
    expect(review.statusCode).toBe(409);
    expect(review.json().message).toMatch(/has ended/);
    expect((await scheduleRow(t, h.id)).nextReminderAt).toBeNull();
  });
});
