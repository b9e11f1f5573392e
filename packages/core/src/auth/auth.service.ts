import type { LogInBody, Role, SignUpBody } from '@handoff/contracts';
import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, UnauthorizedError } from '../errors.ts';
import { issueAccountToken } from '../account/tokens.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { Transactor } from '../transaction.ts';
import type { PasswordHasher, RefreshSessionsRepository, UserRecord, UsersRepository } from './ports.ts';
import { hashToken, newFamilyId, newOpaqueToken } from './tokens.ts';

export interface AuthServiceDeps {
  users: UsersRepository;
  sessions: RefreshSessionsRepository;
  hasher: PasswordHasher;
  clock: Clock;
  refreshTokenTtlMs: number;
  transaction: Transactor;
  notifications: Pick<NotificationService, 'notify'>;
}

export interface ClientInfo {
  userAgent?: string | null;
  ip?: string | null;
}

export interface IssuedSession {
  user: UserRecord;
  /** The refresh-token family: one per log-in, carried by its access tokens as `sid`. */
  sessionId: string;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

const WRONG_CREDENTIALS = 'E-mail or password is wrong';
const SESSION_ENDED = 'Your session has ended, please log in again';
export const SUSPENDED = 'This account is suspended by Handoff’s operators, so it cannot log in';
/** "Last seen" is written at most this often per session, not on every request. */
const LAST_SEEN_EVERY_MS = 60_000;

export function rolesFor(choice: SignUpBody['role']): Role[] {
  return choice === 'both' ? ['owner', 'provider'] : [choice];
}

export function createAuthService(deps: AuthServiceDeps) {
  const { users, sessions, hasher, clock, refreshTokenTtlMs, transaction, notifications } = deps;
  // Verifying against a real hash when the e-mail is unknown keeps both failures equally slow.
  let decoyHash: Promise<string> | undefined;
  const decoy = () => (decoyHash ??= hasher.hash('decoy-password-that-never-matches'));

  async function issue(user: UserRecord, familyId: string, client: ClientInfo): Promise<IssuedSession> {
    // Only reached with the right password or a live refresh token, so it tells nothing to a guesser.
    if (user.suspendedAt) throw new ForbiddenError(SUSPENDED);
    const refreshToken = newOpaqueToken();
    const now = clock.now();
    const refreshTokenExpiresAt = new Date(now.getTime() + refreshTokenTtlMs);
    await sessions.create({
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshTokenExpiresAt,
      userAgent: client.userAgent ?? null,
      ip: client.ip ?? null,
      at: now,
    });
    return { user, sessionId: familyId, refreshToken, refreshTokenExpiresAt };
  }

  return {
    async signUp(input: SignUpBody, client: ClientInfo = {}): Promise<IssuedSession> {
      const passwordHash = await hasher.hash(input.password);
      // The account, its verification e-mail and its welcome notification commit together.
      const user = await transaction(async (scope) => {
        const created = await scope.users.create({
          email: input.email,
          name: input.name,
          passwordHash,
          roles: rolesFor(input.role),
        });
        if (!created) return null;
        await issueAccountToken(scope, created.id, 'verify_email', clock.now());
        await notifications.notify(scope, {
          userId: created.id,
          kind: 'account.welcome',
          title: 'Welcome to Handoff',
          body: created.roles.includes('owner')
            ? 'Start by working out what your hour is worth, then hand off the tasks that cost you more than they should.'
            : 'Start by completing your provider profile so owners can find you by function and industry.',
          link: '/dashboard',
        });
        return created;
      });
      if (!user) {
        throw new ConflictError('An account with this e-mail already exists. Log in instead?', {
          email: 'An account with this e-mail already exists',
        });
      }
      return issue(user, newFamilyId(), client);
    },

    async logIn(input: LogInBody, client: ClientInfo = {}): Promise<IssuedSession> {
      const found = await users.findCredentialsByEmail(input.email);
      const ok = await hasher.verify(found?.passwordHash ?? (await decoy()), input.password);
      if (!found || !ok) throw new UnauthorizedError(WRONG_CREDENTIALS);
      return issue(found.user, newFamilyId(), client);
    },

    /** Rotates: the presented token is spent and a new one in the same family is returned. */
    async refresh(refreshToken: string, client: ClientInfo = {}): Promise<IssuedSession> {
      const now = clock.now();
      const tokenHash = hashToken(refreshToken);
      const consumed = await sessions.consume(tokenHash, now);
      if (!consumed) {
        const known = await sessions.findByHash(tokenHash);
        // A spent token coming back means it was copied: end every session descended from it.
        if (known) await sessions.revokeFamily(known.familyId, now);
        throw new UnauthorizedError(SESSION_ENDED);
      }
      if (consumed.expiresAt <= now) throw new UnauthorizedError(SESSION_ENDED);
      const user = await users.findById(consumed.userId);
      if (!user) throw new UnauthorizedError(SESSION_ENDED);
      return issue(user, consumed.familyId, client);
    },

    async logOut(refreshToken: string): Promise<void> {
      const known = await sessions.findByHash(hashToken(refreshToken));
      if (known) await sessions.revokeFamily(known.familyId, clock.now());
    },

    /**
     * Access tokens are stateless, so an ended session (logged out, signed out from settings, a
     * password change or reset) would leave stolen ones working until they expire. This check, made
     * on every authenticated request, ends them at once, and answers with the roles the user has
     * now, so a role added in settings works without a new token. Null: refuse the token.
     */
    async currentAccess(userId: string, sessionId: string, issuedAtMs: number): Promise<Role[] | null> {
      const now = clock.now();
      const state = await sessions.accessState(userId, sessionId, now);
      if (!state || !state.lastSeenAt) return null;
      if (state.validAfter && issuedAtMs <= state.validAfter.getTime()) return null;
      if (now.getTime() - state.lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS) {
        await sessions.touch(userId, sessionId, now);
      }
      return state.roles;
    },

    /** When a token issued now counts as issued (the service's clock, the same one resets use). */
    issuedAt: (): number => clock.now().getTime(),

    async me(userId: string): Promise<UserRecord> {
      const user = await users.findById(userId);
      if (!user) throw new UnauthorizedError();
      return user;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
