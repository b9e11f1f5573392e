export type AccountTokenPurpose = 'verify_email' | 'reset_password';

export interface AccountTokenRecord {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface AccountTokensRepository {
  create(input: { userId: string; purpose: AccountTokenPurpose; expiresAt: Date }): Promise<{ id: string }>;
  findById(id: string): Promise<AccountTokenRecord | null>;
  /** Atomically marks an unused, unexpired token used; null if it was used, expired or unknown. */
  consume(id: string, purpose: AccountTokenPurpose, at: Date): Promise<AccountTokenRecord | null>;
  /** Ends every other open token of this purpose, e.g. older reset links once one was used. */
  expireAll(userId: string, purpose: AccountTokenPurpose, at: Date): Promise<void>;
}
