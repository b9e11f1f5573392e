import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOwner } from './bid-factory.ts';
import { buildTestApp, drainJobs, type TestApp } from './helpers.ts';
import { publishedProvider } from './job-post-factory.ts';

// Out-of-range values and unknown parameters on the search, and unknown parameters on every route
// with a query: each is a 400 naming what is wrong, never results that quietly ignore it.

let t: TestApp;
let owner: { headers: Record<string, string> };
beforeAll(async () => {
  t = await buildTestApp();
  owner = await anOwner(t.app);
  for (let i = 0; i < 3; i += 1) await publishedProvider(t.app, { industries: ['real-estate'] });
  await drainJobs(t.app);
});
afterAll(() => t.close());

const search = (query: string) => t.app.inject({ url: `/search/providers?${query}` });

describe('search out of range', () => {
  it.each([
    ['industries=real-estate', 'industries', /Unknown parameter: industries/],
    ['industry=real-estate&pageSize=5', 'pageSize', /Unknown parameter: pageSize/],
    // Found by the fuzzer: this one was lost from `fields`, leaving "The request is not valid".
    ['__proto__=1', '_', /Unknown parameter: __proto__/],
    ['constructor=1', 'constructor', /Unknown parameter: constructor/],
    ['page=1000', 'page', /page is at most 500/],
    ['page=0', 'page', /page starts at 1/],
    ['page=1.5', 'page', /whole number/],
    ['rateMin=200&rateMax=10', 'rateMax', /cannot be below the lowest/],
    ['rateMin=-1', 'rateMin', /cannot be negative/],
    ['rateMax=NaN', 'rateMax', /must be a number/],
    ['language=en&language=zz', 'language.1', /two-letter language codes/],
    ['function=not-a-function', 'function', /no business function “not-a-function”/],
    ['industry=nowhere', 'industry', /no industry “nowhere”/],
  ])('?%s answers 400 naming %s', async (query, field, message) => {
    const res = await search(query);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().fields?.[field], res.body).toMatch(message);
  });

  it('a page past the last answers the total with no hits, for the page to explain', async () => {
    const res = await search('industry=real-estate&perPage=1&page=99');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ hits: [], page: 99, perPage: 1 });
    expect(res.json().total).toBeGreaterThanOrEqual(3);
  });
});

describe('unknown query parameters on every route with a query', () => {
  it('answer 400 naming the parameter, before anything is looked up', async () => {
    await t.app.ready();
    const doc = t.app.swagger() as unknown as {
      paths: Record<string, Record<string, { parameters?: { in: string }[] }>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.parameters?.some((p) => p.in === 'query'))
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const url = `${route.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000')}?industries=x`;
      const res = await t.app.inject({ method: route.method as 'GET', url, headers: owner.headers });
      expect(res.statusCode, `${route.method} ${url}: ${res.body}`).toBe(400);
      expect(res.json().fields?.industries, url).toBe('Unknown parameter: industries');
    }
  });
});
