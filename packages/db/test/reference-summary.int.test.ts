import type { NewReferenceAnswer } from '@handoff/core/references';
import { companyKey } from '@handoff/core/references';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferencesRepository, type Database } from '../src/index.ts';
import { rowsOf } from '../src/repositories/sql-helpers.ts';
import { openTestDatabase } from '../src/testing.ts';

// What a provider's verified answers add up to: per duty (by its normalised text), per function ×
// industry of the customers, overall; flagged and rejected answers and unperformed duties left out.

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const at = new Date('2027-02-01T10:00:00Z');
let n = 0;

async function aProvider(): Promise<string> {
  n += 1;
  const [row] = await rowsOf<{ id: string }>(
    database.db,
    sql`INSERT INTO providers (slug, name, kind, status) VALUES (${`summary-${n}-${Date.now()}`}, 'Summary Desk', 'firm', 'published') RETURNING id`,
  );
  return row!.id;
}

/** A request and its answer, as the form service stores them. */
async function answered(
  providerId: string,
  fn: string,
  industry: string,
  duties: {
    duty: string;
    performed?: boolean;
    quality: number;
    timeliness: number;
    benchmark: 'met' | 'partly' | 'missed';
  }[],
  status: NewReferenceAnswer['status'] = 'verified',
) {
  n += 1;
  const repo = createReferencesRepository(database.db);
  const [request] = await repo.insertRequests([
    {
      providerId,
      bidId: null,
      requestedBy: null,
      name: `Customer ${n}`,
      email: `customer-${n}@company-${n}.example`,
      company: `Company ${n}`,
      role: 'Owner',
      periodFrom: '2024-01-01',
      periodTo: null,
      functionSlug: fn,
      contactDuties: duties.map((d) => d.duty),
      duties: duties.map((d) => ({ id: null, text: d.duty })),
      expiresAt: new Date(at.getTime() + 14 * 86_400_000),
      at,
    },
  ]);
  const id = await repo.insertAnswer(
    request!.id,
    providerId,
    {
      status,
      flags: status === 'flagged' ? [{ kind: 'burst', detail: 'test' }] : [],
      company: `Company ${n}`,
      companyKey: companyKey(`Company ${n}`),
      role: 'Owner',
      industrySlug: industry,
      periodFrom: '2024-01-01',
      periodTo: null,
      dutiesContracted: duties.map((d) => d.duty),
      mismatches: [],
      duties: duties.map((d) => ({
        dutyId: null,
        duty: d.duty,
        performed: d.performed ?? true,
        quality: d.performed === false ? null : d.quality,
        timeliness: d.performed === false ? null : d.timeliness,
        benchmark: d.performed === false ? 'none' : d.benchmark,
        example: '',
      })),
      communication: 4,
      reliability: 4,
      costVersusQuote: 'as_quoted',
      problemsHandled: '',
      wouldRehire: 'yes',
      recommend: 8,
      advice: '',
      privateNote: '',
      score: 4,
      ip: null,
      userAgent: null,
    },
    at,
  );
  expect(id).toBeTruthy();
  await repo.refreshProviderStats(providerId);
}

describe('a provider’s reference summary', () => {
  it('aggregates verified answers per duty, per function × industry and overall', async () => {
    const provider = await aProvider();
    const books = 'Reconcile bank accounts monthly';
    await answered(provider, 'bookkeeping', 'real-estate', [
      { duty: books, quality: 5, timeliness: 4, benchmark: 'met' },
      { duty: 'Send invoices', quality: 3, timeliness: 3, benchmark: 'partly' },
    ]);
    // The same duty written differently still meets the first; one duty not performed is left out.
    await answered(provider, 'bookkeeping', 'real-estate', [
      { duty: '  reconcile BANK accounts   monthly', quality: 3, timeliness: 2, benchmark: 'missed' },
      { duty: 'Send invoices', performed: false, quality: 0, timeliness: 0, benchmark: 'met' },
    ]);
    await answered(provider, 'customer-service', 'healthcare', [
      { duty: 'Answer the phone', quality: 4, timeliness: 5, benchmark: 'met' },
    ]);
    // Neither a held nor a rejected answer counts.
    await answered(
      provider,
      'bookkeeping',
      'legal',
      [{ duty: books, quality: 1, timeliness: 1, benchmark: 'missed' }],
      'flagged',
    );
    await answered(
      provider,
      'bookkeeping',
      'legal',
      [{ duty: books, quality: 1, timeliness: 1, benchmark: 'missed' }],
      'rejected',
    );

    const summary = await createReferencesRepository(database.db).summary(provider);
    expect(summary.verifiedCount).toBe(3);
    expect(summary.score).toBe(4);
    expect(summary.recommendAvg).toBe(8);
    expect(summary.wouldRehire).toBe(3);
    const byDuty = new Map(summary.duties.map((d) => [d.duty.trim().toLowerCase().replace(/\s+/g, ' '), d]));
    expect(byDuty.get('reconcile bank accounts monthly')).toMatchObject({
      answers: 2,
      quality: 4,
      timeliness: 3,
      met: 1,
      partly: 0,
      missed: 1,
    });
    expect(byDuty.get('send invoices')).toMatchObject({ answers: 1, quality: 3, partly: 1 });
    expect(byDuty.get('answer the phone')).toMatchObject({ answers: 1, quality: 4, timeliness: 5 });
    expect(summary.industries).toEqual([
      { function: 'bookkeeping', industry: 'real-estate', count: 2 },
      { function: 'customer-service', industry: 'healthcare', count: 1 },
    ]);
    const [row] = await rowsOf<{ n: number; avg: string; count: number }>(
      database.db,
      sql`SELECT verified_reference_count AS n, rating_avg AS avg, rating_count AS count FROM providers WHERE id = ${provider}`,
    );
    expect(row).toMatchObject({ n: 3, count: 3 });
    expect(Number(row!.avg)).toBe(4);
  });

  it('is empty, not zero, for a provider nobody vouched for', async () => {
    const provider = await aProvider();
    const summary = await createReferencesRepository(database.db).summary(provider);
    expect(summary).toEqual({
      verifiedCount: 0,
      score: null,
      wouldRehire: 0,
      recommendAvg: null,
      duties: [],
      industries: [],
    });
  });
});
