import { beforeAll, describe, expect, it } from 'vitest';
import { HIT_FIELDS } from '../src/hit.ts';
import type {
  ProviderDocument,
  ProviderSearchQuery,
  ProviderSearchResult,
  SearchFacets,
  SearchIndex,
} from '../src/types.ts';
import { fixtureId, fixtures, published, unpublished } from './fixtures.ts';

type Filters = Omit<ProviderSearchQuery, 'page' | 'perPage' | 'q' | 'sort'>;

const ids = (r: ProviderSearchResult) => r.hits.map((h) => h.id);
const sorted = (values: string[]) => [...values].sort();

/** The filter semantics spelled out once, independently of both adapters. */
function matches(doc: ProviderDocument, f: Filters): boolean {
  const any = (values: string[] | undefined, have: string[]) =>
    !values || values.length === 0 || values.some((v) => have.includes(v));
  return (
    doc.published &&
    any(f.functions, doc.functions) &&
    any(f.industries, doc.industries) &&
    any(f.kinds, [doc.kind]) &&
    any(f.languages, doc.languages) &&
    any(f.timezoneBands, [doc.timezoneBand]) &&
    (f.rateMin === undefined || doc.rateMaxUsd >= f.rateMin) &&
    (f.rateMax === undefined || doc.rateMinUsd <= f.rateMax) &&
    (!f.verifiedOnly || doc.verifiedReferenceCount >= 1)
  );
}

function facetsOf(docs: ProviderDocument[]): SearchFacets {
  const facets: SearchFacets = {
    functions: {},
    industries: {},
    kinds: {},
    languages: {},
    timezoneBands: {},
    verified: 0,
  };
  const add = (counts: Record<string, number>, value: string) => (counts[value] = (counts[value] ?? 0) + 1);
  for (const d of docs) {
    d.functions.forEach((v) => add(facets.functions, v));
    d.industries.forEach((v) => add(facets.industries, v));
    d.languages.forEach((v) => add(facets.languages, v));
    add(facets.kinds, d.kind);
    add(facets.timezoneBands, d.timezoneBand);
    if (d.verifiedReferenceCount >= 1) facets.verified += 1;
  }
  return facets;
}

const byId = (a: ProviderDocument, b: ProviderDocument) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ORDERS: Record<
  'rate_asc' | 'rate_desc' | 'rating',
  (a: ProviderDocument, b: ProviderDocument) => number
> = {
  rate_asc: (a, b) => a.rateMinUsd - b.rateMinUsd || a.rateMaxUsd - b.rateMaxUsd || byId(a, b),
  rate_desc: (a, b) => b.rateMaxUsd - a.rateMaxUsd || b.rateMinUsd - a.rateMinUsd || byId(a, b),
  rating: (a, b) => (b.ratingAvg ?? -1) - (a.ratingAvg ?? -1) || b.ratingCount - a.ratingCount || byId(a, b),
};

const withFunction = (slug: string) => published.filter((d) => d.functions.includes(slug)).map((d) => d.id);
const docsById = new Map(fixtures.map((d) => [d.id, d]));

/**
 * The behaviour every SearchIndex adapter must have, registered as one describe block per adapter.
 * `makeIndex` returns an empty, isolated index; the suite loads the fixtures itself.
 */
