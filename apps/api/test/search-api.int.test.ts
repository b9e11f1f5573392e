import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, drainJobs, type TestApp } from './helpers.ts';
import { completeProfile, createProfile, PNG, signUpProvider } from './provider-factory.ts';

let t: TestApp;
let me: { headers: Record<string, string> };
beforeAll(async () => {
  t = await buildTestApp();
  me = await signUpProvider(t.app);
});
afterAll(() => t.close());

const search = (query: string) => t.app.inject({ url: `/search/providers?${query}` });
const idsOf = async (query: string) => {
  const res = await search(query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().hits.map((h: { id: string }) => h.id) as string[];
};
const outboxCount = async (name: string, providerId: string) => {
  const r = await t.database.db.execute(
    sql`select count(*)::int as n from outbox where name = ${name} and payload->>'providerId' = ${providerId}`,
  );
  return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
};

async function publishedProfile(overrides: Record<string, unknown>) {
  const p = await createProfile(t.app, me.headers, completeProfile(overrides));
  const res = await t.app.inject({ method: 'POST', url: `/providers/${p.id}/publish`, headers: me.headers });
  expect(res.statusCode, res.body).toBe(200);
  return p;
}

describe('search sync through the outbox', () => {
  it('a published profile is searchable once its job ran; unpublishing removes it', async () => {
    const p = await publishedProfile({
      name: 'Quillfeather Bookkeeping',
      headline: 'Xeriscape nursery books, closed monthly',
    });
    expect(await outboxCount('search.upsert-provider', p.id)).toBe(2); // create + publish
    expect(await idsOf('q=xeriscape')).toEqual([]); // nothing is indexed inside the request
    await drainJobs(t.app);
    expect(await idsOf('q=xeriscape')).toEqual([p.id]);
    expect(await idsOf('q=quillfeather')).toEqual([p.id]);

    const edited = await t.app.inject({
      method: 'PUT',
      url: `/providers/${p.id}`,
      headers: me.headers,
      payload: completeProfile({
        name: 'Quillfeather Bookkeeping',
        headline: 'Kombucha brewery books, closed monthly',
      }),
    });
    expect(edited.statusCode).toBe(200);
    await drainJobs(t.app);
    expect(await idsOf('q=xeriscape')).toEqual([]);
    expect(await idsOf('q=kombucha')).toEqual([p.id]);

    await t.app.inject({ method: 'POST', url: `/providers/${p.id}/unpublish`, headers: me.headers });
    expect(await outboxCount('search.remove-provider', p.id)).toBe(1);
    await drainJobs(t.app);
    expect(await idsOf('q=kombucha')).toEqual([]);
  });

  it('a draft is never indexed', async () => {
    const draft = await createProfile(t.app, me.headers, completeProfile({ name: 'Zanzibar Drafts Ltd' }));
    await drainJobs(t.app);
    expect(await idsOf('q=zanzibar')).toEqual([]);
    expect(await outboxCount('search.upsert-provider', draft.id)).toBe(1);
  });
});

describe('GET /search/providers', () => {
  let ids: Record<'payroll' | 'realty' | 'shop', string>;
  beforeAll(async () => {
    const payroll = await publishedProfile({
      name: 'Brightwater Payroll',
      kind: 'freelancer',
      headline: 'Payroll for restaurants, every second Friday',
      functions: [{ slug: 'payroll', duties: [], customDuties: ['Run payroll for tipped staff'] }],
      industries: ['restaurants-food-service'],
      packages: [],
      references: [],
      languages: ['en'],
      timezone: 'Europe/London',
      country: 'GB',
      rateMin: 40,
      rateMax: 60,
    });
    const realty = await publishedProfile({ name: 'Harborline Realty Desk', languages: ['es', 'en'] });
    const shop = await publishedProfile({
      name: 'Manila Storefront Ops',
      kind: 'virtual_assistant',
      headline: 'Order processing for online stores',
      functions: [{ slug: 'order-processing', duties: [], customDuties: ['Process Shopify orders'] }],
      industries: ['e-commerce'],
      packages: [],
      references: [],
      timezone: 'Asia/Manila',
      country: 'PH',
      rateMin: 8,
      rateMax: 12,
    });
    ids = { payroll: payroll.id, realty: realty.id, shop: shop.id };
    await drainJobs(t.app);
  });

  it('filters by function × industry and returns facets with counts over all matches', async () => {
    const res = await search('function=customer-service&industry=real-estate');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.hits.map((h: { id: string }) => h.id)).toEqual([ids.realty]);
    expect(body.total).toBe(1);
    expect(body.totalExact).toBe(true); // a handful of matches is always counted exactly
    expect(body.facets.functions).toEqual(
      expect.arrayContaining([
        { value: 'customer-service', count: 1 },
        { value: 'bookkeeping', count: 1 },
      ]),
    );
    const all = (await search('')).json();
    expect(all.total).toBe(3);
    expect(all.facets.kinds).toEqual(
      expect.arrayContaining([
        { value: 'firm', count: 1 },
        { value: 'freelancer', count: 1 },
        { value: 'virtual_assistant', count: 1 },
      ]),
    );
    expect(all.facets.timezoneBands).toEqual(
      expect.arrayContaining([
        { value: 'americas', count: 1 },
        { value: 'europe_africa', count: 1 },
        { value: 'asia_pacific', count: 1 },
      ]),
    );
    expect(all.facets.languages[0]).toEqual({ value: 'en', count: 3 });
  });

  it('takes repeated parameters as a multi-select (OR within a facet)', async () => {
    expect((await idsOf('function=payroll&function=order-processing')).sort()).toEqual(
      [ids.payroll, ids.shop].sort(),
    );
    expect(await idsOf('tz=asia_pacific')).toEqual([ids.shop]);
    expect(await idsOf('kind=freelancer&kind=firm&language=es')).toEqual([ids.realty]);
    expect(await idsOf('rateMax=15')).toEqual([ids.shop]);
    expect(await idsOf('q=payrol')).toEqual([ids.payroll]);
    expect(await idsOf('q=bookeeping')).toEqual([ids.realty]); // a typo
    expect(await idsOf('sort=rate_asc')).toEqual([ids.shop, ids.realty, ids.payroll]);
  });

  it('reads “X for Y” as function and industry filters and reports them as chips', async () => {
    const res = await search('q=payroll%20for%20restaurants');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.hits.map((h: { id: string }) => h.id)).toEqual([ids.payroll]);
    expect(body.understood).toEqual({
      functions: [{ slug: 'payroll', name: 'Payroll' }],
      industries: [{ slug: 'restaurants-food-service', name: 'Restaurants & food service' }],
      text: null,
      droppedWords: [],
      corrections: [],
    });
    expect(body.queryIgnored).toBe(false);
    // Owner words, a typo and a question read the same way.
    expect(await idsOf('q=who%20can%20answer%20the%20phones%20for%20my%20realtor%3F')).toEqual([ids.realty]);
    expect((await search('q=custmer%20servce%20for%20real%20estate')).json().understood.corrections).toEqual([
      { from: 'custmer', to: 'customer' },
      { from: 'servce', to: 'service' },
    ]);
  });

  it('searches all text instead with literal=true', async () => {
    const res = await search('q=payroll%20for%20restaurants&literal=true');
    expect(res.json()).toMatchObject({ understood: null, queryIgnored: false });
    expect(res.json().hits.map((h: { id: string }) => h.id)).toEqual([ids.payroll]);
  });

  it('keeps words it cannot explain as text, and drops them when they find nothing within the chips', async () => {
    const kept = (await search('q=brightwater%20payroll')).json();
    expect(kept.understood).toMatchObject({ functions: [{ slug: 'payroll' }], text: 'brightwater' });
    expect(kept.hits.map((h: { id: string }) => h.id)).toEqual([ids.payroll]);
    const dropped = (await search('q=payroll%20zanzibarian')).json();
    expect(dropped.understood).toMatchObject({ text: null, droppedWords: ['zanzibarian'] });
    expect(dropped.hits.map((h: { id: string }) => h.id)).toEqual([ids.payroll]);
  });

  it('keeps the answer empty when an industry alone was read and the other words find nothing: they were the work asked for', async () => {
    const body = (await search('q=piano%20tuning%20for%20restaurants')).json();
    expect(body.understood).toMatchObject({
      functions: [],
      industries: [{ slug: 'restaurants-food-service' }],
      text: 'piano tuning',
      droppedWords: [],
    });
    // Not every provider serving restaurants (the payroll one here): the industry is a suggestion.
    expect(body.total).toBe(0);
    expect(body.suggestions.industries).toEqual([
      { slug: 'restaurants-food-service', name: 'Restaurants & food service' },
    ]);
  });

  it('says which words no provider has: left out of the text, instead of emptying the result', async () => {
    const literal = (await search('q=harborline%20zanzibarian&literal=true')).json();
    expect(literal).toMatchObject({ understood: null, ignoredWords: ['zanzibarian'] });
    expect(literal.total).toBeGreaterThan(0);
    // Read as a function: the word is dropped from the chips' text, not shown as "matching" it.
    const read = (await search('q=payroll%20brightwater%20zanzibarian')).json();
    expect(read.understood).toMatchObject({ text: 'brightwater', droppedWords: ['zanzibarian'] });
    expect(read.hits.map((h: { id: string }) => h.id)).toEqual([ids.payroll]);
    expect((await search('q=harborline')).json().ignoredWords).toEqual([]);
  });

  it('a facet the owner chose wins over the words', async () => {
    const res = (await search('q=payroll&function=order-processing')).json();
    expect(res.understood).toBeNull();
    expect(res.total).toBe(0);
  });

  it('treats a query with no usable words as no query, and says so', async () => {
    const all = (await search('')).json();
    for (const q of ['%F0%9F%9A%80', 'the', 'someone%20to%20help%3F']) {
      const body = (await search(`q=${q}`)).json();
      expect(body.queryIgnored, q).toBe(true);
      expect(body.total).toBe(all.total);
    }
    expect(all.queryIgnored).toBe(false);
  });

  it('suggests the functions and industries the words are near when nothing matches, if they have providers', async () => {
    // Nobody here offers legal work: only the industry leads somewhere.
    const body = (await search('q=legal%20for%20restaurants')).json();
    expect(body.total).toBe(0);
    expect(body.suggestions).toEqual({
      functions: [],
      industries: [{ slug: 'restaurants-food-service', name: 'Restaurants & food service' }],
      popular: false,
    });
    expect((await search('q=order%20processing%20for%20restaurants')).json().suggestions).toEqual({
      functions: [{ slug: 'order-processing', name: 'Order processing' }],
      industries: [{ slug: 'restaurants-food-service', name: 'Restaurants & food service' }],
      popular: false,
    });
    expect((await search('q=payroll')).json().suggestions).toEqual({
      functions: [],
      industries: [],
      popular: false,
    });
  });

  it('suggests by what the words begin or nearly spell when it cannot read them, and within the other filters', async () => {
    // Literal text finds nothing; 'payr' is the start of payroll.
    const begun = (await search('q=payr%20zanzibarian&literal=true')).json();
    expect(begun.total).toBe(0);
    expect(begun.suggestions).toMatchObject({ functions: [{ slug: 'payroll' }], popular: false });
    // Words that mean nothing: the most common functions and industries, within the kind asked for.
    const none = (await search('q=xylophonist&kind=virtual_assistant')).json();
    expect(none.total).toBe(0);
    expect(none.suggestions).toEqual({
      functions: [{ slug: 'order-processing', name: 'Order processing' }],
      industries: [{ slug: 'e-commerce', name: 'E-commerce' }],
      popular: true,
    });
  });

  it('hits carry only the listing fields: no bio, duties, e-mails or status', async () => {
    const res = await search('q=harborline');
    const hit = res.json().hits[0];
    expect(Object.keys(hit).sort()).toEqual(
      [
        'id',
        'slug',
        'name',
        'headline',
        'kind',
        'functions',
        'functionNames',
        'industries',
        'industryNames',
        'languages',
        'timezone',
        'timezoneBand',
        'country',
        'rateMin',
        'rateMax',
        'currency',
        'ratingAvg',
        'ratingCount',
        'verifiedReferenceCount',
        'logoUrl',
        'updatedAt',
      ].sort(),
    );
    expect(res.body).not.toContain('acme-realty.example');
  });

  it.each([
    ['function=astrology', 'function', /no business function/],
    ['industry=space-mining', 'industry', /no industry/],
    ['function=Bad%20Slug', 'function', /Unknown function/],
    ['kind=agency', 'kind', /freelancer/],
    ['tz=mars', 'tz', /americas/],
    ['language=english', 'language', /two-letter/],
    ['rateMin=50&rateMax=10', 'rateMax', /cannot be below/],
    ['rateMin=-1', 'rateMin', /negative/],
    ['rateMin=1e400', 'rateMin', /number/],
    ['page=0', 'page', /starts at 1/],
    ['perPage=500', 'perPage', /at most 50/],
    ['sort=price', 'sort', /Sort by/],
    ['verified=maybe', 'verified', /true or false/],
    ['literal=perhaps', 'literal', /true or false/],
    [`q=${'x'.repeat(201)}`, 'q', /200 characters/],
    ['q=a&q=b', 'q', /./],
    [`${Array.from({ length: 21 }, () => 'function=payroll').join('&')}`, 'function', /at most 20/],
  ])('answers %s with 400 and a message on the field', async (query, field, message) => {
    const res = await search(query);
    expect(res.statusCode, res.body).toBe(400);
    const fields: Record<string, string> = res.json().fields ?? {};
    const key = Object.keys(fields).find((k) => k === field || k.startsWith(`${field}.`));
    expect(key ? fields[key] : res.json().message, res.body).toMatch(message);
  });

  it.each([
    'q=x%22%20OR%20published%20%3D%20false%20OR%20%22',
    "q='%3B%20DROP%20TABLE%20providers%3B%20--",
    'q=%25_%25',
    'q=%5C',
    'q=(customer%20%7C%20service)%20%26%20!payroll%20%3C-%3E%20%3A*',
    'q=%F0%9F%99%82%F0%9F%9A%80%20payroll',
    'q=%00%01',
    'q=%E0%A4%A',
    'q[]=payroll',
    'function[]=payroll',
    'q=payroll&&&=&',
    '__proto__=x&constructor=y',
  ])('answers a hostile query string (%s) normally, never with a 5xx', async (query) => {
    const res = await search(query);
    expect([200, 400], res.body).toContain(res.statusCode);
    if (res.statusCode === 200) {
      expect(res.json().hits.map((h: { id: string }) => h.id)).not.toContain(undefined);
    }
  });
});

