import type { CreateJobPostBodyParsed, MissingField } from '@handoff/contracts';
import type { Clock } from '../clock.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { profileView } from '../owners/owners.service.ts';
import type { OwnersRepository } from '../owners/ports.ts';
import { incompleteError } from '../providers/rules.ts';
import { findFunction } from '../taxonomy/index.ts';
import type { Transactor, TxScope } from '../transaction.ts';
import { fromPackage, fromProvider, fromTask, fromTemplate, resolveDraft, type Prefill } from './prefill.ts';
import type {
  BidStats,
  JobPostRecord,
  JobPostsRepository,
  JobPostWrite,
  ProviderLookup,
  ViewerJobPost,
} from './ports.ts';
import {
  assertChangeable,
  changedFields,
  jobLink,
  listInWords,
  missingForPublish,
  validateJobPost,
} from './rules.ts';
import { closedNotice, quoted } from './notices.ts';
import { jobHandoffValue, type JobHandoffValue } from './value.ts';

export interface JobPostServiceDeps {
  transaction: Transactor;
  jobPosts: JobPostsRepository;
  owners: Pick<OwnersRepository, 'findProfile' | 'findTask'>;
  providers: Pick<ProviderLookup, 'findPublished'>;
  notifications: Pick<NotificationService, 'notify'>;
  clock: Clock;
}

/** Everything the owner's job page shows. */
export interface OwnerJobPostView {
  job: JobPostRecord;
  stats: BidStats;
  handoff: JobHandoffValue | null;
  missingForPublish: MissingField[];
}

export type JobPostForViewer =
  ({ viewer: 'owner' } & OwnerJobPostView) | ({ viewer: 'provider' } & ViewerJobPost);

const NOT_FOUND = 'No job with this id among yours';
const NOT_VISIBLE = 'There is no job with this id that you can see';
const TASK_TAKEN = 'This task already became a job';

