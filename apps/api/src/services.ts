import { createLinkSigner, type Clock } from '@handoff/core';
import {
  createAccountDeletionService,
  createAccountExportService,
  createAccountService,
  createAccountSettingsService,
} from '@handoff/core/account';
import { createAuthService, createSessionService, type PasswordHasher } from '@handoff/core/auth';
import { createNotificationService } from '@handoff/core/notifications';
import {
  createProviderMemberService,
  createProviderSearchService,
  createProviderService,
} from '@handoff/core/providers';
import {
  createBidMessageService,
  createBidReviewService,
  createBidService,
  createEngagementService,
} from '@handoff/core/bids';
import {
  createAccountExportRepository,
  createAccountTokensRepository,
  createDevMailboxStore,
  createNotificationsRepository,
  createOutboxRepository,
  createPeopleRepository,
  createProviderMembersRepository,
  createProvidersRepository,
  createRefreshSessionsRepository,
  createTaxonomyRepository,
  createTransactor,
  createUsersRepository,
  type Database,
} from '@handoff/db';
import {
  createBidMessagesRepository,
  createBidsRepository,
  createEngagementsRepository,
  createReviewsRepository,
} from '@handoff/db';
import {
  createJobPostFeedService,
  createJobPostInvitationService,
  createJobPostService,
} from '@handoff/core/job-posts';
import { createOwnerService, createSavedProviderService } from '@handoff/core/owners';
import { createPeopleService } from '@handoff/core/people';
import { createReviewService, createSwitchingService } from '@handoff/core/reviews';
import {
  createReferenceFormService,
  createReferenceReviewService,
  createReferenceService,
} from '@handoff/core/references';
import {
  createJobPostFeedRepository,
  createJobPostInvitationsRepository,
  createJobPostsRepository,
  createOwnersRepository,
  createProviderLookup,
  createReferencesRepository,
  createSavedProvidersRepository,
} from '@handoff/db';
import {
  createJobHandlers,
  createLocalRunner,
  createMailer,
  createQueue,
  producerConnection,
  type LocalRunner,
} from '@handoff/queue';
import {
  createSearchIndex,
  type ProviderSearchQuery,
  type ProviderSearchResult,
  type SearchIndex,
} from '@handoff/search';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from './config.ts';

export type Jobs =
  { mode: 'in-process'; runner: LocalRunner } | { mode: 'bullmq'; queue: Queue; connection: Redis };

export interface ServiceDeps {
  config: Config;
  database: Database;
  clock: Clock;
  hasher: PasswordHasher;
  log: { error(obj: object, msg: string): void };
  /** Tests and server.ts may pass one; otherwise made from MEILI_URL (Meilisearch) or the database. */
  search?: SearchIndex | undefined;
}