describe('GET /search/suggest', () => {
  const suggest = (query: string) => t.app.inject({ url: `/search/suggest?${query}` });

  it('completes functions, industries and “function for industry” pairs, in memory', async () => {
    const res = await suggest('q=bookkeeping%20for%20rest');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.json().suggestions).toEqual([
      {
        kind: 'pair',
        q: 'Bookkeeping for restaurants & food service',
        function: { slug: 'bookkeeping', name: 'Bookkeeping' },
        industry: { slug: 'restaurants-food-service', name: 'Restaurants & food service' },
        hint: null,
      },
    ]);
    const begun = (await suggest('q=payr')).json().suggestions;
    expect(begun[0]).toMatchObject({ kind: 'function', q: 'Payroll' });
    expect((await suggest('q=chase')).json().suggestions[0]).toMatchObject({
      q: 'Bookkeeping',
      hint: 'chase invoice',
    });
    expect((await suggest('q=bookkeeping%20for%20&limit=3')).json().suggestions).toHaveLength(3);
    expect((await suggest('')).json()).toEqual({ suggestions: [] });
    expect((await suggest('q=%F0%9F%9A%80')).json()).toEqual({ suggestions: [] });
  });

  it('a completion, searched, is read as the filters it names', async () => {
    const [first] = (await suggest('q=payroll%20for%20resta')).json().suggestions;
    const body = (await search(`q=${encodeURIComponent(first.q)}`)).json();
    expect(body.understood).toMatchObject({
      functions: [first.function],
      industries: [first.industry],
      text: null,
    });
    expect(body.hits.map((h: { id: string }) => h.id)).toHaveLength(1);
  });

  it.each([
    ['q=a&q=b', 'q', /once/],
    [`q=${'x'.repeat(201)}`, 'q', /200 characters/],
    ['q=pay&limit=0', 'limit', /at least 1/],
    ['q=pay&limit=11', 'limit', /at most 10/],
    ['q=pay&limit=two', 'limit', /number/],
    ['q=pay&function=payroll', 'function', /Unknown parameter: function/],
  ])('answers %s with 400 naming the parameter', async (query, field, message) => {
    const res = await suggest(query);
    expect(res.statusCode, res.body).toBe(400);
    const fields: Record<string, string> = res.json().fields ?? {};
    expect(fields[field] ?? res.json().message, res.body).toMatch(message);
  });
});

describe('logos on hits', () => {
  it('a hit names its logo by the same versioned URL as the profile, and a new logo changes it', async () => {
    const p = await publishedProfile({
      name: 'Wrenfield Ledger Works',
      headline: 'Ledgers for wrenfield farms',
    });
    await drainJobs(t.app);
    const hitOf = async () =>
      (await search('q=wrenfield')).json().hits.find((h: { id: string }) => h.id === p.id) as {
        logoUrl: string | null;
      };
    expect((await hitOf()).logoUrl).toBeNull();
    const upload = await t.app.inject({
      method: 'PUT',
      url: `/providers/${p.id}/logo`,
      headers: { ...me.headers, 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(upload.statusCode, upload.body).toBe(200);
    await drainJobs(t.app);
    expect((await hitOf()).logoUrl).toBe(upload.json().logoUrl);
    const served = await t.app.inject({ url: (await hitOf()).logoUrl! });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
  });
});
