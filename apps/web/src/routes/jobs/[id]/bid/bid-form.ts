import type { BidView } from '@handoff/contracts';
import { readFields } from '$lib/server/forms.ts';

/**
 * The bid form's fields as text, named as the api names them (`coverage.2.note`,
 * `benchmarks.0.commitment`), to refill the form.
 */
export type BidValues = Record<string, string>;

const TERMS = [
  'price',
  'priceBasis',
  'currency',
  'estimatedHours',
  'startDate',
  'durationWeeks',
  'coverNote',
  'packageId',
  'providerId',
  'bidId',
] as const;

export interface Duty {
  id: string;
  text: string;
}

export interface Benchmark {
  id: string;
}

export interface PackageChoice {
  id: string;
  name: string;
  billing: 'hourly' | 'monthly' | 'fixed';
  price: number;
  currency: string;
  providerId: string;
  providerName: string;
}

/**
 * A fresh bid starts from the job's own terms; the coverage and commitments are left for the
 * provider to answer.
 */
export function valuesForJob(
  job: { budgetBasis: string; currency: string; durationWeeks: number | null },
  duties: Duty[],
  benchmarks: Benchmark[],
): BidValues {
  const values: BidValues = {
    priceBasis: job.budgetBasis,
    currency: job.currency,
    durationWeeks: job.durationWeeks === null ? '' : String(job.durationWeeks),
  };
  duties.forEach((duty, i) => (values[`coverage.${i}.dutyId`] = duty.id));
  benchmarks.forEach((b, i) => (values[`benchmarks.${i}.benchmarkId`] = b.id));
  return values;
}

/**
 * A bid being revised: its terms, and its answers for the job's duties and benchmarks as they are
 * now (one the owner added since is left unanswered).
 */
export function valuesFromBid(
  bid: BidView,
  duties: Duty[],
  benchmarks: Benchmark[],
  packages: PackageChoice[],
): BidValues {
  const text = (n: number | null) => (n === null ? '' : String(n));
  // The bid keeps a copy of its package, not its id: find the one it was made from, if it still exists.
  const pkg = bid.package
    ? packages.find((p) => p.name === bid.package!.name && p.billing === bid.package!.billing)
    : undefined;
  const values: BidValues = {
    price: String(bid.price),
    priceBasis: bid.priceBasis,
    currency: bid.currency,
    estimatedHours: text(bid.estimatedHours),
    startDate: bid.startDate ?? '',
    durationWeeks: text(bid.durationWeeks),
    coverNote: bid.coverNote,
    packageId: pkg?.id ?? '',
    providerId: bid.provider.id,
    bidId: bid.id,
  };
  duties.forEach((duty, i) => {
    const answer = bid.coverage.find((c) => c.dutyId === duty.id);
    values[`coverage.${i}.dutyId`] = duty.id;
    values[`coverage.${i}.coverage`] = answer?.coverage ?? '';
    values[`coverage.${i}.note`] = answer?.note ?? '';
  });
  benchmarks.forEach((benchmark, i) => {
    const answer = bid.benchmarks.find((b) => b.benchmarkId === benchmark.id);
    values[`benchmarks.${i}.benchmarkId`] = benchmark.id;
    values[`benchmarks.${i}.commitment`] = answer?.commitment ?? '';
    values[`benchmarks.${i}.note`] = answer?.note ?? '';
  });
  return values;
}

const number = (text: string | undefined) => (text?.trim() ? Number(text.trim()) : undefined);

/**
 * Reads the posted form: the text as typed (to refill the form), and the body for the api, built so
 * the shared schema gives its own messages (an empty price is missing, "12,5" is not a number).
 */
export function readBidForm(data: FormData): { values: BidValues; body: Record<string, unknown> } {
  const values: BidValues = readFields(data, TERMS);
  const coverage: { dutyId: string; coverage: string | undefined; note: string }[] = [];
  for (let i = 0; data.has(`coverage.${i}.dutyId`); i += 1) {
    const row = readFields(data, [`coverage.${i}.dutyId`, `coverage.${i}.coverage`, `coverage.${i}.note`]);
    Object.assign(values, row);
    coverage.push({
      dutyId: row[`coverage.${i}.dutyId`]!,
      coverage: row[`coverage.${i}.coverage`] || undefined,
      note: row[`coverage.${i}.note`] ?? '',
    });
  }
  const benchmarks: { benchmarkId: string; commitment: string | undefined; note: string }[] = [];
  for (let i = 0; data.has(`benchmarks.${i}.benchmarkId`); i += 1) {
    const keys = [`benchmarks.${i}.benchmarkId`, `benchmarks.${i}.commitment`, `benchmarks.${i}.note`];
    const row = readFields(data, keys);
    Object.assign(values, row);
    benchmarks.push({
      benchmarkId: row[keys[0]!]!,
      commitment: row[keys[1]!] || undefined,
      note: row[keys[2]!] ?? '',
    });
  }
  const body: Record<string, unknown> = {
    price: number(values.price),
    priceBasis: values.priceBasis || undefined,
    currency: values.currency || undefined,
    estimatedHours: values.estimatedHours?.trim() ? number(values.estimatedHours) : null,
    startDate: values.startDate || null,
    durationWeeks: values.durationWeeks?.trim() ? number(values.durationWeeks) : null,
    coverNote: values.coverNote ?? '',
    packageId: values.packageId || null,
    coverage,
    benchmarks,
  };
  if (values.providerId) body.providerId = values.providerId;
  return { values, body };
}