/** The composition root: every service built once from its narrow dependencies. */
export function createServices({ config, database, clock, hasher, log, ...deps }: ServiceDeps) {
  const { db } = database;
  const search =
    deps.search ??
    createSearchIndex({
      meiliUrl: config.meiliUrl,
      meiliKey: config.meiliKey,
      meiliIndex: config.meiliIndex,
      db,
      embedded: database.kind === 'pglite',
    });
  const signer = createLinkSigner(config.jwtSecret);
  const mailer = createMailer(db, { smtpUrl: config.smtpUrl, from: config.mailFrom });

  // With Redis the api only produces (apps/worker relays and consumes); without it, the same
  // handlers run here, woken as soon as a transaction that queued jobs commits.
  let jobs: Jobs;
  if (config.redisUrl) {
    const connection = producerConnection(config.redisUrl);
    connection.on('error', () => {}); // producers fail fast; the outbox keeps what Redis refused
    jobs = { mode: 'bullmq', queue: createQueue(connection, config.queuePrefix), connection };
  } else {
    const handlers = createJobHandlers({
      db,
      mailer,
      secret: config.jwtSecret,
      appUrl: config.appUrl,
      clock,
      search,
    });
    jobs = {
      mode: 'in-process',
      runner: createLocalRunner({ db, handlers, concurrency: config.jobsConcurrency, log }),
    };
  }
  const transaction = createTransactor(db, () => {
    if (jobs.mode === 'in-process') jobs.runner.wake();
  });

  const users = createUsersRepository(db);
  const sessions = createRefreshSessionsRepository(db);
  const bids = createBidsRepository(db);
  const owners = createOwnersRepository(db);
  const jobPostRepository = createJobPostsRepository(db);
  const providerLookup = createProviderLookup(db);
  const jobPostFeed = createJobPostFeedRepository(db);
  const references = createReferencesRepository(db);
  const providerRepository = createProvidersRepository(db);
  const engagements = createEngagementsRepository(db);
  const reviews = createReviewsRepository(db);
  const notifications = createNotificationService({
    notifications: createNotificationsRepository(db),
    signer,
    clock,
  });
  return {
    jobs,
    mailer,
    notifications,
    auth: createAuthService({
      users,
      sessions,
      hasher,
      clock,
      refreshTokenTtlMs: config.refreshTokenTtlMs,
      transaction,
      notifications,
      signer,
    }),
    account: createAccountService({ transaction, users, hasher, signer, clock, notifications }),
    accountSettings: createAccountSettingsService({
      transaction,
      users,
      tokens: createAccountTokensRepository(db),
      hasher,
      signer,
      clock,
      notifications,
    }),
    sessions: createSessionService({ sessions, clock }),
    accountExport: createAccountExportService({
      data: createAccountExportRepository(db),
      notifications,
      clock,
    }),
    accountDeletion: createAccountDeletionService({ transaction, users, hasher, clock, notifications }),
    taxonomy: createTaxonomyRepository(db),
    outbox: createOutboxRepository(db),
    people: createPeopleService({ transaction, people: createPeopleRepository(db), clock }),
    search,
    providers: createProviderService({ transaction, providers: providerRepository, clock }),
    references: createReferenceService({
      transaction,
      references,
      bids,
      providers: providerRepository,
      notifications,
      clock,
    }),
    referenceForm: createReferenceFormService({ transaction, references, notifications, signer, clock }),
    referenceReview: createReferenceReviewService({ transaction, references, notifications, clock }),
    providerMembers: createProviderMemberService({
      transaction,
      members: createProviderMembersRepository(db),
      users,
      signer,
      clock,
      notifications,
    }),
    providerSearch: createProviderSearchService<ProviderSearchQuery, ProviderSearchResult>(search),
    bids: createBidService({ transaction, bids, clock, notifications }),
    bidReview: createBidReviewService({ transaction, bids, clock, notifications }),
    bidMessages: createBidMessageService({
      transaction,
      bids,
      messages: createBidMessagesRepository(db),
      users,
      clock,
      notifications,
    }),
    engagements: createEngagementService({ transaction, bids, engagements, clock, notifications }),
    reviews: createReviewService({ transaction, engagements, reviews, clock, notifications }),
    switching: createSwitchingService({
      transaction,
      engagements,
      reviews,
      jobPosts: jobPostRepository,
      clock,
      notifications,
    }),
    owners: createOwnerService({ owners, clock }),
    savedProviders: createSavedProviderService({ saved: createSavedProvidersRepository(db), clock }),
    jobPosts: createJobPostService({
      transaction,
      jobPosts: jobPostRepository,
      owners,
      providers: providerLookup,
      notifications,
      clock,
    }),
    jobPostInvitations: createJobPostInvitationService({
      transaction,
      jobPosts: jobPostRepository,
      invitations: createJobPostInvitationsRepository(db),
      providers: providerLookup,
      memberships: jobPostFeed,
      notifications,
      clock,
    }),
    jobPostFeed: createJobPostFeedService({ feed: jobPostFeed }),
    devMailbox: mailer.transport === 'dev' && config.env !== 'production' ? createDevMailboxStore(db) : null,
  };
}

export type Services = ReturnType<typeof createServices>;
