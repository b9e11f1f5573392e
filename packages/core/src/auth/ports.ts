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
    /** Set when the address is already proven (a sign-up finished from its e-mailed link). */
    emailVerifiedAt?: Date;
  }): Promise<UserRecord | null>;
  findById(id: string): Promise<UserRecord | null>;
  findCredentialsByEmail(email: string): Promise<{ user: UserRecord; passwordHash: string } | null>;
  findCredentialsById(id: string): Promise<{ user: UserRecord; passwordHash: string } | null>;
  markEmailVerified(id: string, at: Date): Promise<void>;
  /**
   * Also ends every access token issued before `at`, unless `endAccessTokens` is false (a change
   * made from a session that stays signed in, which ends the other sessions one by one instead).
   */
  setPassword(id: string, passwordHash: string, at: Date, endAccessTokens?: boolean): Promise<void>;
  /** Ends every access token issued before `at`. */
  endAccessTokens(id: string, at: Date): Promise<void>;
  setName(id: string, name: string, at: Date): Promise<UserRecord | null>;
  /**
   * Moves the account to `email` and marks it verified (only a link sent there leads here). Returns
   * null when another account holds the address; inside a transaction, throw right after that.
   */
  setEmail(id: string, email: string, at: Date): Promise<UserRecord | null>;
  /** Adds the role unless the user has it already; returns the user as they are now. */
  addRole(id: string, role: Role, at: Date): Promise<UserRecord | null>;
}

export interface RefreshSessionRecord {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** A signed-in session (a refresh-token family) as its newest live token describes it. */
export interface LiveSessionRecord {
  familyId: string;
  userAgent: string | null;
  ip: string | null;
  /** When the family's first token was issued: the log-in. */
  signedInAt: Date;
  lastSeenAt: Date;
}

/** What every authenticated request checks, read in one query. */
export interface AccessState {
  roles: Role[];
  /** Access tokens issued at or before this are refused; null when no cut-off was ever set. */
  validAfter: Date | null;
  /** null when the session was ended (logged out, signed out from another device, expired). */
  lastSeenAt: Date | null;
}

export interface RefreshSessionsRepository {
  create(input: {
    userId: string;
    familyId: string;
    tokenHash: string;
    expiresAt: Date;
    userAgent?: string | null;
    ip?: string | null;
    /** Issue time (the service's clock); the database's clock when absent. */
    at?: Date;
  }): Promise<void>;
  /**
   * Atomically marks a live (unused, unrevoked) session used and returns it; returns null if the
   * token is unknown or was already used or revoked, so two concurrent refreshes cannot both win.
   */
  consume(tokenHash: string, at: Date): Promise<RefreshSessionRecord | null>;
  findByHash(tokenHash: string): Promise<RefreshSessionRecord | null>;
  revokeFamily(familyId: string, at: Date): Promise<void>;
  revokeAllForUser(userId: string, at: Date): Promise<void>;
  /** undefined when the user does not exist. */
  accessState(userId: string, familyId: string, at: Date): Promise<AccessState | undefined>;
  /** Records activity on the session's live token. */
  touch(userId: string, familyId: string, at: Date): Promise<void>;
  /** The user's sessions that can still be refreshed, one per family. */
  listLive(userId: string, at: Date): Promise<LiveSessionRecord[]>;
  /** Ends one of this user's sessions; false when it is not theirs or had already ended. */
  revokeFamilyOfUser(userId: string, familyId: string, at: Date): Promise<boolean>;
  /** Ends every session of the user but one; returns how many sessions ended. */
  revokeOthers(userId: string, keepFamilyId: string, at: Date): Promise<number>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
