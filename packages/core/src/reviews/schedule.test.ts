import { describe, expect, it } from 'vitest';
import { addMonths, dueAfterCadenceChange, dueAfterReview, firstDue, nextScheduledDue } from './schedule.ts';

/** Every due date of a schedule up to `until`, walking it as reviews on their due dates would. */
function dues(start: string, cadence: Parameters<typeof nextScheduledDue>[1], count: number) {
  const out: string[] = [];
  let after = start;
  while (out.length < count) out.push((after = nextScheduledDue(start, cadence, after)));
  return out;
}

describe('review schedule', () => {
  it('is quarterly in the first year (start + 3, 6, 9, 12 months), then yearly', () => {
    expect(firstDue('2027-01-15')).toBe('2027-04-15');
    expect(dues('2027-01-15', 'standard', 7)).toEqual([
      '2027-04-15',
      '2027-07-15',
      '2027-10-15',
      '2028-01-15',
      '2029-01-15',
      '2030-01-15',
      '2031-01-15',
    ]);
  });

  it('counts each date from the start, clamping to the end of short months', () => {
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(dues('2027-11-30', 'standard', 3)).toEqual(['2028-02-29', '2028-05-30', '2028-08-30']);
  });

  it('follows the cadence the owner chose', () => {
    expect(dues('2027-01-15', 'quarterly', 6).slice(4)).toEqual(['2028-04-15', '2028-07-15']);
    expect(dues('2027-01-15', 'half-yearly', 3)).toEqual(['2027-07-15', '2028-01-15', '2028-07-15']);
    expect(dues('2027-01-15', 'yearly', 2)).toEqual(['2028-01-15', '2029-01-15']);
  });

  it('a cadence change counts from the last review, or from the start', () => {
    expect(dueAfterCadenceChange('2027-01-15', 'yearly', null)).toBe('2028-01-15');
    expect(dueAfterCadenceChange('2027-01-15', 'half-yearly', '2027-04-20')).toBe('2027-07-15');
    // Quarterly after a year of the standard schedule: the next quarter, not a year later.
    expect(dueAfterCadenceChange('2027-01-15', 'quarterly', '2028-01-15')).toBe('2028-04-15');
  });

  it('after a review (early or late) the next due is the schedule’s next date after that day', () => {
    expect(dueAfterReview('2027-01-15', 'standard', '2027-02-01', 'keep')).toBe('2027-04-15');
    expect(dueAfterReview('2027-01-15', 'standard', '2027-04-15', 'keep')).toBe('2027-07-15');
    expect(dueAfterReview('2027-01-15', 'standard', '2027-05-02', 'replace')).toBe('2027-07-15');
  });

  it('"improve" brings the next review forward to 30 days, never later than the schedule', () => {
    expect(dueAfterReview('2027-01-15', 'standard', '2027-04-15', 'improve')).toBe('2027-05-15');
    expect(dueAfterReview('2027-01-15', 'yearly', '2028-01-15', 'improve')).toBe('2028-02-14');
    expect(dueAfterReview('2027-01-15', 'standard', '2027-06-30', 'improve')).toBe('2027-07-15');
  });
});
