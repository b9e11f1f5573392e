import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored trimmed and lower-cased by the contracts schema, so a plain unique index is enough. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  /** Access tokens issued before this (a password reset, an undone e-mail change) are no longer accepted. */
  sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true }),
  /** Set by an operator: the person cannot log in and their profiles are hidden until reinstated. */
  suspendedAt: timestamp('suspended_at', { withTimezone: true }),
  suspendedReason: text('suspended_reason'),
  /**
   * Set when the person deleted their account. The row stays as a tombstone (name "Former member", an
   * address that is no address, no usable password) so what other people keep — bids they received,
   * threads, engagements — still has an author; everything personal on it is erased.
   */
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per refresh token ever issued. Rotation marks the old row used and inserts its successor
 * in the same family; presenting a used token again revokes the whole family (reuse detection).
 */
export const refreshSessions = pgTable(
  'refresh_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** The browser and address that presented this token, shown in the account's session list. */
    userAgent: text('user_agent'),
    ip: text('ip'),
    /** Bumped (at most once a minute) by requests made with this session's access tokens. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('refresh_sessions_family_idx').on(t.familyId),
    index('refresh_sessions_user_idx').on(t.userId),
  ],
);

/**
 * Sign-ups waiting for their e-mailed link. The account is created only when the link is followed
 * (it proves the address), so answering a sign-up never says whether the address has an account.
 * The link carries the row id and an HMAC of it, as account links do; nothing secret is stored
 * here but the password hash the account will get. Several may be open for one address: each link
 * works once for 24 hours and the first one followed creates the account. Purged a day after expiry.
 */
export const signUps = pgTable(
  'sign_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_ups_email_idx').on(t.email), index('sign_ups_expires_idx').on(t.expiresAt)],
);

/**
 * Every operator action, append-only: no route updates or deletes a row, and a trigger (migration
 * 0014) refuses UPDATE and DELETE in the database itself. Ids are kept without foreign keys so the
 * record outlives the accounts it names.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id').notNull(),
    actorEmail: text('actor_email').notNull(),
    action: text('action').notNull(),
    targetUserId: uuid('target_user_id'),
    targetEmail: text('target_email'),
    reason: text('reason').notNull().default(''),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('audit_log_target_idx').on(t.targetUserId, t.createdAt.desc()),
  ],
);
