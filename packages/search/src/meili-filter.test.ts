import { describe, expect, it } from 'vitest';
import { buildMeiliFilter, buildMeiliSort, preferenceTiers, quote } from './meili-filter.ts';
import { normalizeQuery } from './query.ts';

describe('quote', () => {
  it('wraps a plain value in double quotes', () => {
    expect(quote('bookkeeping')).toBe('"bookkeeping"');
  });

  it('escapes double quotes so a value cannot close the string', () => {
    expect(quote('x" OR published = false OR "')).toBe('"x\\" OR published = false OR \\""');
  });

  it('escapes backslashes before quotes, so a trailing backslash cannot eat the closing quote', () => {
    expect(quote('\\')).toBe('"\\\\"');
    expect(quote('a\\"b')).toBe('"a\\\\\\"b"');
    expect(quote('x\\" OR published = false OR \\"')).toBe('"x\\\\\\" OR published = false OR \\\\\\""');
  });

  it('leaves single quotes, brackets and other syntax alone inside the string', () => {
    expect(quote("it's [a] (test) = 1 AND")).toBe('"it\'s [a] (test) = 1 AND"');
  });

  it('round-trips: unescaping the literal gives the value back', () => {
    const hostile = ['x" OR published = false OR "', '\\', '\\\\"', '"]', 'emoji 🙂', 'new\nline'];
    for (const value of hostile) {
      const literal = quote(value);
      expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
      const body = literal.slice(1, -1);
      // No unescaped quote inside: every quote is preceded by an odd number of backslashes.
      for (const match of body.matchAll(/(\\*)"/g)) expect((match[1] ?? '').length % 2).toBe(1);
      expect(body.replace(/\\(.)/gs, '$1')).toBe(value);
    }
  });
});

describe('buildMeiliFilter', () => {
  const filter = (q: Parameters<typeof normalizeQuery>[0]) => buildMeiliFilter(normalizeQuery(q));

  it('always keeps unpublished documents out', () => {
    expect(filter({ page: 1, perPage: 10 })).toBe('published = true');
  });

  it('ORs values within a facet and ANDs facets, every value quoted', () => {
    expect(
      filter({
        page: 1,
        perPage: 10,
        functions: ['payroll', 'bookkeeping'],
        industries: ['construction'],
        kinds: ['firm'],
        languages: ['en'],
        timezoneBands: ['americas'],
        verifiedOnly: true,
      }),
    ).toBe(
      'published = true AND functions IN ["payroll", "bookkeeping"] AND industries IN ["construction"]' +
        ' AND kind IN ["firm"] AND languages IN ["en"] AND timezoneBand IN ["americas"] AND verified = true',
    );
  });

  it('matches overlapping rate ranges', () => {
    expect(filter({ page: 1, perPage: 10, rateMin: 20, rateMax: 30.5 })).toBe(
      'published = true AND rateMaxUsd >= 20 AND rateMinUsd <= 30.5',
    );
  });

  it('keeps hostile values inside their quotes', () => {
    const f = filter({ page: 1, perPage: 10, functions: ['x" OR published = false OR "'] });
    expect(f).toBe('published = true AND functions IN ["x\\" OR published = false OR \\""]');
  });

  it('never writes numbers in exponent notation and ignores non-finite ones', () => {
    expect(filter({ page: 1, perPage: 10, rateMin: 1e-9, rateMax: 1e30 })).toBe(
      'published = true AND rateMaxUsd >= 0 AND rateMinUsd <= 1000000000',
    );
    expect(filter({ page: 1, perPage: 10, rateMin: Number.NaN, rateMax: Infinity })).toBe('published = true');
  });
});

describe('buildMeiliSort', () => {
  it('leaves relevance with text to the ranking rules and ends every other order with the id', () => {
    expect(buildMeiliSort('relevance', true)).toBeUndefined();
    expect(buildMeiliSort('relevance', false)?.at(-1)).toBe('id:asc');
    expect(buildMeiliSort('rate_asc', true)).toEqual(['rateMinUsd:asc', 'rateMaxUsd:asc', 'id:asc']);
    expect(buildMeiliSort('rating', false)).toEqual(['ratingSort:desc', 'ratingCount:desc', 'id:asc']);
  });
});

describe('preferenceTiers', () => {
  const tiers = (q: string, sort?: 'rate_asc') =>
    preferenceTiers(normalizeQuery({ q, page: 1, perPage: 10, sort }));

  it('orders function and industry, function, industry, neither, as Postgres ranks them', () => {
    expect(tiers('payroll for restaurants')).toEqual([
      'functions IN ["payroll"] AND industries IN ["restaurants-food-service"]',
      'functions IN ["payroll"] AND NOT industries IN ["restaurants-food-service"]',
      'NOT functions IN ["payroll"] AND industries IN ["restaurants-food-service"]',
      'NOT functions IN ["payroll"] AND NOT industries IN ["restaurants-food-service"]',
    ]);
    expect(tiers('chase invoices')).toEqual([
      'functions IN ["bookkeeping"]',
      'NOT functions IN ["bookkeeping"]',
    ]);
  });

  it('is empty for words that mean no function or industry, and for explicit sorts', () => {
    expect(tiers('quillfeather')).toEqual([]);
    expect(tiers('payroll', 'rate_asc')).toEqual([]);
  });
});
