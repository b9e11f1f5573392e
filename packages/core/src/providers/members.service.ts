import type { UsersRepository } from '../auth/ports.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { LinkSigner } from '../links.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { Transactor } from '../transaction.ts';
import { INVITATION_TTL_MS, maskEmail, parseInvitationToken } from './invitation-link.ts';
import type {
  InvitationDetails,
  ProviderInvitationRecord,
  ProviderMemberRecord,
  ProviderMembersRepository,
} from './members.ports.ts';
import type { MemberRole } from './ports.ts';

export interface ProviderMemberServiceDeps {
  transaction: Transactor;
  members: ProviderMembersRepository;
  users: Pick<UsersRepository, 'findById'>;
  signer: LinkSigner;
  clock: Clock;
  notifications: Pick<NotificationService, 'notify'>;
}

export type InvitationState = 'open' | 'accepted' | 'revoked' | 'expired';

export interface TeamView {
  /** The caller's role. */
  role: MemberRole;
  members: (ProviderMemberRecord & { you: boolean })[];
  invitations: (InvitationDetails & { expired: boolean })[];
}

export interface InvitationPreview {
  providerName: string;
  providerKind: InvitationDetails['providerKind'];
  inviterName: string | null;
  /** Masked: the link may have been forwarded. */
  email: string;
  expiresAt: Date;
  state: InvitationState;
  /** Why it cannot be accepted, said for the person holding the link; null when it can. */
  problem: string | null;
  /** Whether the signed-in viewer's address is the invited one; null when nobody is signed in. */
  forViewer: boolean | null;
}

/** Open invitations a profile may have at once, so the feature cannot be used to send bulk mail. */
export const MAX_OPEN_INVITATIONS = 50;

const NOT_FOUND = 'No provider profile with this id among yours';
const BAD_LINK =
  'This invitation link is not valid. Open it again from the e-mail (the whole link), or ask your colleague to invite you again.';
const USED =
  'This invitation has already been accepted. If it was you, the profile is in your provider editor; if not, ask for a new invitation.';
const REVOKED =
  'This invitation was withdrawn. Ask your colleague to invite you again if you should still join.';
const dateOf = (d: Date) => d.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });

export const wrongAccountMessage = (invitedEmail: string) =>
  `This invitation was sent to ${maskEmail(invitedEmail)}; sign in with that address`;

