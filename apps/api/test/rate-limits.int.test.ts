import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { uniqueEmail } from '@handoff/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
          (await t.database.db.execute(sql`SELECT count(*)::int AS n FROM users`)) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]!.n,
      );
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
    expect(answers.filter((s) => s === 201)).toHaveLength(LIMIT);
    expect(answers.slice(LIMIT)).toEqual([429, 429]);
    expect(await count()).toBe(before + LIMIT);
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
