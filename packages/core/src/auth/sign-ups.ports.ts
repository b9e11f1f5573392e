import type { Role } from '@handoff/contracts';

/** A sign-up waiting for its e-mailed link: the account it will create, once the address is proven. */
export interface SignUpRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  roles: Role[];
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

export interface SignUpsRepository {
  create(input: {
    email: string;
    name: string;
    passwordHash: string;
    roles: Role[];
    expiresAt: Date;
  }): Promise<{ id: string }>;
  findById(id: string): Promise<SignUpRecord | null>;
  /** Atomically marks an unused, unexpired sign-up used; null if it was used, expired or unknown. */
  consume(id: string, at: Date): Promise<SignUpRecord | null>;
}
