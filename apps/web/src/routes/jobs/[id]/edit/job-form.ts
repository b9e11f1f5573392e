import type { JobPostInput, OwnerJobPost } from '@handoff/contracts';

// The job form as plain strings and lists: what the page renders, what a failed save hands back.
// Field names in the HTML are the API's paths (`duties.2.text`, `benchmarks.0.cadence`), so its field
// errors land beside the inputs. Blank rows are dropped before sending, and a failure hands back the
// rows without them, so row i on the page is item i of the body the error names.

export interface DutyRow {
  id: string;
  text: string;
}
export interface BenchmarkRow {
  id: string;
  objective: string;
  target: string;
  cadence: string;
  dueDate: string;
}
export interface LinkRow {
  label: string;
  url: string;
}

export interface JobValues {
  title: string;
  functionSlug: string;
  industrySlug: string;
  summary: string;
  duties: DutyRow[];
  benchmarks: BenchmarkRow[];
  processNotes: string;
  trainingLinks: LinkRow[];
  startBy: string;
  durationWeeks: string;
  budgetBasis: string;
  budgetMin: string;
  budgetMax: string;
  currency: string;
  hoursPerWeek: string;
  engagementType: string;
  workLocation: string;
  underBudgetBonus: string;
  earlyFinishBonus: string;
  visibility: string;
}

export type RowList = 'duties' | 'benchmarks' | 'trainingLinks';

