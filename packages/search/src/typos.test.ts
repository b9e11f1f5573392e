import { describe, expect, it } from 'vitest';
import { expandTerms } from './query.ts';
import { corrections, editDistance, fuzzyCandidates, vocabulary } from './typos.ts';

describe('typo tolerance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('bookeeping', 'bookkeeping', 2)).toBe(1);
    expect(editDistance('virtaul', 'virtual', 2)).toBe(1);
    expect(editDistance('servce', 'service', 2)).toBe(1);
    expect(editDistance('payroll', 'payroll', 2)).toBe(0);
    expect(editDistance('retail', 'detail', 2)).toBe(1);
    expect(editDistance('abc', 'xyzxyz', 2)).toBe(3);
  });

  it('allows one typo from 5 letters and two from 9, only for words the index does not know', () => {
    expect(corrections('custmer', false, ['customer', 'customers', 'custom'])).toEqual(['customer']);
    expect(corrections('bokkeepign', false, ['bookkeeping', 'bookkeeper'])).toEqual(['bookkeeping']);
    expect(corrections('retail', true, ['detail'])).toEqual([]);
    expect(corrections('payrl', false, ['payroll'])).toEqual([]);
  });

  it('only considers single typed words of five letters or more, not synonym phrases', () => {
    const groups = expandTerms(['customer', 'service', 'bookeeping', 'tax', 'payr']);
    expect(fuzzyCandidates(groups)).toEqual([{ word: 'bookeeping', prefix: false }]);
    expect(fuzzyCandidates(expandTerms(['reconcile', 'invoices']))).toEqual([
      { word: 'reconcile', prefix: false },
      { word: 'invoices', prefix: true },
    ]);
  });

  it('collects sorted, lower-cased words of 4 to 40 letters', () => {
    expect(vocabulary(['Reconcile bank accounts', 'The BANK of Zoë’s Café'])).toEqual([
      'accounts',
      'bank',
      'café',
      'reconcile',
    ]);
  });
});