/** The owner's job posts: drafts, publishing, edits bidders hear about, closing. */
export function createJobPostService(deps: JobPostServiceDeps) {
  const { transaction, jobPosts, owners, providers, notifications, clock } = deps;
  const today = () => clock.now().toISOString().slice(0, 10);

  async function own(ownerId: string, id: string): Promise<JobPostRecord> {
    const job = await jobPosts.findForOwner(ownerId, id);
    if (!job) throw new NotFoundError(NOT_FOUND);
    return job;
  }

  /** The owner's page of a job (`loaded` when the caller just read it). */
  async function ownerView(ownerId: string, id: string, loaded?: JobPostRecord): Promise<OwnerJobPostView> {
    const job = loaded ?? (await own(ownerId, id));
    const [stats, profile] = await Promise.all([jobPosts.stats(ownerId, id), owners.findProfile(ownerId)]);
    return {
      job,
      stats,
      handoff: jobHandoffValue(job, profile ? profileView(profile) : null),
      missingForPublish: missingForPublish(job, today()),
    };
  }

  /** Tells every member of every provider with an active bid, in the caller's transaction. */
  async function tellBidders(scope: TxScope, job: JobPostRecord, title: string, body: string) {
    for (const userId of await scope.jobPosts.activeBidderMembers(job.id)) {
      await notifications.notify(scope, { userId, kind: 'job.updated', title, body, link: jobLink(job.id) });
    }
  }

  async function startingPoint(ownerId: string, body: CreateJobPostBodyParsed): Promise<Prefill> {
    if (body.template) {
      const fn = findFunction(body.template);
      if (!fn) throw field('template', `There is no job template for “${body.template}”`);
      return fromTemplate(fn);
    }
    if (body.fromTaskId) {
      const task = await owners.findTask(ownerId, body.fromTaskId);
      if (!task) throw new NotFoundError('No task with this id on your worksheet');
      if (task.feeling !== 'hate') {
        throw new ConflictError('Only a task you hate becomes a job; move it to the hate column first');
      }
      const fn = task.functionSlug ? findFunction(task.functionSlug) : undefined;
      if (!fn) throw field('functionSlug', 'Choose the business function this task belongs to first');
      return fromTask(task, fn);
    }
    const providerId = body.fromProviderId ?? body.fromPackage?.providerId;
    if (!providerId) return {};
    const provider = await providers.findPublished(providerId);
    if (!provider) throw new NotFoundError('No published provider profile with this id');
    if (body.fromPackage) {
      const prefill = fromPackage(provider, body.fromPackage.packageId);
      if (!prefill) throw new NotFoundError(`${provider.name} has no package with this id`);
      return prefill;
    }
    return fromProvider(provider) ?? {};
  }

  /** `linkOnce`: link the task only if no other draft took it meanwhile (else a ConflictError). */
  async function create(
    ownerId: string,
    body: CreateJobPostBodyParsed,
    linkOnce = false,
  ): Promise<OwnerJobPostView> {
    const { template: _t, fromTaskId, fromProviderId: _p, fromPackage: _k, ...overrides } = body;
    const write = resolveDraft(await startingPoint(ownerId, body), overrides);
    if (!write) throw field('functionSlug', 'Choose the business function this job is for');
    validateJobPost(write, null);
    const { id } = await transaction(async (scope) => {
      const created = await scope.jobPosts.create(ownerId, write, clock.now());
      if (
        fromTaskId &&
        !(await scope.owners.linkTask(ownerId, fromTaskId, created.id, clock.now(), linkOnce))
      ) {
        if (linkOnce) throw new ConflictError(TASK_TAKEN);
        throw new NotFoundError('No task with this id on your worksheet');
      }
      return created;
    });
    return ownerView(ownerId, id);
  }

  return {
    create,
    getOwn: ownerView,

    /**
     * A hated task's draft job from its function's template, linked to the task. A task that became a
     * job before answers with that job (`created: false`): a double click makes one draft.
     */
    async createFromTask(ownerId: string, taskId: string): Promise<OwnerJobPostView & { created: boolean }> {
      const task = await owners.findTask(ownerId, taskId);
      if (!task) throw new NotFoundError('No task with this id on your worksheet');
      const existing = task.jobPostId ? await jobPosts.findForOwner(ownerId, task.jobPostId) : null;
      if (existing) return { ...(await ownerView(ownerId, existing.id, existing)), created: false };
      try {
        return { ...(await create(ownerId, { fromTaskId: taskId }, true)), created: true };
      } catch (error) {
        // Two clicks at once: the other one's draft is the task's job.
        if (!(error instanceof ConflictError && error.message === TASK_TAKEN)) throw error;
        const linked = (await owners.findTask(ownerId, taskId))?.jobPostId;
        if (!linked) throw error;
        return { ...(await ownerView(ownerId, linked)), created: false };
      }
    },

    /** The owner's view for the owner; for a provider member, what they may see; else a 404. */
    async getForViewer(userId: string, id: string): Promise<JobPostForViewer> {
      const mine = await jobPosts.findForOwner(userId, id);
      if (mine) return { viewer: 'owner', ...(await ownerView(userId, id, mine)) };
      const seen = await jobPosts.findForViewer(userId, id);
      if (!seen) throw new NotFoundError(NOT_VISIBLE);
      return { viewer: 'provider', ...seen };
    },

    async getPublic(id: string): Promise<JobPostRecord> {
      const job = await jobPosts.findPublic(id);
      if (!job) throw new NotFoundError('There is no open public job with this id');
      return job;
    },

    list: (ownerId: string, status?: JobPostRecord['status']) => jobPosts.listForOwner(ownerId, status),

    /**
     * A full replacement. An open job must stay complete; its edit counts a revision and tells every
     * provider with an active bid what changed. Closed and filled jobs are history.
     */
    async update(ownerId: string, id: string, write: JobPostWrite): Promise<OwnerJobPostView> {
      const current = await own(ownerId, id);
      assertChangeable(current);
      validateJobPost(write, current);
      const open = current.status === 'open';
      if (open) {
        const missing = missingForPublish(write, today());
        if (missing.length) throw incompleteError(missing, 'An open job must stay complete');
      }
      const changes = open ? changedFields(current, write) : [];
      await transaction(async (scope) => {
        const options = { expectedStatus: current.status, bumpRevision: changes.length > 0 };
        if (!(await scope.jobPosts.replace(ownerId, id, write, options, clock.now()))) {
          throw new ConflictError('The job changed while you were editing it; reload it and try again');
        }
        if (changes.length) {
          await tellBidders(
            scope,
            current,
            `${quoted(write.title)} was updated`,
            `The owner changed ${listInWords(changes)}. Check that your bid still fits; you can revise it while the job is open.`,
          );
        }
      });
      return ownerView(ownerId, id);
    },

    /** Draft → open, when complete; providers whose functions match hear of it (a background job). */
    async publish(ownerId: string, id: string): Promise<OwnerJobPostView> {
      const current = await own(ownerId, id);
      assertChangeable(current);
      if (current.status === 'open') throw new ConflictError('This job is already open');
      const missing = missingForPublish(current, today());
      if (missing.length) throw incompleteError(missing, 'Complete the job before publishing it');
      await transaction(async (scope) => {
        if (!(await scope.jobPosts.transition(ownerId, id, 'draft', 'open', clock.now()))) {
          throw new ConflictError('The job changed meanwhile; reload it and try again');
        }
        await scope.jobs.enqueue('job-posts.notify-matches', { jobPostId: id });
      });
      return ownerView(ownerId, id);
    },

    /** Open → closed: no more bids; providers with an active bid are told. */
    async close(ownerId: string, id: string): Promise<OwnerJobPostView> {
      const current = await own(ownerId, id);
      if (current.status === 'draft') {
        throw new ConflictError('This job was never published; delete the draft instead');
      }
      if (current.status === 'closed') throw new ConflictError('This job is already closed');
      assertChangeable(current);
      await transaction(async (scope) => {
        if (!(await scope.jobPosts.transition(ownerId, id, 'open', 'closed', clock.now()))) {
          throw new ConflictError('The job changed meanwhile; reload it and try again');
        }
        const notice = closedNotice(current);
        await tellBidders(scope, current, notice.title, notice.body);
      });
      return ownerView(ownerId, id);
    },

    /** Only a draft goes away; a published job is closed instead, so bidders keep their history. */
    async remove(ownerId: string, id: string): Promise<void> {
      const current = await own(ownerId, id);
      if (current.status !== 'draft' || !(await jobPosts.deleteDraft(ownerId, id))) {
        throw new ConflictError('Only a draft can be deleted; close a published job instead');
      }
    },
  };
}

function field(key: string, message: string) {
  return new ValidationError(message, { [key]: message });
}

export type JobPostService = ReturnType<typeof createJobPostService>;
