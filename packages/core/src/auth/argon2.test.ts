import { describe, expect, it } from 'vitest';
import { argon2Hasher } from './argon2.ts';

describe('password hashing', () => {
  it('is argon2id with at least OWASP’s parameters (m = 19 MiB, t = 2, p = 1)', async () => {
    const stored = await argon2Hasher.hash('correct-horse-battery');
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
    expect(match, stored).not.toBeNull();
    const [, m, t, p] = match!.map(Number);
    expect(m).toBeGreaterThanOrEqual(19_456);
    expect(t).toBeGreaterThanOrEqual(2);
    expect(p).toBeGreaterThanOrEqual(1);
  });

  it('verifies the right password only, and a malformed hash as a plain no', async () => {
    const stored = await argon2Hasher.hash('correct-horse-battery');
    expect(await argon2Hasher.verify(stored, 'correct-horse-battery')).toBe(true);
    expect(await argon2Hasher.verify(stored, 'correct-horse-batterY')).toBe(false);
    expect(await argon2Hasher.verify('not-a-hash', 'anything')).toBe(false);
  });
});
