import type { Clock } from '../clock.ts';
import { ValidationError } from '../errors.ts';
import type { LinkSigner } from '../links.ts';
import type { PasswordHasher, UserRecord, UsersRepository } from '../auth/ports.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { Transactor } from '../transaction.ts';
import { issueAccountToken, parseToken } from './tokens.ts';

export interface AccountServiceDeps {
  transaction: Transactor;
  users: UsersRepository;
  hasher: PasswordHasher;
  signer: LinkSigner;
  clock: Clock;
  notifications: NotificationService;
}

const BAD_VERIFY_LINK =
  'This verification link is invalid, expired or already used. Send yourself a new one.';
const BAD_RESET_LINK = 'This password-reset link is invalid, expired or already used. Ask for a new one.';

export function createAccountService({
  transaction,
  users,
  hasher,
  signer,
  clock,
  notifications,
}: AccountServiceDeps) {
  return {
    async resendVerification(userId: string): Promise<void> {
      const user = await users.findById(userId);
      if (!user || user.emailVerifiedAt) return;
      await transaction((scope) => issueAccountToken(scope, userId, 'verify_email', clock.now()));
    },

    async verifyEmail(token: string): Promise<UserRecord> {
      const id = parseToken(signer, 'verify_email', token);
      if (!id) throw new ValidationError(BAD_VERIFY_LINK, { token: BAD_VERIFY_LINK });
      return transaction(async (scope) => {
        const now = clock.now();
        const consumed = await scope.tokens.consume(id, 'verify_email', now);
        if (!consumed) throw new ValidationError(BAD_VERIFY_LINK, { token: BAD_VERIFY_LINK });
        await scope.users.markEmailVerified(consumed.userId, now);
        const user = await scope.users.findById(consumed.userId);
        if (!user) throw new ValidationError(BAD_VERIFY_LINK, { token: BAD_VERIFY_LINK });
        return user;
      });
    },

    /** Same outcome whether or not the address has an account, so it reveals nothing. */
    async requestPasswordReset(email: string): Promise<void> {
      const found = await users.findCredentialsByEmail(email);
      if (!found) return;
      await transaction((scope) => issueAccountToken(scope, found.user.id, 'reset_password', clock.now()));
    },

    async resetPassword(token: string, password: string): Promise<void> {
      const id = parseToken(signer, 'reset_password', token);
      if (!id) throw new ValidationError(BAD_RESET_LINK, { token: BAD_RESET_LINK });
      const passwordHash = await hasher.hash(password);
      await transaction(async (scope) => {
        const now = clock.now();
        const consumed = await scope.tokens.consume(id, 'reset_password', now);
        if (!consumed) throw new ValidationError(BAD_RESET_LINK, { token: BAD_RESET_LINK });
        await scope.users.setPassword(consumed.userId, passwordHash, now);
        // Whoever knew the old password loses every session and every other reset link.
        await scope.sessions.revokeAllForUser(consumed.userId, now);
        await scope.tokens.expireAll(consumed.userId, 'reset_password', now);
        // Resetting by e-mail proves the address too.
        await scope.users.markEmailVerified(consumed.userId, now);
        await notifications.notify(scope, {
          userId: consumed.userId,
          kind: 'account.security',
          title: 'Your password was changed',
          body: 'Your Handoff password was reset and every device was logged out. If this was not you, reset it again now and contact us.',
          link: '/dashboard',
        });
      });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
