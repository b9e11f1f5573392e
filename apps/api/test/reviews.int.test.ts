import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOwner, aProvider, emailJobsFor, notificationsOf, type Headers } from './bid-factory.ts';
import { hired, reviewBody, scheduleRow } from './engagement-factory.ts';
import { buildTestApp, manualClock, type TestApp } from './helpers.ts';

let t: TestApp;
const clock = manualClock(new Date('2027-04-12T10:00:00Z'));
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
const submit = (id: string, headers: Headers, body: unknown) =>
  req('POST', `/engagements/${id}/reviews`, headers, body);

describe('the review schedule', () => {
  it('starts quarterly from the start date; the owner changes the cadence or reviews now', async () => {
    const h = await hired(t);
    const first = (await req('GET', `/engagements/${h.id}/reviews`, h.owner.headers)).json();
    expect(first).toEqual({
      schedule: { cadence: 'standard', nextDue: '2027-07-12', open: false },
      reviews: [],
      missedTwice: false,
    });
    expect((await req('GET', `/engagements/${h.id}`, h.owner.headers)).json()).toMatchObject({
      reviewCadence: 'standard',
      nextReviewDue: '2027-07-12',
    });

    const yearly = await req('PUT', `/engagements/${h.id}/schedule`, h.owner.headers, { cadence: 'yearly' });
    expect(yearly.json().schedule).toEqual({ cadence: 'yearly', nextDue: '2028-04-12', open: false });
    const bad = await req('PUT', `/engagements/${h.id}/schedule`, h.owner.headers, { cadence: 'weekly' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.cadence).toMatch(/quarterly, half-yearly or yearly/);

    const now = await req('POST', `/engagements/${h.id}/schedule/review-now`, h.owner.headers);
    expect(now.json().schedule).toEqual({ cadence: 'yearly', nextDue: '2027-04-12', open: true });
    // Opened by the owner: only the follow-up a week later is left to send.
    expect(await scheduleRow(t, h.id)).toMatchObject({
      reviewRemindersSent: 1,
      nextReminderAt: new Date('2027-04-19T10:00:00Z'),
    });
  });
});

describe('submitting a review', () => {
  it('records it, advances the schedule, and tells the provider’s members the decision', async () => {
    const h = await hired(t);
    await req('POST', `/engagements/${h.id}/schedule/review-now`, h.owner.headers);
    const res = await submit(h.id, h.owner.headers, reviewBody(h, {}, ['met', 'partly']));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      dueDate: '2027-04-12',
      decision: 'keep',
      nextDue: '2027-07-12',
      benchmarks: [
        { objective: 'Calls answered live', result: 'met', actual: '96%' },
        { objective: 'Showings booked same day', result: 'partly' },
      ],
      duties: [{ text: 'Answer calls within three rings', score: 4 }, { score: 4 }],
    });
    expect(await scheduleRow(t, h.id)).toMatchObject({ nextReviewDue: '2027-07-12', reviewRemindersSent: 0 });

    const told = [];
    for (const headers of [h.provider.headers, h.colleague.headers]) {
      const [note] = await notificationsOf(t.app, headers);
      expect(note).toMatchObject({
        kind: 'engagement.reviewed',
        title: 'Olivia Owner reviewed your work on “Front desk for a real-estate brokerage”',
        body: 'They decided to keep working with you. Their note: Steady work, thank you.',
        link: `/engagements/${h.id}`,
      });
      told.push(note!.id);
      // The provider reads the review, read-only.
      const seen = (await req('GET', `/engagements/${h.id}/reviews`, headers)).json();
      expect(seen.reviews).toHaveLength(1);
      expect(seen.reviews[0].note).toBe('Steady work, thank you.');
    }
    expect((await emailJobsFor(t, told)).sort()).toEqual([...told].sort());
  });

  it('"improve" records what must change and brings the next review within 30 days', async () => {
    const h = await hired(t);
    const body = reviewBody(h, { decision: 'improve', note: 'Calls slipped', improvements: 'Pick up live' });
    const res = await submit(h.id, h.owner.headers, body);
    expect(res.json()).toMatchObject({
      decision: 'improve',
      improvements: 'Pick up live',
      nextDue: '2027-05-12',
    });
    expect((await scheduleRow(t, h.id)).nextReviewDue).toBe('2027-05-12');
  });

  it('answers 4xx naming the field for bad input, never 5xx, and writes nothing', async () => {
    const h = await hired(t);
    const body = reviewBody(h);
    const cases: [unknown, string, RegExp][] = [
      [
        { ...body, benchmarks: body.benchmarks.slice(1) },
        'benchmarks.0.result',
        /“Calls answered live” was met/,
      ],
      [{ ...body, duties: [{ ...body.duties[0], score: 7 }, body.duties[1]] }, 'duties.0.score', /1 to 5/],
      [{ ...body, duties: [{ ...body.duties[0], score: 'x' }, body.duties[1]] }, 'duties.0.score', /1 to 5/],
      [
        { ...body, benchmarks: [{ ...body.benchmarks[0], result: 'great' }] },
        'benchmarks.0.result',
        /met, partly or missed/,
      ],
      [{ ...body, decision: 'fire' }, 'decision', /keep, improve or replace/],
      [{ ...body, decision: 'improve', note: 'Faster' }, 'improvements', /what must change/],
      [{ ...body, decision: 'replace', note: '' }, 'note', /why you chose to replace/],
      [{ ...body, duties: [...body.duties, { dutyId: 'nope', score: 3 }] }, 'duties.2.dutyId', /Not a duty/],
      [{ ...body, note: 'x'.repeat(2001) }, 'note', /at most 2000/],
    ];
    for (const [payload, field, message] of cases) {
      const res = await submit(h.id, h.owner.headers, payload);
      expect([field, res.statusCode]).toEqual([field, 400]);
      expect([field, res.json().fields?.[field]]).toEqual([field, expect.stringMatching(message)]);
      expect(res.json().message).toBeTruthy();
    }
    expect((await submit(h.id, h.owner.headers, 'not json at all')).statusCode).toBe(415);
    expect((await submit(h.id, h.owner.headers, [])).statusCode).toBe(400);
    expect((await req('GET', `/engagements/${h.id}/reviews`, h.owner.headers)).json().reviews).toEqual([]);
  });

  it('two submissions of one review at once record it once', async () => {
    const h = await hired(t);
    const codes = (
      await Promise.all([
        submit(h.id, h.owner.headers, { ...reviewBody(h), after: null }),
        submit(h.id, h.owner.headers, { ...reviewBody(h), after: null }),
      ])
    ).map((r) => r.statusCode);
    expect(codes.sort()).toEqual([201, 409]);
    expect((await req('GET', `/engagements/${h.id}/reviews`, h.owner.headers)).json().reviews).toHaveLength(
      1,
    );
  });

  it('two reviews in a row with a missed benchmark tell the owner and offer the switch', async () => {
    const h = await hired(t);
    await submit(h.id, h.owner.headers, reviewBody(h, {}, ['missed', 'met']));
    let view = (await req('GET', `/engagements/${h.id}/reviews`, h.owner.headers)).json();
    expect(view.missedTwice).toBe(false);
    expect((await notificationsOf(t.app, h.owner.headers)).map((n) => n.kind)).not.toContain(
      'engagement.benchmarks-missed',
    );
    const second = reviewBody(h, { decision: 'improve', note: 'Again', improvements: 'Live calls' }, [
      'met',
      'missed',
    ]);
    expect((await submit(h.id, h.owner.headers, second)).statusCode).toBe(201);
    view = (await req('GET', `/engagements/${h.id}/reviews`, h.owner.headers)).json();
    expect(view.missedTwice).toBe(true);
    expect((await notificationsOf(t.app, h.owner.headers))[0]).toMatchObject({
      kind: 'engagement.benchmarks-missed',
      title: 'Steady Desk missed benchmarks two reviews in a row',
      link: `/engagements/${h.id}/switch`,
    });
  });
});

