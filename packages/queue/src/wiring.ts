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
import {
  createAccountTokensRepository,
  createDevMailboxStore,
  createMailLogStore,
  createNotificationsRepository,
  createUsersRepository,
  purgeExpired,
  type Db,
} from '@handoff/db';
import { createDevMailer, createSmtpMailer, type Mailer } from '@handoff/mail';

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
  clock?: Clock;
}

/** Every job's handler, wired to the database once. Used by the api (in-process) and the worker. */
export function createJobHandlers({
  db,
  mailer,
  secret,
  appUrl,
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
  };
  assertHandlers(handlers);
  return handlers;
}
