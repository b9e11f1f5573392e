import {
  fieldErrors,
  hourValueInput,
  taskCostInput,
  timeValueBody,
  type HourValueInputParsed,
  type TaskValue,
  type TimeValue,
} from '@handoff/contracts';
import { ValidationError } from '../errors.ts';

// "What is my hour worth": target yearly income over productive hours, and what a task's hours cost
// at that value against a provider's rate. Pure: the calculator works before sign-up. Inputs are
// parsed with the contracts' schemas, so a bad figure gets the same message here as at the api.

const cents = (n: number) => Math.round(n * 100) / 100;

interface Schema<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

function parse<T>(schema: Schema<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error.issues);
  throw new ValidationError(Object.values(fields)[0] ?? 'These figures are not valid', fields);
}

export interface HourValue {
  hourValue: number;
  productiveHoursPerYear: number;
}

/** $200,000 at 3 h × 5 d × 52 w → 780 productive hours → $256.41 an hour. */
export function hourValue(input: unknown): HourValue {
  const p = parse(hourValueInput, input);
  const productiveHoursPerYear = cents(p.hoursPerDay * p.daysPerWeek * p.weeksPerYear);
  return { hourValue: cents(p.targetIncome / productiveHoursPerYear), productiveHoursPerYear };
}

/**
 * A task's hours at the owner's hour value against a provider's rate range: 4 h a week at $250/h is
 * $1,000 of the owner's time; a $25–50/h bookkeeper costs $100–200 of it, so handing it off gains
 * $800–900 a week. A year is the owner's working weeks.
 */
export function taskValue(value: number, task: unknown, weeksPerYear = 52): TaskValue {
  const t = parse(taskCostInput, task);
  const rateMax = t.rateMax ?? t.rateMin;
  const ownerCostPerWeek = cents(t.hoursPerWeek * value);
  const provider = { min: cents(t.hoursPerWeek * t.rateMin), max: cents(t.hoursPerWeek * rateMax) };
  const gain = { min: cents(ownerCostPerWeek - provider.max), max: cents(ownerCostPerWeek - provider.min) };
  const yearly = (r: { min: number; max: number }) => ({
    min: cents(r.min * weeksPerYear),
    max: cents(r.max * weeksPerYear),
  });
  return {
    hoursPerWeek: t.hoursPerWeek,
    rateMin: t.rateMin,
    rateMax,
    ownerCostPerWeek,
    ownerCostPerYear: cents(ownerCostPerWeek * weeksPerYear),
    providerCostPerWeek: provider,
    providerCostPerYear: yearly(provider),
    gainPerWeek: gain,
    gainPerYear: yearly(gain),
    worthHandingOff: gain.min > 0,
  };
}

/** The calculator: the hour value, and a task's figures when one is given. */
export function timeValue(input: unknown): TimeValue {
  const p = parse(timeValueBody, input);
  const { hourValue: value, productiveHoursPerYear } = hourValue(p);
  return {
    currency: p.currency,
    hourValue: value,
    productiveHoursPerYear,
    task: p.task ? taskValue(value, p.task, p.weeksPerYear) : null,
  };
}

/** The figures an owner saved (the profile), checked like the calculator's. */
export function parseHourValueInput(input: unknown): HourValueInputParsed {
  return parse(hourValueInput, input);
}
