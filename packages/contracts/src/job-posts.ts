import { z } from 'zod';
import { queryParams } from './query.ts';
import { CURRENCIES } from './iso-codes.ts';

// Job posts: what an owner sends (create and PUT), and the providers' feed query. "Job" in every
// message, since that is the word users see. Rules that need the taxonomy or the date are checked in
// @handoff/core/job-posts, which names fields the same way (duties.2.text).

export const JOB_POST_STATUSES = ['draft', 'open', 'closed', 'filled'] as const;
export const jobPostStatus = z.enum(JOB_POST_STATUSES);
export type JobPostStatus = z.infer<typeof jobPostStatus>;

export const BUDGET_BASES = ['hourly', 'monthly', 'fixed'] as const;
export const budgetBasis = z.enum(BUDGET_BASES, { error: 'Choose an hourly, monthly or fixed budget' });
export type BudgetBasis = z.infer<typeof budgetBasis>;

export const ENGAGEMENT_TYPES = ['freelancer', 'virtual_assistant', 'firm', 'any'] as const;
export const engagementType = z.enum(ENGAGEMENT_TYPES, {
  error: 'Choose freelancer, virtual assistant, firm or any',
});
export const WORK_LOCATIONS = ['remote', 'on_site', 'hybrid'] as const;
export const workLocation = z.enum(WORK_LOCATIONS, { error: 'Choose remote, on site or hybrid' });
export const JOB_POST_VISIBILITIES = ['public', 'invite_only'] as const;
export const jobPostVisibility = z.enum(JOB_POST_VISIBILITIES, {
  error: 'Choose public, or invite only (only providers you invite see it)',
});

export const MAX_DUTIES = 40;
export const MAX_BENCHMARKS = 20;

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(min, { error: min <= 1 ? `Enter ${label}` : `Use at least ${min} characters for ${label}` })
    .max(max, { error: `Use at most ${max} characters for ${label}` });
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `Write ${label} as text` })
    .trim()
    .max(max, { error: `Use at most ${max} characters for ${label}` });

const slug = (what: string) =>
  z
    .string({ error: `Choose ${what}` })
    .trim()
    .min(1, { error: `Choose ${what}` })
    .max(60, { error: `Unknown ${what}` })
    .regex(/^[a-z0-9-]+$/, { error: `Unknown ${what}` });

const isoDate = z.iso.date({ error: 'Enter a date like 2026-03-01' });

const money = (label: string) =>
  z
    .number({ error: `Enter ${label} as a number` })
    .positive({ error: `${label[0]!.toUpperCase()}${label.slice(1)} must be more than 0` })
    .max(10_000_000, { error: `${label[0]!.toUpperCase()}${label.slice(1)} is at most 10,000,000` })
    .transform((n) => Math.round(n * 100) / 100);

export const dutyInput = z.object({
  /** Send the id of a duty the job already has to keep it (bids point at it); omit it for a new one. */
  id: z.uuid({ error: 'Not a duty id' }).optional(),
  text: text('the duty', 3, 300),
});

export const benchmarkInput = z
  .object({
    id: z.uuid({ error: 'Not a benchmark id' }).optional(),
    objective: text('what the benchmark measures', 3, 200),
    target: text('the target', 1, 200),
    /** "Weekly", "Monthly", "Per hire"…; or a due date instead. */
    cadence: optionalText('the cadence', 40)
      .nullable()
      .default(null)
      .transform((c) => c || null),
    dueDate: isoDate.nullable().default(null),
  })
  .refine((b) => b.cadence !== null || b.dueDate !== null, {
    error: 'Say how often it is measured (like monthly) or give a due date',
    path: ['cadence'],
  });

export const trainingLink = z.object({
  label: text('a label for the link', 1, 100),
  url: z
    .url({
      protocol: /^https$/,
      hostname: z.regexes.domain,
      error: 'Enter a web address starting with https://',
    })
    .max(500, { error: 'Use at most 500 characters for the link' }),
});

