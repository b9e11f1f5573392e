import type { ReviewCadence, SubmitReviewBodyParsed } from '@handoff/contracts';
import type { EngagementDetail, EngagementsRepository } from '../bids/engagements.ports.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { Transactor } from '../transaction.ts';
import type { ReviewRecord, ReviewsRepository } from './ports.ts';
import { missedTwice, reviewWrite } from './rules.ts';
import { dayOf, dueAfterCadenceChange, dueAfterReview } from './schedule.ts';

export interface ReviewServiceDeps {
  transaction: Transactor;
  engagements: Pick<EngagementsRepository, 'findForUser'>;
  reviews: ReviewsRepository;
  clock: Clock;
  notifications: Pick<NotificationService, 'notify'>;
}

export const ENGAGEMENT_NOT_FOUND = 'No engagement with this id among yours';
const DECIDED = { keep: 'keep working with you', improve: 'see improvements', replace: 'replace you' };

/** The engagement for its owner only: 404 for strangers, 403 for the hired provider's members. */
export async function ownedEngagement(
  engagements: Pick<EngagementsRepository, 'findForUser'>,
  userId: string,
  id: string,
  action: string,
): Promise<EngagementDetail> {
  const e = await engagements.findForUser(userId, id);
  if (!e) throw new NotFoundError(ENGAGEMENT_NOT_FOUND);
  if (e.role !== 'owner') throw new ForbiddenError(`Only the owner can ${action}`);
  return e;
}

export function assertActive(e: Pick<EngagementDetail, 'status'>) {
  if (e.status !== 'active') throw new ConflictError('This engagement has ended; its reviews are history');
}

/** Reviews and their schedule: the owner reviews, the hired provider reads. */
export function createReviewService(deps: ReviewServiceDeps) {
  const { transaction, engagements, reviews, clock, notifications } = deps;

  async function overview(userId: string, id: string) {
    const engagement = await engagements.findForUser(userId, id);
    if (!engagement) throw new NotFoundError(ENGAGEMENT_NOT_FOUND);
    const list = await reviews.listForParty(userId, id);
    const due = engagement.nextReviewDue;
    return {
      engagement,
      schedule: {
        cadence: engagement.reviewCadence,
        nextDue: due,
        open: engagement.status === 'active' && due !== null && due <= dayOf(clock.now()),
      },
      reviews: list,
      missedTwice: missedTwice(list),
    };
  }

  const lastReviewed = (list: ReviewRecord[]) => (list.length ? dayOf(list.at(-1)!.submittedAt) : null);

  return {
    overview,

    /**
     * Records the review and advances the schedule in one transaction; the provider's members are
     * told the decision, and the owner is told when this is the second review in a row with a missed
     * benchmark. Submitting twice for one due date answers 409 the second time.
     */
    async submit(userId: string, id: string, body: SubmitReviewBodyParsed): Promise<ReviewRecord> {
      const e = await ownedEngagement(engagements, userId, id, 'review this engagement');
      assertActive(e);
      const write = reviewWrite(e, body);
      const at = clock.now();
      const today = dayOf(at);
      const nextDue = dueAfterReview(e.startDate, e.reviewCadence, today, body.decision);
      // A review before its date is an early one: it answers today, and the schedule carries on.
      const dueDate = e.nextReviewDue && e.nextReviewDue <= today ? e.nextReviewDue : today;
      const latest = (await reviews.listForParty(userId, id)).at(-1) ?? null;
      if (body.after !== undefined && body.after !== (latest?.id ?? null)) {
        throw new ConflictError(
          'This engagement was reviewed since this form was opened (or the form was sent twice); reload the page to see the latest review',
        );
      }
      const previous = latest?.submittedAt ?? null;
      await transaction(async (scope) => {
        const change = { nextDue, reviewed: { previous } };
        const moved = await scope.reviews.setSchedule(userId, id, change, at);
        if (!moved)
          throw new ConflictError('This review was just submitted or the schedule changed; reload the page');
        await scope.reviews.insert(userId, id, { ...write, dueDate, nextDue }, at);
        const link = `/engagements/${id}`;
        for (const m of await scope.bids.providerMembers([e.provider.id])) {
          await notifications.notify(scope, {
            userId: m.userId,
            kind: 'engagement.reviewed',
            title: `${e.ownerName} reviewed your work on “${e.jobPost.title}”`,
            body: `They decided to ${DECIDED[body.decision]}.${write.note ? ` Their note: ${write.note}` : ''}`,
            link,
          });
        }
        const list = await scope.reviews.listForParty(userId, id);
        if (missedTwice(list)) {
          await notifications.notify(scope, {
            userId,
            kind: 'engagement.benchmarks-missed',
            title: `${e.provider.name} missed benchmarks two reviews in a row`,
            body: 'You can re-post the job in one step, see other providers for it, and plan the handover.',
            link: `${link}/switch`,
          });
        }
      });
      const list = await reviews.listForParty(userId, id);
      return list.at(-1)!;
    },

    async setCadence(userId: string, id: string, cadence: ReviewCadence) {
      const e = await ownedEngagement(engagements, userId, id, 'change the review schedule');
      assertActive(e);
      const list = await reviews.listForParty(userId, id);
      const nextDue = dueAfterCadenceChange(e.startDate, cadence, lastReviewed(list));
      await reviews.setSchedule(userId, id, { nextDue, cadence }, clock.now());
      return overview(userId, id);
    },

    /** Opens the next review today; the owner asked, so only the week-later follow-up is sent. */
    async reviewNow(userId: string, id: string) {
      const e = await ownedEngagement(engagements, userId, id, 'start a review');
      assertActive(e);
      const at = clock.now();
      const today = dayOf(at);
      if (e.nextReviewDue && e.nextReviewDue <= today) return overview(userId, id);
      await reviews.setSchedule(userId, id, { nextDue: today, remindersSent: 1 }, at);
      return overview(userId, id);
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
