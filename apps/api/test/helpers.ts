import { createLinkSigner, type Clock } from '@handoff/core';
import { formatToken } from '@handoff/core/account';
import type { Database } from '@handoff/db';
import { sql } from 'drizzle-orm';
import { openTestDatabase, uniqueEmail } from '@handoff/db/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** Each test app's database and link secret, so helpers given only the app can read its outbox. */
const behind = new WeakMap<FastifyInstance, { database: Database; secret: string }>();

/** The real app on the project's test database (real Postgres or PGlite), with overridable env. */
export async function buildTestApp(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    runJobs?: boolean;
    probeTimeoutMs?: number;
    /** Answer a 503 with Retry-After by waiting and asking again, as a client should (default true). */
    honourRetryAfter?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(
    options.probeTimeoutMs ? { probeTimeoutMs: options.probeTimeoutMs } : {},
  );
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    WRITE_RATE_LIMIT_PER_MINUTE: '1000',
    ...options.env,
  });
  const app = await buildApp({
    config,
    database,
    runJobs: options.runJobs ?? false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  if (options.honourRetryAfter ?? true) honourRetryAfter(app);
  behind.set(app, { database, secret: config.jwtSecret });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * While the embedded database restarts (a CI machine starved enough that a probe went unanswered),
 * the api answers 503 with Retry-After, as designed. A test's request then waits and asks again,
 * for up to 90 s, like a well-behaved client, instead of failing every later test of the file; the
 * restart itself is printed by the test database. Tests of that behaviour turn this off.
 */
function honourRetryAfter(app: FastifyInstance) {
  const inject = app.inject.bind(app) as (
    opts: unknown,
  ) => Promise<{ statusCode: number; headers: Record<string, unknown> }>;
  const retrying = async (opts: unknown) => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const res = await inject(opts);
      const after = Number(res.headers['retry-after']);
      if (res.statusCode !== 503 || !after || Date.now() > deadline) return res;
      await new Promise((resolve) => setTimeout(resolve, after * 1000));
    }
  };
  // Only the promise form (`inject(opts)`) is wrapped; the chainable and callback forms are left be.
  (app as unknown as { inject: unknown }).inject = (opts?: unknown, callback?: unknown) =>
    opts === undefined || callback !== undefined
      ? (inject as (...args: unknown[]) => unknown)(...[opts, callback].filter((a) => a !== undefined))
      : retrying(opts);
}

/** A clock tests can move forward. */
export function manualClock(start = new Date()): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

export const PASSWORD = 'correct-horse-battery';

export type SignUpSession = {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; emailVerified: boolean };
};

/**
 * The link the newest "finish signing up" e-mail to `email` carries, rebuilt from its job in the
 * outbox (the id it names, signed as the mail handler signs it). Works whether or not the job has
 * run, and in both queue modes, so a test that signs up needs no worker. Tests of the e-mail
 * itself read it from the dev mailbox instead (auth.int).
 */
export async function signUpToken(app: FastifyInstance, email: string): Promise<string> {
  const known = behind.get(app);
  if (!known) throw new Error('signUpToken needs an app made by buildTestApp');
  const result = await known.database.db.execute(sql`
    SELECT o.payload->>'signUpId' AS id FROM outbox o
    JOIN sign_ups s ON s.id::text = o.payload->>'signUpId'
    WHERE o.name = 'email.finish-sign-up' AND s.email = ${email.trim().toLowerCase()}
    ORDER BY s.created_at DESC LIMIT 1`);
  const id = (result as unknown as { rows: { id: string }[] }).rows[0]?.id;
  if (!id) throw new Error(`no finish-sign-up e-mail queued for ${email}`);
  return formatToken(createLinkSigner(known.secret), 'sign_up', id);
}

/** Signs up and follows the e-mailed link, as a person does: a new, verified, signed-in account. */
export async function signUp(app: FastifyInstance, overrides: Record<string, unknown> = {}) {
  const body = { name: 'Test Person', email: uniqueEmail(), password: PASSWORD, role: 'owner', ...overrides };
  const res = await app.inject({ method: 'POST', url: '/auth/signup', payload: body });
  if (res.statusCode !== 202) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const token = await signUpToken(app, String(body.email));
  const confirmed = await app.inject({ method: 'POST', url: '/auth/signup/confirm', payload: { token } });
  if (confirmed.statusCode !== 201) {
    throw new Error(`finishing the sign-up failed: ${confirmed.statusCode} ${confirmed.body}`);
  }
  return { body, session: confirmed.json() as SignUpSession };
}

/** Runs every due job in-process (the embedded mode), as the runner would between requests. */
export async function drainJobs(app: FastifyInstance): Promise<number> {
  const { jobs } = app.services;
  if (jobs.mode !== 'in-process') throw new Error('drainJobs needs the in-process runner');
  return jobs.runner.drain();
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
