import { describe, expect, it } from 'vitest';
import { createComparisonCache } from '../src/modules/bids/comparison-cache.ts';

/** A computation that counts its calls and answers `text`. */
function counted(text: string) {
  const fn = async () => {
    fn.calls += 1;
    return text;
  };
  fn.calls = 0;
  return fn;
}

describe('the comparison cache', () => {
  it('serves the kept body while the stamp is the same, and computes again when it changes', async () => {
    const cache = createComparisonCache({ maxBytes: 1000 });
    const first = counted('{"v":1}');
    expect((await cache.get('job', 's1', first)).toString()).toBe('{"v":1}');
    expect((await cache.get('job', 's1', first)).toString()).toBe('{"v":1}');
    expect(first.calls).toBe(1);
    const second = counted('{"v":2}');
    expect((await cache.get('job', 's2', second)).toString()).toBe('{"v":2}');
    expect(second.calls).toBe(1);
    expect(cache.bytes).toBe(7);
  });

  it('shares one computation between requests missing the same body at once', async () => {
    const cache = createComparisonCache({ maxBytes: 1000 });
    let release = (_: string) => {};
    let calls = 0;
    const slow = () => {
      calls += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const both = Promise.all([cache.get('job', 's1', slow), cache.get('job', 's1', slow)]);
    release('{"v":1}');
    expect((await both).map(String)).toEqual(['{"v":1}', '{"v":1}']);
    expect(calls).toBe(1);
  });

  it('keeps nothing of a failed computation', async () => {
    const cache = createComparisonCache({ maxBytes: 1000 });
    const failing = async () => {
      throw new Error('database gone');
    };
    await expect(cache.get('job', 's1', failing)).rejects.toThrow('database gone');
    const ok = counted('{}');
    await cache.get('job', 's1', ok);
    expect(ok.calls).toBe(1);
  });

  it('drops the least recently used bodies past its size, and keeps none at size 0', async () => {
    const cache = createComparisonCache({ maxBytes: 20 });
    const a = counted('a'.repeat(8));
    const b = counted('b'.repeat(8));
    const c = counted('c'.repeat(8));
    await cache.get('a', 's', a);
    await cache.get('b', 's', b);
    await cache.get('a', 's', a); // a is now the most recently used
    await cache.get('c', 's', c); // 24 bytes: b goes
    expect(cache.bytes).toBe(16);
    await cache.get('a', 's', a);
    await cache.get('b', 's', b);
    expect([a.calls, b.calls, c.calls]).toEqual([1, 2, 1]);

    const none = createComparisonCache({ maxBytes: 0 });
    const n = counted('{}');
    await none.get('job', 's1', n);
    await none.get('job', 's1', n);
    expect([n.calls, none.bytes]).toEqual([2, 0]);
  });
});
