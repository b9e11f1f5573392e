import { z } from 'zod';
import { queryParams } from './query.ts';
import { CURRENCIES } from './iso-codes.ts';

// The owner's side before any job: what an hour is worth (the calculator, which works before
// sign-up), the love / hate worksheet, and providers saved to a shortlist. These schemas are also
// the calculator's rules: @handoff/core parses with them, so the api and core say the same thing.

/** Anything larger is a typo (or a unit mix-up), not a plan: said so instead of computed. */
export const TIME_VALUE_MAX_INCOME = 1_000_000_000;
export const MAX_RATE = 100_000;

const cents = (n: number) => Math.round(n * 100) / 100;

/** A number above 0 and at most `max`, with messages that say what to type instead. */
const amount = (what: string, max: number, tooBig: string) =>
  z
    .number({ error: `Enter ${what} as a number` })
    .gt(0, { error: `Enter ${what}: it must be more than 0` })
    .max(max, { error: tooBig })
    .transform(cents);

const currency = z.enum(CURRENCIES, { error: `Choose one of ${CURRENCIES.join(', ')}` });

export const targetIncome = amount(
  'your target yearly income',
  TIME_VALUE_MAX_INCOME,
  'Enter a yearly income of at most 1,000,000,000',
);
export const hoursPerDay = amount(
  'your productive hours a day',
  24,
  'A day has 24 hours; enter the hours you are productive, like 3',
);
export const daysPerWeek = amount(
  'the days you work a week',
  7,
  'A week has 7 days; enter the days you work, like 5',
);
export const weeksPerYear = amount(
  'the weeks you work a year',
  52,
  'A year has 52 weeks; enter the weeks you work, like 48',
);
export const taskHoursPerWeek = amount(
  'the hours a week the task takes',
  168,
  'A week has 168 hours; enter the hours the task takes, like 4',
);
const rate = (which: string) =>
  amount(`the ${which} hourly rate`, MAX_RATE, `The ${which} hourly rate is at most 100,000`);

/** The inputs of "what is my hour worth"; saved as the owner's profile after sign-up. */
export const hourValueInput = z.object({
  targetIncome,
  hoursPerDay,
  daysPerWeek,
  weeksPerYear,
  currency: currency.default('USD'),
});
export type HourValueInput = z.input<typeof hourValueInput>;
export type HourValueInputParsed = z.output<typeof hourValueInput>;

/** A task's hours against a provider's rate range (same currency as the income). */
export const taskCostInput = z
  .object({
    hoursPerWeek: taskHoursPerWeek,
    rateMin: rate('lowest'),
    /** Absent: a single rate. */
    rateMax: rate('highest').optional(),
  })
  .refine((t) => t.rateMax === undefined || t.rateMax >= t.rateMin, {
    error: 'The highest rate cannot be below the lowest rate',
    path: ['rateMax'],
  });

export const timeValueBody = hourValueInput.extend({ task: taskCostInput.optional() });
export type TimeValueBody = z.input<typeof timeValueBody>;

const range = z.object({ min: z.number(), max: z.number() });

export const taskValueResponse = z.object({
  hoursPerWeek: z.number(),
  rateMin: z.number(),
  rateMax: z.number(),
  /** What those hours are worth at your hour value. */
  ownerCostPerWeek: z.number(),
  ownerCostPerYear: z.number(),
  providerCostPerWeek: range,
  providerCostPerYear: range,
  /** What handing it off gains; `min` at the highest rate, `max` at the lowest. Negative: it costs. */
  gainPerWeek: range,
  gainPerYear: range,
  /** True when even the highest rate costs less than your own time. */
  worthHandingOff: z.boolean(),
});
export type TaskValue = z.infer<typeof taskValueResponse>;

export const timeValueResponse = z.object({
  currency: z.string(),
  /** Target income ÷ productive hours a year, to the cent. */
  hourValue: z.number(),
  productiveHoursPerYear: z.number(),
  task: taskValueResponse.nullable(),
});
export type TimeValue = z.infer<typeof timeValueResponse>;

export const ownerProfile = z.object({
  targetIncome: z.number(),
  hoursPerDay: z.number(),
  daysPerWeek: z.number(),
  weeksPerYear: z.number(),
  currency: z.string(),
  hourValue: z.number(),
  productiveHoursPerYear: z.number(),
  updatedAt: z.iso.datetime(),
});
/** `profile` is null until the owner saves their figures. */
export const ownerProfileResponse = z.object({ profile: ownerProfile.nullable() });

