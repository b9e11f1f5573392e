import { z } from 'zod';

// Engagement reviews, their schedule, and switching providers. The owner writes; the hired
// provider's members read the submitted reviews. Fields are named as the form names them
// (benchmarks.0.result), so an error lands beside the input it is about.

export const REVIEW_CADENCES = ['standard', 'quarterly', 'half-yearly', 'yearly'] as const;
export const reviewCadence = z.enum(REVIEW_CADENCES, {
  error: 'Choose the standard schedule, quarterly, half-yearly or yearly',
});
export type ReviewCadence = z.infer<typeof reviewCadence>;

export const BENCHMARK_RESULTS = ['met', 'partly', 'missed'] as const;
export const benchmarkResult = z.enum(BENCHMARK_RESULTS, { error: 'Choose met, partly or missed' });
export type BenchmarkResult = z.infer<typeof benchmarkResult>;

export const REVIEW_DECISIONS = ['keep', 'improve', 'replace'] as const;
export const reviewDecision = z.enum(REVIEW_DECISIONS, { error: 'Choose keep, improve or replace' });
export type ReviewDecision = z.infer<typeof reviewDecision>;

const text = (label: string, max: number) =>
  z
    .string({ error: `Write ${label} as text` })
    .trim()
    .max(max, { error: `Use at most ${max} characters for ${label}` });

export const submitReviewBody = z
  .object({
    benchmarks: z
      .array(
        z.object({
          benchmarkId: z.string({ error: 'Name the benchmark' }).min(1, { error: 'Name the benchmark' }),
          result: benchmarkResult,
          actual: text('the actual value', 200).default(''),
        }),
        { error: 'Answer each benchmark' },
      )
      .max(50),
    duties: z
      .array(
        z.object({
          dutyId: z.string({ error: 'Name the duty' }).min(1, { error: 'Name the duty' }),
          score: z.coerce
            .number({ error: 'Score each duty from 1 to 5' })
            .int({ error: 'Score each duty from 1 to 5' })
            .min(1, { error: 'Score each duty from 1 to 5' })
            .max(5, { error: 'Score each duty from 1 to 5' }),
          note: text('the note', 500).default(''),
        }),
        { error: 'Score each duty' },
      )
      .max(100),
    decision: reviewDecision,
    note: text('the note to the provider', 2000).default(''),
    improvements: text('what must change', 2000).default(''),
    /**
     * The latest review when the form was opened (null: none yet). A form sent twice, or after
     * someone else's review, is refused instead of recording a second review.
     */
    after: z.uuid({ error: 'after is the id of the latest review, or null' }).nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.decision !== 'keep' && !b.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: `Tell the provider why you chose to ${b.decision}`,
      });
    }
    if (b.decision === 'improve' && !b.improvements) {
      ctx.addIssue({ code: 'custom', path: ['improvements'], message: 'Write what must change' });
    }
  });
export type SubmitReviewBody = z.input<typeof submitReviewBody>;
export type SubmitReviewBodyParsed = z.output<typeof submitReviewBody>;

export const scheduleBody = z.object({ cadence: reviewCadence });

const lines = (label: string) =>
  z
    .array(text(label, 300), { error: `List ${label} one per line` })
    .max(50, { error: `List at most 50 ${label}` })
    .transform((items) => items.filter(Boolean));

export const handoverBody = z.object({
  accessToRevoke: lines('accesses to revoke'),
  documentsToCollect: lines('documents to collect'),
  lastDay: z.iso.date({ error: 'Write the last day as a date (YYYY-MM-DD)' }).nullable().default(null),
});
export type HandoverBody = z.input<typeof handoverBody>;

export const endEngagementBody = z.object({
  note: text('the note to the provider', 2000).default(''),
});

export const reviewView = z.object({
  id: z.uuid(),
  dueDate: z.string(),
  submittedAt: z.iso.datetime(),
  benchmarks: z.array(
    z.object({
      benchmarkId: z.string(),
      objective: z.string(),
      target: z.string(),
      result: benchmarkResult,
      actual: z.string(),
    }),
  ),
  duties: z.array(z.object({ dutyId: z.string(), text: z.string(), score: z.number(), note: z.string() })),
  decision: reviewDecision,
  note: z.string(),
  improvements: z.string(),
  nextDue: z.string().nullable(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const reviewsResponse = z.object({
  schedule: z.object({
    cadence: reviewCadence,
    /** The open or next review's date; null once the engagement ended. */
    nextDue: z.string().nullable(),
    /** The next review is due (today or earlier) and not yet submitted. */
    open: z.boolean(),
  }),
  /** Oldest first: the trend reads left to right. */
  reviews: z.array(reviewView),
  /** The last two reviews each had a missed benchmark. */
  missedTwice: z.boolean(),
});
export type ReviewsView = z.infer<typeof reviewsResponse>;

export const alternativesResponse = z.object({
  providers: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      name: z.string(),
      headline: z.string(),
      verifiedReferenceCount: z.number().int(),
      ratingAvg: z.number().nullable(),
      ratingCount: z.number().int(),
    }),
  ),
});
export type Alternatives = z.infer<typeof alternativesResponse>['providers'];

export const handoverResponse = z.object({
  accessToRevoke: z.array(z.string()),
  documentsToCollect: z.array(z.string()),
  lastDay: z.string().nullable(),
  updatedAt: z.iso.datetime().nullable(),
});
export type HandoverView = z.infer<typeof handoverResponse>;

export const repostResponse = z.object({ jobPostId: z.uuid() });
