import type { Role } from '@handoff/contracts';

/** A person as the operator's list shows them. */
export interface PersonSummary {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  emailVerifiedAt: Date | null;
  suspendedAt: Date | null;
  /** The person deleted their account: a tombstone kept for what others still hold. */
  deletedAt: Date | null;
  createdAt: Date;
}

export interface PersonProfile {
  id: string;
  slug: string;
  name: string;
  status: 'draft' | 'published';
  role: 'owner' | 'member';
  hidden: boolean;
}

/** Something that happened to an account's security, newest first. */
export interface SecurityEvent {
  at: Date;
  kind: 'signed_in' | 'session_ended' | 'reset_requested' | 'password_reset' | 'verify_sent' | 'verified';
  detail: string;
}

export interface PersonDetail extends PersonSummary {
  suspendedReason: string | null;
  profiles: PersonProfile[];
  securityEvents: SecurityEvent[];
}

export type AuditAction = 'user.suspended' | 'user.reinstated';

export interface AuditEntry {
  id: string;
  actorId: string;
  actorEmail: string;
  action: AuditAction;
  targetUserId: string | null;
  targetEmail: string | null;
  reason: string;
  createdAt: Date;
}

export interface PeopleRepository {
  /** People whose e-mail or name contains `text` (any case), newest first; everyone when empty. */
  find(text: string, limit: number): Promise<PersonSummary[]>;
  detail(id: string, events: number): Promise<PersonDetail | null>;
  /**
   * Suspends (at a date) or reinstates (null) the account and hides or shows the profiles it owns;
   * returns those profiles' ids, for search to follow.
   */
  setSuspension(id: string, at: Date | null, reason: string | null): Promise<string[]>;
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /** Newest first; `before` is the last entry of the previous page. */
  auditLog(options: {
    limit: number;
    before?: { createdAt: Date; id: string } | undefined;
    targetUserId?: string | undefined;
  }): Promise<AuditEntry[]>;
}
