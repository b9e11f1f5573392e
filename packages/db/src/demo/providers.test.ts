import { providerInput } from '@handoff/contracts';
import { missingForPublish, timezoneBand, validateProfile } from '@handoff/core/providers';
import { functions, industries } from '@handoff/core/taxonomy';
import { describe, expect, it } from 'vitest';
import { DEMO_PROVIDER_COUNT, DEMO_SEED, demoProvider, demoProviders } from './providers.ts';
import { demoReferences } from './references.ts';

const demo = [...demoProviders(DEMO_SEED, 0, DEMO_PROVIDER_COUNT)];

describe('demo provider generator', () => {
  it('is deterministic: the same seed gives the same providers, another seed others', () => {
    const again = [...demoProviders(DEMO_SEED, 0, 5)];
    expect(again).toEqual(demo.slice(0, 5));
    expect(demoProvider(DEMO_SEED, 123)).toEqual(demo[123]);
    const other = [...demoProviders('another-seed', 0, 5)];
    expect(other.map((p) => p.write.name)).not.toEqual(demo.slice(0, 5).map((p) => p.write.name));
  });

  it('covers every function × industry pair in the 300 demo providers', () => {
    const pairs = new Set(
      demo.flatMap((p) => p.write.functions.flatMap((f) => p.write.industries.map((i) => `${f.slug}|${i}`))),
    );
    for (const f of functions)
      for (const i of industries) expect(pairs, `${f.slug} × ${i.slug}`).toContain(`${f.slug}|${i.slug}`);
  });

  it('makes profiles that pass the API validation and are complete enough to publish', () => {
    const now = new Date(Date.UTC(2026, 10, 1));
    for (const p of demo) {
      const parsed = providerInput.safeParse(p.write);
      expect(parsed.error?.issues ?? [], p.write.name).toEqual([]);
      expect(() => validateProfile(parsed.data!, now), p.write.name).not.toThrow();
      expect(missingForPublish(p.write), p.write.name).toEqual([]);
    }
    expect(new Set(demo.map((p) => p.write.slug)).size).toBe(demo.length);
    expect(new Set(demo.map((p) => p.owner.email)).size).toBe(demo.length);
  });

  it('prices by country and spreads across kinds, bands, ratings and references', () => {
    const median = (codes: string[]) => {
      const rates = demo.filter((p) => codes.includes(p.write.country!)).map((p) => p.write.rateMin!);
      return rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)]!;
    };
    expect(median(['US', 'GB', 'CA', 'AU'])).toBeGreaterThan(2 * median(['PH', 'IN', 'PK', 'KE']));
    expect(new Set(demo.map((p) => p.write.kind))).toEqual(
      new Set(['freelancer', 'virtual_assistant', 'firm']),
    );
    expect(new Set(demo.map((p) => timezoneBand(p.write.timezone!))).size).toBe(3);
    // Ratings come from reference answers: some providers have none, most have a few.
    const answered = demo.map((p, i) => demoReferences(DEMO_SEED, i, p).responses.length);
    expect(answered.some((n) => n === 0)).toBe(true);
    expect(answered.filter((n) => n >= 2).length).toBeGreaterThan(DEMO_PROVIDER_COUNT / 4);
    expect(demo.every((p) => p.write.languages.includes('en') || p.write.country === 'DE')).toBe(true);
  });

  it('gives provider #0 to the demo account under its own name', () => {
    const p = demoProvider(DEMO_SEED, 0, {
      email: 'provider@demo.handoff.test',
      first: 'Priya',
      last: 'Provider',
    });
    expect(p.write).toMatchObject({ name: 'Priya Provider', kind: 'freelancer', slug: 'priya-provider-1' });
    expect(p.owner.email).toBe('provider@demo.handoff.test');
    expect(p.write.bio).toMatch(/^I'm Priya,/);
  });

  it('generates 10,000 in well under a second each thousand', () => {
    const started = performance.now();
    let n = 0;
    for (const _ of demoProviders(DEMO_SEED, 50_000, 10_000)) n += 1;
    expect(n).toBe(10_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
