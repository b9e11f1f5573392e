import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { hourValue, taskValue, timeValue } from './time-value.ts';

const design = { targetIncome: 200_000, hoursPerDay: 3, daysPerWeek: 5, weeksPerYear: 52 };

/** The ValidationError `fn` throws, or a failure when it throws none. */
function rejection(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('hourValue', () => {
  it('is $200,000 over 3 h × 5 d × 52 w ≈ $256.41', () => {
    expect(hourValue(design)).toEqual({ hourValue: 256.41, productiveHoursPerYear: 780 });
  });

  it('takes fractional hours and days', () => {
    expect(hourValue({ ...design, hoursPerDay: 2.5, daysPerWeek: 4.5, weeksPerYear: 48 }).hourValue).toBe(
      370.37,
    );
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a zero income', { targetIncome: 0 }, 'targetIncome', /more than 0/],
    ['a negative income', { targetIncome: -5 }, 'targetIncome', /more than 0/],
    ['an income over a billion', { targetIncome: 2e9 }, 'targetIncome', /at most 1,000,000,000/],
    ['an income typed as text', { targetIncome: 'lots' }, 'targetIncome', /as a number/],
    ['a missing income', { targetIncome: undefined }, 'targetIncome', /as a number/],
    ['zero hours a day', { hoursPerDay: 0 }, 'hoursPerDay', /more than 0/],
    ['more than 24 hours a day', { hoursPerDay: 25 }, 'hoursPerDay', /A day has 24 hours/],
    ['more than 7 days a week', { daysPerWeek: 8 }, 'daysPerWeek', /A week has 7 days/],
    ['more than 52 weeks a year', { weeksPerYear: 53 }, 'weeksPerYear', /A year has 52 weeks/],
    ['not a number at all', { weeksPerYear: Number.NaN }, 'weeksPerYear', /as a number/],
    ['an infinite figure', { hoursPerDay: Number.POSITIVE_INFINITY }, 'hoursPerDay', /./],
  ])('refuses %s, naming the field', (_what, change, field, message) => {
    const error = rejection(() => hourValue({ ...design, ...change }));
    expect(error.fields?.[field]).toMatch(message);
    expect(error.message).toMatch(message);
  });
});

describe('taskValue', () => {
  it('a consultant at $250/h spending 4 h a week invoicing loses $1,000; a $25–50/h bookkeeper gains $800–900', () => {
    const t = taskValue(250, { hoursPerWeek: 4, rateMin: 25, rateMax: 50 });
    expect(t).toMatchObject({
      ownerCostPerWeek: 1000,
      providerCostPerWeek: { min: 100, max: 200 },
      gainPerWeek: { min: 800, max: 900 },
      gainPerYear: { min: 41_600, max: 46_800 },
      ownerCostPerYear: 52_000,
      worthHandingOff: true,
    });
  });

  it('counts a year in the owner’s working weeks, and takes one rate as a range of one', () => {
    const t = taskValue(100, { hoursPerWeek: 2, rateMin: 40 }, 48);
    expect(t).toMatchObject({ rateMax: 40, gainPerWeek: { min: 120, max: 120 }, gainPerYear: { min: 5760 } });
  });

  it('says when handing off costs more than the owner’s own time', () => {
    const t = taskValue(30, { hoursPerWeek: 10, rateMin: 25, rateMax: 60 });
    expect(t.gainPerWeek).toEqual({ min: -300, max: 50 });
    expect(t.worthHandingOff).toBe(false);
  });

  it.each<[Record<string, unknown>, string, RegExp]>([
    [{ hoursPerWeek: 0, rateMin: 25 }, 'hoursPerWeek', /more than 0/],
    [{ hoursPerWeek: 200, rateMin: 25 }, 'hoursPerWeek', /168 hours/],
    [{ hoursPerWeek: 4, rateMin: -1 }, 'rateMin', /more than 0/],
    [{ hoursPerWeek: 4, rateMin: 50, rateMax: 25 }, 'rateMax', /cannot be below/],
  ])('refuses %o', (task, field, message) => {
    expect(rejection(() => taskValue(250, task)).fields?.[field]).toMatch(message);
  });
});

describe('timeValue', () => {
  it('gives the hour value and, with a task, what handing it off gains', () => {
    const v = timeValue({
      ...design,
      targetIncome: 195_000,
      task: { hoursPerWeek: 4, rateMin: 25, rateMax: 50 },
    });
    expect(v).toMatchObject({
      currency: 'USD',
      hourValue: 250,
      task: { gainPerWeek: { min: 800, max: 900 } },
    });
    expect(timeValue(design)).toEqual({
      currency: 'USD',
      hourValue: 256.41,
      productiveHoursPerYear: 780,
      task: null,
    });
  });

  it('names a task’s bad field by its path', () => {
    const error = rejection(() => timeValue({ ...design, task: { hoursPerWeek: -1, rateMin: 25 } }));
    expect(Object.keys(error.fields ?? {})).toEqual(['task.hoursPerWeek']);
  });
});
