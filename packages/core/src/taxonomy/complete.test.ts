import { describe, expect, it } from 'vitest';
import { complete } from './complete.ts';
import { functions } from './functions.ts';
import { industries } from './industries.ts';
import { understand } from './understand.ts';

const qs = (text: string) => complete(text).map((c) => c.q);

/** What search would filter by for these words (the service keeps functions within 60 % of the best). */
function filtersOf(q: string) {
  const u = understand(q);
  const best = u.functions[0]?.score ?? 0;
  return {
    functions: u.functions.filter((f) => f.score >= best * 0.6).map((f) => f.slug),
    industries: u.industries.map((i) => i.slug),
    rest: u.rest,
  };
}

describe('complete', () => {
  it('offers functions and industries by the start of a name or an owner word', () => {
    expect(qs('book')[0]).toBe('Bookkeeping');
    expect(qs('payr')).toEqual(['Payroll']);
    expect(qs('restaur')).toEqual(['Restaurants & food service']);
    expect(qs('cust serv')[0]).toBe('Customer service');
    // Found by an owner word: the list says which.
    expect(complete('chase')[0]).toMatchObject({ q: 'Bookkeeping', hint: 'chase invoice' });
    expect(complete('plumb')[0]).toMatchObject({ q: 'Home services', kind: 'industry', hint: 'plumber' });
    expect(complete('book')[0]).toMatchObject({ hint: null });
  });

  it('offers “function for industry” pairs once the owner types “for”, or names both', () => {
    expect(qs('bookkeeping for rest')).toEqual(['Bookkeeping for restaurants & food service']);
    expect(qs('bookkeeping for restaurants')).toEqual(['Bookkeeping for restaurants & food service']);
    expect(qs('va for a law')).toEqual(['Virtual assistance for legal services']);
    expect(qs('someone to do my books for my caf')).toEqual(['Bookkeeping for restaurants & food service']);
    expect(qs('payroll rest')[0]).toBe('Payroll for restaurants & food service');
    expect(qs('dentist billing')[0]).toBe('Bookkeeping for healthcare');
    // Nothing after "for" yet: the industries in the taxonomy's order, up to the limit.
    const open = complete('bookkeeping for ', 5);
    expect(open.map((c) => c.industry?.slug)).toEqual(industries.slice(0, 5).map((i) => i.slug));
    expect(qs('bookkeeping f')).toEqual(qs('bookkeeping for'));
    expect(complete('bookkeeping for rest')[0]).toMatchObject({
      kind: 'pair',
      function: { slug: 'bookkeeping', name: 'Bookkeeping' },
      industry: { slug: 'restaurants-food-service', name: 'Restaurants & food service' },
    });
  });

  it('forgives typos as search does', () => {
    expect(qs('bokkeep')[0]).toBe('Bookkeeping');
    expect(qs('bookeeping for resturants')).toEqual(['Bookkeeping for restaurants & food service']);
  });

  it.each(['', ' ', 'b', '🚀', '??', 'zzqx', 'xylophonist', 'for'])('offers nothing for “%s”', (text) => {
    expect(complete(text)).toEqual([]);
  });

  it('keeps to the limit, without repeats', () => {
    const list = complete('bookkeeping for ', 30);
    expect(list).toHaveLength(industries.length);
    expect(new Set(list.map((c) => c.q)).size).toBe(list.length);
    expect(complete('e', 3).length).toBeLessThanOrEqual(3);
  });

  // The promise of a completion: searched, its words are read as exactly its function and industry.
  it.each(functions.map((f) => [f.name, f.slug]))('“%s” is searched as the function %s', (name, slug) => {
    const c = complete(name).find((x) => x.function?.slug === slug && x.kind === 'function');
    expect(c?.q).toBe(name);
    expect(filtersOf(name)).toEqual({ functions: [slug], industries: [], rest: [] });
  });

  it.each(industries.map((i) => [i.name, i.slug]))('“%s” is searched as the industry %s', (name, slug) => {
    const c = complete(name).find((x) => x.industry?.slug === slug && x.kind === 'industry');
    expect(c?.q).toBe(name);
    expect(filtersOf(name)).toEqual({ functions: [], industries: [slug], rest: [] });
  });

  it('every “function for industry” pair is searched as that function and industry', () => {
    const wrong: string[] = [];
    for (const f of functions) {
      for (const c of complete(`${f.name} for `, industries.length)) {
        const got = filtersOf(c.q);
        const want = { functions: [c.function!.slug], industries: [c.industry!.slug], rest: [] };
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${c.q} → ${JSON.stringify(got)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
