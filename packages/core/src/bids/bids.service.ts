import type { BidRevision, BidSubmission, CoverageSummary } from '@handoff/contracts';
import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { Transactor, TxScope } from '../transaction.ts';
import { commitmentsInOrder, coverageInOrder, summarize, summarizeCommitments } from './comparison.ts';
import { notices } from './notices.ts';
import type { BidForViewer, BidsRepository, BidWrite, MemberProvider, MyBidsFilter } from './ports.ts';
import {
  BID_NOT_FOUND,
  assertBiddable,
  capabilities,
  changeProblem,
  checkAnswers,
  checkStartDate,
  type BidCapabilities,
} from './rules.ts';

export interface BidServiceDeps {
  transaction: Transactor;
  bids: BidsRepository;
  clock: Clock;
  notifications: Pick<NotificationService, 'notify'>;
}

/** A bid as its viewer gets it: with what they may do with it, its coverage and commitments summed up. */
export type BidDetail = BidForViewer &
  BidCapabilities & { coverageSummary: CoverageSummary; benchmarkSummary: CoverageSummary };

export const detailOf = (bid: BidForViewer): BidDetail => ({
  ...bid,
  ...capabilities(bid.side, bid.status, bid.jobPost.status),
  coverageSummary: summarize(bid.coverage),
  benchmarkSummary: summarizeCommitments(bid.benchmarks),
});

const CHANGED_MEANWHILE =
  'This bid changed meanwhile (it was declined, or the job was closed or filled); reload it';

