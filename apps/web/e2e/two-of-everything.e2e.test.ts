import { join } from 'node:path';
import { schedules } from '@handoff/core';
import { migrate, openDatabase, seed } from '@handoff/db';
import { createQueue, producerConnection } from '@handoff/queue';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '@handoff/queue/testing';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { fullBid, publishedJob, publishedProvider } from './api-fixtures.ts';
import { launch } from './browser.ts';
import { logIn } from './journey.ts';
import { freePort, root, startNode, waitFor, webDir, type Started } from './processes.ts';

// "Two of everything": the deployment the README describes for more than one machine — two api
// processes, two workers and the web app, on one Postgres database and one Redis — started as real
// processes, to show that adding processes adds capacity and changes nothing a person sees: a
// periodic scan runs once per period, each job once, rate limits count across the apis, and a
// message written through one api reaches a browser served through the other.

const DATABASE_URL = process.env.DATABASE_URL;
const REDIS_URL = process.env.REDIS_URL;
const missing = [!DATABASE_URL && 'DATABASE_URL', !REDIS_URL && 'REDIS_URL'].filter(Boolean);
if (missing.length)
  console.log(
    `[handoff] two-of-everything not run: ${missing.join(' and ')} not set (it starts two apis and two workers on one Postgres and one Redis)`,
  );
const chromiumPath = inject('chromium');
if (!missing.length && !chromiumPath)
  console.log(
    '[handoff] two-of-everything: the browser part (a message through the other api) not run: no Chromium',
  );