// The worksheet.

export const TASK_FEELINGS = ['love', 'hate'] as const;
export const taskFeeling = z.enum(TASK_FEELINGS, { error: 'Put the task under love or hate' });
export const MAX_OWNER_TASKS = 100;

const functionSlug = z
  .string({ error: 'Choose a business function' })
  .trim()
  .min(1, { error: 'Choose a business function' })
  .max(60, { error: 'Unknown business function' })
  .regex(/^[a-z0-9-]+$/, { error: 'Unknown business function' });

const taskName = z
  .string({ error: 'Name the task' })
  .trim()
  .min(2, { error: 'Name the task in a few words, like “chasing unpaid invoices”' })
  .max(120, { error: 'Use at most 120 characters for the task' });

export const ownerTaskBody = z.object({
  feeling: taskFeeling,
  name: taskName,
  hoursPerWeek: taskHoursPerWeek,
  /** The owner's own choice; absent on a hated task, one is suggested from its words. */
  functionSlug: functionSlug.nullable().optional(),
});
export type OwnerTaskBody = z.output<typeof ownerTaskBody>;

/**
 * A partial edit. `functionSlug: null` drops the owner's choice and goes back to the suggestion;
 * changing `feeling` moves the task to the end of the other column.
 */
export const ownerTaskPatch = z
  .object({
    feeling: taskFeeling.optional(),
    name: taskName.optional(),
    hoursPerWeek: taskHoursPerWeek.optional(),
    functionSlug: functionSlug.nullable().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    error: 'Send at least one of feeling, name, hoursPerWeek or functionSlug',
  });
export type OwnerTaskPatch = z.output<typeof ownerTaskPatch>;

export const taskOrderBody = z.object({
  feeling: taskFeeling,
  /** Every task of that column, once each, in the new order. */
  ids: z
    .array(z.uuid({ error: 'Not a task id' }), { error: 'Send the task ids as a list' })
    .max(MAX_OWNER_TASKS, { error: `A column has at most ${MAX_OWNER_TASKS} tasks` }),
});

export const taskIdParams = z.object({ id: z.uuid({ error: 'Not a task id' }) });

/** What handing a hated task off is worth, in the owner's currency. */
export const taskHandoff = z.object({
  currency: z.string(),
  ownerCostPerWeek: z.number(),
  ownerCostPerYear: z.number(),
  /**
   * Hourly rates published providers of the task's function typically charge (the medians of their
   * lowest and highest rates); null when there are none yet, or no function.
   */
  typicalRate: range.nullable(),
  providerCostPerWeek: range.nullable(),
  gainPerWeek: range.nullable(),
  gainPerYear: range.nullable(),
});

export const ownerTaskResponse = z.object({
  id: z.uuid(),
  feeling: taskFeeling,
  name: z.string(),
  hoursPerWeek: z.number(),
  functionSlug: z.string().nullable(),
  functionName: z.string().nullable(),
  /** 'suggested' from the task's words, 'chosen' by the owner; null when nothing matched. */
  functionSource: z.enum(['suggested', 'chosen']).nullable(),
  position: z.number().int(),
  /** The draft (or later) job this task became. */
  jobPostId: z.uuid().nullable(),
  /** Hated tasks only, once the owner has saved what their hour is worth; null otherwise. */
  handoff: taskHandoff.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OwnerTask = z.infer<typeof ownerTaskResponse>;

export const worksheetResponse = z.object({
  /** Null until the owner saves their figures (PUT /owner/profile). */
  hourValue: z.number().nullable(),
  currency: z.string(),
  love: z.array(ownerTaskResponse),
  hate: z.array(ownerTaskResponse),
  hoursPerWeek: z.object({ love: z.number(), hate: z.number() }),
});

// Function suggestion (the worksheet and, later, search).

export const suggestFunctionQuery = queryParams({
  q: z
    .string({ error: 'Describe the task, like “answering the phone”' })
    .trim()
    .min(1, { error: 'Describe the task, like “answering the phone”' })
    .max(200, { error: 'Describe the task in at most 200 characters' }),
});

const functionRef = z.object({ slug: z.string(), name: z.string() });
export const suggestFunctionResponse = z.object({
  /** The best match, or null when the words match no function well enough. */
  suggestion: functionRef.nullable(),
  /** The next best matches, best first (at most 3). */
  alternatives: z.array(functionRef),
});