export function searchContract(name: string, makeIndex: () => Promise<SearchIndex>): void {
  describe(`search contract: ${name}`, () => {
    let index: SearchIndex;
    const search = (query: Partial<ProviderSearchQuery> = {}) =>
      index.search({ page: 1, perPage: 50, ...query });
    /** Every hit of a query, page by page. */
    async function everything(query: Partial<ProviderSearchQuery> = {}) {
      const first = await search(query);
      const hits = [...first.hits];
      for (let page = 2; hits.length < first.total; page += 1) {
        const next = await search({ ...query, page });
        if (next.hits.length === 0) break;
        hits.push(...next.hits);
      }
      return { total: first.total, facets: first.facets, ids: hits.map((h) => h.id) };
    }

    beforeAll(async () => {
      index = await makeIndex();
      await index.ensureIndex();
      await index.clear();
      await index.upsert(fixtures);
    });

    describe('filters', () => {
      it('function + industry returns exactly the real-estate customer-service providers', async () => {
        const r = await search({ functions: ['customer-service'], industries: ['real-estate'] });
        expect(sorted(ids(r))).toEqual(sorted([fixtureId(1), fixtureId(13)]));
        expect(r.total).toBe(2);
      });

      it.each<[string, Filters]>([
        [
          'OR within a facet, AND across facets',
          { functions: ['payroll', 'bookkeeping'], industries: ['construction'] },
        ],
        ['kind', { kinds: ['virtual_assistant'] }],
        ['language', { languages: ['es'] }],
        [
          'timezone bands and kind',
          { timezoneBands: ['asia_pacific', 'europe_africa'], kinds: ['freelancer'] },
        ],
        ['rate range overlapping 20–30', { rateMin: 20, rateMax: 30 }],
        ['rate from 100 up', { rateMin: 100 }],
        ['rate up to 12', { rateMax: 12 }],
        ['verified only', { verifiedOnly: true }],
        ['verified bookkeepers', { verifiedOnly: true, functions: ['bookkeeping'] }],
        ['an unknown function', { functions: ['not-a-function'] }],
        ['empty lists mean no filter', { functions: [], industries: [] }],
      ])('%s returns exactly the matching providers', async (_label, filters) => {
        const expected = fixtures.filter((d) => matches(d, filters)).map((d) => d.id);
        const r = await search(filters);
        expect(sorted(ids(r))).toEqual(sorted(expected));
        expect(r.total).toBe(expected.length);
      });

      it('rate overlap includes ranges that straddle the bounds', async () => {
        const r = await search({ rateMin: 20, rateMax: 30 });
        expect(ids(r)).toContain(fixtureId(1)); // 28–40
        expect(ids(r)).toContain(fixtureId(8)); // 18–26
        expect(ids(r)).not.toContain(fixtureId(13)); // 9–14
        expect(ids(r)).not.toContain(fixtureId(9)); // 70–120
      });

      it('compares rates quoted in other currencies in US dollars', async () => {
        // Fixture 4 quotes INR 1,000–1,500 (US$12–18), fixture 20 PHP 500–900 (US$8.50–15.30).
        const upTo12 = ids(await search({ rateMax: 12 }));
        expect(upTo12).toContain(fixtureId(4));
        expect(upTo12).toContain(fixtureId(20));
        const from500 = ids(await search({ rateMin: 500 }));
        expect(from500).not.toContain(fixtureId(4));
        expect(from500).not.toContain(fixtureId(20));
        const from16 = ids(await search({ rateMin: 16 }));
        expect(from16).toContain(fixtureId(4));
        expect(from16).not.toContain(fixtureId(20));
        // Hits still show the provider's own currency.
        const hit = (await search({ q: 'Chennai inbox' })).hits.find((h) => h.id === fixtureId(4));
        expect(hit).toMatchObject({ rateMin: 1000, rateMax: 1500, currency: 'INR' });
      });
    });

    describe('text', () => {
      it('ranks the real-estate customer-service specialist first', async () => {
        const r = await search({ q: 'customer service real estate' });
        expect(ids(r)[0]).toBe(fixtureId(1));
        expect(ids(r)).toContain(fixtureId(13));
      });

      it.each([
        ['a typo', 'bookeeping', 'bookkeeping'],
        ['a synonym', 'bookkeeper', 'bookkeeping'],
        ['"VA"', 'VA', 'virtual-assistance'],
        ['"CSR"', 'CSR', 'customer-service'],
        ['a prefix', 'payr', 'payroll'],
        ['a prefix after a full word', 'customer serv', 'customer-service'],
        ['"website" for web maintenance', 'website', 'web-maintenance'],
      ])('%s (%s) finds every %s provider', async (_label, q, slug) => {
        const r = await search({ q });
        expect(ids(r)).toEqual(expect.arrayContaining(withFunction(slug)));
        expect(r.hits[0]?.functions).toContain(slug);
      });

      it('a multi-word query ranks the provider matching all words first', async () => {
        const r = await search({ q: 'payroll for restaurants' });
        expect(ids(r)[0]).toBe(fixtureId(26));
      });

      it('text and filters combine', async () => {
        const r = await search({ q: 'payroll', industries: ['construction'] });
        expect(sorted(ids(r))).toEqual(sorted([fixtureId(5), fixtureId(16)]));
      });

      it('a word no provider has returns nothing', async () => {
        const r = await search({ q: 'xylophonist' });
        expect(r).toMatchObject({ hits: [], total: 0 });
      });
    });

    describe('ranking and understanding', () => {
      /** Offering the function (2) and serving the industry (1) never rise down the page. */
      function expectTiers(r: ProviderSearchResult, fn: string, industry?: string) {
        const tier = (id: string) => {
          const d = docsById.get(id) as ProviderDocument;
          return (d.functions.includes(fn) ? 2 : 0) + (industry && d.industries.includes(industry) ? 1 : 0);
        };
        const tiers = ids(r).map(tier);
        expect(tiers, ids(r).join(' ')).toEqual([...tiers].sort((a, b) => b - a));
        return tiers;
      }

      it('a provider offering the function ranks above one whose text merely mentions it', async () => {
        for (const [q, fn] of [
          ['payroll', 'payroll'],
          ['invoices', 'bookkeeping'],
          ['inventory', 'inventory-management'],
        ] as const) {
          const r = await search({ q });
          const tiers = expectTiers(r, fn);
          expect(tiers[0], q).toBe(2);
          if (q !== 'payroll')
            expect(
              tiers.some((t) => t === 0),
              `${q} also finds a mere mention`,
            ).toBe(true);
        }
      });

      it('serving the industry ranks above not serving it', async () => {
        const r = await search({ q: 'virtual assistant real estate' });
        const tiers = expectTiers(r, 'virtual-assistance', 'real-estate');
        expect(tiers.slice(0, 2)).toEqual([3, 3]);
        expect(sorted(ids(r).slice(0, 2))).toEqual(sorted([fixtureId(4), fixtureId(0x19)]));
        const payroll = await search({ q: 'payroll restaurants' });
        expect(expectTiers(payroll, 'payroll', 'restaurants-food-service')[0]).toBe(3);
      });

      it('a preference ranks without text: the preferred function first, every filtered match kept', async () => {
        const filters: Filters = { functions: ['payroll', 'hr-compliance'] };
        const plain = await search({ ...filters, perPage: 50 });
        const preferred = await search({ ...filters, prefer: { functions: ['hr-compliance'] }, perPage: 50 });
        expect(preferred.total).toBe(plain.total);
        expect(sorted(ids(preferred))).toEqual(sorted(ids(plain)));
        const tiers = expectTiers(preferred, 'hr-compliance');
        // The prior alone (rating, verified references) would not put them first: the order moved.
        expect(ids(preferred)).not.toEqual(ids(plain));
        expect(tiers.filter((t) => t === 2).length).toBeGreaterThan(0);
        expect(tiers.some((t) => t === 0)).toBe(true);
        // Another sort than relevance ignores it.
        const byRate = await search({
          ...filters,
          prefer: { functions: ['hr-compliance'] },
          sort: 'rate_asc',
          perPage: 50,
        });
        expect(ids(byRate)).toEqual(ids(await search({ ...filters, sort: 'rate_asc', perPage: 50 })));
      });

      it.each([
        ['someone to do payroll', 'payroll'],
        ['payroll xylophonist', 'payroll'],
        ['who can help with bookkeeping?', 'bookkeeping'],
      ])('words no provider has do not empty the page (%s)', async (q, fn) => {
        const r = await search({ q });
        expect(ids(r)).toEqual(expect.arrayContaining(withFunction(fn)));
        expect(r.hits[0]?.functions).toContain(fn);
      });

      it('names the words it left out because no provider has them', async () => {
        const r = await search({ q: 'payroll xylophonist' });
        expect(r.ignoredWords).toEqual(['xylophonist']);
        expect(r.hits[0]?.functions).toContain('payroll');
        expect((await search({ q: 'payroll' })).ignoredWords).toEqual([]);
        // No word matches: none is left out, and nothing is found.
        const none = await search({ q: 'xylophonist zanzibarian' });
        expect(none).toMatchObject({ total: 0, ignoredWords: [] });
      });

      it.each(['🚀', '?!', '🙂 🚀 —'])('a query of symbols only (%s) is no query', async (q) => {
        const none = await search({});
        const r = await search({ q });
        expect(r.total).toBe(published.length);
        expect(ids(r)).toEqual(ids(none));
      });
    });

    describe('facets', () => {
      it('count every published provider when nothing is asked', async () => {
        const r = await search({ perPage: 5 });
        expect(r.total).toBe(published.length);
        expect(r.facets).toEqual(facetsOf(published));
      });

      it('count the filtered set, not just the page', async () => {
        const filters: Filters = { industries: ['e-commerce'] };
        const r = await search({ ...filters, perPage: 2 });
        expect(r.hits).toHaveLength(2);
        expect(r.facets).toEqual(facetsOf(fixtures.filter((d) => matches(d, filters))));
      });

      it('count the documents a text query matches', async () => {
        const all = await everything({ q: 'customer service' });
        expect(all.ids.length).toBe(all.total);
        const docs = all.ids.map((id) => docsById.get(id) as ProviderDocument);
        expect(all.facets).toEqual(facetsOf(docs));
      });
    });

    describe('paging and sorting', () => {
      it('page 2 continues page 1 with no overlap and the right total', async () => {
        const whole = await search({ sort: 'rate_asc' });
        const pages = [];
        for (let page = 1; page <= Math.ceil(published.length / 4); page += 1) {
          pages.push(await search({ sort: 'rate_asc', page, perPage: 4 }));
        }
        const paged = pages.flatMap(ids);
        expect(paged).toEqual(ids(whole));
        expect(new Set(paged).size).toBe(published.length);
        for (const p of pages) expect(p.total).toBe(published.length);
        const past = await search({ sort: 'rate_asc', page: 99, perPage: 4 });
        expect(past).toMatchObject({ hits: [], total: published.length, page: 99, perPage: 4 });
      });

      it('relevance pages do not overlap', async () => {
        const one = await search({ q: 'customer service', perPage: 2 });
        const two = await search({ q: 'customer service', perPage: 2, page: 2 });
        const four = await search({ q: 'customer service', perPage: 4 });
        expect([...ids(one), ...ids(two)]).toEqual(ids(four));
      });

      it.each(['rate_asc', 'rate_desc', 'rating'] as const)(
        'sorts by %s with a stable tiebreak',
        async (sort) => {
          const r = await search({ sort });
          expect(ids(r)).toEqual([...published].sort(ORDERS[sort]).map((d) => d.id));
        },
      );

      it('sorts a text query strictly by rate when asked', async () => {
        const r = await search({ q: 'payroll', sort: 'rate_asc' });
        const rates = r.hits.map((h) => docsById.get(h.id)!.rateMinUsd);
        expect(rates.length).toBeGreaterThan(2);
        expect(rates).toEqual([...rates].sort((a, b) => a - b));
      });

      it('clamps perPage to 50 and returns hits without bio, duties or published', async () => {
        const r = await index.search({ page: 1, perPage: 500 });
        expect(r.perPage).toBe(50);
        for (const hit of r.hits) expect(Object.keys(hit).sort()).toEqual([...HIT_FIELDS].sort());
        const byFixture = new Map(r.hits.map((h) => [h.id, h.logoVersion]));
        expect(byFixture.get(fixtureId(1))).toBe('0123456789abcdef');
        expect(byFixture.get(fixtureId(2))).toBeNull();
      });
    });

    describe('unpublished providers', () => {
      it.each(unpublished.map((d) => [d.name]))('are not found by their exact name (%s)', async (q) => {
        // The name's other words may find other providers (a word no provider has is left out).
        const unique = q.split(' ')[0] as string;
        expect((await search({ q: unique })).total).toBe(0);
        expect(ids(await search({ q }))).not.toContain(unpublished.find((d) => d.name === q)?.id);
      });

      it('are never listed, filtered or faceted', async () => {
        const all = await everything();
        for (const d of unpublished) expect(all.ids).not.toContain(d.id);
        const r = await search({ functions: ['bookkeeping'] });
        expect(ids(r)).not.toContain(fixtureId(29));
      });
    });

    describe('hostile input', () => {
      it.each([
        'x" OR published = false OR "',
        "'; DROP TABLE search_providers; --",
        '%',
        '_',
        '%_%',
        '\\',
        'C:\\payroll\\',
        '"',
        '(customer | service) & !payroll <-> :*',
        'book*',
        '-payroll',
        '🙂🚀 payroll 🧾',
        'x'.repeat(10_000),
        'customer '.repeat(500),
        '\u0000\u0001\n\t',
      ])('q = %s returns normally', async (q) => {
        const r = await search({ q });
        expect(Array.isArray(r.hits)).toBe(true);
        expect(typeof r.total).toBe('number');
        for (const d of unpublished) expect(ids(r)).not.toContain(d.id);
      });

      it('hostile filter values match nothing instead of changing the filter', async () => {
        const hostile = 'x" OR published = false OR "';
        for (const filters of [
          { functions: [hostile] },
          { languages: [hostile, '\\'] },
          { industries: ["'"] },
          { functions: ['payroll\u0000'] },
        ]) {
          expect((await search(filters)).total).toBe(0);
        }
      });
    });

    // Last: these change the index.
    describe('writes', () => {
      const extra = (headline: string): ProviderDocument => ({
        ...(docsById.get(fixtureId(6)) as ProviderDocument),
        id: fixtureId(100),
        slug: 'new-provider',
        name: 'Wilhelmina Brightwater',
        headline,
      });

      it('upsert makes a new provider and a changed headline searchable', async () => {
        await index.upsert([extra('Xeriscaping blog upkeep')]);
        expect(ids(await search({ q: 'xeriscaping' }))).toEqual([fixtureId(100)]);
        await index.upsert([extra('Kombucha brewery inventory')]);
        expect((await search({ q: 'xeriscaping' })).total).toBe(0);
        expect(ids(await search({ q: 'kombucha' }))).toEqual([fixtureId(100)]);
        expect((await search()).total).toBe(published.length + 1);
      });

      it('remove removes', async () => {
        await index.remove([fixtureId(100), fixtureId(999), 'not-a-uuid']);
        expect((await search({ q: 'kombucha' })).total).toBe(0);
        expect((await search()).total).toBe(published.length);
      });

      it('unpublishing through upsert hides a provider; republishing shows it again', async () => {
        const keystone = docsById.get(fixtureId(1)) as ProviderDocument;
        await index.upsert([{ ...keystone, published: false }]);
        expect(ids(await search({ q: 'Keystone Realty Support' }))).not.toContain(keystone.id);
        await index.upsert([keystone]);
        expect(ids(await search({ q: 'Keystone Realty Support' }))[0]).toBe(keystone.id);
      });

      it('re-upserting the same documents changes nothing', async () => {
        await index.upsert(fixtures);
        const r = await search();
        expect(r.total).toBe(published.length);
        expect(r.facets).toEqual(facetsOf(published));
      });

      it('clear empties the index', async () => {
        await index.clear();
        expect((await search()).total).toBe(0);
      });
    });
  });
}
