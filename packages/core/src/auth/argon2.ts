import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from './ports.ts';

/**
 * argon2id at OWASP's baseline (m = 19 MiB, t = 2, p = 1), spelled out rather than left to the
 * library's defaults, so an upgrade cannot weaken it silently (argon2.test.ts reads it back).
 */
export const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, ARGON2_OPTIONS),
  verify: async (stored, password) => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
};
