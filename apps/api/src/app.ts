import { systemClock, type Clock } from '@handoff/core';
import { argon2Hasher, type PasswordHasher } from '@handoff/core/auth';
import type { Database } from '@handoff/db';
import type { SearchIndex } from '@handoff/search';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { accountRoutes } from './modules/account/account.routes.ts';
import { accountDataRoutes } from './modules/account/data.routes.ts';
import { accountSettingsRoutes } from './modules/account/settings.routes.ts';
import { sessionRoutes } from './modules/account/sessions.routes.ts';
import { adminRoutes, peopleRoutes } from './modules/admin/admin.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { devMailboxRoutes } from './modules/dev/dev-mailbox.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { providerMemberRoutes } from './modules/providers/members.routes.ts';
import { providerRoutes } from './modules/providers/providers.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { taxonomyRoutes } from './modules/taxonomy/taxonomy.routes.ts';
import { bidReviewRoutes } from './modules/bids/bid-review.routes.ts';
import { createComparisonCache } from './modules/bids/comparison-cache.ts';
import { bidRoutes } from './modules/bids/bids.routes.ts';
import { bidMessageRoutes } from './modules/bids/messages.routes.ts';
import { engagementRoutes } from './modules/engagements/engagements.routes.ts';
import { reviewRoutes } from './modules/engagements/reviews.routes.ts';
import { switchingRoutes } from './modules/engagements/switching.routes.ts';
import { jobPostInvitationRoutes } from './modules/job-posts/invitations.routes.ts';
import { jobPostRoutes } from './modules/job-posts/job-posts.routes.ts';
import { ownerRoutes } from './modules/owners/owners.routes.ts';
import { savedProviderRoutes } from './modules/owners/saved-providers.routes.ts';
import { worksheetRoutes } from './modules/owners/worksheet.routes.ts';
import { authPlugin } from './plugins/auth.ts';
import { availabilityPlugin } from './plugins/availability.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { securityPlugin } from './plugins/security.ts';
import { referenceFormRoutes } from './modules/references/reference-form.routes.ts';
import { referenceReviewRoutes } from './modules/references/reference-review.routes.ts';
import { referenceRoutes } from './modules/references/references.routes.ts';
import { jsonBodyPlugin } from './plugins/json-body.ts';
import { noNulPlugin } from './plugins/no-nul.ts';
import { createServices, type Services } from './services.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  hasher?: PasswordHasher;
  /** Start the in-process job runner when the app is ready (tests drain it by hand instead). */
  runJobs?: boolean;
  /** The provider search index; made from the config when absent. */
  search?: SearchIndex;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** The whole api as one plugin: wiring happens here, once. */
async function appPlugin(fastify: FastifyInstance, deps: AppDeps) {
  const { config, database, clock = systemClock, hasher = argon2Hasher, runJobs = true } = deps;
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);

  await fastify.register(errorsPlugin);
  await fastify.register(noNulPlugin);
  await fastify.register(jsonBodyPlugin);
  await fastify.register(availabilityPlugin, { database });
  await fastify.register(securityPlugin, {
    webOrigin: config.webOrigin,
    redisUrl: config.redisUrl,
    keyPrefix: config.queuePrefix,
  });
  await fastify.register(openapiPlugin);
  // Built before the auth plugin, which checks every token against the users table.
  const services = createServices({ config, database, clock, hasher, log: fastify.log, search: deps.search });
  await fastify.register(authPlugin, {
    secret: config.jwtSecret,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    currentAccess: services.auth.currentAccess,
  });

  fastify.decorate('services', services);
  // Before the job runner starts: search sync jobs need the index and its settings.
  fastify.addHook('onReady', () => services.search.ensureIndex());
  const { jobs } = services;
  if (jobs.mode === 'in-process' && runJobs) fastify.addHook('onReady', async () => jobs.runner.start());
  fastify.addHook('onClose', async () => {
    if (jobs.mode === 'in-process') await jobs.runner.stop();
    else {
      await jobs.queue.close();
      jobs.connection.disconnect();
    }
    await services.mailer.close();
  });

  const rateLimitPerMinute = config.authRateLimitPerMinute;
  await fastify.register(healthRoutes, { ping: database.ping, unavailable: database.unavailable });
  await fastify.register(authRoutes, {
    auth: services.auth,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    rateLimitPerMinute,
  });
  await fastify.register(accountRoutes, { account: services.account, rateLimitPerMinute });
  await fastify.register(accountSettingsRoutes, { settings: services.accountSettings, rateLimitPerMinute });
  await fastify.register(sessionRoutes, { sessions: services.sessions });
  await fastify.register(accountDataRoutes, {
    exports: services.accountExport,
    deletion: services.accountDeletion,
    rateLimitPerMinute,
  });
  await fastify.register(notificationRoutes, { notifications: services.notifications });
  await fastify.register(taxonomyRoutes, { taxonomy: services.taxonomy });
  await fastify.register(providerRoutes, { providers: services.providers });
  await fastify.register(providerMemberRoutes, { members: services.providerMembers });
  await fastify.register(searchRoutes, { search: services.providerSearch });
  const writeRateLimit = { max: config.writeRateLimitPerMinute, timeWindow: '1 minute' };
  await fastify.register(bidRoutes, { bids: services.bids, writeRateLimit });
  await fastify.register(bidReviewRoutes, {
    review: services.bidReview,
    comparisons: createComparisonCache({ maxBytes: config.comparisonCacheBytes }),
  });
  await fastify.register(bidMessageRoutes, { messages: services.bidMessages, writeRateLimit });
  await fastify.register(engagementRoutes, { engagements: services.engagements });
  await fastify.register(referenceRoutes, { references: services.references, writeRateLimit });
  await fastify.register(referenceFormRoutes, { form: services.referenceForm, rateLimit: writeRateLimit });
  await fastify.register(referenceReviewRoutes, { review: services.referenceReview });
  await fastify.register(reviewRoutes, { reviews: services.reviews });
  await fastify.register(switchingRoutes, { switching: services.switching });
  await fastify.register(ownerRoutes, { owners: services.owners });
  await fastify.register(worksheetRoutes, { owners: services.owners, jobPosts: services.jobPosts });
  await fastify.register(savedProviderRoutes, { saved: services.savedProviders });
  await fastify.register(jobPostRoutes, { jobPosts: services.jobPosts });
  await fastify.register(jobPostInvitationRoutes, {
    invitations: services.jobPostInvitations,
    feed: services.jobPostFeed,
  });
  await fastify.register(adminRoutes, { outbox: services.outbox, jobs });
  await fastify.register(peopleRoutes, { people: services.people });
  if (services.devMailbox) await fastify.register(devMailboxRoutes, { mailbox: services.devMailbox });
}

// Not encapsulated, so tests and server.ts see its decorators (jwt, authenticate, services).
export const app = fp(appPlugin, { name: 'handoff-api' });

/** A ready Fastify instance with the app registered; `server.ts` listens on it, tests `inject()` it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const fastify = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            ...(config.env === 'development' ? { transport: { target: 'pino-pretty' } } : {}),
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
  });
  await fastify.register(app, deps);
  await fastify.ready();
  return fastify;
}