const PASSWORD = 'a-long-enough-password';
const JWT_SECRET = 'two-of-everything-secret-at-least-32-chars';
/** Every periodic scan's period here (SCAN_EVERY_MS); hourly in production. */
const SCAN_MS = 2_000;
const AUTH_LIMIT = 3;
const stamp = `${process.pid}-${Date.now().toString(36)}`;
const dbName = `handoff_two_${process.pid}`;
const prefix = `handoff-two-${process.pid}`;
const logDir = join(root, 'test-output/two-of-everything');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitUntil<T>(what: string, check: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** Runs one statement on the server's `postgres` database (CREATE / DROP DATABASE). */
async function admin(text: string) {
  const url = new URL(DATABASE_URL!);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
const testDbUrl = () => {
  const url = new URL(DATABASE_URL!);
  url.pathname = `/${dbName}`;
  return url.toString();
};

// Each setup call comes from an address of its own (the apis trust X-Forwarded-For from loopback,
// as behind the web app), so only the rate-limit test's own attempts count against its address.
let nextAddress = 1;
const freshAddress = () => `198.51.100.${nextAddress++}`;

async function request(
  base: string,
  path: string,
  options: { token?: string; method?: string; body?: unknown; from?: string } = {},
) {
  const { token, method = 'GET', body, from = freshAddress() } = options;
  const headers: Record<string, string> = { 'x-forwarded-for': from };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as unknown };
}
async function call<T>(base: string, path: string, options: Parameters<typeof request>[2] = {}) {
  const res = await request(base, path, options);
  if (res.status >= 300)
    throw new Error(`${options.method ?? 'GET'} ${path} answered ${res.status}: ${res.text}`);
  return (res.status === 204 ? null : res.json()) as T;
}

/** A mail's text with quoted-printable soft breaks and escapes undone, to read a link out of it. */
const decoded = (mail: ReceivedMail) =>
  mail.raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Signs up through `base` as a person would: the e-mailed link, then "Finish signing up". */
async function newAccount(
  base: string,
  name: string,
  email: string,
  role: 'owner' | 'provider',
  sink: SmtpSink,
) {
  await call(base, '/auth/signup', { method: 'POST', body: { name, email, password: PASSWORD, role } });
  const token = await waitUntil(`the sign-up link for ${email}`, () =>
    sink.received
      .filter((m) => m.to === email)
      .map((m) => /\/signup\/confirm\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/.exec(decoded(m))?.[1])
      .find(Boolean),
  );
  const session = await call<{ accessToken: string; user: { id: string } }>(base, '/auth/signup/confirm', {
    method: 'POST',
    body: { token },
  });
  return { token: session.accessToken, id: session.user.id, email };
}

const subjectOf = (mail: ReceivedMail) =>
  (/^Subject:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(mail.raw)?.[1] ?? '').replace(/\r?\n[ \t]/g, ' ');

describe.skipIf(missing.length > 0)('two apis, two workers and the web app on one Postgres and Redis', () => {
  const children: Started[] = [];
  let sink: SmtpSink;
  let redis: Redis;
  let queue: Queue;
  let db: pg.Client;
  let apiA: string;
  let apiB: string;
  let webB: string;
  let owner: Awaited<ReturnType<typeof newAccount>>;
  let provider: Awaited<ReturnType<typeof newAccount>>;
  let providerName: string;
  let engagementId: string;
  let bidId: string;
  let databaseCreated = false;

  const tails = () => children.map((c) => c.log()).join('\n\n');
  const mailTo = (to: string, subject: string) =>
    sink.received.filter((m) => m.to === to && subjectOf(m) === subject);

  beforeAll(async () => {
    try {
      // Left over from a run that was killed before its clean-up, with the same pid: start afresh.
      await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${dbName}`);
      databaseCreated = true;
      // As a deploy step would: migrate the shared database and load the taxonomy.
      const database = await openDatabase({ url: testDbUrl() });
      try {
        await migrate(database);
        await seed(database, { demo: false });
      } finally {
        await database.close();
      }
      db = new pg.Client({ connectionString: testDbUrl() });
      await db.connect();
      sink = await startSmtpSink();
      // Queues its commands until connected (the api's producers fail fast instead).
      redis = producerConnection(REDIS_URL!, { enableOfflineQueue: true });
      redis.on('error', () => {});
      queue = createQueue(redis, prefix);

      const [portA, portB, portWeb] = [await freePort(), await freePort(), await freePort()];
      apiA = `http://127.0.0.1:${portA}`;
      apiB = `http://127.0.0.1:${portB}`;
      webB = `http://127.0.0.1:${portWeb}`;
      const shared = {
        NODE_ENV: 'test',
        DATABASE_URL: testDbUrl(),
        REDIS_URL: REDIS_URL!,
        QUEUE_PREFIX: prefix,
        JWT_SECRET,
        SMTP_URL: sink.url,
        PUBLIC_APP_URL: webB,
      };
      // Search on Postgres, as without Meilisearch; nothing else from this environment leaks in.
      const drop = ['MEILI_URL', 'MEILI_MASTER_KEY', 'DATA_DIR'];
      const api = (name: string, port: number) =>
        startNode(
          name,
          ['--import', 'tsx', join(root, 'apps/api/src/server.ts')],
          {
            ...shared,
            PORT: String(port),
            HOST: '127.0.0.1',
            WEB_ORIGIN: webB,
            LOG_LEVEL: 'warn',
            AUTH_RATE_LIMIT_PER_MINUTE: String(AUTH_LIMIT),
            TRUST_PROXY: '127.0.0.1',
          },
          { drop, logFile: join(logDir, `${name}.log`) },
        );
      const worker = (name: string) =>
        startNode(
          name,
          ['--import', 'tsx', join(root, 'apps/worker/src/main.ts')],
          { ...shared, SCAN_EVERY_MS: String(SCAN_MS), RELAY_POLL_MS: '50' },
          { drop, logFile: join(logDir, `${name}.log`) },
        );
      const a = api('api-a', portA);
      const b = api('api-b', portB);
      const workers = [worker('worker-1'), worker('worker-2')];
      children.push(a, b, ...workers);
      await Promise.all([
        waitFor(`${apiA}/readyz`, a, 120_000),
        waitFor(`${apiB}/readyz`, b, 120_000),
        ...workers.map((w) =>
          waitUntil(
            `${w.name} to start`,
            () => {
              if (w.child.exitCode !== null) throw new Error(`${w.name} exited early:\n${w.log()}`);
              return w.log().includes('worker started');
            },
            120_000,
          ),
        ),
      ]);
      // The built adapter-node server (the browser project's global setup builds it), in front of
      // api B, once that answers.
      const web = startNode(
        'web-b',
        ['build'],
        { PORT: String(portWeb), HOST: '127.0.0.1', ORIGIN: webB, API_URL: apiB },
        { cwd: webDir, drop: ['DATABASE_URL', 'REDIS_URL', ...drop], logFile: join(logDir, 'web-b.log') },
      );
      children.push(web);
      await waitFor(webB, web, 60_000);

      // An owner on api A hires a provider on api B: an engagement with reviews to come, and a bid
      // whose thread both can write in.
      owner = await newAccount(apiA, 'Olive Owner', `owner.${stamp}@two.example.test`, 'owner', sink);
      provider = await newAccount(
        apiB,
        'Pia Provider',
        `provider.${stamp}@two.example.test`,
        'provider',
        sink,
      );
      providerName = `Twin Desk ${stamp}`;
      await publishedProvider(provider.token, providerName, 'customer-service', 'real-estate', {
        headline: `${providerName}: front desks for brokerages`,
        api: apiB,
      });
      const job = await publishedJob(owner.token, `Phones for a brokerage ${stamp}`, apiA);
      const detail = await call<{
        duties: { id: string }[];
        benchmarks: { id: string }[];
      }>(apiB, `/job-posts/${job.id}`, { token: provider.token });
      const bid = await fullBid(
        provider.token,
        { id: job.id, ...detail },
        28,
        'Eight years on busy front desks for brokerages.',
        apiB,
      );
      bidId = bid.id;
      const engagement = await call<{ id: string }>(apiA, `/bids/${bid.id}/accept`, {
        method: 'POST',
        token: owner.token,
      });
      engagementId = engagement.id;
    } catch (error) {
      console.error(`[two-of-everything] set-up failed; the processes' last output:\n${tails()}`);
      throw error;
    }
  }, 180_000);

  afterEach(({ task }) => {
    if (task.result?.state === 'fail')
      console.error(`[two-of-everything] "${task.name}" failed; logs in ${logDir}; last output:\n${tails()}`);
  });

  afterAll(async () => {
    // Every child goes, whatever failed above: SIGTERM, then SIGKILL after 10 s.
    await Promise.allSettled(children.map((c) => c.stop()));
    await db?.end().catch(() => {});
    await queue?.obliterate({ force: true }).catch(() => {});
    await queue?.close().catch(() => {});
    if (redis) {
      // The rate limiter's counters live under the same prefix.
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    }
    await sink?.close();
    if (databaseCreated) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }, 60_000);

  it('runs each periodic scan once per period, not once per worker: one review reminder, one e-mail', async () => {
    // Both workers consume the queue and both registered the schedules at start-up; Redis holds one
    // scheduler per scan.
    expect(await queue.getWorkersCount()).toBe(2);
    const schedulers = await queue.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => s.key).sort()).toEqual(schedules.map((s) => s.name).sort());
    expect(schedulers.map((s) => s.every)).toEqual(schedules.map(() => SCAN_MS));

    // The first review falls due today (months cannot pass in a test; the scan's clock is real).
    await db.query(
      `UPDATE engagement_review_schedules SET next_due = CURRENT_DATE, next_reminder_at = now(), reminders_sent = 0
       WHERE engagement_id = $1`,
      [engagementId],
    );
    const subject = `Time to review ${providerName}`;
    await waitUntil(`the e-mail "${subject}"`, () => mailTo(owner.email, subject).length > 0);
    // Several more periods, while both workers keep running the scan's schedule.
    await sleep(3 * SCAN_MS + 500);
    expect(mailTo(owner.email, subject)).toHaveLength(1);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'engagement.review-due'`,
      [owner.id],
    );
    expect(rows[0]!.n).toBe(1);

    // Each run of the scan is one job whose id carries its slot ("repeat:<scan>:<ms>"): the slots are
    // at least a period apart, so no period ran twice, whichever worker took it.
    const scan = 'engagements.review-reminders';
    const runs = (await queue.getJobs(['completed', 'active', 'failed'], 0, -1))
      .filter((job) => job.name === scan)
      .map((job) => Number(String(job.id).split(':').at(-1)))
      .sort((x, y) => x - y);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    const gaps = runs.slice(1).map((at, i) => at - runs[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SCAN_MS);
  });

  it('handles each job once: every password-reset e-mail asked for through either api arrives once', async () => {
    const asks = [
      [apiA, owner.email],
      [apiB, owner.email],
      [apiA, provider.email],
      [apiB, provider.email],
      [apiB, owner.email],
      [apiA, provider.email],
    ] as const;
    for (const [base, email] of asks) {
      const res = await request(base, '/auth/password/forgot', { method: 'POST', body: { email } });
      expect(res.status, res.text).toBeLessThan(300);
    }
    const subject = 'Reset your Handoff password';
    await waitUntil(
      'six reset e-mails',
      () => mailTo(owner.email, subject).length + mailTo(provider.email, subject).length >= asks.length,
    );
    // Long enough for a second delivery of any of them to show (a retry, or the other worker).
    await sleep(2_000);
    expect(mailTo(owner.email, subject)).toHaveLength(3);
    expect(mailTo(provider.email, subject)).toHaveLength(3);
    // Nothing this deployment sent (sign-ups, reminders, resets) arrived twice.
    const ids = sink.received.map((m) => m.messageId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // And the work was shared: both workers ran some of these jobs.
    const ranBy = (await queue.getJobs(['completed'], 0, -1)).map((job) => job.processedBy);
    expect(new Set(ranBy).size).toBe(2);
  });

  it('counts log-in attempts across both apis: the one past the limit is refused on either', async () => {
    const from = '203.0.113.77';
    const attempt = (base: string) =>
      request(base, '/auth/login', {
        method: 'POST',
        from,
        body: { email: owner.email, password: 'not-the-password' },
      });
    const statuses = [];
    for (const base of [apiA, apiB, apiA]) statuses.push((await attempt(base)).status);
    expect(statuses).toEqual([401, 401, 401]);
    for (const base of [apiB, apiA]) {
      const refused = await attempt(base);
      expect(refused.status, refused.text).toBe(429);
      expect(refused.text).toContain('Too many attempts');
    }
    // Someone else, from another address, still logs in on either.
    expect(
      (
        await request(apiB, '/auth/login', {
          method: 'POST',
          body: { email: owner.email, password: PASSWORD },
        })
      ).status,
    ).toBe(200);
  });

  describe.skipIf(!chromiumPath)('in Chromium', () => {
    let browser: Browser | undefined;
    afterAll(() => browser?.close());

    it('a message the owner writes through api A appears on the provider’s open page served through api B', async () => {
      browser = await launch(chromiumPath!);
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await logIn(page, webB, provider.email, PASSWORD);
      await page.waitForURL(`${webB}/dashboard`);
      await page.goto(`${webB}/bids/${bidId}`);
      const thread = page.locator('#messages');
      await thread.waitFor();
      // Marks this page load; a reload would forget it.
      await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'));

      const text = `Can you start on Monday? (${stamp})`;
      await call(apiA, `/bids/${bidId}/messages`, {
        method: 'POST',
        token: owner.token,
        body: { body: text },
      });
      // The thread asks the web app every 5 s.
      await thread.getByText(text).waitFor({ timeout: 20_000 });
      expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here');
      await expect(
        thread.locator('li.message', { hasText: text }).locator('.author').textContent(),
      ).resolves.toBe('Olive Owner');
    });
  });
});
