export type AccountTokenPurpose = 'verify_email' | 'reset_password' | 'change_email' | 'undo_email_change';

export interface AccountTokenRecord {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  /** The new address (change_email) or the old one to restore (undo_email_change); else null. */
  email: string | null;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface AccountTokensRepository {
  create(input: {
    userId: string;
    purpose: AccountTokenPurpose;
    expiresAt: Date;
    email?: string | null;
  }): Promise<{ id: string }>;
  findById(id: string): Promise<AccountTokenRecord | null>;
  /** The newest unused, unexpired token of this purpose (a pending e-mail change, say). */
  findOpen(userId: string, purpose: AccountTokenPurpose, at: Date): Promise<AccountTokenRecord | null>;
  /** Atomically marks an unused, unexpired token used; null if it was used, expired or unknown. */
  consume(id: string, purpose: AccountTokenPurpose, at: Date): Promise<AccountTokenRecord | null>;
  /** Ends every other open token of this purpose, e.g. older reset links once one was used. */
  expireAll(userId: string, purpose: AccountTokenPurpose, at: Date): Promise<void>;
}
