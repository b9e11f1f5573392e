import type { BudgetBasis, JobPostInputParsed, JobPostStatus, ProviderKind } from '@handoff/contracts';

export type { JobPostStatus };
export type BidStatus = 'active' | 'withdrawn' | 'declined' | 'accepted' | 'not_selected';
export type Visibility = 'public' | 'invite_only';

export interface JobPostDuty {
  id: string;
  text: string;
}

export interface JobPostBenchmark {
  id: string;
  objective: string;
  target: string;
  cadence: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
}

export interface JobPostRecord {
  id: string;
  ownerId: string;
  status: JobPostStatus;
  title: string;
  functionSlug: string;
  industrySlug: string | null;
  summary: string;
  duties: JobPostDuty[];
  benchmarks: JobPostBenchmark[];
  processNotes: string;
  trainingLinks: { label: string; url: string }[];
  /** YYYY-MM-DD */
  startBy: string | null;
  durationWeeks: number | null;
  budgetBasis: BudgetBasis;
  budgetMin: number | null;
  budgetMax: number | null;
  currency: string;
  hoursPerWeek: number | null;
  engagementType: 'freelancer' | 'virtual_assistant' | 'firm' | 'any';
  workLocation: 'remote' | 'on_site' | 'hybrid';
  underBudgetBonus: string;
  earlyFinishBonus: string;
  visibility: Visibility;
  revision: number;
  publishedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A job as written: the parsed body (duties and benchmarks sent with an id keep it). */
export type JobPostWrite = JobPostInputParsed;

export interface BidStats {
  bids: Record<BidStatus, number>;
  /** Messages from providers in the job's bid threads the owner has not read. */
  unreadMessages: number;
  invitations: number;
}

export type JobPostSummaryRecord = Omit<
  JobPostRecord,
  'duties' | 'benchmarks' | 'summary' | 'processNotes' | 'trainingLinks'
> &
  BidStats;

/** What a provider member may see of a job they are not the owner of, with how they relate to it. */
export interface ViewerJobPost {
  job: JobPostRecord;
  /** One of the viewer's profiles was invited. */
  invited: boolean;
  /** The bid of one of the viewer's profiles, if any. */
  myBid: { id: string; providerId: string; status: BidStatus } | null;
}

/**
 * Job posts. Every method acting for an owner takes the owner's id and matches it in the same
 * statement; the reads for others apply the visibility rules in SQL, so a caller cannot forget them.
 */
export interface JobPostsRepository {
  create(ownerId: string, write: JobPostWrite, at: Date): Promise<{ id: string }>;
  findForOwner(ownerId: string, id: string): Promise<JobPostRecord | null>;
  /**
   * Replaces the job and its lists when it is still in `expectedStatus` (call it in a transaction);
   * duties and benchmarks sent with an id keep it, the others are new, the missing ones go.
   * `bumpRevision` counts an edit of an open job. False when nothing matched.
   */
  replace(
    ownerId: string,
    id: string,
    write: JobPostWrite,
    options: { expectedStatus: JobPostStatus; bumpRevision: boolean },
    at: Date,
  ): Promise<boolean>;
  /** Moves the job from `from` to `to` (stamping publishedAt or closedAt); false when it was not in `from`. */
  transition(ownerId: string, id: string, from: JobPostStatus, to: JobPostStatus, at: Date): Promise<boolean>;
  deleteDraft(ownerId: string, id: string): Promise<boolean>;
  /** Newest first, with bid counts and unread messages. */
  listForOwner(ownerId: string, status?: JobPostStatus): Promise<JobPostSummaryRecord[]>;
  stats(ownerId: string, id: string): Promise<BidStats>;
  /**
   * A job as a provider member sees it, or null when they may not: it is not a draft, and it is open
   * and public, or one of their profiles was invited or has bid. Never the viewer's own job.
   */
  findForViewer(userId: string, id: string): Promise<ViewerJobPost | null>;
  /** An open public job, for anyone. */
  findPublic(id: string): Promise<JobPostRecord | null>;
  /** Every member of every provider with an active bid on the job (the owner left out). */
  activeBidderMembers(jobPostId: string): Promise<string[]>;
}

/** A published provider, as starting a job from it or inviting it needs. */
export interface ProviderForJob {
  id: string;
  name: string;
  slug: string;
  kind: ProviderKind | null;
  headline: string;
  currency: string;
  functions: { slug: string; duties: string[] }[];
  industries: string[];
  packages: { id: string; name: string; price: number; billing: BudgetBasis; duties: string[] }[];
}

export interface ProviderLookup {
  findPublished(id: string): Promise<ProviderForJob | null>;
  /** User ids of the provider's members. */
  memberIds(providerId: string): Promise<string[]>;
}

export interface JobPostInvitationRecord {
  providerId: string;
  providerSlug: string;
  providerName: string;
  providerKind: ProviderKind | null;
  providerHeadline: string;
  message: string;
  invitedAt: Date;
  bidStatus: BidStatus | null;
}

export interface ReceivedInvitationRecord {
  jobPostId: string;
  title: string;
  functionSlug: string;
  status: JobPostStatus;
  budgetBasis: BudgetBasis;
  budgetMin: number | null;
  budgetMax: number | null;
  currency: string;
  providerId: string;
  providerName: string;
  message: string;
  invitedAt: Date;
  bidStatus: BidStatus | null;
}

export interface JobPostInvitationsRepository {
  /** False (and nothing written) when the provider was invited to this job before. */
  create(input: {
    jobPostId: string;
    providerId: string;
    invitedBy: string;
    message: string;
    at: Date;
  }): Promise<boolean>;
  /** The owner's job's invitations, newest first (empty when the job is not theirs). */
  listForJob(ownerId: string, jobPostId: string): Promise<JobPostInvitationRecord[]>;
  findForJob(ownerId: string, jobPostId: string, providerId: string): Promise<JobPostInvitationRecord | null>;
  count(ownerId: string, jobPostId: string): Promise<number>;
  /** Invitations to the profiles this user is a member of (or to one of them), newest first. */
  listReceived(userId: string, providerId?: string): Promise<ReceivedInvitationRecord[]>;
}
