import type { BidStatus, CoverageLevel, PriceBasis, ProviderKind } from '@handoff/contracts';

export type JobPostStatus = 'draft' | 'open' | 'closed' | 'filled';
export type Side = 'owner' | 'provider';

/** A provider package as a bid keeps it: the profile may change later, the offer does not. */
export interface BidPackageSnapshot {
  name: string;
  price: number;
  billing: PriceBasis;
  duties: string[];
}

export interface DutyCoverageWrite {
  dutyId: string;
  coverage: CoverageLevel;
  note: string;
}

export interface BenchmarkAnswerWrite {
  benchmarkId: string;
  commitment: CoverageLevel;
  note: string;
}

/** Every field a provider sets on a bid; a revision replaces them all. */
export interface BidWrite {
  price: number;
  priceBasis: PriceBasis;
  currency: string;
  estimatedHours: number | null;
  startDate: string | null;
  durationWeeks: number | null;
  coverNote: string;
  package: BidPackageSnapshot | null;
  coverage: DutyCoverageWrite[];
  benchmarks: BenchmarkAnswerWrite[];
}

export interface MemberProvider {
  id: string;
  name: string;
  status: 'draft' | 'published';
}

/** A job as a would-be bidder meets it: whether it may see it, and the duties and benchmarks to answer. */
export interface JobPostForBidder {
  id: string;
  ownerId: string;
  title: string;
  status: JobPostStatus;
  visibility: 'public' | 'invite_only';
  /** The provider was invited to bid on it. */
  invited: boolean;
  /** The job's owner is a member of the provider (it would be bidding on its own job). */
  postedByMember: boolean;
  duties: { id: string; text: string }[];
  benchmarks: { id: string; objective: string }[];
}

/** A bid with its job and provider, as one of its two parties sees it. */
export interface BidForViewer {
  id: string;
  status: BidStatus;
  price: number;
  priceBasis: PriceBasis;
  currency: string;
  estimatedHours: number | null;
  startDate: string | null;
  durationWeeks: number | null;
  coverNote: string;
  package: BidPackageSnapshot | null;
  shortlisted: boolean;
  archived: boolean;
  declineReason: string | null;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  jobPost: { id: string; title: string; status: JobPostStatus; ownerId: string };
  provider: { id: string; name: string; slug: string };
  /** The viewer's side: the job's owner, or a member of the bidding provider. */
  side: Side;
  /** The job's duties in order, with the bid's answer (null for a duty added after the bid). */
  coverage: { dutyId: string; duty: string; coverage: CoverageLevel | null; note: string }[];
  /** The job's benchmarks in order, with the bid's commitment (null for one added after the bid). */
  benchmarks: (BenchmarkText & { benchmarkId: string; commitment: CoverageLevel | null; note: string })[];
  /** Messages from the other side the viewer has not read. */
  unreadMessages: number;
}

