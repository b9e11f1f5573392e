import type { AccountErasureRepository } from './account/data.ports.ts';
import type { AccountTokensRepository } from './account/ports.ts';
import type { RefreshSessionsRepository, UsersRepository } from './auth/ports.ts';
import type { SignUpsRepository } from './auth/sign-ups.ports.ts';
import type { JobQueue } from './jobs.ts';
import type { NotificationsRepository } from './notifications/ports.ts';
import type { ProviderMembersRepository } from './providers/members.ports.ts';
import type { ProvidersRepository } from './providers/ports.ts';
import type { BidMessagesRepository } from './bids/messages.ports.ts';
import type { EngagementsRepository } from './bids/engagements.ports.ts';
import type { BidsRepository } from './bids/ports.ts';
import type { JobPostMatchesRepository } from './job-posts/feed.ports.ts';
import type { JobPostInvitationsRepository, JobPostsRepository } from './job-posts/ports.ts';
import type { OwnersRepository } from './owners/ports.ts';
import type { PeopleRepository } from './people/ports.ts';
import type { ReferencesRepository } from './references/ports.ts';
import type { ReviewsRepository } from './reviews/ports.ts';

/** The repositories a use case may touch inside one database transaction, outbox included. */
export interface TxScope {
  users: UsersRepository;
  sessions: RefreshSessionsRepository;
  tokens: AccountTokensRepository;
  signUps: SignUpsRepository;
  notifications: NotificationsRepository;
  providers: ProvidersRepository;
  members: ProviderMembersRepository;
  bids: BidsRepository;
  bidMessages: BidMessagesRepository;
  engagements: EngagementsRepository;
  reviews: ReviewsRepository;
  owners: OwnersRepository;
  jobPosts: JobPostsRepository;
  jobPostInvitations: JobPostInvitationsRepository;
  jobPostMatches: JobPostMatchesRepository;
  people: PeopleRepository;
  erasure: AccountErasureRepository;
  references: ReferencesRepository;
  jobs: JobQueue;
}

/** Runs `fn` in one transaction: everything it wrote, jobs included, commits or none of it does. */
export type Transactor = <T>(fn: (scope: TxScope) => Promise<T>) => Promise<T>;
