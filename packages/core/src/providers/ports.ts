import type { ProviderInputParsed, ProviderKind } from '@handoff/contracts';

/** A profile as written: the parsed request body with its slug settled. */
export type ProviderWrite = Omit<ProviderInputParsed, 'slug'> & { slug: string };

export type ProviderStatus = 'draft' | 'published';
export type MemberRole = 'owner' | 'member';

export interface ProviderRecord {
  id: string;
  slug: string;
  name: string;
  /** Null on a draft whose author has not chosen yet. */
  kind: ProviderKind | null;
  status: ProviderStatus;
  headline: string;
  bio: string;
  functions: { slug: string; duties: string[]; customDuties: string[] }[];
  industries: string[];
  packages: {
    id: string;
    name: string;
    description: string;
    price: number;
    billing: 'hourly' | 'monthly' | 'fixed';
    duties: string[];
  }[];
  rateMin: number | null;
  rateMax: number | null;
  currency: string;
  languages: string[];
  timezone: string | null;
  country: string | null;
  remote: boolean;
  onSite: boolean;
  teamSize: number | null;
  website: string | null;
  references: {
    id: string;
    name: string;
    email: string;
    company: string;
    role: string;
    /** YYYY-MM */
    periodFrom: string;
    periodTo: string | null;
    functionSlug: string;
    duties: string[];
  }[];
  /** Present when a logo was uploaded; its hash versions the logo URL. */
  logo: { sha256: string } | null;
  ratingAvg: number | null;
  ratingCount: number;
  verifiedReferenceCount: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type MemberProviderRecord = ProviderRecord & { role: MemberRole };

/** What the search index needs of a profile (no packages, references or logo). */
export type ProviderIndexSource = Pick<
  ProviderRecord,
  | 'id'
  | 'slug'
  | 'name'
  | 'kind'
  | 'status'
  | 'headline'
  | 'bio'
  | 'functions'
  | 'industries'
  | 'rateMin'
  | 'rateMax'
  | 'currency'
  | 'languages'
  | 'timezone'
  | 'country'
  | 'ratingAvg'
  | 'ratingCount'
  | 'verifiedReferenceCount'
  | 'updatedAt'
> & {
  /** First 16 hex digits of the logo's SHA-256, or null without a logo: the logo URL's version. */
  logoVersion: string | null;
  /** Its owner is suspended: search removes it, whatever its status. */
  hidden?: boolean;
};

export interface LogoUpload {
  contentType: string;
  bytes: Buffer;
  sha256: string;
}

export interface StoredLogo extends LogoUpload {
  providerStatus: ProviderStatus;
  updatedAt: Date;
}

/**
 * Every method that reads or changes one profile on a user's behalf takes that user and matches
 * their membership in the same statement: a non-member gets null/false, never the row.
 */
export interface ProvidersRepository {
  /**
   * Inserts the profile and its children, with `userId` as its owner member. A slug that was only
   * someone's old address becomes this profile's: the redirect goes (call it inside a transaction).
   */
  create(userId: string, write: ProviderWrite, at: Date): Promise<{ id: string }>;
  findForMember(userId: string, id: string): Promise<MemberProviderRecord | null>;
  listForMember(userId: string): Promise<MemberProviderRecord[]>;
  /**
   * Replaces the profile and all its children; false when the user is not a member. A new slug keeps
   * the old one as a redirect to this profile and drops any redirect the new one was (inside a
   * transaction, so the profile and its addresses change together).
   */
  replace(userId: string, id: string, write: ProviderWrite, at: Date): Promise<boolean>;
  setStatus(userId: string, id: string, status: ProviderStatus, at: Date): Promise<boolean>;
  setLogo(userId: string, id: string, logo: LogoUpload, at: Date): Promise<boolean>;
  isMember(userId: string, id: string): Promise<boolean>;
  countOwned(userId: string): Promise<number>;
  /** Slugs, current or old, that equal `base` or are `base-N`. */
  slugsLike(base: string): Promise<string[]>;
  /** Id of the profile whose current slug this is, if any (an old slug is held by nobody). */
  slugHolder(slug: string): Promise<string | null>;
  findPublishedBySlug(slug: string): Promise<ProviderRecord | null>;
  /** The current slug of the published profile that `oldSlug` used to be, if any. */
  publishedSlugFor(oldSlug: string): Promise<string | null>;
  findLogo(id: string): Promise<StoredLogo | null>;
  /** For the search sync: any status, no user. */
  indexSources(ids: string[]): Promise<ProviderIndexSource[]>;
  /** Published profiles ordered by id, after `afterId` (keyset paging for reindexing). */
  publishedIndexSources(afterId: string | null, limit: number): Promise<ProviderIndexSource[]>;
  countPublished(): Promise<number>;
}

/**
 * One provider as the search index stores it. The same shape as `ProviderDocument` in
 * @handoff/search (which core cannot import: search depends on db, db on core); packages/queue, which
 * sees both, fails to compile if they drift apart.
 */
export interface ProviderIndexDocument {
  id: string;
  slug: string;
  name: string;
  headline: string;
  bio: string;
  kind: ProviderKind;
  functions: string[];
  functionNames: string[];
  industries: string[];
  industryNames: string[];
  duties: string[];
  languages: string[];
  timezone: string;
  timezoneBand: 'americas' | 'europe_africa' | 'asia_pacific';
  country: string;
  rateMin: number;
  rateMax: number;
  currency: string;
  rateMinUsd: number;
  rateMaxUsd: number;
  ratingAvg: number | null;
  ratingCount: number;
  verifiedReferenceCount: number;
  logoVersion: string | null;
  published: boolean;
  updatedAt: string;
}

/** The part of a search index the profile side writes to (SearchIndex satisfies it). */
export interface ProviderIndex {
  upsert(docs: ProviderIndexDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  clear(): Promise<void>;
}
