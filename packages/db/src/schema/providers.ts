import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

/** Raw bytes: node-postgres returns a Buffer, PGlite a Uint8Array; both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Provider profiles. Function and industry slugs are not foreign keys: the taxonomy is versioned
 * static data in @handoff/core that validates them before every write, and the taxonomy tables are
 * only a copy for the web. `rating_avg`, `rating_count` and `verified_reference_count` are written by
 * the reviews and references features; search filters and sorts on them.
 */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Null on a draft whose author has not chosen yet; publishing requires it. */
    kind: text('kind').$type<'freelancer' | 'virtual_assistant' | 'firm'>(),
    status: text('status').$type<'draft' | 'published'>().notNull().default('draft'),
    headline: text('headline').notNull().default(''),
    bio: text('bio').notNull().default(''),
    rateMin: numeric('rate_min', { precision: 10, scale: 2, mode: 'number' }),
    rateMax: numeric('rate_max', { precision: 10, scale: 2, mode: 'number' }),
    currency: text('currency').notNull().default('USD'),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    timezone: text('timezone'),
    country: text('country'),
    remote: boolean('remote').notNull().default(true),
    onSite: boolean('on_site').notNull().default(false),
    teamSize: integer('team_size'),
    website: text('website'),
    ratingAvg: numeric('rating_avg', { precision: 3, scale: 2, mode: 'number' }),
    ratingCount: integer('rating_count').notNull().default(0),
    verifiedReferenceCount: integer('verified_reference_count').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Its owner's account is suspended: hidden from search and its public page until reinstated. */
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('providers_slug_idx').on(t.slug),
    check('providers_status_check', sql`${t.status} IN ('draft', 'published')`),
    check('providers_kind_check', sql`${t.kind} IN ('freelancer', 'virtual_assistant', 'firm')`),
    check('providers_rates_check', sql`${t.rateMin} <= ${t.rateMax}`),
    // Reindexing walks published profiles by id.
    index('providers_published_idx')
      .on(t.id)
      .where(sql`${t.status} = 'published'`),
  ],
);

/** Who may edit a provider account: the creator (owner) and the firm's other members. */
export const providerMembers = pgTable(
  'provider_members',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<'owner' | 'member'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.providerId, t.userId] }),
    index('provider_members_user_idx').on(t.userId),
    check('provider_members_role_check', sql`${t.role} IN ('owner', 'member')`),
  ],
);

/** Functions served, each with the template duties picked and the provider's own duties. */
export const providerFunctions = pgTable(
  'provider_functions',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    functionSlug: text('function_slug').notNull(),
    position: integer('position').notNull(),
    duties: jsonb('duties').$type<string[]>().notNull(),
    customDuties: jsonb('custom_duties').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.functionSlug] })],
);

export const providerIndustries = pgTable(
  'provider_industries',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    industrySlug: text('industry_slug').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.industrySlug] })],
);

export const providerPackages = pgTable(
  'provider_packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    price: numeric('price', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    billing: text('billing').$type<'hourly' | 'monthly' | 'fixed'>().notNull(),
    duties: jsonb('duties').$type<string[]>().notNull(),
  },
  (t) => [index('provider_packages_provider_idx').on(t.providerId)],
);

/** Customers a provider names as references; e-mails never leave the members' view. */
export const providerReferences = pgTable(
  'provider_references',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    company: text('company').notNull(),
    role: text('role').notNull(),
    /** First day of the first month they worked together. */
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    /** First day of the last month; null while it goes on. */
    periodTo: date('period_to', { mode: 'string' }),
    functionSlug: text('function_slug').notNull(),
    duties: jsonb('duties').$type<string[]>().notNull(),
  },
  (t) => [index('provider_references_provider_idx').on(t.providerId)],
);

/** At most 1 MB, type checked by magic bytes before it gets here. */
export const providerLogos = pgTable('provider_logos', {
  providerId: uuid('provider_id')
    .primaryKey()
    .references(() => providers.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  byteSize: integer('byte_size').notNull(),
  /** Hex SHA-256 of the bytes: the ETag, and the version in the logo URL. */
  sha256: text('sha256').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Invitations to join a firm's profile as a member, sent by e-mail (the link is `id.HMAC(id)`, so no
 * secret is stored). Accepting needs a signed-in account with the invited address; an invitation is
 * used once, can be revoked by a member, and expires.
 */
export const providerInvitations = pgTable(
  'provider_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    /** Lower-cased, as users.email is compared. */
    email: text('email').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('provider_invitations_provider_idx').on(t.providerId),
    // One open invitation per address and profile: inviting again re-sends it.
    uniqueIndex('provider_invitations_open_idx')
      .on(t.providerId, t.email)
      .where(sql`${t.acceptedAt} IS NULL AND ${t.revokedAt} IS NULL`),
  ],
);

/**
 * Slugs a profile had before: the public page answers an old slug with a permanent redirect to the
 * current one, so shared links keep working. A slug is either current (providers.slug) or here, never
 * both: taking a slug that is only a redirect removes the redirect.
 */
export const providerSlugRedirects = pgTable('provider_slug_redirects', {
  slug: text('slug').primaryKey(),
  providerId: uuid('provider_id')
    .notNull()
    .references(() => providers.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
