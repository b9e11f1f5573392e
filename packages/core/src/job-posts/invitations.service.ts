import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { findFunction } from '../taxonomy/index.ts';
import type { Transactor } from '../transaction.ts';
import type { FeedProvider } from './feed.ports.ts';
import type {
  JobPostInvitationRecord,
  JobPostInvitationsRepository,
  JobPostsRepository,
  ProviderLookup,
  ReceivedInvitationRecord,
} from './ports.ts';
import { assertChangeable, jobLink, MAX_INVITATIONS } from './rules.ts';

export interface JobPostInvitationServiceDeps {
  transaction: Transactor;
  jobPosts: Pick<JobPostsRepository, 'findForOwner'>;
  invitations: JobPostInvitationsRepository;
  providers: ProviderLookup;
  /** The profiles a user is a member of (the feed's repository answers it). */
  memberships: { providersOf(userId: string): Promise<FeedProvider[]> };
  notifications: Pick<NotificationService, 'notify'>;
  clock: Clock;
}

export const NEEDS_PROVIDER_PROFILE =
  'This is for providers: create a provider profile (or join your firm’s) to see jobs and invitations';

/** Owners invite published providers to bid on an open job; the invited see it, even invite-only. */
export function createJobPostInvitationService(deps: JobPostInvitationServiceDeps) {
  const { transaction, jobPosts, invitations, providers, memberships, notifications, clock } = deps;

  return {
    async invite(
      ownerId: string,
      jobPostId: string,
      input: { providerId: string; message: string },
    ): Promise<{ invitation: JobPostInvitationRecord; alreadyInvited: boolean }> {
      const job = await jobPosts.findForOwner(ownerId, jobPostId);
      if (!job) throw new NotFoundError('No job with this id among yours');
      assertChangeable(job);
      if (job.status === 'draft') throw new ConflictError('Publish the job before inviting providers to bid');
      const provider = await providers.findPublished(input.providerId);
      if (!provider) throw new NotFoundError('No published provider profile with this id');
      const members = await providers.memberIds(provider.id);
      if (members.includes(ownerId)) throw new ConflictError('This is your own provider profile');
      const before = await invitations.findForJob(ownerId, jobPostId, provider.id);
      if (before) return { invitation: before, alreadyInvited: true };
      if ((await invitations.count(ownerId, jobPostId)) >= MAX_INVITATIONS) {
        throw new ConflictError(`A job can invite at most ${MAX_INVITATIONS} providers`);
      }
      const fn = findFunction(job.functionSlug)?.name ?? job.functionSlug;
      const created = await transaction(async (scope) => {
        const at = clock.now();
        const fresh = await scope.jobPostInvitations.create({
          jobPostId,
          providerId: provider.id,
          invitedBy: ownerId,
          message: input.message,
          at,
        });
        // Two clicks at once: the second finds the first's invitation and tells nobody again.
        if (!fresh) return false;
        const note = input.message ? ` Their note: “${input.message}”` : '';
        for (const userId of members) {
          await notifications.notify(scope, {
            userId,
            kind: 'job.invitation',
            title: `${provider.name} is invited to bid on “${job.title}”`,
            body: `An owner invited ${provider.name} to bid on a ${fn} job, “${job.title}”.${note}`,
            link: jobLink(jobPostId),
          });
        }
        return true;
      });
      const invitation = await invitations.findForJob(ownerId, jobPostId, provider.id);
      if (!invitation) throw new NotFoundError('No published provider profile with this id');
      return { invitation, alreadyInvited: !created };
    },

    async listForJob(ownerId: string, jobPostId: string): Promise<JobPostInvitationRecord[]> {
      if (!(await jobPosts.findForOwner(ownerId, jobPostId)))
        throw new NotFoundError('No job with this id among yours');
      return invitations.listForJob(ownerId, jobPostId);
    },

    /** What a provider member was invited to, across their profiles or for one of them. */
    async listReceived(userId: string, providerId?: string): Promise<ReceivedInvitationRecord[]> {
      const mine = await memberships.providersOf(userId);
      if (mine.length === 0) throw new ForbiddenError(NEEDS_PROVIDER_PROFILE);
      if (providerId && !mine.some((p) => p.id === providerId)) {
        throw new NotFoundError('No provider profile with this id among yours');
      }
      return invitations.listReceived(userId, providerId);
    },
  };
}

export type JobPostInvitationService = ReturnType<typeof createJobPostInvitationService>;
