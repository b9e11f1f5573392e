import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from './ports.ts';

/** argon2id with the library's defaults (m=19456 KiB, t=2, p=1), the OWASP baseline. */
export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password),
  verify: async (stored, password) => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
};
