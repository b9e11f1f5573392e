import type { Clock } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { Transactor } from '../transaction.ts';
import { referenceNotices } from './notices.ts';
import type { ReferencesRepository } from './ports.ts';

export interface ReferenceReviewDeps {
  transaction: Transactor;
  references: Pick<ReferencesRepository, 'flagged'>;
  notifications: Pick<NotificationService, 'notify'>;
  clock: Clock;
}

/**
 * The operator's queue: answers a trust signal held back. Clearing makes one count; rejecting keeps
 * it out for good, and the provider is told why either way. (Routes check the admin role.)
 */
export function createReferenceReviewService({
  transaction,
  references,
  notifications,
  clock,
}: ReferenceReviewDeps) {
  return {
    queue: (limit = 100) => references.flagged(limit),

    async decide(
      adminId: string,
      answerId: string,
      decision: 'clear' | 'reject',
      reason: string,
    ): Promise<void> {
      await transaction(async (scope) => {
        const done = await scope.references.review(answerId, decision, reason, adminId, clock.now());
        if (!done) throw new NotFoundError('No reference answer waiting for review with this id');
        await scope.references.refreshProviderStats(done.providerId);
        await scope.jobs.enqueue('search.upsert-provider', { providerId: done.providerId });
        const members = await scope.bids.providerMembers([done.providerId]);
        for (const m of members) {
          await notifications.notify(scope, {
            userId: m.userId,
            ...referenceNotices.reviewed({ company: done.company, cleared: decision === 'clear', reason }),
          });
        }
      });
    },
  };
}

export type ReferenceReviewService = ReturnType<typeof createReferenceReviewService>;
