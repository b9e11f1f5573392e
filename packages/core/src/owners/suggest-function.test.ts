import { describe, expect, it } from 'vitest';
import { functions } from '../taxonomy/index.ts';
import { createFunctionMatcher, rankFunctions, stem, suggestFunction } from './suggest-function.ts';

describe('suggestFunction', () => {
  it.each([
    ['chasing unpaid invoices', ['bookkeeping', 'accounting']],
    ['answering the phone', ['customer-service']],
    ['Replying to customer emails', ['customer-service']],
    ['doing payroll', ['payroll']],
    ['updating the website', ['web-maintenance']],
    ['posting on Instagram', ['marketing']],
    ['booking travel', ['virtual-assistance']],
    ['scheduling meetings', ['virtual-assistance']],
    ['entering orders', ['order-processing']],
    ['counting stock', ['inventory-management']],
    ['cold emailing prospects', ['lead-generation']],
    ['reviewing contracts', ['legal']],
    ['onboarding new hires', ['hr-compliance']],
    ['sales tax returns', ['accounting']],
    ['filing paperwork', ['administration']],
    ['following up on quotes', ['sales-support']],
    ['paying supplier bills', ['supplier-bill-reconciliation']],
  ])('“%s” → %s', (task, expected) => {
    expect(expected).toContain(suggestFunction(task));
  });

  it.each(['purple elephant dancing', 'asdf qwer', 'the', '', '   ', 'send'])(
    'suggests nothing for “%s”',
    (task) => {
      expect(suggestFunction(task)).toBeNull();
    },
  );

  it('only ever suggests slugs of the taxonomy', () => {
    const slugs = new Set(functions.map((f) => f.slug));
    for (const m of rankFunctions('invoices phone payroll website orders stock contracts')) {
      expect(slugs.has(m.slug)).toBe(true);
    }
  });

  it('ranks the alternatives best first', () => {
    const ranked = rankFunctions('matching supplier bills to purchase orders');
    expect(ranked.map((m) => m.slug).slice(0, 2)).toEqual(
      expect.arrayContaining(['supplier-bill-reconciliation', 'order-processing']),
    );
    expect(ranked.map((m) => m.score)).toEqual([...ranked.map((m) => m.score)].sort((a, b) => b - a));
  });

  it('works over any taxonomy it is given', () => {
    const matcher = createFunctionMatcher([
      { slug: 'lawn-care', name: 'Lawn care', summary: '', duties: ['Mow the lawn weekly'], benchmarks: [] },
    ]);
    expect(matcher.suggest('mowing lawns')).toBe('lawn-care');
    expect(matcher.suggest('answering the phone')).toBeNull();
  });
});

describe('stem', () => {
  it.each([
    ['chasing', 'chase'],
    ['invoices', 'invoice'],
    ['answering', 'answer'],
    ['companies', 'company'],
    ['billing', 'bill'],
    ['running', 'run'],
    ['calls', 'call'],
  ])('“%s” and “%s” meet', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });
});
