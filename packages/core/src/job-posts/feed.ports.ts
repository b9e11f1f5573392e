import type { BudgetBasis } from '@handoff/contracts';
import type { BidStatus, JobPostRecord } from './ports.ts';

/** A provider profile the feed is made for: what it serves. */
export interface FeedProvider {
  id: string;
  functions: string[];
  industries: string[];
}

export interface FeedFilters {
  q?: string | undefined;
  functionSlug?: string | undefined;
  industrySlug?: string | undefined;
  /** US dollars, against each job's budget converted from its currency. */
  budgetMinUsd?: number | undefined;
  budgetMaxUsd?: number | undefined;
  basis?: BudgetBasis | undefined;
  engagementType?: string | undefined;
  postedSince?: Date | undefined;
  sort: 'newest' | 'best';
  page: number;
  perPage: number;
}

export type FeedRow = Pick<
  JobPostRecord,
  | 'id'
  | 'title'
  | 'functionSlug'
  | 'industrySlug'
  | 'summary'
  | 'budgetBasis'
  | 'budgetMin'
  | 'budgetMax'
  | 'currency'
  | 'hoursPerWeek'
  | 'engagementType'
  | 'workLocation'
  | 'visibility'
  | 'startBy'
  | 'durationWeeks'
> & {
  publishedAt: Date;
  industryMatch: boolean;
  invited: boolean;
  bidStatus: BidStatus | null;
};

export interface JobPostFeedRepository {
  /** The profiles this user is a member of, oldest membership first. */
  providersOf(userId: string): Promise<FeedProvider[]>;
  /**
   * Open jobs the profile may see (public ones in its functions, and any it was invited to), with
   * the filters, one page of them and how many there are.
   */
  page(provider: FeedProvider, filters: FeedFilters): Promise<{ rows: FeedRow[]; total: number }>;
}

/** What matching a job to providers needs of it. */
export interface JobForMatching {
  id: string;
  ownerId: string;
  status: JobPostRecord['status'];
  title: string;
  functionSlug: string;
  visibility: JobPostRecord['visibility'];
}

export interface DigestJob {
  id: string;
  title: string;
  functionSlug: string;
  budgetBasis: BudgetBasis;
  budgetMin: number | null;
  budgetMax: number | null;
  currency: string;
}

export interface InstantNotification {
  kind: string;
  title: string;
  body: string;
  link: string;
}

/**
 * Who was told about which matching job: 'instant' (in-app when it opened) and 'digest' (the daily
 * e-mail). The primary key makes each once, however often a scan runs.
 */
export interface JobPostMatchesRepository {
  jobForMatching(jobPostId: string): Promise<JobForMatching | null>;
  /**
   * User ids (ascending, after `afterUserId`) of the members of published providers that serve the
   * job's function and may see it (invited, for an invite-only job); the job's owner left out.
   */
  matchingMembers(job: JobForMatching, afterUserId: string | null, limit: number): Promise<string[]>;
  /**
   * Records 'instant' matches for those of these users not told yet, each with its in-app
   * notification, in one statement; returns how many were new.
   */
  recordInstant(jobPostId: string, userIds: readonly string[], note: InstantNotification): Promise<number>;
  /**
   * Users (ascending, after `afterUserId`) with 'instant' matches on open jobs and no 'digest' row
   * yet, each with their stored e-mail setting for `kind` (null: never set).
   */
  pendingDigest(
    afterUserId: string | null,
    limit: number,
    kind: string,
  ): Promise<{ userId: string; emailPreference: boolean | null }[]>;
  /**
   * Writes the 'digest' rows of these users' pending matches on open jobs and returns, per user, the
   * jobs this call claimed (a concurrent scan claims each match once).
   */
  claimDigest(userIds: readonly string[], at: Date): Promise<Map<string, string[]>>;
  /** For the digest e-mail: the recipient, their setting, and those of the jobs still open. */
  digestContent(
    userId: string,
    jobPostIds: readonly string[],
    kind: string,
  ): Promise<{ to: string; emailPreference: boolean | null; jobs: DigestJob[] } | null>;
}
