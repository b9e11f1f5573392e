import type { SubmitReviewBodyParsed } from '@handoff/contracts';
import type { EngagementDetail } from '../bids/engagements.ports.ts';
import { ValidationError } from '../errors.ts';
import type { ReviewRecord, ReviewWrite } from './ports.ts';

/**
 * Checks that the review answers every benchmark and scores every duty of the engagement exactly
 * once, naming the form's field when not, and copies in their texts.
 */
export function reviewWrite(
  engagement: Pick<EngagementDetail, 'benchmarks' | 'duties'>,
  body: SubmitReviewBodyParsed,
): Omit<ReviewWrite, 'dueDate' | 'nextDue'> {
  const answers = new Map(body.benchmarks.map((b, i) => [b.benchmarkId, { ...b, i }]));
  const scores = new Map(body.duties.map((d, i) => [d.dutyId, { ...d, i }]));
  const fields: Record<string, string> = {};
  engagement.benchmarks.forEach((b, i) => {
    if (!answers.has(b.id)) fields[`benchmarks.${i}.result`] = `Say whether “${b.objective}” was met`;
  });
  engagement.duties.forEach((d, i) => {
    if (!scores.has(d.id)) fields[`duties.${i}.score`] = `Score “${d.text}” from 1 to 5`;
  });
  const known = new Set([...engagement.benchmarks.map((b) => b.id), ...engagement.duties.map((d) => d.id)]);
  body.benchmarks.forEach((b, i) => {
    if (!known.has(b.benchmarkId))
      fields[`benchmarks.${i}.benchmarkId`] = 'Not a benchmark of this engagement';
  });
  body.duties.forEach((d, i) => {
    if (!known.has(d.dutyId)) fields[`duties.${i}.dutyId`] = 'Not a duty of this engagement';
  });
  const first = Object.values(fields)[0];
  if (first) throw new ValidationError(first, fields);
  return {
    benchmarks: engagement.benchmarks.map((b) => {
      const a = answers.get(b.id)!;
      return {
        benchmarkId: b.id,
        objective: b.objective,
        target: b.target,
        result: a.result,
        actual: a.actual,
      };
    }),
    duties: engagement.duties.map((d) => {
      const s = scores.get(d.id)!;
      return { dutyId: d.id, text: d.text, score: s.score, note: s.note };
    }),
    decision: body.decision,
    note: body.note,
    improvements: body.decision === 'improve' ? body.improvements : '',
  };
}

const missedAny = (r: Pick<ReviewRecord, 'benchmarks'>) => r.benchmarks.some((b) => b.result === 'missed');

/** The last two reviews (oldest first) each missed a benchmark: time to offer the switch. */
export function missedTwice(reviews: readonly Pick<ReviewRecord, 'benchmarks'>[]): boolean {
  const [a, b] = reviews.slice(-2);
  return Boolean(a && b && missedAny(a) && missedAny(b));
}
