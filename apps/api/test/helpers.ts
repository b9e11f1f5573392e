import type { Clock } from '@handoff/core';
import type { Database } from '@handoff/db';
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

/** The real app on the project's test database (real Postgres or PGlite), with overridable env. */
export async function buildTestApp(
  options: { env?: Record<string, string>; clock?: Clock; runJobs?: boolean; probeTimeoutMs?: number } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(
    options.probeTimeoutMs ? { probeTimeoutMs: options.probeTimeoutMs } : {},
  );
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    ...options.env,
  });
  const app = await buildApp({
    config,
    database,
    runJobs: options.runJobs ?? false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A clock tests can move forward. */
export function manualClock(start = new Date()): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

export const PASSWORD = 'correct-horse-battery';

export async function signUp(app: FastifyInstance, overrides: Record<string, unknown> = {}) {
  const body = { name: 'Test Person', email: uniqueEmail(), password: PASSWORD, role: 'owner', ...overrides };
  const res = await app.inject({ method: 'POST', url: '/auth/signup', payload: body });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  return {
    body,
    session: res.json() as { accessToken: string; refreshToken: string; user: { id: string; email: string } },
  };
}

/** Runs every due job in-process (the embedded mode), as the runner would between requests. */
export async function drainJobs(app: FastifyInstance): Promise<number> {
  const { jobs } = app.services;
  if (jobs.mode !== 'in-process') throw new Error('drainJobs needs the in-process runner');
  return jobs.runner.drain();
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