/** Who may edit a profile: inviting colleagues by e-mail, accepting, removing and leaving. */
export function createProviderMemberService({
  transaction,
  members,
  users,
  signer,
  clock,
  notifications,
}: ProviderMemberServiceDeps) {
  /** Non-members get the same 404 as for a profile that does not exist, like every provider route. */
  async function requireRole(userId: string, providerId: string): Promise<MemberRole> {
    const role = await members.roleOf(userId, providerId);
    if (!role) throw new NotFoundError(NOT_FOUND);
    return role;
  }

  function stateOf(inv: ProviderInvitationRecord, now: Date): InvitationState {
    if (inv.acceptedAt) return 'accepted';
    if (inv.revokedAt) return 'revoked';
    return inv.expiresAt <= now ? 'expired' : 'open';
  }

  function problemOf(inv: InvitationDetails, state: InvitationState): string | null {
    if (state === 'accepted') return USED;
    if (state === 'revoked') return REVOKED;
    if (state === 'expired') {
      return `This invitation expired on ${dateOf(inv.expiresAt)}. Ask ${inv.inviterName ?? 'your colleague'} to send a new one.`;
    }
    return null;
  }

  async function loadByToken(token: string): Promise<InvitationDetails> {
    const id = parseInvitationToken(signer, token);
    const invitation = id ? await members.findInvitation(id) : null;
    if (!invitation) throw new ValidationError(BAD_LINK, { token: BAD_LINK });
    return invitation;
  }

  return {
    async team(userId: string, providerId: string): Promise<TeamView> {
      const role = await requireRole(userId, providerId);
      const now = clock.now();
      const [list, invitations] = await Promise.all([
        members.listMembers(providerId),
        members.listOpenInvitations(providerId),
      ]);
      return {
        role,
        members: list.map((m) => ({ ...m, you: m.userId === userId })),
        invitations: invitations.map((i) => ({ ...i, expired: i.expiresAt <= now })),
      };
    },

    /** Inviting an address that has an open invitation sends that one again, with a fresh expiry. */
    async invite(
      userId: string,
      providerId: string,
      email: string,
    ): Promise<{ invitation: ProviderInvitationRecord; resent: boolean }> {
      await requireRole(userId, providerId);
      const address = email.trim().toLowerCase();
      const me = await users.findById(userId);
      if (me?.email.toLowerCase() === address) {
        const message = 'That is your own address; invite a colleague’s';
        throw new ValidationError(message, { email: message });
      }
      if (await members.isMemberByEmail(providerId, address)) {
        const message = `${address} is already a member of this profile`;
        throw new ConflictError(message, { email: message });
      }
      const open = await members.listOpenInvitations(providerId);
      if (open.length >= MAX_OPEN_INVITATIONS && !open.some((i) => i.email === address)) {
        throw new ConflictError(
          `A profile can have at most ${MAX_OPEN_INVITATIONS} open invitations; revoke some first`,
        );
      }
      return transaction(async (scope) => {
        const now = clock.now();
        const existing = await scope.members.findOpenInvitation(providerId, address);
        const invitation = await scope.members.upsertInvitation({
          providerId,
          email: address,
          invitedBy: userId,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
          at: now,
        });
        await scope.jobs.enqueue('email.provider-invitation', { invitationId: invitation.id });
        return { invitation, resent: existing !== null };
      });
    },

    async revoke(userId: string, providerId: string, invitationId: string): Promise<void> {
      await requireRole(userId, providerId);
      if (!(await members.revokeInvitation(providerId, invitationId, clock.now()))) {
        throw new NotFoundError('No open invitation with this id on this profile; it may have been accepted');
      }
    },

    /** Removing yourself is leaving; only the owner removes others, and the owner never goes. */
    async remove(userId: string, providerId: string, memberId: string): Promise<void> {
      const role = await requireRole(userId, providerId);
      if (memberId === userId) {
        if (role === 'owner') {
          throw new ConflictError(
            'You own this profile, so you cannot leave it: a profile always keeps its owner',
          );
        }
      } else {
        if (role !== 'owner') throw new ForbiddenError('Only the profile’s owner can remove members');
        const target = await members.roleOf(memberId, providerId);
        if (!target) throw new NotFoundError('This person is not a member of the profile');
        if (target === 'owner') throw new ForbiddenError('The owner cannot be removed from the profile');
      }
      if (!(await members.removeMember(providerId, memberId))) {
        throw new NotFoundError('This person is not a member of the profile');
      }
    },

    /** What the link's landing page shows. A forged or unknown link is a 400; other states are said. */
    async preview(token: string, viewerId: string | null): Promise<InvitationPreview> {
      const invitation = await loadByToken(token);
      const state = stateOf(invitation, clock.now());
      const viewer = viewerId ? await users.findById(viewerId) : null;
      return {
        providerName: invitation.providerName,
        providerKind: invitation.providerKind,
        inviterName: invitation.inviterName,
        email: maskEmail(invitation.email),
        expiresAt: invitation.expiresAt,
        state,
        problem: problemOf(invitation, state),
        forViewer: viewer ? viewer.email.toLowerCase() === invitation.email : null,
      };
    },

    /** Needs the account whose address was invited; accepting twice (same person) is not an error. */
    async accept(userId: string, token: string): Promise<{ providerId: string; providerName: string }> {
      const invitation = await loadByToken(token);
      const done = { providerId: invitation.providerId, providerName: invitation.providerName };
      if (invitation.acceptedBy === userId && (await members.roleOf(userId, invitation.providerId)))
        return done;
      const problem = problemOf(invitation, stateOf(invitation, clock.now()));
      if (problem) throw new ConflictError(problem);
      const user = await users.findById(userId);
      if (!user) throw new NotFoundError('Your account no longer exists');
      if (user.email.toLowerCase() !== invitation.email) {
        throw new ForbiddenError(wrongAccountMessage(invitation.email));
      }
      await transaction(async (scope) => {
        const now = clock.now();
        if (!(await scope.members.acceptInvitation(invitation.id, userId, now)))
          throw new ConflictError(USED);
        await scope.members.addMember(invitation.providerId, userId, 'member', now);
        await scope.members.grantProviderRole(userId);
        // The link reached this inbox, which proves the address.
        await scope.users.markEmailVerified(userId, now);
        if (invitation.invitedBy && invitation.invitedBy !== userId) {
          await notifications.notify(scope, {
            userId: invitation.invitedBy,
            kind: 'provider.member-joined',
            title: `${user.name} joined ${invitation.providerName}`,
            body: `${user.name} (${user.email}) accepted your invitation and can now edit the profile with you.`,
            link: '/provider/profile#team',
          });
        }
      });
      return done;
    },
  };
}

export type ProviderMemberService = ReturnType<typeof createProviderMemberService>;