/** The provider's side of bidding: submit, revise, withdraw, and the bids of the user's providers. */
export function createBidService({ transaction, bids, clock, notifications }: BidServiceDeps) {
  async function view(userId: string, bidId: string): Promise<BidDetail> {
    const bid = await bids.findForViewer(userId, bidId);
    if (!bid) throw new NotFoundError(BID_NOT_FOUND);
    return detailOf(bid);
  }

  /** The bid of one of the user's providers, or a 403 for the job's owner and a 404 for anyone else. */
  async function ownBid(userId: string, bidId: string, what: string): Promise<BidForViewer> {
    const bid = await bids.findForViewer(userId, bidId);
    if (!bid) throw new NotFoundError(BID_NOT_FOUND);
    if (bid.side !== 'provider')
      throw new ForbiddenError(`Only the provider who made this bid can ${what} it`);
    return bid;
  }

  async function biddingProvider(userId: string, providerId: string | undefined): Promise<MemberProvider> {
    const mine = await bids.memberProviders(userId);
    if (mine.length === 0) {
      throw new ForbiddenError('Only providers can bid: create your provider profile first');
    }
    const provider = providerId ? mine.find((p) => p.id === providerId) : mine.length === 1 ? mine[0] : null;
    if (providerId && !provider) {
      throw new ForbiddenError('You can bid only for a provider profile you are a member of');
    }
    if (!provider) {
      const message = 'You are a member of several provider profiles: choose the one that bids';
      throw new ValidationError(message, { providerId: message });
    }
    if (provider.status !== 'published') {
      throw new ConflictError(
        `Publish ${provider.name} before bidding: owners compare bids by looking at the provider’s profile`,
      );
    }
    return provider;
  }

  async function toWrite(providerId: string, input: BidRevision): Promise<BidWrite> {
    checkStartDate(input.startDate, clock.now());
    const pkg = input.packageId ? await bids.findPackage(providerId, input.packageId) : null;
    if (input.packageId && !pkg) {
      const message = 'Choose one of your own packages, or none';
      throw new ValidationError(message, { packageId: message });
    }
    const { packageId: _, ...terms } = input;
    return { ...terms, package: pkg };
  }

  function facts(
    job: { id: string; title: string; duties: { id: string }[]; benchmarks: { id: string }[] },
    bidId: string,
    providerName: string,
    write: BidWrite,
  ) {
    return {
      bidId,
      jobPostId: job.id,
      jobTitle: job.title,
      providerName,
      price: write.price,
      currency: write.currency,
      priceBasis: write.priceBasis,
      summary: summarize(coverageInOrder(job.duties, write.coverage)),
      duties: job.duties.length,
      commitments: summarizeCommitments(commitmentsInOrder(job.benchmarks, write.benchmarks)),
      benchmarks: job.benchmarks.length,
    };
  }

  const tellOwner = (scope: TxScope, ownerId: string, notice: ReturnType<typeof notices.submitted>) =>
    notifications.notify(scope, { userId: ownerId, ...notice });

  return {
    /**
     * One bid per provider per job. A bid the provider withdrew is submitted again in its place (as
     * a revision); any other existing bid is a conflict: revise it instead.
     */
    async submit(userId: string, jobPostId: string, input: BidSubmission): Promise<BidDetail> {
      const provider = await biddingProvider(userId, input.providerId);
      const { providerId: _, ...terms } = input;
      const write = await toWrite(provider.id, terms);
      const bidId = await transaction(async (scope) => {
        const at = clock.now();
        const job = await scope.bids.jobPostForBidder(jobPostId, provider.id);
        assertBiddable(job);
        checkAnswers(job, write);
        const taken = `${provider.name} already has a bid on this job: revise that bid instead of bidding again`;
        const existing = await scope.bids.findByJobAndProvider(jobPostId, provider.id);
        if (existing && existing.status !== 'withdrawn') throw new ConflictError(taken);
        let id: string;
        if (existing) {
          const again = { userId, bidId: existing.id, from: ['withdrawn' as const], write, at };
          if (!(await scope.bids.revise(again))) throw new ConflictError(CHANGED_MEANWHILE);
          id = existing.id;
        } else {
          const created = await scope.bids.insert({
            jobPostId,
            providerId: provider.id,
            authorId: userId,
            write,
            at,
          });
          // A colleague's submission committed between the check and the insert.
          if (!created) throw new ConflictError(taken);
          id = created.id;
        }
        await tellOwner(scope, job.ownerId, notices.submitted(facts(job, id, provider.name, write)));
        return id;
      });
      return view(userId, bidId);
    },

    /** Replaces every term of an active bid on an open job; the owner is told of each revision. */
    async revise(userId: string, bidId: string, input: BidRevision): Promise<BidDetail> {
      const bid = await ownBid(userId, bidId, 'revise');
      const problem = changeProblem(bid.status, bid.jobPost.status);
      if (problem) throw new ConflictError(problem);
      const write = await toWrite(bid.provider.id, input);
      await transaction(async (scope) => {
        const job = await scope.bids.jobPostForBidder(bid.jobPost.id, bid.provider.id);
        if (!job) throw new NotFoundError(BID_NOT_FOUND);
        checkAnswers(job, write);
        const at = clock.now();
        if (!(await scope.bids.revise({ userId, bidId, from: ['active'], write, at }))) {
          throw new ConflictError(CHANGED_MEANWHILE);
        }
        const notice = notices.revised({
          ...facts(job, bidId, bid.provider.name, write),
          revision: bid.revision + 1,
        });
        await tellOwner(scope, job.ownerId, notice);
      });
      return view(userId, bidId);
    },

    async withdraw(userId: string, bidId: string): Promise<BidDetail> {
      const bid = await ownBid(userId, bidId, 'withdraw');
      const problem = changeProblem(bid.status, bid.jobPost.status);
      if (problem) throw new ConflictError(problem);
      await transaction(async (scope) => {
        if (!(await scope.bids.withdraw(userId, bidId, clock.now())))
          throw new ConflictError(CHANGED_MEANWHILE);
        const notice = notices.withdrawn({
          jobPostId: bid.jobPost.id,
          jobTitle: bid.jobPost.title,
          providerName: bid.provider.name,
        });
        await tellOwner(scope, bid.jobPost.ownerId, notice);
      });
      return view(userId, bidId);
    },

    /** For a member of the bidding provider or the job's owner; anyone else gets a 404. */
    get: view,

    /** The bids of every provider the user is a member of, newest first, with counts by status. */
    async listMine(userId: string, filter: MyBidsFilter) {
      const [list, counts] = await Promise.all([
        bids.listForMember(userId, filter),
        bids.countByStatusForMember(userId),
      ]);
      const last = list.length === filter.limit ? list[list.length - 1] : undefined;
      return { bids: list, counts, nextBefore: last ? last.createdAt : null };
    },
  };
}

export type BidService = ReturnType<typeof createBidService>;
