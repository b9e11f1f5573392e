import { referenceRequests } from '@handoff/db/schema';
import { createJobHandlers, createMailer } from '@handoff/queue';
import { startSmtpSink, type SmtpSink } from '@handoff/queue/testing';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProvider } from './bid-factory.ts';
import { buildTestApp, drainJobs, manualClock, TEST_JWT_SECRET, type TestApp } from './helpers.ts';
import { contact, contactIds } from './reference-factory.ts';

// Unanswered requests are reminded 1, 3 and 7 days after the first e-mail, then become unreachable
// when the link expires; each e-mail reaches the SMTP server once, however the scan is run.

const DAY = 86_400_000;
let t: TestApp;
let sink: SmtpSink;
let mailer: ReturnType<typeof createMailer>;
const clock = manualClock(new Date('2027-06-01T08:00:00Z'));

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await buildTestApp({ clock, env: { SMTP_URL: sink.url } });
  mailer = createMailer(t.database.db, { smtpUrl: sink.url, from: 'Handoff <no-reply@handoff.test>' });
});
afterAll(async () => {
  await mailer.close();
  await t.close();
  await sink.close();
});

/** The job handlers a worker would run, on the same clock and SMTP server. */
const handlers = () =>
  createJobHandlers({
    db: t.database.db,
    mailer,
    secret: TEST_JWT_SECRET,
    appUrl: 'http://localhost:3000',
    search: t.app.services.search,
    clock,
  });
const scan = () => handlers()['references.reminder-scan']({}, { jobId: 'scan', attempt: 1 });

const mailsTo = (email: string) => sink.received.filter((m) => m.to === email);
const subjectsTo = (email: string) =>
  mailsTo(email).map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]?.trim() ?? '');

async function askedProvider(name: string, contacts: ReturnType<typeof contact>[]) {
  const provider = await aProvider(t.app, name, { references: contacts });
  const ids = await contactIds(t.app, provider.headers, provider.id);
  const res = await t.app.inject({
    method: 'POST',
    url: `/providers/${provider.id}/reference-requests`,
    headers: provider.headers,
    payload: { contactIds: ids },
  });
  expect(res.statusCode).toBe(201);
  await drainJobs(t.app);
  return provider;
}

const statusesOf = async (providerId: string) =>
  (
    await t.database.db
      .select({ status: referenceRequests.status, reminders: referenceRequests.remindersSent })
      .from(referenceRequests)
      .where(eq(referenceRequests.providerId, providerId))
  ).map((r) => `${r.status}/${r.reminders}`);

describe('reference reminders', () => {
  it('reminds after 1, 3 and 7 days, once each, then marks the request unreachable', async () => {
    const c = contact(41);
    const provider = await askedProvider('Reminder Desk', [c]);
    expect(mailsTo(c.email)).toHaveLength(1);
    expect(await statusesOf(provider.id)).toEqual(['sent/0']);

    const step = async (days: number) => {
      clock.advance(days * DAY);
      await scan();
      await scan(); // a second run finds nothing more to claim
      await drainJobs(t.app);
      return mailsTo(c.email).length;
    };
    expect(await step(0.5)).toBe(1); // nothing due after 12 hours
    expect(await step(0.5)).toBe(2); // day 1
    expect(await step(1)).toBe(2); // day 2: nothing
    expect(await step(1)).toBe(3); // day 3
    expect(await step(4)).toBe(4); // day 7
    expect(await step(6)).toBe(4); // day 13: no fourth reminder
    expect(await statusesOf(provider.id)).toEqual(['reminded/3']);
    expect(subjectsTo(c.email).filter((s) => s.startsWith('Reminder'))).toHaveLength(3);
    await step(1.01); // day 14: the link expired
    expect(await statusesOf(provider.id)).toEqual(['unreachable/3']);
    expect(mailsTo(c.email)).toHaveLength(4);
  });

  it('claims each due reminder once when two scans run at the same moment', async () => {
    const contacts = Array.from({ length: 30 }, (_, i) => contact(100 + i));
    const first = await askedProvider('Crowd Desk A', contacts.slice(0, 10));
    const second = await askedProvider('Crowd Desk B', contacts.slice(10, 20));
    const third = await askedProvider('Crowd Desk C', contacts.slice(20));
    clock.advance(DAY + 1000);
    const h1 = handlers();
    const h2 = handlers();
    await Promise.all([
      h1['references.reminder-scan']({}, { jobId: 'a', attempt: 1 }),
      h2['references.reminder-scan']({}, { jobId: 'b', attempt: 1 }),
    ]);
    await drainJobs(t.app);
    for (const c of contacts) expect(mailsTo(c.email), c.email).toHaveLength(2);
    const rows = await t.database.db
      .select({ n: referenceRequests.remindersSent })
      .from(referenceRequests)
      .where(inArray(referenceRequests.providerId, [first.id, second.id, third.id]));
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('sends a reminder once when its job runs again after a crash', async () => {
    const c = contact(200);
    const provider = await askedProvider('Retry Desk', [c]);
    clock.advance(DAY + 1000);
    await scan();
    const [row] = await t.database.db
      .select({ id: referenceRequests.id })
      .from(referenceRequests)
      .where(eq(referenceRequests.providerId, provider.id));
    // The job as a worker restarted mid-job would run it again: same request, same reminder.
    const run = () =>
      handlers()['email.reference-reminder']({ requestId: row!.id, reminder: 1 }, { jobId: 'r', attempt: 2 });
    await run();
    await run();
    await drainJobs(t.app);
    expect(mailsTo(c.email)).toHaveLength(2);
    const ids = new Set(mailsTo(c.email).map((m) => m.messageId));
    expect(ids.size).toBe(2);
  });
});
