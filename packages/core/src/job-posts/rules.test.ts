import { describe, expect, it } from 'vitest';
import { functions } from '../taxonomy/index.ts';
import type { JobPostRecord, JobPostWrite } from './ports.ts';
import { fromPackage, fromTemplate, resolveDraft } from './prefill.ts';
import { changedFields, listInWords, missingForPublish, validateJobPost } from './rules.ts';
import { budgetPerWeek } from './value.ts';

const write = (overrides: Partial<JobPostWrite> = {}) =>
  resolveDraft(fromTemplate(functions[0]!), {
    summary: 'Keep the books current and close every month by the tenth.',
    budgetMin: 25,
    budgetMax: 40,
    hoursPerWeek: 5,
    ...overrides,
  })!;

const stored = (w: JobPostWrite): JobPostRecord => ({
  ...w,
  id: 'job',
  ownerId: 'owner',
  status: 'open',
  revision: 0,
  duties: w.duties.map((d, i) => ({ id: `d${i}`, text: d.text })),
  benchmarks: w.benchmarks.map((b, i) => ({ ...b, id: `b${i}` })),
  // Stored JSON comes back with its keys reordered.
  trainingLinks: w.trainingLinks.map((l) => ({ url: l.url, label: l.label })),
  publishedAt: null,
  closedAt: null,
  createdAt: new Date(),
  updatedAt: new Date(),
});

describe('missingForPublish', () => {
  it('is empty for a complete job and lists every gap at once otherwise', () => {
    expect(missingForPublish(write(), '2026-01-01')).toEqual([]);
    const gaps = missingForPublish(
      write({
        summary: 'Too short',
        duties: [],
        benchmarks: [],
        budgetMin: null,
        budgetMax: null,
        hoursPerWeek: null,
      }),
      '2026-01-01',
    );
    expect(gaps.map((g) => g.field)).toEqual([
      'summary',
      'duties',
      'benchmarks',
      'budgetMin',
      'budgetMax',
      'hoursPerWeek',
    ]);
  });

  it('asks a fixed-price job for its duration instead of hours, and a start date not yet passed', () => {
    const fixed = write({ budgetBasis: 'fixed', hoursPerWeek: null, startBy: '2025-12-31' });
    expect(missingForPublish(fixed, '2026-01-01').map((g) => g.field)).toEqual(['durationWeeks', 'startBy']);
  });
});

describe('changedFields', () => {
  it('names what an edit changed, in words, and nothing for the same job', () => {
    const before = stored(write({ trainingLinks: [{ label: 'Guide', url: 'https://x.example/g' }] }));
    expect(
      changedFields(before, write({ trainingLinks: [{ label: 'Guide', url: 'https://x.example/g' }] })),
    ).toEqual([]);
    const after = write({
      trainingLinks: [{ label: 'Guide', url: 'https://x.example/g' }],
      budgetMax: 50,
      duties: [{ text: 'Only this now' }],
      underBudgetBonus: '$100 if under budget',
    });
    const changes = changedFields(before, after);
    expect(changes).toEqual(['duties', 'budget', 'incentives']);
    expect(listInWords(changes)).toBe('the duties, budget and incentives');
    expect(listInWords(['title'])).toBe('the title');
  });
});

describe('validateJobPost', () => {
  it('refuses ids of duties the job does not have, and a prefilled budget upside down', () => {
    const current = stored(write());
    expect(() => validateJobPost(write({ duties: [{ id: 'd0', text: 'Kept' }] }), current)).not.toThrow();
    expect(() => validateJobPost(write({ duties: [{ id: 'elsewhere', text: 'Moved' }] }), current)).toThrow(
      /not part of this job/,
    );
    expect(() => validateJobPost(write({ budgetMin: 90 }), null)).toThrow(/cannot be below/);
  });
});

describe('starting points', () => {
  it('a package gives its duties and price under the function that covers most of them', () => {
    const payroll = functions.find((f) => f.slug === 'payroll')!;
    const provider = {
      id: 'p',
      name: 'P',
      slug: 'p',
      kind: 'firm' as const,
      headline: '',
      currency: 'EUR',
      functions: [
        { slug: 'bookkeeping', duties: [] },
        { slug: 'payroll', duties: payroll.duties.slice(0, 2) },
      ],
      industries: ['retail'],
      packages: [
        {
          id: 'k',
          name: 'Payroll run',
          price: 300,
          billing: 'monthly' as const,
          duties: payroll.duties.slice(0, 2),
        },
      ],
    };
    expect(fromPackage(provider, 'k')).toMatchObject({
      title: 'Payroll run',
      functionSlug: 'payroll',
      industrySlug: 'retail',
      budgetBasis: 'monthly',
      budgetMin: 300,
      budgetMax: 300,
      currency: 'EUR',
      duties: payroll.duties.slice(0, 2).map((text) => ({ text })),
    });
    expect(fromPackage(provider, 'missing')).toBeNull();
  });

  it('a blank start without a function resolves to nothing', () => {
    expect(resolveDraft({}, { title: 'Help' })).toBeNull();
    expect(resolveDraft({}, { functionSlug: 'payroll' })).toMatchObject({
      title: 'Payroll',
      visibility: 'public',
    });
  });
});

describe('budgetPerWeek', () => {
  it('turns each basis into a weekly cost, or null when it cannot', () => {
    const base = { budgetMin: 10, budgetMax: 20, hoursPerWeek: 4, durationWeeks: null };
    expect(budgetPerWeek({ ...base, budgetBasis: 'hourly' })).toEqual({ min: 40, max: 80 });
    expect(budgetPerWeek({ ...base, budgetBasis: 'monthly', budgetMin: 520, budgetMax: 1040 })).toEqual({
      min: 120,
      max: 240,
    });
    expect(budgetPerWeek({ ...base, budgetBasis: 'fixed' })).toBeNull();
    expect(budgetPerWeek({ ...base, budgetBasis: 'fixed', durationWeeks: 2 })).toEqual({ min: 5, max: 10 });
  });
});
