import type { CompareBidsQuery } from '@handoff/contracts';
import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { Transactor } from '../transaction.ts';
import { detailOf, type BidDetail } from './bids.service.ts';
import { compareBids, type ComparedBidRecord, type ComparisonCounts } from './comparison.ts';
import { notices } from './notices.ts';
import type { BidForViewer, BidsRepository, ComparisonJobPost } from './ports.ts';
import { BID_NOT_FOUND, declineProblem } from './rules.ts';

export interface BidReviewServiceDeps {
  transaction: Transactor;
  bids: BidsRepository;
  clock: Clock;
  notifications: Pick<NotificationService, 'notify'>;
}

export interface BidComparisonResult {
  jobPost: ComparisonJobPost;
  counts: ComparisonCounts;
  bids: ComparedBidRecord[];
}

const OWNER_JOB_NOT_FOUND = 'No job with this id among yours';

/** The owner's side: comparing the bids on their job, marking them, declining them. */
export function createBidReviewService({ transaction, bids, clock, notifications }: BidReviewServiceDeps) {
  /** A bid on one of the user's jobs: the bidder's own members get a 403, anyone else a 404. */
  async function ownersBid(userId: string, bidId: string, what: string): Promise<BidForViewer> {
    const bid = await bids.findForViewer(userId, bidId);
    if (!bid) throw new NotFoundError(BID_NOT_FOUND);
    if (bid.side !== 'owner') throw new ForbiddenError(`Only the job’s owner can ${what} a bid`);
    return bid;
  }

  async function reread(userId: string, bidId: string): Promise<BidDetail> {
    const bid = await bids.findForViewer(userId, bidId);
    if (!bid) throw new NotFoundError(BID_NOT_FOUND);
    return detailOf(bid);
  }

  async function mark(
    userId: string,
    bidId: string,
    marks: { shortlisted?: boolean; archived?: boolean },
    what: string,
  ): Promise<BidDetail> {
    const bid = await ownersBid(userId, bidId, what);
    if (marks.shortlisted && bid.status !== 'active') {
      throw new ConflictError('Only an active bid can be shortlisted; this one is no longer on offer');
    }
    if (!(await bids.setMarks(userId, bidId, marks))) throw new NotFoundError(BID_NOT_FOUND);
    return reread(userId, bidId);
  }

  return {
    /** Every bid on the owner's job in one read, converted, summed up, filtered and sorted. */
    async compare(userId: string, jobPostId: string, query: CompareBidsQuery): Promise<BidComparisonResult> {
      const found = await bids.comparison(userId, jobPostId);
      if (!found) throw new NotFoundError(OWNER_JOB_NOT_FOUND);
      return { jobPost: found.jobPost, ...compareBids(found.jobPost, found.bids, query) };
    },

    /**
     * What the comparison of the owner's job is at now, as a stamp that changes with anything it
     * shows: a computed comparison kept under an equal stamp is still current (anyone else: 404).
     */
    async comparisonStamp(userId: string, jobPostId: string): Promise<string> {
      const stamp = await bids.comparisonStamp(userId, jobPostId);
      if (stamp === null) throw new NotFoundError(OWNER_JOB_NOT_FOUND);
      return stamp;
    },

    shortlist: (userId: string, bidId: string) => mark(userId, bidId, { shortlisted: true }, 'shortlist'),
    unshortlist: (userId: string, bidId: string) => mark(userId, bidId, { shortlisted: false }, 'shortlist'),
    archive: (userId: string, bidId: string) => mark(userId, bidId, { archived: true }, 'archive'),
    unarchive: (userId: string, bidId: string) => mark(userId, bidId, { archived: false }, 'archive'),

    /** The provider's members are told, with the reason when there is one; the bid stays, read-only. */
    async decline(userId: string, bidId: string, reason: string | undefined): Promise<BidDetail> {
      const bid = await ownersBid(userId, bidId, 'decline');
      const problem = declineProblem(bid.status);
      if (problem) throw new ConflictError(problem);
      const why = reason?.trim() ? reason.trim() : null;
      await transaction(async (scope) => {
        if (!(await scope.bids.decline(userId, bidId, why, clock.now()))) {
          throw new ConflictError('This bid changed meanwhile (the provider withdrew it); reload it');
        }
        const notice = notices.declined({ bidId, jobTitle: bid.jobPost.title, reason: why });
        for (const m of await scope.bids.providerMembers([bid.provider.id])) {
          await notifications.notify(scope, { userId: m.userId, ...notice });
        }
      });
      return reread(userId, bidId);
    },
  };
}

export type BidReviewService = ReturnType<typeof createBidReviewService>;