const str = (value: number | string | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

export function valuesFromJob(job: OwnerJobPost): JobValues {
  return {
    title: job.title,
    functionSlug: job.functionSlug,
    industrySlug: job.industrySlug ?? '',
    summary: job.summary,
    duties: job.duties.map((d) => ({ id: d.id, text: d.text })),
    benchmarks: job.benchmarks.map((b) => ({
      id: b.id,
      objective: b.objective,
      target: b.target,
      cadence: b.cadence ?? '',
      dueDate: b.dueDate ?? '',
    })),
    processNotes: job.processNotes,
    trainingLinks: job.trainingLinks.map((l) => ({ label: l.label, url: l.url })),
    startBy: job.startBy ?? '',
    durationWeeks: str(job.durationWeeks),
    budgetBasis: job.budgetBasis,
    budgetMin: str(job.budgetMin),
    budgetMax: str(job.budgetMax),
    currency: job.currency,
    hoursPerWeek: str(job.hoursPerWeek),
    engagementType: job.engagementType,
    workLocation: job.workLocation,
    underBudgetBonus: job.underBudgetBonus,
    earlyFinishBonus: job.earlyFinishBonus,
    visibility: job.visibility,
  };
}

const SCALARS = [
  'title',
  'functionSlug',
  'industrySlug',
  'summary',
  'processNotes',
  'startBy',
  'durationWeeks',
  'budgetBasis',
  'budgetMin',
  'budgetMax',
  'currency',
  'hoursPerWeek',
  'engagementType',
  'workLocation',
  'underBudgetBonus',
  'earlyFinishBonus',
  'visibility',
] as const;

/** Rows a form may carry: the API's largest list (40 duties) and a little room for blank ones. */
const MAX_ROWS = 45;

/** Row `i` of `list`, in index order, for every index the form sent. */
function rowsOf(data: FormData, list: RowList, keys: readonly string[]): Record<string, string>[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${list}\\.(\\d+)\\.`);
  for (const key of data.keys()) {
    const match = pattern.exec(key);
    if (match && Number(match[1]) < MAX_ROWS) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) =>
      Object.fromEntries(
        keys.map((k) => {
          const value = data.get(`${list}.${i}.${k}`);
          return [k, typeof value === 'string' ? value : ''];
        }),
      ),
    );
}

/** Everything the form sent, blank rows included (the row buttons work on them too). */
export function readJobForm(data: FormData): JobValues {
  const text = (key: string) => {
    const value = data.get(key);
    return typeof value === 'string' ? value : '';
  };
  const scalars = Object.fromEntries(SCALARS.map((k) => [k, text(k)])) as Record<
    (typeof SCALARS)[number],
    string
  >;
  return {
    ...scalars,
    duties: rowsOf(data, 'duties', ['id', 'text']) as unknown as DutyRow[],
    benchmarks: rowsOf(data, 'benchmarks', [
      'id',
      'objective',
      'target',
      'cadence',
      'dueDate',
    ]) as unknown as BenchmarkRow[],
    trainingLinks: rowsOf(data, 'trainingLinks', ['label', 'url']) as unknown as LinkRow[],
  };
}

const blank = (row: object) =>
  Object.entries(row).every(([key, value]) => key === 'id' || String(value).trim() === '');

export const isBlankRow = blank;

export function compact(values: JobValues): JobValues {
  return {
    ...values,
    duties: values.duties.filter((r) => !blank(r)),
    benchmarks: values.benchmarks.filter((r) => !blank(r)),
    trainingLinks: values.trainingLinks.filter((r) => !blank(r)),
  };
}

/** "12" → 12, "" → null; anything else goes as typed so the schema says what is wrong with it. */
function number(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, '');
  if (cleaned === '') return null;
  const n = Number(cleaned);
  return (Number.isFinite(n) ? n : text) as number;
}

/** The PUT body (a full replacement) from compacted values. */
export function toJobInput(v: JobValues): JobPostInput {
  return {
    title: v.title,
    functionSlug: v.functionSlug,
    industrySlug: v.industrySlug || null,
    summary: v.summary,
    duties: v.duties.map((d) => (d.id ? { id: d.id, text: d.text } : { text: d.text })),
    benchmarks: v.benchmarks.map((b) => ({
      ...(b.id ? { id: b.id } : {}),
      objective: b.objective,
      target: b.target,
      cadence: b.cadence.trim() || null,
      dueDate: b.dueDate || null,
    })),
    processNotes: v.processNotes,
    trainingLinks: v.trainingLinks.map((l) => ({ label: l.label, url: l.url.trim() })),
    startBy: v.startBy || null,
    durationWeeks: number(v.durationWeeks),
    budgetBasis: v.budgetBasis as JobPostInput['budgetBasis'],
    budgetMin: number(v.budgetMin),
    budgetMax: number(v.budgetMax),
    currency: v.currency as JobPostInput['currency'],
    hoursPerWeek: number(v.hoursPerWeek),
    engagementType: v.engagementType as JobPostInput['engagementType'],
    workLocation: v.workLocation as JobPostInput['workLocation'],
    underBudgetBonus: v.underBudgetBonus,
    earlyFinishBonus: v.earlyFinishBonus,
    visibility: v.visibility as JobPostInput['visibility'],
  };
}

export const BLANK = {
  duties: (): DutyRow => ({ id: '', text: '' }),
  benchmarks: (): BenchmarkRow => ({ id: '', objective: '', target: '', cadence: '', dueDate: '' }),
  trainingLinks: (): LinkRow => ({ label: '', url: '' }),
};

/** Moves, removes or adds a row in place: `duties:up:2`, `benchmarks:remove:0`, `trainingLinks:add`. */
export function applyRowOp<T>(rows: T[], action: string, index: number, make: () => T): void {
  if (action === 'add') {
    rows.push(make());
    return;
  }
  if (index < 0 || index >= rows.length) return;
  if (action === 'remove') rows.splice(index, 1);
  const to = action === 'up' ? index - 1 : action === 'down' ? index + 1 : -1;
  if (to >= 0 && to < rows.length) [rows[index], rows[to]] = [rows[to]!, rows[index]!];
}

export function parseOp(op: string): { list: RowList; action: string; index: number } | null {
  const [list, action = '', index = '-1'] = op.split(':');
  if (list !== 'duties' && list !== 'benchmarks' && list !== 'trainingLinks') return null;
  if (!['add', 'remove', 'up', 'down'].includes(action)) return null;
  return { list, action, index: Number(index) };
}

/** Where a field named by the API (or by "missing for publish") sits on the page. */
export function anchorOf(field: string): string {
  const [head, index, leaf] = field.split('.');
  if (head === 'duties' || head === 'benchmarks' || head === 'trainingLinks') {
    return index !== undefined && leaf ? `#field-${field.replaceAll('.', '-')}` : `#${head}`;
  }
  return `#field-${head}`;
}
