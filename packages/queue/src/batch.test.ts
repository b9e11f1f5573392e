import { describe, expect, it } from 'vitest';
import { createBatcher } from './batch.ts';

describe('createBatcher', () => {
  it('runs the calls made together as one batch and gives each caller its own result', async () => {
    const batches: number[][] = [];
    const double = createBatcher(async (xs: number[]) => {
      batches.push(xs);
      return xs.map((x) => x * 2);
    });
    expect(await Promise.all([double(1), double(2), double(3)])).toEqual([2, 4, 6]);
    expect(await double(4)).toBe(8);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('splits at maxBatch', async () => {
    const sizes: number[] = [];
    const same = createBatcher(
      async (xs: number[]) => {
        sizes.push(xs.length);
        return xs;
      },
      { maxBatch: 2 },
    );
    expect(await Promise.all([1, 2, 3, 4, 5].map(same))).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('rejects every caller in a batch that failed, and only them', async () => {
    let fail = true;
    const run = createBatcher(async (xs: string[]) => {
      if (fail) throw new Error('database down');
      return xs;
    });
    const failed = await Promise.allSettled([run('a'), run('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await run('c')).toBe('c');
  });

  it('rejects rather than mismatching results with callers', async () => {
    const short = createBatcher(async (xs: string[]) => xs.slice(1));
    await expect(Promise.all([short('a'), short('b')])).rejects.toThrow(/1 results for 2 inputs/);
  });
});
