import { describe, it, expect } from 'vitest';
import { functions, industries, findFunction, findIndustry, TAXONOMY_VERSION } from './index.ts';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const REQUIRED_FUNCTIONS = [
  'bookkeeping',
  'accounting',
  'payroll',
  'customer-service',
  'virtual-assistance',
  'web-maintenance',
  'marketing',
  'sales-support',
  'legal',
  'administration',
  'order-processing',
  'inventory-management',
  'supplier-bill-reconciliation',
  'hr-compliance',
  'lead-generation',
];

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe('taxonomy version', () => {
  it('is a dated version string', () => {
    expect(TAXONOMY_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
  });
});

describe('functions', () => {
  it('has unique kebab-case slugs', () => {
    const slugs = functions.map((f) => f.slug);
    expect(duplicates(slugs)).toEqual([]);
    for (const slug of slugs) expect(slug).toMatch(KEBAB);
  });

  it('includes every required function', () => {
    const slugs = new Set(functions.map((f) => f.slug));
    for (const slug of REQUIRED_FUNCTIONS) expect(slugs.has(slug), slug).toBe(true);
  });

  it('has a name and summary for each function', () => {
    for (const f of functions) {
      expect(f.name.trim(), f.slug).not.toBe('');
      expect(f.summary.trim(), f.slug).not.toBe('');
    }
  });

  it('has at least 5 unique, non-empty duties per function', () => {
    for (const f of functions) {
      expect(f.duties.length, f.slug).toBeGreaterThanOrEqual(5);
      for (const duty of f.duties) expect(duty.trim(), f.slug).not.toBe('');
      expect(duplicates(f.duties.map((d) => d.trim().toLowerCase())), f.slug).toEqual([]);
    }
  });

  it('has at least 3 benchmarks per function with non-empty fields', () => {
    for (const f of functions) {
      expect(f.benchmarks.length, f.slug).toBeGreaterThanOrEqual(3);
      for (const b of f.benchmarks) {
        expect(b.objective.trim(), f.slug).not.toBe('');
        expect(b.target.trim(), `${f.slug}: ${b.objective}`).not.toBe('');
        expect(b.due.trim(), `${f.slug}: ${b.objective}`).not.toBe('');
      }
    }
  });
});

describe('industries', () => {
  it('has at least 15 industries', () => {
    expect(industries.length).toBeGreaterThanOrEqual(15);
  });

  it('has unique kebab-case slugs', () => {
    const slugs = industries.map((i) => i.slug);
    expect(duplicates(slugs)).toEqual([]);
    for (const slug of slugs) expect(slug).toMatch(KEBAB);
  });

  it('has a name and summary for each industry', () => {
    for (const i of industries) {
      expect(i.name.trim(), i.slug).not.toBe('');
      expect(i.summary.trim(), i.slug).not.toBe('');
    }
  });
});

describe('find helpers', () => {
  it('finds a function by slug', () => {
    expect(findFunction('sales-support')?.name).toBe('Sales support & appointment setting');
    expect(findFunction('hr-compliance')?.name).toBe('HR & compliance');
  });

  it('finds an industry by slug', () => {
    expect(findIndustry('real-estate')?.slug).toBe('real-estate');
    expect(findIndustry('promotional-products')?.slug).toBe('promotional-products');
  });

  it('returns undefined for unknown slugs', () => {
    expect(findFunction('does-not-exist')).toBeUndefined();
    expect(findIndustry('does-not-exist')).toBeUndefined();
    expect(findFunction('')).toBeUndefined();
    expect(findIndustry('bookkeeping')).toBeUndefined();
  });
});
