import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { Transactor } from '../transaction.ts';
import { firstDue } from '../reviews/schedule.ts';
import { notices } from './notices.ts';
import type { EngagementDetail, EngagementsRepository } from './engagements.ports.ts';
import type { BidsRepository, Side } from './ports.ts';
import { acceptProblem, BID_NOT_FOUND, jobClosedMessage } from './rules.ts';

export interface EngagementServiceDeps {
  transaction: Transactor;
  bids: BidsRepository;
  engagements: EngagementsRepository;
  clock: Clock;
  notifications: Pick<NotificationService, 'notify'>;
}

const ENGAGEMENT_NOT_FOUND = 'No engagement with this id among yours';

/** The later of the bid's start date and today: an engagement does not start before it is agreed. */
export function engagementStart(bidStart: string | null, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  return bidStart && bidStart > today ? bidStart : today;
}

/** Hiring: accepting a bid starts an engagement; both parties then see it on their dashboards. */
export function createEngagementService({
  transaction,
  bids,
  engagements,
  clock,
  notifications,
}: EngagementServiceDeps) {
  async function find(userId: string, id: string): Promise<EngagementDetail> {
    const engagement = await engagements.findForUser(userId, id);
    if (!engagement) throw new NotFoundError(ENGAGEMENT_NOT_FOUND);
    return engagement;
  }

  return {
    /**
     * In one transaction: the engagement (with the job's duties and benchmarks as they are now), the
     * job filled, the bid accepted, every other active bid not selected, and everyone told. The job
     * row is locked first, so two accepts on one job cannot both hire.
     */
    async accept(userId: string, bidId: string): Promise<EngagementDetail> {
      const bid = await bids.findForViewer(userId, bidId);
      if (!bid) throw new NotFoundError(BID_NOT_FOUND);
      if (bid.side !== 'owner') throw new ForbiddenError('Only the job’s owner can accept a bid');
      const problem = acceptProblem(bid.status, bid.jobPost.status);
      if (problem) throw new ConflictError(problem);
      const jobPostId = bid.jobPost.id;
      const id = await transaction(async (scope) => {
        const at = clock.now();
        const status = await scope.bids.lockJobPost(userId, jobPostId);
        if (!status) throw new NotFoundError(BID_NOT_FOUND);
        if (status !== 'open') throw new ConflictError(jobClosedMessage(status));
        const terms = await scope.bids.accept(userId, bidId, at);
        if (!terms) {
          throw new ConflictError(
            'This bid is no longer on offer (it was withdrawn meanwhile); reload the bids',
          );
        }
        const plan = await scope.bids.jobPostPlan(userId, jobPostId);
        if (!plan || !(await scope.bids.markJobPostFilled(userId, jobPostId, at))) {
          throw new NotFoundError(BID_NOT_FOUND);
        }
        const others = await scope.bids.markOthersNotSelected(userId, jobPostId, bidId, at);
        const startDate = engagementStart(terms.startDate, at);
        const { id } = await scope.engagements.insert({
          jobPostId,
          bidId,
          ownerId: userId,
          providerId: terms.providerId,
          price: terms.price,
          priceBasis: terms.priceBasis,
          currency: terms.currency,
          startDate,
          nextReviewDue: firstDue(startDate),
          plan,
          at,
        });

        const members = await scope.bids.providerMembers([
          terms.providerId,
          ...others.map((o) => o.providerId),
        ]);
        const bidOf = new Map(others.map((o) => [o.providerId, o.bidId]));
        const jobTitle = bid.jobPost.title;
        for (const m of members) {
          const otherBid = bidOf.get(m.providerId);
          const notice =
            m.providerId === terms.providerId
              ? notices.accepted({ engagementId: id, jobTitle, startDate })
              : notices.filled({ bidId: otherBid!, jobTitle });
          await notifications.notify(scope, { userId: m.userId, ...notice });
        }
        return id;
      });
      return find(userId, id);
    },

    list: (userId: string, filter: { as?: Side | undefined; status?: 'active' | 'ended' | undefined }) =>
      engagements.listForUser(userId, filter),

    /** Only the owner and the hired provider's members; anyone else gets a 404. */
    get: find,
  };
}

export type EngagementService = ReturnType<typeof createEngagementService>;
