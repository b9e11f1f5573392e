import type { MissingField } from '@handoff/contracts';
import { ConflictError, ValidationError } from '../errors.ts';
import { findFunction, findIndustry } from '../taxonomy/index.ts';
import type { JobPostRecord, JobPostStatus, JobPostWrite } from './ports.ts';

// Job rules that need the taxonomy, the date or the job as stored; each field's shape is checked by
// the contracts schema before this runs. Field keys use the request body's paths (duties.2.id).

export const SUMMARY_MIN = 30;
/** Where the web app shows a job (links in notifications and e-mails). */
export const jobLink = (id: string) => `/jobs/${id}`;

/** Providers one job may invite: enough for any real shortlist, too few to spam with. */
export const MAX_INVITATIONS = 50;

/** Throws a ValidationError naming every field that breaks a rule. */
export function validateJobPost(
  write: JobPostWrite,
  current: Pick<JobPostRecord, 'duties' | 'benchmarks'> | null,
) {
  const fields: Record<string, string> = {};
  const add = (key: string, message: string) => (fields[key] ??= message);
  if (!findFunction(write.functionSlug)) {
    add('functionSlug', `There is no business function “${write.functionSlug}”`);
  }
  if (write.industrySlug && !findIndustry(write.industrySlug)) {
    add('industrySlug', `There is no industry “${write.industrySlug}”`);
  }
  // The schema checks the request; a prefilled budget (a package's price) meets the request here.
  if (write.budgetMin !== null && write.budgetMax !== null && write.budgetMin > write.budgetMax) {
    add('budgetMax', 'The highest budget cannot be below the lowest');
  }
  const dutyIds = new Set(current?.duties.map((d) => d.id));
  write.duties.forEach((d, i) => {
    if (d.id && !dutyIds.has(d.id))
      add(`duties.${i}.id`, 'This duty is not part of this job; send it without an id');
  });
  const benchmarkIds = new Set(current?.benchmarks.map((b) => b.id));
  write.benchmarks.forEach((b, i) => {
    if (b.id && !benchmarkIds.has(b.id)) {
      add(`benchmarks.${i}.id`, 'This benchmark is not part of this job; send it without an id');
    }
  });
  const keys = Object.keys(fields);
  if (keys.length > 0) {
    throw new ValidationError(
      keys.length === 1 ? fields[keys[0]!]! : `${keys.length} fields need fixing: ${fields[keys[0]!]}`,
      fields,
    );
  }
}

type Completeness = Pick<
  JobPostWrite,
  | 'summary'
  | 'duties'
  | 'benchmarks'
  | 'budgetBasis'
  | 'budgetMin'
  | 'budgetMax'
  | 'hoursPerWeek'
  | 'durationWeeks'
  | 'startBy'
>;

/** What a job still needs before it can be published (or stay open); empty when complete. */
export function missingForPublish(p: Completeness, today: string): MissingField[] {
  const missing: MissingField[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) missing.push({ field, message });
  };
  need(
    p.summary.length >= SUMMARY_MIN,
    'summary',
    `Write a summary of at least ${SUMMARY_MIN} characters: what the job is and what done looks like`,
  );
  need(p.duties.length > 0, 'duties', 'List at least one duty');
  need(p.benchmarks.length > 0, 'benchmarks', 'Add at least one benchmark, so the work can be checked later');
  need(p.budgetMin !== null, 'budgetMin', 'Enter the lowest budget you have in mind');
  need(p.budgetMax !== null, 'budgetMax', 'Enter the highest budget you have in mind');
  if (p.budgetBasis === 'fixed') {
    need(p.durationWeeks !== null, 'durationWeeks', 'Say how many weeks a fixed-price job lasts');
  } else {
    need(p.hoursPerWeek !== null, 'hoursPerWeek', 'Say about how many hours a week the job takes');
  }
  need(
    p.startBy === null || p.startBy >= today,
    'startBy',
    'The start date has passed; choose today or later',
  );
  return missing;
}

const STATE_CONFLICT: Partial<Record<JobPostStatus, string>> = {
  closed: 'This job is closed; it can no longer be changed',
  filled: 'This job is filled; it can no longer be changed',
};

/** A closed or filled job is history: no edit, no publishing, no invitation. */
export function assertChangeable(job: Pick<JobPostRecord, 'status'>) {
  const message = STATE_CONFLICT[job.status];
  if (message) throw new ConflictError(message);
}

// Compared as tuples: stored JSON comes back with its keys in another order.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const benchmarkKey = (b: Omit<JobPostRecord['benchmarks'][number], 'id'>) => [
  b.objective,
  b.target,
  b.cadence,
  b.dueDate,
];
const linkKey = (l: { label: string; url: string }) => [l.label, l.url];

/** What an edit changed, in words a bidder reads ("budget", "duties"…); empty when nothing did. */
export function changedFields(before: JobPostRecord, after: JobPostWrite): string[] {
  const changes: [string, boolean][] = [
    ['title', before.title !== after.title],
    ['function', before.functionSlug !== after.functionSlug],
    ['industry', before.industrySlug !== after.industrySlug],
    ['summary', before.summary !== after.summary],
    [
      'duties',
      !same(
        before.duties.map((d) => d.text),
        after.duties.map((d) => d.text),
      ),
    ],
    ['benchmarks', !same(before.benchmarks.map(benchmarkKey), after.benchmarks.map(benchmarkKey))],
    ['process notes', before.processNotes !== after.processNotes],
    ['training links', !same(before.trainingLinks.map(linkKey), after.trainingLinks.map(linkKey))],
    ['start date', before.startBy !== after.startBy],
    ['duration', before.durationWeeks !== after.durationWeeks],
    [
      'budget',
      before.budgetBasis !== after.budgetBasis ||
        before.budgetMin !== after.budgetMin ||
        before.budgetMax !== after.budgetMax ||
        before.currency !== after.currency,
    ],
    ['hours per week', before.hoursPerWeek !== after.hoursPerWeek],
    ['engagement type', before.engagementType !== after.engagementType],
    ['work location', before.workLocation !== after.workLocation],
    [
      'incentives',
      before.underBudgetBonus !== after.underBudgetBonus ||
        before.earlyFinishBonus !== after.earlyFinishBonus,
    ],
    ['visibility', before.visibility !== after.visibility],
  ];
  return changes.filter(([, changed]) => changed).map(([label]) => label);
}

/** "the budget", "the budget and duties", "the title, budget and duties". */
export function listInWords(labels: readonly string[]): string {
  if (labels.length <= 1) return `the ${labels[0] ?? 'job'}`;
  return `the ${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}
