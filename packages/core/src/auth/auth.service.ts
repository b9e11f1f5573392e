import type { LogInBody, Role, SignUpBody } from '@handoff/contracts';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, GoneError, NotFoundError, UnauthorizedError } from '../errors.ts';
import { parseToken } from '../account/tokens.ts';
import type { LinkSigner } from '../links.ts';
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
  /** Signs and checks the links that finish a sign-up. */
  signer: LinkSigner;
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

/** How long the e-mailed link that finishes a sign-up works. */
export const SIGN_UP_TTL_MS = 24 * 60 * 60_000;

/** The one answer to a sign-up, whether or not the address has an account. */
export interface SignUpAccepted {
  message: string;
  email: string;
}

export const signUpAccepted = (email: string): SignUpAccepted => ({
  message: `We sent a link to ${email}. Open it within 24 hours to finish signing up.`,
  email,
});

const BAD_SIGN_UP_LINK =
  'This sign-up link is not valid. Open it again from the e-mail, or sign up again for a new one.';
const USED_SIGN_UP_LINK = 'This link was already used — log in';
const EXPIRED_SIGN_UP_LINK = 'This link has expired — sign up again';
const SIGNED_UP_ALREADY =
  'An account with this e-mail already exists — log in, or reset your password if you forgot it';

const WRONG_CREDENTIALS = 'E-mail or password is wrong';
const SESSION_ENDED = 'Your session has ended, please log in again';
export const SUSPENDED = 'This account is suspended by Handoff’s operators, so it cannot log in';
/** "Last seen" is written at most this often per session, not on every request. */
const LAST_SEEN_EVERY_MS = 60_000;

export function rolesFor(choice: SignUpBody['role']): Role[] {
  return choice === 'both' ? ['owner', 'provider'] : [choice];
}

export function createAuthService(deps: AuthServiceDeps) {
  const { users, sessions, hasher, clock, refreshTokenTtlMs, transaction, notifications, signer } = deps;
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
    /**
     * Answers the same, after the same work, whether or not the address has an account: a new one
     * gets a link that finishes the sign-up, a taken one an e-mail telling its owner they have an
     * account already. Either way nothing is created or changed until the link is followed.
     */
    async signUp(input: SignUpBody): Promise<SignUpAccepted> {
      // Hashed in both cases, so the time taken does not tell them apart either.
      const passwordHash = await hasher.hash(input.password);
      const now = clock.now();
      await transaction(async (scope) => {
        const existing = await scope.users.findCredentialsByEmail(input.email);
        if (existing) {
          await scope.jobs.enqueue('email.sign-up-taken', {
            userId: existing.user.id,
            attemptId: randomUUID(),
          });
          return;
        }
        const { id } = await scope.signUps.create({
          email: input.email,
          name: input.name,
          passwordHash,
          roles: rolesFor(input.role),
          expiresAt: new Date(now.getTime() + SIGN_UP_TTL_MS),
        });
        await scope.jobs.enqueue('email.finish-sign-up', { signUpId: id });
      });
      return signUpAccepted(input.email);
    },

    /**
     * Follows the e-mailed link: creates the account, already verified (the link proved the
     * address), with its welcome notice, and signs it in. Each link works once; when several were
     * sent for one address, the first followed creates the account and the others answer 409.
     */
    async confirmSignUp(token: string, client: ClientInfo = {}): Promise<IssuedSession> {
      const id = parseToken(signer, 'sign_up', token);
      if (!id) throw new NotFoundError(BAD_SIGN_UP_LINK);
      const user = await transaction(async (scope) => {
        const now = clock.now();
        const pending = await scope.signUps.findById(id);
        if (!pending) throw new NotFoundError(BAD_SIGN_UP_LINK);
        if (pending.usedAt) throw new GoneError(USED_SIGN_UP_LINK);
        if (pending.expiresAt <= now) throw new GoneError(EXPIRED_SIGN_UP_LINK);
        // Two clicks at once: only one marks it used.
        if (!(await scope.signUps.consume(id, now))) throw new GoneError(USED_SIGN_UP_LINK);
        const created = await scope.users.create({
          email: pending.email,
          name: pending.name,
          passwordHash: pending.passwordHash,
          roles: pending.roles,
          emailVerifiedAt: now,
        });
        // Throwing rolls the consume back: this link keeps saying the same thing.
        if (!created) throw new ConflictError(SIGNED_UP_ALREADY, { email: SIGNED_UP_ALREADY });
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
