import type { Transactor, TxScope } from '@handoff/core';
import type { Db } from './client.ts';
import { createAccountTokensRepository } from './repositories/account-tokens.ts';
import { createSignUpsRepository } from './repositories/sign-ups.ts';
import { createNotificationsRepository } from './repositories/notifications.ts';
import { createOutboxWriter } from './repositories/outbox.ts';
import { createProviderMembersRepository } from './repositories/provider-members.ts';
import { createProvidersRepository } from './repositories/providers.ts';
import { createRefreshSessionsRepository } from './repositories/refresh-sessions.ts';
import { createUsersRepository } from './repositories/users.ts';
import { createBidMessagesRepository } from './repositories/bid-messages.ts';
import { createBidsRepository } from './repositories/bids.ts';
import { createEngagementsRepository } from './repositories/engagements.ts';
import { createReviewsRepository } from './repositories/reviews.ts';
import { createJobPostInvitationsRepository } from './repositories/job-post-invitations.ts';
import { createJobPostMatchesRepository } from './repositories/job-post-matches.ts';
import { createJobPostsRepository } from './repositories/job-posts.ts';
import { createOwnersRepository } from './repositories/owners.ts';
import { createPeopleRepository } from './repositories/people.ts';
import { createAccountErasureRepository } from './repositories/account-erasure.ts';
import { createReferencesRepository } from './repositories/references.ts';

/** The repositories bound to one transaction. */
export function scopeFor(db: Db, onJob?: () => void): TxScope {
  return {
    users: createUsersRepository(db),
    sessions: createRefreshSessionsRepository(db),
    tokens: createAccountTokensRepository(db),
    signUps: createSignUpsRepository(db),
    notifications: createNotificationsRepository(db),
    providers: createProvidersRepository(db),
    members: createProviderMembersRepository(db),
    bids: createBidsRepository(db),
    bidMessages: createBidMessagesRepository(db),
    engagements: createEngagementsRepository(db),
    reviews: createReviewsRepository(db),
    owners: createOwnersRepository(db),
    jobPosts: createJobPostsRepository(db),
    jobPostInvitations: createJobPostInvitationsRepository(db),
    jobPostMatches: createJobPostMatchesRepository(db),
    people: createPeopleRepository(db),
    erasure: createAccountErasureRepository(db),
    references: createReferencesRepository(db),
    jobs: createOutboxWriter(db, onJob),
  };
}

/**
 * `onCommit` runs after a transaction that queued jobs commits — the in-process runner uses it
 * to pick them up at once instead of at its next poll.
 */
export function createTransactor(db: Db, onCommit?: () => void): Transactor {
  return async (fn) => {
    let queued = false;
    const result = await db.transaction((tx) => fn(scopeFor(tx as unknown as Db, () => (queued = true))));
    if (queued) onCommit?.();
    return result;
  };
}
