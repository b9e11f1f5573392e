import { describe, expect, it } from 'vitest';
import { groupTsquery, queryTsquery } from './postgres-sql.ts';
import { expandTerms, normalizeQuery, tokenize, usableGroups } from './query.ts';
import { meiliSynonyms } from './synonyms.ts';

describe('tokenize', () => {
  it('keeps lower-case words of letters and digits and drops stop words', () => {
    expect(tokenize('Bookkeeper for my Restaurant, 1099s!')).toEqual(['bookkeeper', 'restaurant', '1099s']);
  });

  it('turns query syntax of either engine into separators', () => {
    expect(tokenize('x" OR published = false OR "')).toEqual(['x', 'published', 'false']);
    expect(tokenize("(a | b) & !c <-> d:* %_\\ '; drop")).toEqual(['b', 'c', 'd', 'drop']);
    expect(tokenize('🙂🚀')).toEqual([]);
  });

  it('bounds very long input', () => {
    expect(tokenize('x'.repeat(10_000))).toEqual(['x'.repeat(40)]);
    expect(tokenize('word '.repeat(500))).toHaveLength(10);
  });

  it('keeps non-Latin letters', () => {
    expect(tokenize('Contabilidad São Paulo 東京')).toEqual(['contabilidad', 'são', 'paulo', '東京']);
  });
});

describe('expandTerms', () => {
  it('matches the longest synonym phrase and lists its equivalents', () => {
    const groups = expandTerms(['customer', 'service', 'real', 'estate']);
    expect(groups.map((g) => g.typed)).toEqual([
      ['customer', 'service'],
      ['real', 'estate'],
    ]);
    expect(groups[0]?.alternatives).toContainEqual(['csr']);
    expect(groups[1]?.alternatives).toContainEqual(['realtor']);
  });

  it('leaves other words alone', () => {
    expect(expandTerms(['quickbooks'])).toEqual([{ typed: ['quickbooks'], alternatives: [['quickbooks']] }]);
  });

  it('prefers "sales support" over "support"', () => {
    expect(expandTerms(['sales', 'support'])[0]?.alternatives).toContainEqual(['appointment', 'setting']);
  });
});

describe('groupTsquery', () => {
  it('ORs the alternatives (a phrase as its words AND-ed) and makes only the typed last word a prefix', () => {
    const [va] = expandTerms(['va']);
    expect(groupTsquery(va!, true)).toBe('va:* | (virtual & assistant) | (virtual & assistance) | assistant');
    const [payr] = expandTerms(['payr']);
    expect(groupTsquery(payr!, true)).toBe('payr:*');
    expect(groupTsquery(payr!, false)).toBe('payr');
  });

  it('adds typo corrections to their group and ANDs the groups', () => {
    const groups = expandTerms(['bookeeping', 'restaurants']);
    expect(queryTsquery(groups, new Map([['bookeeping', ['bookkeeping']]]))).toBe(
      '(bookeeping | bookkeeping) & (restaurants:*)',
    );
    expect(queryTsquery([], new Map())).toBeNull();
  });
});

describe('normalizeQuery', () => {
  it('clamps paging and defaults the sort', () => {
    const q = normalizeQuery({ page: 0, perPage: 500 });
    expect(q).toMatchObject({ page: 1, perPage: 50, offset: 0, sort: 'relevance', matchesNothing: false });
    expect(normalizeQuery({ page: 3, perPage: 20 }).offset).toBe(40);
    expect(normalizeQuery({ page: Infinity, perPage: Number.NaN })).toMatchObject({
      page: 10_000,
      perPage: 1,
    });
  });

  it('treats empty lists as no filter and impossible values as no match', () => {
    expect(normalizeQuery({ page: 1, perPage: 5, functions: [] }).functions).toBeUndefined();
    expect(normalizeQuery({ page: 1, perPage: 5, functions: ['a\u0000'] }).matchesNothing).toBe(true);
  });
});

describe('meiliSynonyms', () => {
  it('maps every term of a group to all the others, both ways', () => {
    const synonyms = meiliSynonyms([['va', 'virtual assistant']]);
    expect(synonyms).toEqual({ va: ['virtual assistant'], 'virtual assistant': ['va'] });
    expect(meiliSynonyms().bookkeeper).toEqual(['bookkeeping', 'accounting', 'accountant']);
  });
});

describe('usableGroups', () => {
  it('keeps the groups some provider has and reports the others; keeps all when none matches', () => {
    expect(usableGroups(['payroll', 'xylophonist'], (i) => i === 0)).toEqual({
      kept: ['payroll'],
      ignored: ['xylophonist'],
    });
    expect(usableGroups(['xylophonist', 'zanzibarian'], () => false)).toEqual({
      kept: ['xylophonist', 'zanzibarian'],
      ignored: [],
    });
  });
});
