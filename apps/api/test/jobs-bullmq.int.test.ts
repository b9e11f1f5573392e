import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createOutboxRepository } from '@handoff/db';
import { users } from '@handoff/db/schema';
import { uniqueEmail } from '@handoff/db/testing';
import {
  createJobHandlers,
  createMailer,
  createQueue,
  createRelay,
  createWorker,
  producerConnection,
  workerConnection,
  type Relay,
} from '@handoff/queue';
import {
  decodeQp,
  hasRedisServer,
  startPrivateRedis,
  startSmtpSink,
  type SmtpSink,
} from '@handoff/queue/testing';
import type { Queue, Worker } from 'bullmq';
import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aProvider } from './bid-factory.ts';
import { buildTestApp, PASSWORD, signUp as signUpAndConfirm, type TestApp } from './helpers.ts';
import { contact as contactFor, contactIds } from './reference-factory.ts';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL)
  console.log('[handoff] REDIS_URL is not set: the BullMQ end-to-end and fault tests were not run');
if (!hasRedisServer)
  console.log('[handoff] no redis-server binary: the Redis-outage and worker-kill fault tests were not run');

const SECRET = 'test-secret-that-is-at-least-32-characters-long';
const APP_URL = 'http://web.example.test';
const quiet = { error() {}, warn() {}, info() {} };

const waitUntil = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/** A consumer in this process: relay + BullMQ worker with the real handlers, mail to the sink. */
function startConsumer(
  t: TestApp,
  redisUrl: string,
  prefix: string,
  sink: SmtpSink,
  policies?: Parameters<typeof createRelay>[0]['policies'],
  resend?: { resendAfterMs: number; resendEveryMs: number },
) {
  const db = t.database.db;
  const producer: Redis = producerConnection(redisUrl);
  producer.on('error', () => {});
  const consumer: Redis = workerConnection(redisUrl);
  consumer.on('error', () => {});
  const queue: Queue = createQueue(producer, prefix);
  const mailer = createMailer(db, { smtpUrl: sink.url, from: 'Handoff <no-reply@handoff.test>' });
  const relay: Relay = createRelay({ db, queue, pollMs: 50, ...(policies ? { policies } : {}), ...resend });
  const worker: Worker = createWorker({
    connection: consumer,
    handlers: createJobHandlers({
      db,
      mailer,
      secret: SECRET,
      appUrl: APP_URL,
      search: t.app.services.search,
    }),
    concurrency: 4,
    outbox: createOutboxRepository(db),
    prefix,
    log: quiet,
  });
  relay.start();
  return {
    queue,
    async stop() {
      await relay.stop();
      await worker.close();
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      consumer.disconnect();
      producer.disconnect();
      await mailer.close();
    },
  };
}

async function adminToken(t: TestApp) {
  const { body } = await signUpAndConfirm(t.app);
  const email = body.email;
  await t.database.db.execute(sql`UPDATE users SET roles = '{admin}' WHERE email = ${email}`);
  const res = await t.app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { email, password: PASSWORD },
  });
  return res.json().accessToken as string;
}

const signUp = (t: TestApp, email = uniqueEmail('q')) =>
  t.app.inject({
    method: 'POST',
    url: '/auth/signup',
    payload: { name: 'Queue Tester', email, password: PASSWORD, role: 'owner' },
  });

