import type { PasswordHasher, UsersRepository } from '../auth/ports.ts';
import { notices as bidNotices } from '../bids/notices.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, UnauthorizedError, ValidationError } from '../errors.ts';
import { closedNotice, quoted } from '../job-posts/notices.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { Transactor, TxScope } from '../transaction.ts';
import type { Membership } from './data.ports.ts';

export interface AccountDeletionDeps {
  transaction: Transactor;
  users: Pick<UsersRepository, 'findCredentialsById'>;
  hasher: PasswordHasher;
  clock: Clock;
  notifications: Pick<NotificationService, 'notify'>;
}

const WRONG_PASSWORD = 'That is not your password. Nothing was deleted.';
const WRONG_PASSWORD_FIELD = 'That is not your password';
const OPERATOR =
  'An operator account cannot be deleted from settings, so the people desk always has someone; ask another operator.';

/**
 * Deleting an account, in one transaction: the row becomes a tombstone ("Former member") instead of
 * going, because other people's records point at it — bids an owner received, thread messages,
 * engagements — and some of those foreign keys cascade (job posts, engagements) or refuse (bid and
 * message authors). Everything personal is deleted; what others keep stays, authored by no one.
 */
export function createAccountDeletionService(deps: AccountDeletionDeps) {
  const { transaction, users, hasher, clock, notifications } = deps;

  /** A profile the person belongs to: they leave it, it passes on, or (alone) it is retired. */
  async function leave(scope: TxScope, who: { id: string; name: string }, m: Membership, at: Date) {
    if (m.others.length === 0) {
      const withdrawn = await scope.erasure.retireProvider(m.providerId, at);
      // Out of search at once, through the same job unpublishing uses.
      await scope.jobs.enqueue('search.remove-provider', { providerId: m.providerId });
      for (const bid of withdrawn) {
        await notifications.notify(scope, {
          userId: bid.ownerId,
          ...bidNotices.withdrawn({ jobPostId: bid.jobPostId, jobTitle: bid.jobTitle, providerName: m.name }),
        });
      }
      return;
    }
    // The colleague who joined first takes over an owned profile: it stays up, nobody has to act.
    const heir = m.role === 'owner' ? m.others[0]! : null;
    await scope.erasure.leaveProvider(m.providerId, who.id, heir?.userId ?? null, at);
    for (const other of m.others) {
      const yours = other.userId === heir?.userId;
      await notifications.notify(scope, {
        userId: other.userId,
        kind: 'provider.member-left',
        title: yours ? `You now own ${quoted(m.name)}` : `${who.name} left ${quoted(m.name)}`,
        body: yours
          ? `${who.name} deleted their Handoff account and the profile passed to you: you can edit it, invite colleagues and remove members.`
          : `${who.name} deleted their Handoff account and is no longer a member.${heir ? ` ${heir.name} owns the profile now.` : ''}`,
        link: '/provider/profile',
      });
    }
  }

  return {
    /** Returns the address the last e-mail goes to. */
    async deleteAccount(userId: string, input: { password: string }): Promise<{ email: string }> {
      const found = await users.findCredentialsById(userId);
      if (!found) throw new UnauthorizedError();
      if (!(await hasher.verify(found.passwordHash, input.password))) {
        throw new ValidationError(WRONG_PASSWORD, { password: WRONG_PASSWORD_FIELD });
      }
      const { user } = found;
      if (user.roles.includes('admin')) throw new ConflictError(OPERATOR);
      await transaction(async (scope) => {
        const at = clock.now();
        for (const membership of await scope.erasure.memberships(userId)) {
          await leave(scope, user, membership, at);
        }
        // Open jobs close as if the owner closed them, and their bidders hear it the same way.
        for (const job of await scope.jobPosts.listForOwner(userId, 'open')) {
          if (!(await scope.jobPosts.transition(userId, job.id, 'open', 'closed', at))) continue;
          const notice = closedNotice(job);
          for (const bidder of await scope.jobPosts.activeBidderMembers(job.id)) {
            await notifications.notify(scope, { userId: bidder, ...notice });
          }
        }
        await scope.erasure.deleteDrafts(userId);
        if (!(await scope.erasure.erase(userId, user.email, at))) {
          throw new ConflictError('This account was deleted already');
        }
        await scope.jobs.enqueue('email.account-deleted', { userId, email: user.email, name: user.name });
      });
      return { email: user.email };
    },
  };
}

export type AccountDeletionService = ReturnType<typeof createAccountDeletionService>;
