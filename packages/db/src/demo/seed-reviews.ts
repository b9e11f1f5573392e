import type { BenchmarkResult, ReviewDecision } from '@handoff/contracts';
import type { TxScope } from '@handoff/core';
import { addMonths, dayOf, dueAfterReview, reviewWrite } from '@handoff/core/reviews';

// The demo engagement's past reviews, written through the same rules and repository calls the
// review service uses (minus the notices), so the engagement page has a trend to show.

interface DemoReview {
  /** Months after the start; each review was submitted on its due date. */
  months: number;
  /** Per benchmark, by position (the last one repeats for any beyond). */
  results: BenchmarkResult[];
  actuals: string[];
  scores: number[];
  decision: ReviewDecision;
  note: string;
  improvements?: string;
}

const REVIEWS: DemoReview[] = [
  {
    months: 3,
    results: ['met', 'partly', 'met', 'met'],
    actuals: ['93% live', '2 h average', 'All booked', '100%'],
    scores: [4, 4, 5, 3, 4, 3],
    decision: 'keep',
    note: 'A good first quarter. Keep the CRM notes a little fuller.',
  },
  {
    months: 6,
    results: ['missed', 'partly', 'met', 'met'],
    actuals: ['81% live', '3 h average', 'All booked', '98%'],
    scores: [3, 3, 4, 3, 4, 3],
    decision: 'improve',
    note: 'The spring rush showed: too many calls went to voicemail.',
    improvements: 'Add a second person from 11 am to 2 pm so 90% of calls are answered live.',
  },
  {
    months: 9,
    results: ['met', 'met', 'met', 'met'],
    actuals: ['95% live', '50 min average', 'All booked', '100%'],
    scores: [5, 4, 5, 4, 5, 4],
    decision: 'keep',
    note: 'The extra cover at lunch fixed it. Thank you.',
  },
];

/** Adds the reviews whose dates have passed by `now`, and leaves the schedule where they put it. */
export async function seedDemoReviews(scope: TxScope, ownerId: string, engagementId: string, now: Date) {
  const e = await scope.engagements.findForUser(ownerId, engagementId);
  if (!e) throw new Error('demo reviews: the demo engagement is missing');
  let previous: Date | null = null;
  for (const plan of REVIEWS) {
    const dueDate = addMonths(e.startDate, plan.months);
    const at = new Date(`${dueDate}T15:00:00Z`);
    if (at > now) break;
    const pick = <T>(list: T[], i: number) => list[Math.min(i, list.length - 1)]!;
    const write = reviewWrite(e, {
      benchmarks: e.benchmarks.map((b, i) => ({
        benchmarkId: b.id,
        result: pick(plan.results, i),
        actual: pick(plan.actuals, i),
      })),
      duties: e.duties.map((d, i) => ({ dutyId: d.id, score: pick(plan.scores, i), note: '' })),
      decision: plan.decision,
      note: plan.note,
      improvements: plan.improvements ?? '',
    });
    const nextDue = dueAfterReview(e.startDate, e.reviewCadence, dayOf(at), plan.decision);
    await scope.reviews.setSchedule(ownerId, engagementId, { nextDue, reviewed: { previous } }, at);
    await scope.reviews.insert(ownerId, engagementId, { ...write, dueDate, nextDue }, at);
    previous = at;
  }
}
