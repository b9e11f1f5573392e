import { renderEmail } from '@handoff/mail/templates';
import type { JobHandlers } from '../jobs.ts';
import type { AccountEmailDeps } from './emails.ts';
import type { AccountTokenPurpose } from './ports.ts';
import { formatToken } from './tokens.ts';

type Handlers = Pick<JobHandlers, 'email.confirm-email-change' | 'email.email-changed'>;

/**
 * The two e-mails of an address change. Each goes to the address its token names, not to the
 * account's address of the moment, and is idempotent by token id like the other account mail.
 */
export function createEmailChangeHandlers({
  tokens,
  users,
  mailer,
  signer,
  links,
  clock,
}: AccountEmailDeps): Handlers {
  async function load(tokenId: string, purpose: AccountTokenPurpose) {
    const token = await tokens.findById(tokenId);
    if (!token || token.purpose !== purpose || !token.email) return null;
    if (token.usedAt || token.expiresAt <= clock.now()) return null;
    const user = await users.findById(token.userId);
    return user ? { token, email: token.email, user } : null;
  }

  return {
    async 'email.confirm-email-change'({ tokenId }) {
      const found = await load(tokenId, 'change_email');
      if (!found) return;
      const url = links('/confirm-email-change', { token: formatToken(signer, 'change_email', tokenId) });
      await mailer.send({
        key: `confirm-email-change:${tokenId}`,
        to: found.email,
        subject: 'Confirm your new e-mail address for Handoff',
        ...renderEmail({
          preheader: 'One click and Handoff writes to this address from now on.',
          heading: 'Confirm your new e-mail address',
          paragraphs: [
            `Hi ${found.user.name}, you asked to use ${found.email} for your Handoff account instead of ${found.user.email}.`,
            'Nothing changes until you confirm. The link works once and expires in 24 hours.',
          ],
          action: { label: 'Use this address', url },
          footnote: 'Did not ask for this? Ignore this e-mail: the account keeps its current address.',
        }),
      });
    },

    async 'email.email-changed'({ tokenId }) {
      const found = await load(tokenId, 'undo_email_change');
      if (!found) return;
      const url = links('/undo-email-change', { token: formatToken(signer, 'undo_email_change', tokenId) });
      await mailer.send({
        key: `email-changed:${tokenId}`,
        to: found.email,
        subject: 'Your Handoff e-mail address was changed',
        ...renderEmail({
          preheader: `Your account now uses ${found.user.email}. Not you? Undo it within 7 days.`,
          heading: 'Your e-mail address was changed',
          paragraphs: [
            `Hi ${found.user.name}, the e-mail address of your Handoff account was changed from ${found.email} to ${found.user.email}. We will write to the new address from now on.`,
            'If you made this change, there is nothing to do. If you did not, undo it: your account goes back to this address and every device is logged out. The link works once, for 7 days.',
          ],
          action: { label: 'Undo this change', url },
          footnote:
            'You are receiving this at your previous address so that a change you did not make cannot go unnoticed.',
        }),
      });
    },
  };
}
