import {
  systemClock,
  assertHandlers,
  createLinkSigner,
  createLinks,
  type Clock,
  type JobHandlers,
} from '@handoff/core';
import { createAccountEmailHandlers } from '@handoff/core/account';
import { createNotificationEmailHandlers, createNotificationService } from '@handoff/core/notifications';
import { createSearchSyncHandlers, type ProviderIndexDocument } from '@handoff/core/providers';
import {
  createAccountTokensRepository,
  createDevMailboxStore,
  createMailLogStore,
  createNotificationsRepository,
  createProvidersRepository,
  createUsersRepository,
  purgeExpired,
  type Db,
} from '@handoff/db';
import { createDevMailer, createSmtpMailer, type Mailer } from '@handoff/mail';
import type { ProviderDocument, SearchIndex } from '@handoff/search';

export interface MailConfig {
  smtpUrl?: string | undefined;
  from: string;
}

/** SMTP when SMTP_URL is set, else the development mailbox in the database. */
export function createMailer(db: Db, config: MailConfig): Mailer {
  return config.smtpUrl
    ? createSmtpMailer({ url: config.smtpUrl, from: config.from, log: createMailLogStore(db) })
    : createDevMailer({ from: config.from, mailbox: createDevMailboxStore(db) });
}

export interface HandlerDeps {
  db: Db;
  mailer: Mailer;
  /** Signs the links in e-mails; the api must use the same secret to check them. */
  secret: string;
  appUrl: string;
  /** The provider search index the profile changes are synced to. */
  search: SearchIndex;
  clock?: Clock;
}

/** Every job's handler, wired to the database once. Used by the api (in-process) and the worker. */
export function createJobHandlers({
  db,
  mailer,
  secret,
  appUrl,
  search,
  clock = systemClock,
}: HandlerDeps): JobHandlers {
  const signer = createLinkSigner(secret);
  const links = createLinks(appUrl);
  const users = createUsersRepository(db);
  const notifications = createNotificationsRepository(db);
  const handlers = {
    ...createAccountEmailHandlers({
      tokens: createAccountTokensRepository(db),
      users,
      mailer,
      signer,
      links,
      clock,
    }),
    ...createNotificationEmailHandlers({
      notifications,
      service: createNotificationService({ notifications, signer, clock }),
      users,
      mailer,
      links,
    }),
    'maintenance.purge-expired': () => purgeExpired(db, clock.now()),
    ...createSearchSyncHandlers({ providers: createProvidersRepository(db), index: search }),
  };
  assertHandlers(handlers);
  return handlers;
}

// Core maps profiles to its own copy of the search document type (it cannot import @handoff/search);
// this fails to compile the day the two shapes drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameDocument: Same<ProviderIndexDocument, ProviderDocument> = true;