describe('who may do what', () => {
  it('strangers get 404 (anonymous 401) on every route; the provider reads but cannot write', async () => {
    const h = await hired(t);
    const otherOwner = await anOwner(t.app);
    const otherFirm = await aProvider(t.app, 'Other Firm');
    const routes: [string, string, unknown?][] = [
      ['GET', `/engagements/${h.id}/reviews`],
      ['POST', `/engagements/${h.id}/reviews`, reviewBody(h)],
      ['PUT', `/engagements/${h.id}/schedule`, { cadence: 'yearly' }],
      ['POST', `/engagements/${h.id}/schedule/review-now`],
      ['POST', `/engagements/${h.id}/repost`],
      ['GET', `/engagements/${h.id}/alternatives`],
      ['GET', `/engagements/${h.id}/handover`],
      ['PUT', `/engagements/${h.id}/handover`, { accessToRevoke: ['QuickBooks'], documentsToCollect: [] }],
      ['POST', `/engagements/${h.id}/end`, {}],
    ];
    for (const [method, url, body] of routes) {
      for (const [who, headers, code] of [
        ['another owner', otherOwner.headers, 404],
        ['another firm', otherFirm.headers, 404],
        ['anonymous', {}, 401],
        ['the provider', h.provider.headers, method === 'GET' && url.endsWith('/reviews') ? 200 : 403],
        ['a colleague', h.colleague.headers, method === 'GET' && url.endsWith('/reviews') ? 200 : 403],
      ] as const) {
        const res = await req(method as 'GET', url, headers, body);
        expect([who, method, url, res.statusCode]).toEqual([who, method, url, code]);
        if (code !== 200) expect(res.body).not.toContain('Steady Desk');
      }
    }
    expect(await scheduleRow(t, h.id)).toMatchObject({ status: 'active', nextReviewDue: '2027-07-12' });
  });
});
