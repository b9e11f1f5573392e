import { uniqueEmail } from '@handoff/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, PASSWORD, signUp, type TestApp } from './helpers.ts';

// The api on the embedded database (PGlite in its own process): what a person sees when that
// process wedges. The Postgres project has no such process.
const postgresProject = process.env.HANDOFF_TEST_DB === 'postgres';
if (postgresProject)
  console.log('[handoff] embedded-database availability tests run in the pglite project only');

describe.skipIf(postgresProject)('the api while its embedded database restarts', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The api's own watchdog figure (tests otherwise wait longer before calling a statement a wedge).
    t = await buildTestApp({ probeTimeoutMs: 5_000, honourRetryAfter: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 503 with Retry-After while the database restarts, then 200, with earlier writes kept', async () => {
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await signUp(t.app, { email: uniqueEmail('kept') }));
    const embedded = t.database.embedded!;

    // A statement that never returns, inside the database process.
    const wedger = new pg.Client(embedded.connection);
    wedger.on('error', () => {});
    await wedger.connect();
    void wedger.query('SELECT pg_sleep(3600)').catch(() => {});

    const seen: Array<{ status: number; retryAfter: string | undefined; ms: number }> = [];
    const startedAt = Date.now();
    let recoveredAt = 0;
    while (Date.now() - startedAt < 20_000) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/auth/me',
        headers: bearer(people[0]!.session.accessToken),
      });
      seen.push({
        status: res.statusCode,
        retryAfter: res.headers['retry-after'] as string | undefined,
        ms: Date.now() - startedAt,
      });
      if (res.statusCode === 503) expect(res.json().message).toMatch(/restarting/);
      if (res.statusCode === 200 && seen.some((s) => s.status === 503)) {
        recoveredAt = Date.now() - startedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const unavailable = seen.filter((s) => s.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((s) => s.retryAfter === '5')).toBe(true);
    expect(seen.every((s) => s.status === 200 || s.status === 503)).toBe(true);
    expect(recoveredAt).toBeGreaterThan(0);
    expect(recoveredAt).toBeLessThan(15_000);

    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    for (const person of people) {
      const login = await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: person.body.email, password: PASSWORD },
      });
      expect(login.statusCode).toBe(200);
    }
  }, 40_000);

  it('says not ready on /readyz while the database is away, and the process stays up', async () => {
    const embedded = t.database.embedded!;
    process.kill(embedded.pid()!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
    const during = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(during.statusCode).toBe(503);
    expect(during.headers['retry-after']).toBe('5');
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    while (embedded.state() === 'ready') await new Promise((r) => setTimeout(r, 20)); // the exit, noticed
    await embedded.whenReady();
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  }, 30_000);
});
