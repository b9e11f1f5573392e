import type { BusinessFunction, CreateJobPostBodyParsed } from '@handoff/contracts';
import { findFunction } from '../taxonomy/index.ts';
import type { JobPostWrite, ProviderForJob } from './ports.ts';

// Where a new draft starts: a function's template, a hated task, a provider, a provider's package.
// Each gives some fields; the fields in the request override them; the rest take the defaults.

export type Prefill = Partial<JobPostWrite>;

const DEFAULTS: Omit<JobPostWrite, 'title' | 'functionSlug'> = {
  industrySlug: null,
  summary: '',
  duties: [],
  benchmarks: [],
  processNotes: '',
  trainingLinks: [],
  startBy: null,
  durationWeeks: null,
  budgetBasis: 'hourly',
  budgetMin: null,
  budgetMax: null,
  currency: 'USD',
  hoursPerWeek: null,
  engagementType: 'any',
  workLocation: 'remote',
  underBudgetBonus: '',
  earlyFinishBonus: '',
  visibility: 'public',
};

/** The function's duties become the checklist; its benchmarks' "due" becomes their cadence. */
export function fromTemplate(fn: BusinessFunction): Prefill {
  return {
    title: fn.name,
    functionSlug: fn.slug,
    duties: fn.duties.map((text) => ({ text })),
    benchmarks: fn.benchmarks.map((b) => ({
      objective: b.objective,
      target: b.target,
      cadence: b.due.slice(0, 40),
      dueDate: null,
    })),
  };
}

export function fromTask(task: { name: string; hoursPerWeek: number }, fn: BusinessFunction): Prefill {
  return { ...fromTemplate(fn), title: task.name, hoursPerWeek: task.hoursPerWeek };
}

/** The provider's first function (its template) and first industry. */
export function fromProvider(provider: ProviderForJob): Prefill | null {
  const fn = provider.functions.map((f) => findFunction(f.slug)).find((f) => f !== undefined);
  if (!fn) return null;
  return { ...fromTemplate(fn), industrySlug: provider.industries[0] ?? null };
}

/**
 * The package's duties and price (as both ends of the budget, on its billing basis, in the
 * provider's currency), under the provider's function that covers most of those duties.
 */
export function fromPackage(provider: ProviderForJob, packageId: string): Prefill | null {
  const pkg = provider.packages.find((p) => p.id === packageId);
  if (!pkg) return null;
  const overlap = (duties: string[]) => pkg.duties.filter((d) => duties.includes(d)).length;
  const best = [...provider.functions].sort((a, b) => overlap(b.duties) - overlap(a.duties))[0];
  const fn = best ? findFunction(best.slug) : undefined;
  if (!fn) return null;
  const template = fromTemplate(fn);
  return {
    ...template,
    title: pkg.name.length >= 3 ? pkg.name : fn.name,
    industrySlug: provider.industries[0] ?? null,
    duties: pkg.duties.length ? pkg.duties.map((text) => ({ text })) : template.duties,
    budgetBasis: pkg.billing,
    budgetMin: pkg.price,
    budgetMax: pkg.price,
    currency: provider.currency as JobPostWrite['currency'],
  };
}

type Overrides = Omit<CreateJobPostBodyParsed, 'template' | 'fromTaskId' | 'fromProviderId' | 'fromPackage'>;

/**
 * The draft to write: defaults, then what the start gave, then what the request said. Null when no
 * function is known (a blank start without `functionSlug`).
 */
export function resolveDraft(prefill: Prefill, overrides: Overrides): JobPostWrite | null {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const merged = { ...DEFAULTS, ...prefill, ...given } as Partial<JobPostWrite>;
  if (!merged.functionSlug) return null;
  const title = merged.title ?? findFunction(merged.functionSlug)?.name ?? 'New job';
  return { ...(merged as JobPostWrite), title };
}
