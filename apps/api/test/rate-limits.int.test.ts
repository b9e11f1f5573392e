import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { uniqueEmail } from '@handoff/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProvider, anOwner, bidBody, insertJobPost, submitBid } from './bid-factory.ts';
import { buildTestApp, type TestApp } from './helpers.ts';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) {
  console.log(
    '[handoff] REDIS_URL is not set: the test of rate limits shared between api processes was not run',
  );
}

const LIMIT = 3;
const wrongLogIn = (t: TestApp) =>
  t.app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { email: 'nobody@example.test', password: 'not-the-password' },
  });

describe('rate limits on the routes that guess or send', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  });
  afterAll(async () => t?.close());

  it('answers 429 with a message after the limit on log-in, and says when to try again', async () => {
    for (let i = 0; i < LIMIT; i += 1) expect((await wrongLogIn(t)).statusCode).toBe(401);
    const limited = await wrongLogIn(t);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toMatch(/Too many attempts\. Try again in/);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('limits sign-up and writes nothing for a refused one', async () => {
    const count = async () =>
      Number(
        (
          (await t.database.db.execute(sql`SELECT count(*)::int AS n FROM sign_ups`)) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]!.n,
      );
    // Pending sign-ups: the account itself waits for the e-mailed link.
    const before = await count();
    const signUp = () =>
      t.app.inject({
        method: 'POST',
        url: '/auth/signup',
        payload: {
          name: 'Rae Limit',
          email: uniqueEmail('limit'),
          password: 'correct-horse-battery',
          role: 'owner',
        },
      });
    const answers = [];
    for (let i = 0; i < LIMIT + 2; i += 1) answers.push((await signUp()).statusCode);
    expect(answers.filter((s) => s === 202)).toHaveLength(LIMIT);
    expect(answers.slice(LIMIT)).toEqual([429, 429]);
    expect(await count()).toBe(before + LIMIT);
  });

  it('limits following sign-up links (a guesser of links is slowed like a guesser of passwords)', async () => {
    const answers = [];
    for (let i = 0; i < LIMIT + 1; i += 1) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/auth/signup/confirm',
        payload: { token: `${randomUUID()}.bm90LWEtcmVhbC1zaWduYXR1cmU` },
      });
      answers.push(res.statusCode);
    }
    expect(answers.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(404));
    expect(answers.at(-1)).toBe(429);
  });

  it('limits password-reset requests', async () => {
    const ask = () =>
      t.app.inject({
        method: 'POST',
        url: '/auth/password/forgot',
        payload: { email: 'someone@example.test' },
      });
    const answers = [];
    for (let i = 0; i < LIMIT + 1; i += 1) answers.push((await ask()).statusCode);
    expect(answers.at(-1)).toBe(429);
  });
});

describe('rate limits on bids and messages', () => {
  const WRITES = 2;
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { WRITE_RATE_LIMIT_PER_MINUTE: String(WRITES) } });
  });
  afterAll(async () => t?.close());

  it('answers 429 past the limit on revising a bid and on writing messages, and stores nothing more', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const provider = await aProvider(t.app, 'Rate Line Desk');
    const bid = await submitBid(t.app, provider.headers, job.id, bidBody(job));
    // Each route counts on its own: two revisions go through, the third is refused.
    const revise = (price: number) =>
      t.app.inject({
        method: 'PUT',
        url: `/bids/${bid.id}`,
        headers: provider.headers,
        payload: bidBody(job, { price }),
      });
    expect((await revise(1600)).statusCode).toBe(200);
    expect((await revise(1650)).statusCode).toBe(200);
    const refused = await revise(1700);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toMatch(/Too many attempts/);
    const stored = await t.app.inject({ url: `/bids/${bid.id}`, headers: provider.headers });
    expect(stored.json().price).toBe(1650);

    // Messages count on their own route: two go through, the third is refused and not stored.
    const write = (body: string) =>
      t.app.inject({
        method: 'POST',
        url: `/bids/${bid.id}/messages`,
        headers: owner.headers,
        payload: { body },
      });
    expect((await write('First question')).statusCode).toBe(201);
    expect((await write('Second question')).statusCode).toBe(201);
    expect((await write('Third question')).statusCode).toBe(429);
    const thread = await t.app.inject({ url: `/bids/${bid.id}/messages`, headers: owner.headers });
    expect(thread.json().messages.map((m: { body: string }) => m.body)).toEqual([
      'First question',
      'Second question',
    ]);
  });
});

describe.skipIf(!REDIS_URL)('rate limits shared between api processes through Redis', () => {
  const prefix = `handoff-test-${randomBytes(4).toString('hex')}`;
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('counts attempts on two api processes against one limit', async () => {
    const env = { AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT), REDIS_URL: REDIS_URL!, QUEUE_PREFIX: prefix };
    apps.push(await buildTestApp({ env }), await buildTestApp({ env }));
    const [a, b] = apps as [TestApp, TestApp];
    const answers = [];
    for (const t of [a, b, a, b]) answers.push((await wrongLogIn(t)).statusCode);
    // Alone, each process would have allowed 3: together they allowed 3 in all.
    expect(answers).toEqual([401, 401, 401, 429]);
  });
});
