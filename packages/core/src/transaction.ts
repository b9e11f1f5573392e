import type { AccountTokensRepository } from './account/ports.ts';
import type { RefreshSessionsRepository, UsersRepository } from './auth/ports.ts';
import type { JobQueue } from './jobs.ts';
import type { NotificationsRepository } from './notifications/ports.ts';
import type { ProviderMembersRepository } from './providers/members.ports.ts';
import type { ProvidersRepository } from './providers/ports.ts';

/** The repositories a use case may touch inside one database transaction, outbox included. */
export interface TxScope {
  users: UsersRepository;
  sessions: RefreshSessionsRepository;
  tokens: AccountTokensRepository;
  notifications: NotificationsRepository;
  providers: ProvidersRepository;
  members: ProviderMembersRepository;
  jobs: JobQueue;
}

/** Runs `fn` in one transaction: everything it wrote, jobs included, commits or none of it does. */
export type Transactor = <T>(fn: (scope: TxScope) => Promise<T>) => Promise<T>;
