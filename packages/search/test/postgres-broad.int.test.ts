import { createHash, randomUUID } from 'node:crypto';
import type { Database } from '@handoff/db';
import { openTestDatabase } from '@handoff/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresSearch, type PostgresSearchOptions } from '../src/postgres.ts';
import type { ProviderDocument, ProviderSearchQuery, SearchIndex } from '../src/types.ts';
import { fixtures, published } from './fixtures.ts';

// The Postgres adapter's broad-search path (sampled counts, page from an index walk or a sort), which
// the contract suite's few fixtures never reach with the default tuning. Each index below lowers the
// thresholds so that every search takes that path, and its answers are checked against the exact path.

const runId = `b${Date.now().toString(36)}_${randomUUID().slice(0, 8)}`;
let database: Database;
let exact: SearchIndex;

beforeAll(async () => {
  database = await openTestDatabase();
  exact = createPostgresSearch(database.db, { namespace: `broad_${runId}` });
  await exact.ensureIndex();
  await exact.upsert(fixtures);
});
afterAll(async () => {
  await database?.close();
});

/** Same namespace, other tuning: the broad path with a sample of every match (scale 1). */
const broad = (options: Omit<PostgresSearchOptions, 'namespace'>) =>
  createPostgresSearch(database.db, { namespace: `broad_${runId}`, ...options });

const QUERIES: Partial<ProviderSearchQuery>[] = [
  {},
  { q: 'bookkeeping' },
  { q: 'customer service', industries: ['real-estate'] },
  { functions: ['customer-service'] },
  { q: 'bookkeeping', sort: 'rate_asc' },
  { kinds: ['firm'], sort: 'rating' },
  { languages: ['es'], sort: 'rate_desc', perPage: 3, page: 2 },
];

const search = (index: SearchIndex, query: Partial<ProviderSearchQuery>) =>
  index.search({ page: 1, perPage: 50, ...query });

describe('postgres search: broad path', () => {
  for (const walk of [true, false]) {
    it(`gives the exact path's hits, total and facets when its sample is every match (${walk ? 'index walk' : 'sorted matches'})`, async () => {
      const all = broad({
        tuning: {
          probeBuckets: 256,
          exactUpTo: 0,
          sampleMin: 0,
          walkFrom: walk ? 0 : Number.MAX_SAFE_INTEGER,
        },
      });
      for (const query of QUERIES) {
        const want = await search(exact, query);
        const got = await search(all, query);
        expect(want.totalExact).toBe(true);
        if (want.total === 0) continue;
        expect(got.totalExact, JSON.stringify(query)).toBe(false);
        expect(
          got.hits.map((h) => h.id),
          JSON.stringify(query),
        ).toEqual(want.hits.map((h) => h.id));
        expect(got.total).toBe(want.total);
        expect(got.facets).toEqual(want.facets);
      }
    });
  }

  it('pages a relevance search past the ranked candidates: every match once, the ranked ones first', async () => {
    const capped = broad({ tuning: { candidateCap: 3 } });
    const query = { q: 'bookkeeping', perPage: 2 };
    const first = await search(capped, query);
    expect(first.total).toBeGreaterThan(4);
    const ids: string[] = [];
    for (let page = 1; ids.length < first.total && page < 50; page += 1) {
      const r = await search(capped, { ...query, page });
      expect(r.hits.length).toBeGreaterThan(0);
      ids.push(...r.hits.map((h) => h.id));
    }
    expect(ids).toHaveLength(first.total);
    expect(new Set(ids).size).toBe(first.total);
    const everyMatch = await search(exact, { q: 'bookkeeping', perPage: 50 });
    expect(new Set(ids)).toEqual(new Set(everyMatch.hits.map((h) => h.id)));
    // Page boundaries do not move anything: the first three (the ranked ones) come out the same as one page.
    const ranked = await search(capped, { q: 'bookkeeping', perPage: 3 });
    expect(ids.slice(0, 3)).toEqual(ranked.hits.map((h) => h.id));
    // Past them, prior order: verified references first.
    const rest = ids.slice(3).map((id) => everyMatch.hits.find((h) => h.id === id)!.verifiedReferenceCount);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
  });
});

describe('postgres search: estimates from the sample', () => {
  // 4,000 providers cloned from the fixtures with ids spread like real (random) uuids, deterministic
  // so the estimate below is the same on every run.
  const N = 4000;
  const base = published.filter((d) => d.published);
  const spreadId = (i: number) => {
    const h = createHash('sha256').update(`broad-${i}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const docs: ProviderDocument[] = Array.from({ length: N }, (_, i) => ({
    ...base[i % base.length]!,
    id: spreadId(i),
    slug: `clone-${i}`,
  }));
  const namespace = `estimate_${runId}`;

  it('projects total and facet counts within 10 % of the truth, and says they are estimates', async () => {
    const index = createPostgresSearch(database.db, { namespace });
    await index.upsert(docs);
    const sampled = createPostgresSearch(database.db, {
      namespace,
      tuning: { probeBuckets: 64, exactUpTo: 1000, sampleMin: 0 },
    });
    // Every provider: a 1/4 sample is ~1,000 rows, so the total's standard error is ~3 %.
    const truth = await index.search({ page: 1, perPage: 20 });
    const guess = await sampled.search({ page: 1, perPage: 20 });
    expect(truth.totalExact).toBe(true);
    expect(truth.total).toBeGreaterThan(1000);
    expect(guess.totalExact).toBe(false);
    expect(Math.abs(guess.total - truth.total) / truth.total).toBeLessThan(0.1);
    let checked = 0;
    for (const facet of ['kinds', 'functions', 'industries'] as const) {
      for (const [value, count] of Object.entries(truth.facets[facet])) {
        if (count < 400) continue; // small counts from a 1/4 sample are rough by nature
        checked += 1;
        expect(Math.abs((guess.facets[facet][value] ?? 0) - count) / count, value).toBeLessThan(0.15);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
    // The page is exact either way.
    expect(guess.hits.map((h) => h.id)).toEqual(truth.hits.map((h) => h.id));
  });
});
