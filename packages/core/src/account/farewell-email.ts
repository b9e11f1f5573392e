import { renderEmail } from '@handoff/mail/templates';
import type { JobHandlers } from '../jobs.ts';
import type { Links } from '../links.ts';
import type { Mailer } from '../mailer.ts';

/**
 * The last e-mail to a deleted account. It reads nothing: the account is a tombstone by now, so the
 * address and name come in the payload. Idempotent by the account's id.
 */
export function createAccountDeletedEmailHandler({
  mailer,
  links,
}: {
  mailer: Mailer;
  links: Links;
}): Pick<JobHandlers, 'email.account-deleted'> {
  return {
    async 'email.account-deleted'({ userId, email, name }) {
      await mailer.send({
        key: `account-deleted:${userId}`,
        to: email,
        subject: 'Your Handoff account is deleted',
        ...renderEmail({
          preheader:
            'Your account and the personal data in it are gone. This is the last e-mail we send you.',
          heading: 'Your account is deleted',
          paragraphs: [
            `Hi ${name}, as you asked, we deleted your Handoff account: your name, this e-mail address, your password, sessions, notifications, worksheet and saved providers are erased.`,
            'What other people need to keep stays with them, without your name: bids an owner received, the messages of a conversation, an engagement. They show “Former member” as the author. Jobs you had open are closed, and provider profiles only you belonged to are unpublished and out of search.',
            'This address is free again: you are welcome to create a new account with it at any time.',
          ],
          action: { label: 'Visit Handoff', url: links('/') },
          footnote:
            'You are receiving this because the account was deleted with its password. If that was not you, write to us from this address at once.',
        }),
      });
    },
  };
}
