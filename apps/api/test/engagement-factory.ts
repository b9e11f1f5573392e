import { engagementStart } from '@handoff/core/bids';
import { firstDue } from '@handoff/core/reviews';
import { createEngagementsRepository } from '@handoff/db';
import { engagementReviewSchedules, engagements } from '@handoff/db/schema';
import { eq } from 'drizzle-orm';
import {
  addMember,
  anOwner,
  aProvider,
  bidBody,
  insertJobPost,
  submitBid,
  type Headers,
} from './bid-factory.ts';
import { insertBid } from './job-post-factory.ts';
import type { TestApp } from './helpers.ts';
import { signUpProvider } from './provider-factory.ts';

// Engagements for the review and switching tests: one hired through the api as a person would,
// and many written straight into the tables for the reminder scan.

export interface Hired {
  id: string;
  owner: { id: string; headers: Headers };
  provider: { id: string; userId: string; headers: Headers; slug: string };
  colleague: { id: string; headers: Headers };
  job: Awaited<ReturnType<typeof insertJobPost>>;
}

/** An owner's job with two duties and two benchmarks, hired on a provider with two members. */
export async function hired(t: TestApp, name = 'Steady Desk'): Promise<Hired> {
  const owner = await anOwner(t.app, 'Olivia Owner');
  const job = await insertJobPost(t, owner.id, {
    duties: ['Answer calls within three rings', 'Book showings in the calendar'],
    benchmarks: ['Calls answered live', 'Showings booked same day'],
    industrySlug: 'real-estate',
    budgetMin: 1200,
    budgetMax: 1800,
  });
  const provider = await aProvider(t.app, name);
  const colleague = await signUpProvider(t.app);
  await addMember(t, provider.id, colleague.id);
  const bid = await submitBid(t.app, provider.headers, job.id, bidBody(job));
  const res = await t.app.inject({ method: 'POST', url: `/bids/${bid.id}/accept`, headers: owner.headers });
  if (res.statusCode !== 201) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
  return { id: res.json().id, owner, provider, colleague, job };
}

/** A complete review answering every benchmark (`results`, met by default) and duty (score 4). */
export function reviewBody(
  h: Pick<Hired, 'job'>,
  overrides: Record<string, unknown> = {},
  results?: string[],
) {
  return {
    benchmarks: h.job.benchmarks.map((b, i) => ({
      benchmarkId: b.id,
      result: results?.[i] ?? 'met',
      actual: '96%',
    })),
    duties: h.job.duties.map((d) => ({ dutyId: d.id, score: 4, note: '' })),
    decision: 'keep',
    note: 'Steady work, thank you.',
    ...overrides,
  };
}

/**
 * `count` active engagements of one owner and provider with the first review due on `start` + 3
 * months, written through the engagements repository (no api calls: the scan test needs many).
 */
export async function bulkEngagements(
  t: TestApp,
  owner: { id: string },
  provider: { id: string; userId: string },
  count: number,
  start: string,
) {
  const repo = createEngagementsRepository(t.database.db);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const job = await insertJobPost(t, owner.id, { status: 'filled', title: `Job number ${i}` });
    const bidId = await insertBid(t.database, {
      jobPostId: job.id,
      providerId: provider.id,
      authorId: provider.userId,
    });
    const startDate = engagementStart(start, new Date(`${start}T00:00:00Z`));
    const { id } = await repo.insert({
      jobPostId: job.id,
      bidId,
      ownerId: owner.id,
      providerId: provider.id,
      price: 100,
      priceBasis: 'monthly',
      currency: 'USD',
      startDate,
      nextReviewDue: firstDue(startDate),
      plan: { duties: job.duties, benchmarks: [] },
      at: new Date(),
    });
    ids.push(id);
  }
  return ids;
}

export async function scheduleRow(t: TestApp, id: string) {
  const [row] = await t.database.db
    .select({
      nextReviewDue: engagementReviewSchedules.nextDue,
      reviewRemindersSent: engagementReviewSchedules.remindersSent,
      nextReminderAt: engagementReviewSchedules.nextReminderAt,
      status: engagements.status,
    })
    .from(engagements)
    .innerJoin(engagementReviewSchedules, eq(engagementReviewSchedules.engagementId, engagements.id))
    .where(eq(engagements.id, id));
  return row!;
}
