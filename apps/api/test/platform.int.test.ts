import { seed } from '@handoff/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3', WEB_ORIGIN: 'http://web.example.test' } });
  await seed(t.database, { demo: false });
});
afterAll(() => t.close());

describe('health', () => {
  it('reports liveness and database readiness', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', database: 'ok' });
  });
});

describe('taxonomy', () => {
  it('serves the seeded functions with duty and benchmark templates, in order', async () => {
    const { functions } = (await t.app.inject({ url: '/taxonomy/functions' })).json();
    const slugs = functions.map((f: { slug: string }) => f.slug);
    expect(slugs).toEqual(
      expect.arrayContaining(['bookkeeping', 'customer-service', 'payroll', 'lead-generation']),
    );
    const bookkeeping = functions.find((f: { slug: string }) => f.slug === 'bookkeeping');
    expect(bookkeeping.duties.length).toBeGreaterThanOrEqual(5);
    expect(bookkeeping.benchmarks[0]).toEqual({
      objective: expect.any(String),
      target: expect.any(String),
      due: expect.any(String),
    });
  });

  it('serves at least fifteen industries', async () => {
    const { industries } = (await t.app.inject({ url: '/taxonomy/industries' })).json();
    expect(industries.length).toBeGreaterThanOrEqual(15);
    expect(industries.map((i: { slug: string }) => i.slug)).toContain('real-estate');
  });
});

describe('platform', () => {
  it('serves the OpenAPI document generated from the route schemas', async () => {
    const doc = (await t.app.inject({ url: '/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/auth/signup',
        '/auth/signup/confirm',
        '/auth/login',
        '/auth/refresh',
        '/auth/me',
      ]),
    );
    expect(
      doc.paths['/auth/signup'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('email');
    expect((await t.app.inject({ url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('sends security headers and allows only the web origin', async () => {
    const allowed = await t.app.inject({ url: '/healthz', headers: { origin: 'http://web.example.test' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://web.example.test');
    expect(allowed.headers['x-content-type-options']).toBe('nosniff');
    expect(allowed.headers['strict-transport-security']).toBeDefined();
    const foreign = await t.app.inject({ url: '/healthz', headers: { origin: 'http://evil.example.test' } });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers an unknown route with a readable 404', async () => {
    const res = await t.app.inject({ url: '/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('No such endpoint: GET /nope');
  });

  it('rate-limits log-in attempts per client', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/auth/login',
        remoteAddress: '203.0.113.9',
        payload: { email: 'a@b.co', password: 'whatever' },
      });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt()).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.json().message).toMatch(/Too many attempts/);
    // Another client is not affected.
    const other = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      remoteAddress: '203.0.113.10',
      payload: { email: 'a@b.co', password: 'whatever' },
    });
    expect(other.statusCode).toBe(401);
  });
});
