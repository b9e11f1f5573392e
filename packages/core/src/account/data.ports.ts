import type { AccountExport } from '@handoff/contracts';

/**
 * The export as the database reads it: any plain string in it may still be a timestamp (a Date).
 * Literal types (roles, sides) stay as they are.
 */
export type Readable<T> = T extends string
  ? string extends T
    ? T | Date
    : T
  : T extends readonly (infer U)[]
    ? Readable<U>[]
    : T extends object
      ? { [K in keyof T]: Readable<T[K]> }
      : T;

/** What `isoDates` makes of a value: every Date an ISO string, as JSON would write it. */
export type IsoDates<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? IsoDates<U>[]
    : T extends object
      ? { [K in keyof T]: IsoDates<T[K]> }
      : T;

export function isoDates<T>(value: T): IsoDates<T> {
  if (value instanceof Date) return value.toISOString() as IsoDates<T>;
  if (Array.isArray(value)) return value.map(isoDates) as IsoDates<T>;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isoDates(v)])) as IsoDates<T>;
  }
  return value as IsoDates<T>;
}

/** The parts of the export read from the database (the service adds the envelope and the settings). */
export type AccountData = Omit<
  AccountExport,
  'format' | 'version' | 'exportedAt' | 'about' | 'notificationSettings'
>;

export interface AccountExportRepository {
  /** Everything the account holds and may see, by explicit columns; null for no (or a deleted) account. */
  collect(userId: string): Promise<Readable<AccountData> | null>;
}

/** A provider profile the account belongs to, with the other members in the order they joined. */
export interface Membership {
  providerId: string;
  name: string;
  role: 'owner' | 'member';
  others: { userId: string; name: string; role: 'owner' | 'member' }[];
}

/** An active bid a retired profile took back, for telling the job's owner. */
export interface WithdrawnBid {
  bidId: string;
  jobPostId: string;
  jobTitle: string;
  ownerId: string;
}

/** The writes of an account deletion; all of them run in the deletion's one transaction. */
export interface AccountErasureRepository {
  memberships(userId: string): Promise<Membership[]>;
  /** Takes the user off the profile; an `heir` (another member) becomes its owner. */
  leaveProvider(providerId: string, userId: string, heir: string | null, at: Date): Promise<void>;
  /**
   * A profile nobody else belongs to: unpublished, its name and texts replaced, its reference
   * contacts, logo, old slugs and open invitations deleted, its members removed. The row stays so the
   * bids and engagements of other people that name it keep a provider. Its active bids are withdrawn.
   */
  retireProvider(providerId: string, at: Date): Promise<WithdrawnBid[]>;
  /** Drafts nobody else has seen. */
  deleteDrafts(ownerId: string): Promise<void>;
  /**
   * Deletes every personal row of the account (sessions, links, notifications and their settings,
   * owner profile and worksheet, saved providers, thread read marks, invitations and mail log
   * entries addressed to `email`) and turns the users row into a tombstone. False when the account
   * was already deleted.
   */
  erase(userId: string, email: string, at: Date): Promise<boolean>;
}
