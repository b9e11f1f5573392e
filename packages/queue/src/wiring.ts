import {
  systemClock,
  assertHandlers,
  createLinkSigner,
  createLinks,
  type Clock,
  type JobHandlers,
} from '@handoff/core';
import {
  createAccountDeletedEmailHandler,
  createAccountEmailHandlers,
  createEmailChangeHandlers,
} from '@handoff/core/account';
import { createSignUpEmailHandlers } from '@handoff/core/auth';
import { createNotificationEmailHandlers, createNotificationService } from '@handoff/core/notifications';
import { createSearchSyncHandlers, type ProviderIndexDocument } from '@handoff/core/providers';
import { createInvitationEmailHandlers } from '@handoff/core/providers';
import { createJobPostMatchHandlers } from '@handoff/core/job-posts';
import { createReferenceEmailHandlers } from '@handoff/core/references';
import { createReviewReminderHandlers } from '@handoff/core/reviews';
import {
  createAccountTokensRepository,
  createDevMailboxStore,
  createMailLogStore,
  createNotificationsRepository,
  createProvidersRepository,
  createSignUpsRepository,
  createUsersRepository,
  purgeExpired,
  type Db,
} from '@handoff/db';
import { createProviderMembersRepository } from '@handoff/db';
import {
  createJobPostMatchesRepository,
  createReferencesRepository,
  createReviewRemindersRepository,
  createTransactor,
} from '@handoff/db';
import { createDevMailer, createSmtpMailer, type MailLogStore, type Mailer } from '@handoff/mail';
import type { ProviderDocument, SearchIndex } from '@handoff/search';
import { createBatcher } from './batch.ts';

export interface MailConfig {
  smtpUrl?: string | undefined;
  from: string;
  /** SMTP connections kept open (nodemailer's pool); 10 when unset. */
  smtpConnections?: number | undefined;
}

/**
 * SMTP when SMTP_URL is set, else the development mailbox in the database. The SMTP mailer checks
 * and records its log in batches: jobs sending side by side share one query for each, and every
 * send still waits for its own log entry before it returns (so before its job is complete).
 */
export function createMailer(db: Db, config: MailConfig): Mailer {
  if (!config.smtpUrl) return createDevMailer({ from: config.from, mailbox: createDevMailboxStore(db) });
  const store = createMailLogStore(db);
  const has = createBatcher(async (keys: string[]) => {
    const sent = await store.sentKeys(keys);
    return keys.map((key) => sent.has(key));
  });
  const record = createBatcher(async (entries: Parameters<MailLogStore['record']>[0][]) => {
    await store.recordAll(entries);
    return entries.map(() => undefined);
  });
  return createSmtpMailer({
    url: config.smtpUrl,
    from: config.from,
    log: { has, record },
    ...(config.smtpConnections ? { maxConnections: config.smtpConnections } : {}),
  });
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
  const accountMail = { tokens: createAccountTokensRepository(db), users, mailer, signer, links, clock };
  const handlers = {
    ...createAccountEmailHandlers(accountMail),
    ...createEmailChangeHandlers(accountMail),
    ...createSignUpEmailHandlers({ ...accountMail, signUps: createSignUpsRepository(db) }),
    ...createAccountDeletedEmailHandler({ mailer, links }),
    ...createNotificationEmailHandlers({
      load: createBatcher(async (ids: string[]) => {
        const found = new Map((await notifications.findForEmail(ids)).map((n) => [n.id, n]));
        return ids.map((id) => found.get(id) ?? null);
      }),
      service: createNotificationService({ notifications, signer, clock }),
      mailer,
      links,
    }),
    'maintenance.purge-expired': () => purgeExpired(db, clock.now()),
    ...createSearchSyncHandlers({ providers: createProvidersRepository(db), index: search }),
    ...createInvitationEmailHandlers({
      members: createProviderMembersRepository(db),
      mailer,
      signer,
      links,
      clock,
    }),
    ...createJobPostMatchHandlers({
      transaction: createTransactor(db),
      matches: createJobPostMatchesRepository(db),
      mailer,
      links,
      notifications: createNotificationService({ notifications, signer, clock }),
      clock,
    }),
    ...createReferenceEmailHandlers({
      transaction: createTransactor(db),
      references: createReferencesRepository(db),
      mailer,
      signer,
      links,
      clock,
    }),
    ...createReviewReminderHandlers({ reminders: createReviewRemindersRepository(db), clock }),
  };
  assertHandlers(handlers);
  return handlers;
}

// Core maps profiles to its own copy of the search document type (it cannot import @handoff/search);
// this fails to compile the day the two shapes drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameDocument: Same<ProviderIndexDocument, ProviderDocument> = true;