/** The fields of a job, without defaults (create overlays them on what it starts from). */
const fields = {
  title: text('a title for the job', 3, 120),
  functionSlug: slug('the business function'),
  industrySlug: slug('an industry').nullable(),
  summary: optionalText('the summary', 5000),
  duties: z
    .array(dutyInput, { error: 'Send the duties as a list' })
    .max(MAX_DUTIES, { error: `List at most ${MAX_DUTIES} duties` }),
  benchmarks: z
    .array(benchmarkInput, { error: 'Send the benchmarks as a list' })
    .max(MAX_BENCHMARKS, { error: `List at most ${MAX_BENCHMARKS} benchmarks` }),
  processNotes: optionalText('the process notes', 10_000),
  trainingLinks: z
    .array(trainingLink, { error: 'Send the training links as a list' })
    .max(10, { error: 'Add at most 10 training links' }),
  startBy: isoDate.nullable(),
  durationWeeks: z
    .number({ error: 'Enter the duration in weeks as a whole number' })
    .int({ error: 'Enter the duration in weeks as a whole number' })
    .min(1, { error: 'A job lasts at least 1 week' })
    .max(520, { error: 'Enter at most 520 weeks (10 years)' })
    .nullable(),
  budgetBasis,
  budgetMin: money('the lowest budget').nullable(),
  budgetMax: money('the highest budget').nullable(),
  currency: z.enum(CURRENCIES, { error: `Choose one of ${CURRENCIES.join(', ')}` }),
  hoursPerWeek: z
    .number({ error: 'Enter the hours a week as a number' })
    .gt(0, { error: 'Enter the hours a week: more than 0' })
    .max(168, { error: 'A week has 168 hours; enter the hours the job takes, like 10' })
    .transform((n) => Math.round(n * 100) / 100)
    .nullable(),
  engagementType,
  workLocation,
  underBudgetBonus: optionalText('the under-budget bonus', 300),
  earlyFinishBonus: optionalText('the early-finish bonus', 300),
  visibility: jobPostVisibility,
};

type Fields = {
  title: string;
  budgetMin: number | null;
  budgetMax: number | null;
  duties?: { id?: string | undefined }[] | undefined;
  benchmarks?: { id?: string | undefined }[] | undefined;
};

/** Cross-field checks both bodies share. */
function crossCheck(p: Partial<Fields>, ctx: z.RefinementCtx) {
  if (p.budgetMin != null && p.budgetMax != null && p.budgetMin > p.budgetMax) {
    ctx.addIssue({
      code: 'custom',
      path: ['budgetMax'],
      message: 'The highest budget cannot be below the lowest',
    });
  }
  for (const list of ['duties', 'benchmarks'] as const) {
    const seen = new Set<string>();
    p[list]?.forEach((item, i) => {
      if (!item.id) return;
      if (seen.has(item.id))
        ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: 'This id is sent twice' });
      seen.add(item.id);
    });
  }
}

/** PUT takes the whole job (a full replacement: absent lists become empty, absent text ''). */
export const jobPostInput = z
  .object({
    ...fields,
    industrySlug: fields.industrySlug.default(null),
    summary: fields.summary.default(''),
    duties: fields.duties.default([]),
    benchmarks: fields.benchmarks.default([]),
    processNotes: fields.processNotes.default(''),
    trainingLinks: fields.trainingLinks.default([]),
    startBy: fields.startBy.default(null),
    durationWeeks: fields.durationWeeks.default(null),
    budgetBasis: budgetBasis.default('hourly'),
    budgetMin: fields.budgetMin.default(null),
    budgetMax: fields.budgetMax.default(null),
    currency: fields.currency.default('USD'),
    hoursPerWeek: fields.hoursPerWeek.default(null),
    engagementType: engagementType.default('any'),
    workLocation: workLocation.default('remote'),
    underBudgetBonus: fields.underBudgetBonus.default(''),
    earlyFinishBonus: fields.earlyFinishBonus.default(''),
    visibility: jobPostVisibility.default('public'),
  })
  .superRefine(crossCheck);
export type JobPostInput = z.input<typeof jobPostInput>;
export type JobPostInputParsed = z.output<typeof jobPostInput>;

const uuid = (what: string) => z.uuid({ error: `Not ${what}` });

/**
 * A new draft: blank, or started from a function's template, a hated task of the worksheet, a
 * provider (their first function and industry) or a provider's package (its duties and price). Any
 * field sent overrides what the start prefilled; without a start, `functionSlug` is needed.
 */
export const createJobPostBody = z
  .object(fields)
  .partial()
  .extend({
    template: slug('a template').optional(),
    fromTaskId: uuid('a task id').optional(),
    fromProviderId: uuid('a provider id').optional(),
    fromPackage: z.object({ providerId: uuid('a provider id'), packageId: uuid('a package id') }).optional(),
  })
  .superRefine((b, ctx) => {
    const starts = (['template', 'fromTaskId', 'fromProviderId', 'fromPackage'] as const).filter(
      (k) => b[k] !== undefined,
    );
    if (starts.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: [starts[1]!],
        message: `Start a job from one thing at a time (${starts.join(' or ')})`,
      });
    }
    crossCheck(b, ctx);
  });
export type CreateJobPostBody = z.input<typeof createJobPostBody>;
export type CreateJobPostBodyParsed = z.output<typeof createJobPostBody>;

export const jobPostIdParams = z.object({ id: uuid('a job id') });

export const inviteProviderBody = z.object({
  providerId: uuid('a provider id'),
  message: optionalText('the message', 1000).default(''),
});

export const myJobPostsQuery = queryParams({
  status: z.enum(JOB_POST_STATUSES, { error: 'Choose draft, open, closed or filled' }).optional(),
});