describe.runIf(REDIS_URL)('BullMQ: outbox → relay → worker → SMTP', () => {
  const prefix = `handoff-test-${randomBytes(4).toString('hex')}`;
  let t: TestApp;
  let sink: SmtpSink;
  let consumer: ReturnType<typeof startConsumer>;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await buildTestApp({ env: { REDIS_URL: REDIS_URL!, QUEUE_PREFIX: prefix, PUBLIC_APP_URL: APP_URL } });
    consumer = startConsumer(t, REDIS_URL!, prefix, sink, {
      'email.finish-sign-up': { attempts: 3, backoffMs: 100 },
    });
  });
  afterAll(async () => {
    await consumer?.stop();
    await t?.close();
    await sink?.close();
  });
  afterEach(() => {
    sink.refuseWith = null;
  });

  it('delivers the e-mail that finishes a sign-up, and its link creates a verified account', async () => {
    const email = uniqueEmail('bull');
    expect((await signUp(t, email)).statusCode).toBe(202);
    await waitUntil('the sign-up e-mail', () => sink.received.some((m) => m.to === email));
    const mail = sink.received.find((m) => m.to === email)!;
    const raw = decodeQp(mail.raw);
    expect(raw).toMatch(/Subject: Finish signing up for Handoff/);
    expect(raw).toContain('Welcome to Handoff, Queue Tester');
    expect(raw).toMatch(/Content-Type: text\/plain/);
    expect(raw).toMatch(/Content-Type: text\/html/);
    const token = /signup\/confirm\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/.exec(raw)?.[1];
    expect(token).toBeTruthy();
    const created = await t.app.inject({ method: 'POST', url: '/auth/signup/confirm', payload: { token } });
    expect(created.statusCode).toBe(201);
    expect(created.json().user.emailVerified).toBe(true);
    // Exactly one message for this address, even after the outbox row is relayed and done.
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.received.filter((m) => m.to === email)).toHaveLength(1);
  });

  it('retries a refused message with backoff, then marks it failed for the operator', async () => {
    sink.refuseWith = 550;
    const email = uniqueEmail('refused');
    const before = sink.refused;
    const started = Date.now();
    expect((await signUp(t, email)).statusCode).toBe(202);
    const outbox = createOutboxRepository(t.database.db);
    await waitUntil('the job to be marked failed', async () =>
      (await outbox.list({ status: 'failed', limit: 10 })).some((r) => r.name === 'email.finish-sign-up'),
    );
    expect(sink.refused - before).toBe(3);
    // 100 ms then 200 ms of backoff between the three tries.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(sink.received.some((m) => m.to === email)).toBe(false);
    const [failed] = await consumer.queue.getFailed();
    expect(failed?.attemptsMade).toBe(3);
    expect(failed?.failedReason).toMatch(/Mailbox unavailable/);

    // The operator sees it, with its error, in the admin view of the outbox and the queue.
    const token = await adminToken(t);
    const view = await t.app.inject({ url: '/admin/jobs', headers: { authorization: `Bearer ${token}` } });
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body.mode).toBe('bullmq');
    expect(body.outbox.jobs.find((j: { status: string }) => j.status === 'failed')?.lastError).toMatch(
      /Mailbox unavailable/,
    );
    expect(body.queue.counts.failed).toBeGreaterThanOrEqual(1);
    expect(body.queue.failed[0].failedReason).toMatch(/Mailbox unavailable/);
  });
});

describe.runIf(REDIS_URL && hasRedisServer)('faults: Redis stops while the api keeps taking requests', () => {
  it(
    'fills the outbox during the outage and drains it, once each, when Redis returns',
    { timeout: 90_000 },
    async () => {
      const redis = await startPrivateRedis();
      const sink = await startSmtpSink();
      const prefix = `handoff-outage-${randomBytes(4).toString('hex')}`;
      const t = await buildTestApp({
        env: { REDIS_URL: redis.url, QUEUE_PREFIX: prefix, PUBLIC_APP_URL: APP_URL },
      });
      const consumer = startConsumer(t, redis.url, prefix, sink);
      try {
        await redis.stop();
        const emails = Array.from({ length: 5 }, () => uniqueEmail('outage'));
        for (const email of emails) expect((await signUp(t, email)).statusCode).toBe(202);
        const outbox = createOutboxRepository(t.database.db);
        await new Promise((r) => setTimeout(r, 500));
        expect((await outbox.counts()).pending).toBeGreaterThanOrEqual(5);
        expect(sink.received).toHaveLength(0);

        await redis.start();
        await waitUntil(
          'all five e-mails',
          () => emails.every((e) => sink.received.some((m) => m.to === e)),
          30_000,
        );
        await new Promise((r) => setTimeout(r, 500));
        for (const email of emails) expect(sink.received.filter((m) => m.to === email)).toHaveLength(1);
        expect((await outbox.counts()).pending).toBe(0);
      } finally {
        await consumer.stop();
        await t.close();
        await sink.close();
        await redis.destroy();
      }
    },
  );
});

describe.runIf(REDIS_URL && hasRedisServer)('faults: Redis restarts empty while jobs wait in it', () => {
  it(
    'offers the lost jobs to BullMQ again and runs each once; finished ones are never offered again',
    { timeout: 90_000 },
    async () => {
      const redis = await startPrivateRedis(); // keeps nothing on disk, like the machine's own
      const sink = await startSmtpSink();
      const prefix = `handoff-restart-${randomBytes(4).toString('hex')}`;
      const t = await buildTestApp({
        env: { REDIS_URL: redis.url, QUEUE_PREFIX: prefix, PUBLIC_APP_URL: APP_URL },
      });
      const db = t.database.db;
      const producer: Redis = producerConnection(redis.url);
      producer.on('error', () => {});
      const queue = createQueue(producer, prefix);
      let consumer: ReturnType<typeof startConsumer> | undefined;
      try {
        // Three people ask for a password reset while no worker runs: relayed, waiting in Redis.
        const emails = Array.from({ length: 3 }, () => uniqueEmail('restart'));
        await db
          .insert(users)
          .values(emails.map((email) => ({ email, name: 'Rae Start', passwordHash: 'x' })));
        for (const email of emails) {
          const res = await t.app.inject({
            method: 'POST',
            url: '/auth/password/forgot',
            payload: { email },
          });
          expect(res.statusCode).toBeLessThan(300);
        }
        const relay = createRelay({ db, queue });
        expect(await relay.relayOnce()).toBeGreaterThanOrEqual(3);
        expect(await queue.getWaitingCount()).toBeGreaterThanOrEqual(3);

        // Redis restarts and forgets them; the outbox still says "relayed".
        await redis.stop();
        await redis.start();
        await waitUntil('Redis back', async () => (await queue.getWaitingCount().catch(() => -1)) === 0);
        const outbox = createOutboxRepository(db);
        expect((await outbox.counts()).relayed).toBeGreaterThanOrEqual(3);

        consumer = startConsumer(t, redis.url, prefix, sink, undefined, {
          resendAfterMs: 300,
          resendEveryMs: 200,
        });
        await waitUntil(
          'the three reset e-mails',
          () => emails.every((e) => sink.received.some((m) => m.to === e)),
          30_000,
        );
        await waitUntil('the rows marked done', async () => (await outbox.counts()).relayed === 0);
        // Several more rounds of the resend: nothing is offered again, nothing is sent twice.
        await new Promise((r) => setTimeout(r, 1_500));
        for (const email of emails) expect(sink.received.filter((m) => m.to === email)).toHaveLength(1);
        expect(await relay.resendLost(0)).toBe(0);
      } finally {
        await consumer?.stop();
        await queue.close();
        producer.disconnect();
        await t.close();
        await sink.close();
        await redis.destroy();
      }
    },
  );
});

