import { createReviewReminderHandlers, scanReviewReminders } from '@handoff/core/reviews';
import { createReviewRemindersRepository } from '@handoff/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitReviewBody } from '@handoff/contracts';
import { notifications } from '@handoff/db/schema';
import { and, desc, eq } from 'drizzle-orm';
import { anOwner, aProvider, emailJobsFor } from './bid-factory.ts';
import { bulkEngagements, hired, reviewBody, scheduleRow } from './engagement-factory.ts';
import { buildTestApp, manualClock, type TestApp } from './helpers.ts';

let t: TestApp;
const clock = manualClock(new Date('2027-04-12T10:00:00Z'));
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

const DAY = 86_400_000;
/** The periodic job's handler as the worker runs it, on the test's clock. */
const scan = () =>
  createReviewReminderHandlers({ reminders: createReviewRemindersRepository(t.database.db), clock })[
    'engagements.review-reminders'
  ]({}, { jobId: 'test', attempt: 1 });
/** Read from the table: the clock moves months ahead, past every access token's expiry. */
const reminders = (user: { id: string }) =>
  t.database.db
    .select({
      id: notifications.id,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.kind, 'engagement.review-due')))
    .orderBy(desc(notifications.createdAt), desc(notifications.title));

describe('review reminders', () => {
  it('remind the owner once when due, once more a week later while open, then not again', async () => {
    const h = await hired(t);
    await scan();
    expect(await reminders(h.owner)).toEqual([]);

    clock.advance(91 * DAY); // 2027-07-12, the first review's due date
    await scan();
    const [first] = await reminders(h.owner);
    expect(first).toMatchObject({
      title: 'Time to review Steady Desk',
      body: 'Your review of Steady Desk on “Front desk for a real-estate brokerage” is due. Score each benchmark and duty, then keep, improve or replace.',
      link: `/engagements/${h.id}/review`,
    });
    expect(await emailJobsFor(t, [first!.id])).toEqual([first!.id]);
    await scan();
    clock.advance(6 * DAY);
    await scan();
    expect(await reminders(h.owner)).toHaveLength(1);

    clock.advance(1 * DAY);
    await scan();
    const both = await reminders(h.owner);
    expect(both).toHaveLength(2);
    expect(both[0]).toMatchObject({ title: 'Your review of Steady Desk is still open' });
    expect(await emailJobsFor(t, [both[0]!.id])).toEqual([both[0]!.id]);

    clock.advance(30 * DAY);
    await scan();
    expect(await reminders(h.owner)).toHaveLength(2);
    expect(await scheduleRow(t, h.id)).toMatchObject({ reviewRemindersSent: 2, nextReminderAt: null });
    // Nobody else was reminded of this owner's review.
    expect(await reminders({ id: h.provider.userId })).toEqual([]);

    // Submitting starts the next due date's reminders afresh.
    // Through the service: months on, the test's access token has long expired.
    const review = await t.app.services.reviews.submit(
      h.owner.id,
      h.id,
      submitReviewBody.parse(reviewBody(h)),
    );
    expect(review.nextDue).toBe('2027-10-12');
    expect(await scheduleRow(t, h.id)).toMatchObject({
      reviewRemindersSent: 0,
      nextReminderAt: new Date('2027-10-12T00:00:00Z'),
    });
  });

  it('a submitted review is not reminded of, nor an ended engagement', async () => {
    const h = await hired(t);
    const ended = await hired(t, 'Ended Desk');
    await t.app.inject({
      method: 'POST',
      url: `/engagements/${ended.id}/end`,
      headers: ended.owner.headers,
      payload: {},
    });
    await t.app.inject({
      method: 'POST',
      url: `/engagements/${h.id}/reviews`,
      headers: h.owner.headers,
      payload: reviewBody(h),
    });
    clock.advance(95 * DAY);
    await scan();
    expect((await reminders(h.owner)).length).toBe(1); // the next one (3 months on), not the reviewed one
    expect(await reminders(ended.owner)).toEqual([]);
  });

  it('two scans at once send each reminder once', async () => {
    const owner = await anOwner(t.app, 'Busy Owner');
    const firm = await aProvider(t.app, 'Many Desk');
    const start = clock.now().toISOString().slice(0, 10);
    const ids = await bulkEngagements(t, owner, { id: firm.id, userId: firm.userId }, 25, start);
    const now = new Date(clock.now().getTime() + 400 * DAY);
    const repo = createReviewRemindersRepository(t.database.db);
    const counts = await Promise.all([
      scanReviewReminders({ reminders: repo, batchSize: 4 }, now),
      scanReviewReminders({ reminders: repo, batchSize: 4 }, now),
      scanReviewReminders({ reminders: repo, batchSize: 7 }, now),
    ]);
    const mine = await reminders(owner);
    expect(mine).toHaveLength(25);
    expect(new Set(mine.map((n) => n.link))).toEqual(new Set(ids.map((id) => `/engagements/${id}/review`)));
    expect(
      (
        await emailJobsFor(
          t,
          mine.map((n) => n.id),
        )
      ).length,
    ).toBe(25);
    // Other engagements of this database due by then are counted too; ours exactly once each.
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(25);
    await scanReviewReminders({ reminders: repo }, now);
    expect(await reminders(owner)).toHaveLength(25);
  });
});
