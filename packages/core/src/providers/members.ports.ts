import type { ProviderKind } from '@handoff/contracts';
import type { MemberRole } from './ports.ts';

export interface ProviderMemberRecord {
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  joinedAt: Date;
}

export interface ProviderInvitationRecord {
  id: string;
  providerId: string;
  /** Lower-cased. */
  email: string;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedBy: string | null;
  revokedAt: Date | null;
}

/** An invitation with what its e-mail and its landing page say about it. */
export interface InvitationDetails extends ProviderInvitationRecord {
  providerName: string;
  providerKind: ProviderKind | null;
  inviterName: string | null;
}

/**
 * Members and invitations of one profile. Every method is keyed by the profile: an invitation or a
 * member of another profile is never touched. Whether the acting user may do it is the service's
 * question, asked through `roleOf` first.
 */
export interface ProviderMembersRepository {
  /** The user's role in the profile, or null when they are not a member (or it does not exist). */
  roleOf(userId: string, providerId: string): Promise<MemberRole | null>;
  /** Owner first, then by joining date. */
  listMembers(providerId: string): Promise<ProviderMemberRecord[]>;
  isMemberByEmail(providerId: string, email: string): Promise<boolean>;
  /** Neither accepted nor revoked (expired ones included: they still hold the address's slot). */
  listOpenInvitations(providerId: string): Promise<InvitationDetails[]>;
  findOpenInvitation(providerId: string, email: string): Promise<ProviderInvitationRecord | null>;
  /**
   * Creates the open invitation for this address, or, when there is one, gives it a fresh expiry
   * (one statement, so two clicks on "Invite" cannot make two).
   */
  upsertInvitation(input: {
    providerId: string;
    email: string;
    invitedBy: string;
    expiresAt: Date;
    at: Date;
  }): Promise<ProviderInvitationRecord>;
  findInvitation(id: string): Promise<InvitationDetails | null>;
  /** False when it is not an open invitation of this profile. */
  revokeInvitation(providerId: string, id: string, at: Date): Promise<boolean>;
  /** Atomically marks an open, unexpired invitation accepted; null if someone got there first. */
  acceptInvitation(id: string, userId: string, at: Date): Promise<ProviderInvitationRecord | null>;
  /** Adds a member; false (and no change) when they already were one. */
  addMember(providerId: string, userId: string, role: MemberRole, at: Date): Promise<boolean>;
  /** Removes a member who is not the owner; false when there was no such member. */
  removeMember(providerId: string, userId: string): Promise<boolean>;
  /** Gives the account the provider role unless it has it. */
  grantProviderRole(userId: string): Promise<void>;
}
