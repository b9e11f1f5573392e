import type { Role } from '@handoff/contracts';
import type { PasswordHasher, UserRecord, UsersRepository } from '../auth/ports.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError } from '../errors.ts';
import type { LinkSigner } from '../links.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { Transactor } from '../transaction.ts';
import type { AccountTokensRepository } from './ports.ts';
import { issueAccountToken, parseToken } from './tokens.ts';

export interface AccountSettingsDeps {
  transaction: Transactor;
  users: UsersRepository;
  tokens: AccountTokensRepository;
  hasher: PasswordHasher;
  signer: LinkSigner;
  clock: Clock;
  notifications: Pick<NotificationService, 'notify'>;
}

const WRONG_PASSWORD = 'That is not your current password';
const BAD_CONFIRM_LINK =
  'This confirmation link is invalid, expired or already used. Ask for a new one in Account settings.';
const BAD_UNDO_LINK = 'This undo link is invalid, expired (after 7 days) or already used.';
const takenMessage = (email: string) =>
  `Another Handoff account uses ${email}. Choose a different address, or log in to that account instead.`;

/** Changes a signed-in person makes to their own account, and the e-mailed links that finish them. */
export function createAccountSettingsService(deps: AccountSettingsDeps) {
  const { transaction, users, tokens, hasher, signer, clock, notifications } = deps;

  async function me(userId: string): Promise<{ user: UserRecord; passwordHash: string }> {
    const found = await users.findCredentialsById(userId);
    if (!found) throw new UnauthorizedError();
    return found;
  }

  async function checkPassword(stored: string, given: string, field: string) {
    if (!(await hasher.verify(stored, given)))
      throw new ValidationError(WRONG_PASSWORD, { [field]: WRONG_PASSWORD });
  }

  return {
    async account(userId: string): Promise<{ user: UserRecord; pendingEmail: string | null }> {
      const { user } = await me(userId);
      const pending = await tokens.findOpen(userId, 'change_email', clock.now());
      return { user, pendingEmail: pending?.email ?? null };
    },

    async rename(userId: string, name: string): Promise<UserRecord> {
      const user = await users.setName(userId, name, clock.now());
      if (!user) throw new UnauthorizedError();
      return user;
    },

    /** Sends a confirmation link to the new address; nothing changes until it is opened. */
    async requestEmailChange(userId: string, input: { email: string; password: string }): Promise<string> {
      const { user, passwordHash } = await me(userId);
      await checkPassword(passwordHash, input.password, 'password');
      if (input.email === user.email) {
        const same = 'That is already your e-mail address';
        throw new ValidationError(same, { email: same });
      }
      if (await users.findCredentialsByEmail(input.email)) {
        throw new ConflictError(takenMessage(input.email), { email: 'Another account uses this address' });
      }
      await transaction(async (scope) => {
        const now = clock.now();
        // Only the newest request counts: an older link to another address stops working.
        await scope.tokens.expireAll(userId, 'change_email', now);
        await issueAccountToken(scope, userId, 'change_email', now, input.email);
      });
      return input.email;
    },

    async confirmEmailChange(token: string): Promise<UserRecord> {
      const id = parseToken(signer, 'change_email', token);
      if (!id) throw new ValidationError(BAD_CONFIRM_LINK, { token: BAD_CONFIRM_LINK });
      return transaction(async (scope) => {
        const now = clock.now();
        const consumed = await scope.tokens.consume(id, 'change_email', now);
        if (!consumed?.email) throw new ValidationError(BAD_CONFIRM_LINK, { token: BAD_CONFIRM_LINK });
        const before = await scope.users.findById(consumed.userId);
        if (!before) throw new ValidationError(BAD_CONFIRM_LINK, { token: BAD_CONFIRM_LINK });
        // Throwing rolls back, so the link still works once the address is free again.
        const user = await scope.users.setEmail(consumed.userId, consumed.email, now);
        if (!user)
          throw new ConflictError(takenMessage(consumed.email), { token: takenMessage(consumed.email) });
        await issueAccountToken(scope, user.id, 'undo_email_change', now, before.email);
        return user;
      });
    },

    /** Puts the old address back and ends every session: whoever made the change is logged out. */
    async undoEmailChange(token: string): Promise<string> {
      const id = parseToken(signer, 'undo_email_change', token);
      if (!id) throw new ValidationError(BAD_UNDO_LINK, { token: BAD_UNDO_LINK });
      return transaction(async (scope) => {
        const now = clock.now();
        const consumed = await scope.tokens.consume(id, 'undo_email_change', now);
        if (!consumed?.email) throw new ValidationError(BAD_UNDO_LINK, { token: BAD_UNDO_LINK });
        const user = await scope.users.setEmail(consumed.userId, consumed.email, now);
        if (!user) {
          const taken = `${consumed.email} now belongs to another Handoff account, so it cannot be put back. Write to support from that address.`;
          throw new ConflictError(taken, { token: taken });
        }
        await scope.users.endAccessTokens(user.id, now);
        await scope.sessions.revokeAllForUser(user.id, now);
        // Links the other address could still use — to change the address again, to undo this undo,
        // or to reset the password — must die with its sessions.
        for (const purpose of ['change_email', 'undo_email_change', 'reset_password'] as const) {
          await scope.tokens.expireAll(user.id, purpose, now);
        }
        await notifications.notify(scope, {
          userId: user.id,
          kind: 'account.security',
          title: 'Your e-mail address was put back',
          body: `Your Handoff account uses ${user.email} again and every device was logged out. If you did not change it, choose a new password now.`,
          link: '/forgot-password',
        });
        return user.email;
      });
    },

    /** Ends every other session (their access tokens fail at once); this one stays signed in. */
    async changePassword(
      userId: string,
      sessionId: string,
      input: { currentPassword: string; newPassword: string },
    ): Promise<void> {
      const { passwordHash } = await me(userId);
      await checkPassword(passwordHash, input.currentPassword, 'currentPassword');
      if (input.currentPassword === input.newPassword) {
        const same = 'Choose a password different from your current one';
        throw new ValidationError(same, { newPassword: same });
      }
      const newHash = await hasher.hash(input.newPassword);
      await transaction(async (scope) => {
        const now = clock.now();
        await scope.users.setPassword(userId, newHash, now, false);
        await scope.sessions.revokeOthers(userId, sessionId, now);
        await scope.tokens.expireAll(userId, 'reset_password', now);
        await notifications.notify(scope, {
          userId,
          kind: 'account.security',
          title: 'Your password was changed',
          body: 'Your Handoff password was changed in Account settings and every other device was logged out. If this was not you, reset your password now and contact us.',
          link: '/settings',
        });
      });
    },

    async addRole(userId: string, role: Extract<Role, 'owner' | 'provider'>): Promise<UserRecord> {
      const user = await users.addRole(userId, role, clock.now());
      if (!user) throw new NotFoundError('This account no longer exists');
      return user;
    },
  };
}

export type AccountSettingsService = ReturnType<typeof createAccountSettingsService>;
