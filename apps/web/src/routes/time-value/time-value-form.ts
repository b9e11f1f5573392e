import { hourValueInput, type HourValueInput, type TimeValueBody } from '@handoff/contracts';

// The calculator's form as strings (what the page refills) and the body the API takes. Field names
// are the API's own paths (`task.rateMin`), so its field errors land beside the right inputs.

export const HOUR_FIELDS = [
  'targetIncome',
  'hoursPerDay',
  'daysPerWeek',
  'weeksPerYear',
  'currency',
] as const;
export const TASK_FIELDS = ['task.hoursPerWeek', 'task.rateMin', 'task.rateMax'] as const;
export type CalculatorValues = Record<(typeof HOUR_FIELDS)[number] | (typeof TASK_FIELDS)[number], string>;

export const EMPTY_VALUES: CalculatorValues = {
  targetIncome: '',
  hoursPerDay: '',
  daysPerWeek: '',
  weeksPerYear: '',
  currency: 'USD',
  'task.hoursPerWeek': '',
  'task.rateMin': '',
  'task.rateMax': '',
};

export function readCalculator(data: FormData | URLSearchParams): CalculatorValues {
  const values = { ...EMPTY_VALUES };
  for (const key of [...HOUR_FIELDS, ...TASK_FIELDS]) {
    const value = data.get(key);
    if (typeof value === 'string') values[key] = value.trim();
  }
  values.currency ||= 'USD';
  return values;
}

/** "200,000" and "$ 200000" are numbers too; anything else goes to the API as typed, so it says why. */
function amount(text: string): number | string | undefined {
  const cleaned = text.replace(/[\s,$€£]/g, '');
  if (cleaned === '') return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : text;
}

/** Unchecked on purpose: the API validates and answers with a message per field. */
export function hourBody(values: CalculatorValues): HourValueInput {
  return {
    targetIncome: amount(values.targetIncome),
    hoursPerDay: amount(values.hoursPerDay),
    daysPerWeek: amount(values.daysPerWeek),
    weeksPerYear: amount(values.weeksPerYear),
    currency: values.currency,
  } as HourValueInput;
}

export const hasTask = (values: CalculatorValues): boolean => TASK_FIELDS.some((key) => values[key] !== '');

export function calculatorBody(values: CalculatorValues): TimeValueBody {
  const body: TimeValueBody = hourBody(values);
  if (hasTask(values)) {
    body.task = {
      hoursPerWeek: amount(values['task.hoursPerWeek']),
      rateMin: amount(values['task.rateMin']),
      rateMax: amount(values['task.rateMax']),
    } as NonNullable<TimeValueBody['task']>;
  }
  return body;
}

/** The figures kept in a cookie between the calculator and sign-up; anything unreadable is dropped. */
export function parsePending(text: string | undefined): HourValueInput | null {
  if (!text) return null;
  try {
    const parsed = hourValueInput.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function valuesFrom(
  figures: Figures,
  task: Pick<CalculatorValues, (typeof TASK_FIELDS)[number]> = EMPTY_VALUES,
): CalculatorValues {
  return {
    targetIncome: String(figures.targetIncome),
    hoursPerDay: String(figures.hoursPerDay),
    daysPerWeek: String(figures.daysPerWeek),
    weeksPerYear: String(figures.weeksPerYear),
    currency: figures.currency ?? 'USD',
    'task.hoursPerWeek': task['task.hoursPerWeek'],
    'task.rateMin': task['task.rateMin'],
    'task.rateMax': task['task.rateMax'],
  };
}

/** The task part of the page's address after a save: `?hours=4&rateMin=25&rateMax=50`. */
export function taskFromUrl(params: URLSearchParams): Pick<CalculatorValues, (typeof TASK_FIELDS)[number]> {
  return {
    'task.hoursPerWeek': params.get('hours') ?? '',
    'task.rateMin': params.get('rateMin') ?? '',
    'task.rateMax': params.get('rateMax') ?? '',
  };
}

export function taskQuery(values: CalculatorValues): string {
  const query = new URLSearchParams();
  if (values['task.hoursPerWeek']) query.set('hours', values['task.hoursPerWeek']);
  if (values['task.rateMin']) query.set('rateMin', values['task.rateMin']);
  if (values['task.rateMax']) query.set('rateMax', values['task.rateMax']);
  return query.size ? `&${query}` : '';
}

interface Figures {
  targetIncome: number;
  hoursPerDay: number;
  daysPerWeek: number;
  weeksPerYear: number;
  currency?: string | undefined;
}

export const sameFigures = (a: Figures, b: Figures | null): boolean =>
  b !== null &&
  a.targetIncome === b.targetIncome &&
  a.hoursPerDay === b.hoursPerDay &&
  a.daysPerWeek === b.daysPerWeek &&
  a.weeksPerYear === b.weeksPerYear &&
  (a.currency ?? 'USD') === (b.currency ?? 'USD');