const workerMain = fileURLToPath(new URL('../../worker/src/main.ts', import.meta.url));

// On PGlite too: the worker process reaches the test's embedded database through its socket.
describe.runIf(REDIS_URL && hasRedisServer)('faults: a worker process killed in the middle of a job', () => {
  /**
   * `cause` makes the e-mail (returning its recipient) while no worker runs; the first worker is
   * killed once every e-mail job it took is stuck mid-send; a second worker must send each once.
   */
  async function killMidSend(cause: (t: TestApp) => Promise<string>, check?: (t: TestApp) => Promise<void>) {
    const redis = await startPrivateRedis();
    const sink = await startSmtpSink();
    const prefix = `handoff-kill-${randomBytes(4).toString('hex')}`;
    const t = await buildTestApp({
      env: { REDIS_URL: redis.url, QUEUE_PREFIX: prefix, PUBLIC_APP_URL: APP_URL },
    });
    const url = (t.database as { url?: string }).url!;
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: prefix,
      SMTP_URL: sink.url,
      JWT_SECRET: SECRET,
      PUBLIC_APP_URL: APP_URL,
      STALLED_INTERVAL_MS: '1000',
      LOCK_DURATION_MS: '2000',
      RELAY_POLL_MS: '50',
    };
    const spawnWorker = () => {
      const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', workerMain], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (out += d));
      return { child, out: () => out };
    };
    let second: ReturnType<typeof spawnWorker> | undefined;
    try {
      const email = await cause(t);
      sink.holdRcptMs = 60_000; // the first worker gets stuck mid-send
      const first = spawnWorker();
      await waitUntil('the first worker to be mid-send', () => sink.rcptAddresses.includes(email), 30_000);
      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));
      expect(sink.received).toHaveLength(0);

      sink.holdRcptMs = 0;
      second = spawnWorker();
      await waitUntil('the retried e-mail', () => sink.received.some((m) => m.to === email), 30_000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(sink.received.filter((m) => m.to === email)).toHaveLength(1);
      await check?.(t);

      // SIGTERM closes the worker gracefully.
      second.child.kill('SIGTERM');
      const code = await new Promise((r) => second!.child.once('exit', r));
      expect(code, second.out()).toBe(0);
    } finally {
      if (second?.child.exitCode === null) second.child.kill('SIGKILL');
      await t.close();
      await sink.close();
      await redis.destroy();
    }
  }

  it('retries the job in another worker and sends the e-mail exactly once', { timeout: 90_000 }, async () => {
    await killMidSend(async (t) => {
      const email = uniqueEmail('killed');
      expect((await signUp(t, email)).statusCode).toBe(202);
      return email;
    });
  });

  it(
    'sends a reference request once, and marks it sent, when its worker dies mid-send',
    { timeout: 90_000 },
    async () => {
      const contact = contactFor(900);
      await killMidSend(
        async (t) => {
          const provider = await aProvider(t.app, 'Killed Desk', { references: [contact] });
          const ids = await contactIds(t.app, provider.headers, provider.id);
          const res = await t.app.inject({
            method: 'POST',
            url: `/providers/${provider.id}/reference-requests`,
            headers: provider.headers,
            payload: { contactIds: ids },
          });
          expect(res.statusCode).toBe(201);
          return contact.email;
        },
        async (t) => {
          const rows = await t.database.db.execute(
            sql`SELECT status FROM reference_requests WHERE email = ${contact.email}`,
          );
          expect((rows as unknown as { rows: { status: string }[] }).rows).toEqual([{ status: 'sent' }]);
        },
      );
    },
  );
});