export interface BidListRecord {
  id: string;
  status: BidStatus;
  price: number;
  priceBasis: PriceBasis;
  currency: string;
  revision: number;
  declineReason: string | null;
  jobPost: { id: string; title: string; status: JobPostStatus };
  provider: { id: string; name: string; slug: string };
  unreadMessages: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a benchmark says: an objective, a measurable target, and a cadence or a due date. */
export interface BenchmarkText {
  objective: string;
  target: string;
  cadence: string | null;
  dueDate: string | null;
}

export interface ComparisonJobPost {
  id: string;
  title: string;
  status: JobPostStatus;
  currency: string;
  industrySlug: string | null;
  budgetBasis: PriceBasis;
  budgetMin: number | null;
  budgetMax: number | null;
  duties: { id: string; text: string }[];
  benchmarks: (BenchmarkText & { id: string })[];
}

/** One bid of the comparison, with what the grid shows of its provider. */
export interface ComparisonBidRow {
  id: string;
  status: BidStatus;
  price: number;
  priceBasis: PriceBasis;
  currency: string;
  estimatedHours: number | null;
  startDate: string | null;
  durationWeeks: number | null;
  coverNote: string;
  package: BidPackageSnapshot | null;
  shortlisted: boolean;
  archived: boolean;
  declineReason: string | null;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  provider: {
    id: string;
    name: string;
    slug: string;
    kind: ProviderKind | null;
    logoSha256: string | null;
    ratingAvg: number | null;
    ratingCount: number;
    verifiedReferenceCount: number;
    industries: string[];
  };
  /** The bid's answers, in no particular order. */
  coverage: { dutyId: string; coverage: CoverageLevel; note: string }[];
  benchmarks: BenchmarkAnswerWrite[];
  /**
   * The provider's verified reference score for each job duty that verified answers rated, in no
   * particular order; a duty no verified answer rated is absent.
   */
  referenceScores: { dutyId: string; answers: number; quality: number | null }[];
  /** Messages from the provider's side the owner has not read. */
  unreadMessages: number;
}

export interface MyBidsFilter {
  status?: BidStatus | undefined;
  jobPostId?: string | undefined;
  before?: Date | undefined;
  limit: number;
}

export interface AcceptedTerms {
  providerId: string;
  price: number;
  priceBasis: PriceBasis;
  currency: string;
  startDate: string | null;
}

/** The job's plan as an engagement keeps it. */
export type JobPostPlan = Pick<ComparisonJobPost, 'duties' | 'benchmarks'>;

/**
 * Bids and what deciding on them needs of their jobs. Every method that reads or changes a bid on a
 * user's behalf takes that user and matches their right to it in the same statement (the job's
 * owner, or a member of the bidding provider): anyone else gets null / false, never the row.
 */
export interface BidsRepository {
  /** The provider profiles the user is a member of. */
  memberProviders(userId: string): Promise<MemberProvider[]>;
  /** Locks the job against a concurrent hire (call it inside the transaction that writes the bid). */
  jobPostForBidder(jobPostId: string, providerId: string): Promise<JobPostForBidder | null>;
  findPackage(providerId: string, packageId: string): Promise<BidPackageSnapshot | null>;
  findByJobAndProvider(
    jobPostId: string,
    providerId: string,
  ): Promise<{ id: string; status: BidStatus } | null>;
  /** Null when the provider already has a bid on the job (a concurrent submission won). */
  insert(input: {
    jobPostId: string;
    providerId: string;
    authorId: string;
    write: BidWrite;
    at: Date;
  }): Promise<{ id: string } | null>;
  /**
   * Replaces the bid's terms, coverage and benchmark answers and counts a revision, when the user is a member of its
   * provider, the bid is in one of `from` and its job is open; false otherwise. It becomes active.
   */
  revise(input: {
    userId: string;
    bidId: string;
    from: BidStatus[];
    write: BidWrite;
    at: Date;
  }): Promise<boolean>;
  findForViewer(userId: string, bidId: string): Promise<BidForViewer | null>;
  listForMember(userId: string, filter: MyBidsFilter): Promise<BidListRecord[]>;
  countByStatusForMember(userId: string): Promise<Partial<Record<BidStatus, number>>>;
  /** An active bid on an open job, by a member of its provider. */
  withdraw(userId: string, bidId: string, at: Date): Promise<boolean>;
  /** The owner's marks; false when the user does not own the bid's job. */
  setMarks(
    ownerId: string,
    bidId: string,
    marks: { shortlisted?: boolean; archived?: boolean },
  ): Promise<boolean>;
  /** An active bid, by its job's owner. */
  decline(ownerId: string, bidId: string, reason: string | null, at: Date): Promise<boolean>;
  /** The job's status, locked until the transaction ends; null when the user does not own it. */
  lockJobPost(ownerId: string, jobPostId: string): Promise<JobPostStatus | null>;
  jobPostPlan(ownerId: string, jobPostId: string): Promise<JobPostPlan | null>;
  /** Marks an active bid accepted and returns its terms as they are now; null when it was not active. */
  accept(ownerId: string, bidId: string, at: Date): Promise<AcceptedTerms | null>;
  markJobPostFilled(ownerId: string, jobPostId: string, at: Date): Promise<boolean>;
  /** Every other active bid on the job becomes not_selected; returns them. */
  markOthersNotSelected(
    ownerId: string,
    jobPostId: string,
    exceptBidId: string,
    at: Date,
  ): Promise<{ bidId: string; providerId: string }[]>;
  /** The members of these providers: whom a notification to a provider reaches. */
  providerMembers(providerIds: string[]): Promise<{ providerId: string; userId: string }[]>;
  comparison(
    ownerId: string,
    jobPostId: string,
  ): Promise<{ jobPost: ComparisonJobPost; bids: ComparisonBidRow[] } | null>;
  /**
   * A short string that changes whenever anything `comparison` reads changes (whoever changed it,
   * from whichever process); null when the user does not own the job. Much cheaper than the read.
   */
  comparisonStamp(ownerId: string, jobPostId: string): Promise<string | null>;
}
