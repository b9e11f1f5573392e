import { randomUUID } from 'node:crypto';
import { jobPolicies, type JobHandlers } from '@handoff/core';
import { createOutboxRepository, createTransactor, type Database } from '@handoff/db';
import { openTestDatabase } from '@handoff/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalRunner } from '../src/local-runner.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const rowsFor = async (marker: string) => {
  const result = await database.db.execute(
    sql`SELECT id, status, attempts, max_attempts, last_error FROM outbox WHERE payload->>'notificationId' = ${marker}`,
  );
  return (
    result as unknown as {
      rows: {
        id: number;
        status: string;
        attempts: number;
        max_attempts: number;
        last_error: string | null;
      }[];
    }
  ).rows;
};

/** Makes overdue retries due now, instead of waiting out the backoff. */
const fastForward = () => database.db.execute(sql`UPDATE outbox SET run_at = now() WHERE status = 'pending'`);

function handlersWith(notification: JobHandlers['email.notification']): JobHandlers {
  const noop = async () => {};
  return {
    'email.verify-account': noop,
    'email.password-reset': noop,
    'email.finish-sign-up': noop,
    'email.sign-up-taken': noop,
    'email.confirm-email-change': noop,
    'email.email-changed': noop,
    'email.account-deleted': noop,
    'maintenance.purge-expired': noop,
    'email.notification': notification,
    'email.provider-invitation': noop,
    'search.upsert-provider': noop,
    'search.remove-provider': noop,
    'search.reindex': noop,
    'job-posts.notify-matches': noop,
    'job-posts.daily-digest': noop,
    'email.job-digest': noop,
    'email.reference-request': noop,
    'email.reference-reminder': noop,
    'references.reminder-scan': noop,
    'engagements.review-reminders': noop,
  };
}

describe('outbox', () => {
  it('a use case that fails after producing a job leaves no outbox row', async () => {
    const marker = randomUUID();
    const transaction = createTransactor(database.db);
    await expect(
      transaction(async (scope) => {
        await scope.jobs.enqueue('email.notification', { notificationId: marker });
        throw new Error('the use case failed after queuing');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await rowsFor(marker)).toEqual([]);
  });

  it('a use case that commits leaves exactly one pending row with its retry policy', async () => {
    const marker = randomUUID();
    let woken = 0;
    const transaction = createTransactor(database.db, () => (woken += 1));
    await transaction((scope) => scope.jobs.enqueue('email.notification', { notificationId: marker }));
    const rows = await rowsFor(marker);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      max_attempts: jobPolicies['email.notification'].attempts,
    });
    expect(woken).toBe(1);
  });
});

describe('in-process runner (no Redis)', () => {
  it('runs a job once and marks it done', async () => {
    const marker = randomUUID();
    const seen: string[] = [];
    const runner = createLocalRunner({
      db: database.db,
      handlers: handlersWith(async (p) => void seen.push(p.notificationId)),
      schedules: false,
    });
    await createTransactor(database.db)((s) =>
      s.jobs.enqueue('email.notification', { notificationId: marker }),
    );
    await runner.drain();
    await runner.drain();
    expect(seen.filter((m) => m === marker)).toHaveLength(1);
    expect((await rowsFor(marker))[0]).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('retries with backoff, then succeeds', async () => {
    const marker = randomUUID();
    let calls = 0;
    const runner = createLocalRunner({
      db: database.db,
      schedules: false,
      handlers: handlersWith(async (p) => {
        if (p.notificationId !== marker) return;
        calls += 1;
        if (calls < 3) throw new Error(`SMTP said no (try ${calls})`);
      }),
    });
    await createTransactor(database.db)((s) =>
      s.jobs.enqueue('email.notification', { notificationId: marker }),
    );
    await runner.drain();
    const afterFirst = (await rowsFor(marker))[0]!;
    expect(afterFirst).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'Error: SMTP said no (try 1)',
    });
    // Not due yet: the backoff holds it back.
    await runner.drain();
    expect(calls).toBe(1);
    await fastForward();
    await runner.drain();
    await fastForward();
    await runner.drain();
    expect(calls).toBe(3);
    expect((await rowsFor(marker))[0]).toMatchObject({ status: 'done', attempts: 3 });
  });

  it('marks a job failed with its error after the last attempt, and the operator can retry it', async () => {
    const marker = randomUUID();
    let calls = 0;
    let fail = true;
    const runner = createLocalRunner({
      db: database.db,
      schedules: false,
      handlers: handlersWith(async (p) => {
        if (p.notificationId !== marker) return;
        calls += 1;
        if (fail) throw new Error('550 mailbox unavailable');
      }),
    });
    await createTransactor(database.db)((s) =>
      s.jobs.enqueue('email.notification', { notificationId: marker }),
    );
    for (let i = 0; i < jobPolicies['email.notification'].attempts + 2; i++) {
      await runner.drain();
      await fastForward();
    }
    expect(calls).toBe(jobPolicies['email.notification'].attempts);
    const [row] = await rowsFor(marker);
    expect(row).toMatchObject({ status: 'failed', last_error: 'Error: 550 mailbox unavailable' });

    const outbox = createOutboxRepository(database.db);
    expect((await outbox.list({ status: 'failed', limit: 10 })).map((r) => r.id)).toContain(Number(row!.id));
    fail = false;
    expect(await outbox.retry(Number(row!.id))).toBe(true);
    await runner.drain();
    expect((await rowsFor(marker))[0]).toMatchObject({ status: 'done' });
  });

  it('picks up a job whose runner died mid-way once its lock expires', async () => {
    const marker = randomUUID();
    await createTransactor(database.db)((s) =>
      s.jobs.enqueue('email.notification', { notificationId: marker }),
    );
    // Simulate a crash: claimed (running) but never finished, lock already expired.
    await database.db.execute(
      sql`UPDATE outbox SET status = 'running', attempts = 1, locked_until = now() - interval '1 second' WHERE payload->>'notificationId' = ${marker}`,
    );
    const seen: string[] = [];
    const runner = createLocalRunner({
      db: database.db,
      schedules: false,
      handlers: handlersWith(async (p) => void seen.push(p.notificationId)),
    });
    await runner.drain();
    expect(seen).toContain(marker);
    expect((await rowsFor(marker))[0]).toMatchObject({ status: 'done', attempts: 2 });
  });
});
