import type { Role } from '@handoff/contracts';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  emailVerifiedAt: Date | null;
  /** Set while an operator has suspended the account: it cannot log in or refresh. */
  suspendedAt: Date | null;
  createdAt: Date;
}

export interface UsersRepository {
  /** Returns null when the e-mail is already taken (the unique index decides, not a prior read). */
  create(input: {
    email: string;
    name: string;
    passwordHash: string;
    roles: Role[];
  }): Promise<UserRecord | null>;
  findById(id: string): Promise<UserRecord | null>;
  findCredentialsByEmail(email: string): Promise<{ user: UserRecord; passwordHash: string } | null>;
  markEmailVerified(id: string, at: Date): Promise<void>;
  /** Also ends every access token issued before `at`. */
  setPassword(id: string, passwordHash: string, at: Date): Promise<void>;
  /** undefined when the user does not exist; null when no session cut-off was ever set. */
  sessionsValidAfter(id: string): Promise<Date | null | undefined>;
}

export interface RefreshSessionRecord {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export interface RefreshSessionsRepository {
  create(input: {
    userId: string;
    familyId: string;
    tokenHash: string;
    expiresAt: Date;
    userAgent?: string | null;
    ip?: string | null;
  }): Promise<void>;
  /**
   * Atomically marks a live (unused, unrevoked) session used and returns it; returns null if the
   * token is unknown or was already used or revoked, so two concurrent refreshes cannot both win.
   */
  consume(tokenHash: string, at: Date): Promise<RefreshSessionRecord | null>;
  findByHash(tokenHash: string): Promise<RefreshSessionRecord | null>;
  revokeFamily(familyId: string, at: Date): Promise<void>;
  revokeAllForUser(userId: string, at: Date): Promise<void>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
