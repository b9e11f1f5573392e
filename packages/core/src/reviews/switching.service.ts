import type { HandoverBody } from '@handoff/contracts';
import type { EngagementsRepository } from '../bids/engagements.ports.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { JobPostsRepository, JobPostWrite } from '../job-posts/ports.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { Transactor } from '../transaction.ts';
import type { HandoverRecord, ReviewsRepository } from './ports.ts';
import { assertActive, ownedEngagement } from './reviews.service.ts';
import { dayOf } from './schedule.ts';

export interface SwitchingServiceDeps {
  transaction: Transactor;
  engagements: Pick<EngagementsRepository, 'findForUser'>;
  reviews: ReviewsRepository;
  jobPosts: Pick<JobPostsRepository, 'findForOwner'>;
  clock: Clock;
  notifications: Pick<NotificationService, 'notify'>;
}

/** Alternatives shown beside a replace decision: a few to compare, the search has the rest. */
export const ALTERNATIVES_SHOWN = 4;

type HandoverInput = { [K in keyof HandoverBody]-?: Exclude<HandoverBody[K], undefined> };

/**
 * Switching providers: the same job re-posted as a draft in one step, other providers for the same
 * function and industry, the handover checklist, and ending the engagement.
 */
export function createSwitchingService(deps: SwitchingServiceDeps) {
  const { transaction, engagements, reviews, jobPosts, clock, notifications } = deps;

  return {
    /**
     * A new draft of the same job: its function, industry, texts, budget and terms, with the duties and
     * benchmarks as the engagement holds them. Dates that have passed are left for the owner to set.
     */
    async repost(userId: string, id: string): Promise<{ jobPostId: string }> {
      const e = await ownedEngagement(engagements, userId, id, 're-post this job');
      const job = await jobPosts.findForOwner(userId, e.jobPost.id);
      if (!job) throw new NotFoundError('The job of this engagement is gone');
      const today = dayOf(clock.now());
      const write: JobPostWrite = {
        title: job.title,
        functionSlug: job.functionSlug,
        industrySlug: job.industrySlug,
        summary: job.summary,
        duties: e.duties.map((d) => ({ text: d.text })),
        benchmarks: e.benchmarks.map((b) => ({
          objective: b.objective,
          target: b.target,
          dueDate: b.dueDate && b.dueDate > today ? b.dueDate : null,
          // A benchmark needs a cadence or a date; one whose date passed is measured per review.
          cadence: b.cadence ?? (b.dueDate && b.dueDate > today ? null : 'Each review'),
        })),
        processNotes: job.processNotes,
        trainingLinks: job.trainingLinks,
        startBy: null,
        durationWeeks: job.durationWeeks,
        budgetBasis: job.budgetBasis,
        budgetMin: job.budgetMin,
        budgetMax: job.budgetMax,
        currency: job.currency as JobPostWrite['currency'],
        hoursPerWeek: job.hoursPerWeek,
        engagementType: job.engagementType,
        workLocation: job.workLocation,
        underBudgetBonus: job.underBudgetBonus,
        earlyFinishBonus: job.earlyFinishBonus,
        visibility: job.visibility,
      };
      const created = await transaction((scope) => scope.jobPosts.create(userId, write, clock.now()));
      return { jobPostId: created.id };
    },

    async alternatives(userId: string, id: string) {
      const e = await ownedEngagement(engagements, userId, id, 'see alternatives');
      const job = await jobPosts.findForOwner(userId, e.jobPost.id);
      if (!job) return [];
      return reviews.alternatives(job.functionSlug, job.industrySlug, e.provider.id, ALTERNATIVES_SHOWN);
    },

    async handover(userId: string, id: string): Promise<HandoverRecord> {
      await ownedEngagement(engagements, userId, id, 'see the handover checklist');
      return (
        (await reviews.handover(userId, id)) ?? {
          accessToRevoke: [],
          documentsToCollect: [],
          lastDay: null,
          updatedAt: null,
        }
      );
    },

    async saveHandover(userId: string, id: string, body: HandoverInput): Promise<HandoverRecord> {
      await ownedEngagement(engagements, userId, id, 'edit the handover checklist');
      await reviews.saveHandover(userId, id, body, clock.now());
      return (await reviews.handover(userId, id))!;
    },

    /** Ends the engagement (no more reviews) and tells the provider's members in-app and by e-mail. */
    async end(userId: string, id: string, note: string) {
      const e = await ownedEngagement(engagements, userId, id, 'end this engagement');
      assertActive(e);
      await transaction(async (scope) => {
        if (!(await scope.reviews.end(userId, id, clock.now()))) {
          throw new ConflictError('This engagement has already ended');
        }
        for (const m of await scope.bids.providerMembers([e.provider.id])) {
          await notifications.notify(scope, {
            userId: m.userId,
            kind: 'engagement.ended',
            title: `${e.ownerName} ended the engagement for “${e.jobPost.title}”`,
            body: note
              ? `Their note: ${note}`
              : 'The engagement has ended. Its reviews and messages stay readable.',
            link: `/engagements/${id}`,
          });
        }
      });
      return (await engagements.findForUser(userId, id))!;
    },
  };
}

export type SwitchingService = ReturnType<typeof createSwitchingService>;
