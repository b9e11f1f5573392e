import { renderEmail } from '@handoff/mail/templates';
import type { UsersRepository } from '../auth/ports.ts';
import type { Clock } from '../clock.ts';
import type { JobHandlers } from '../jobs.ts';
import type { LinkSigner, Links } from '../links.ts';
import type { Mailer } from '../mailer.ts';
import type { AccountTokensRepository } from './ports.ts';
import { formatToken } from './tokens.ts';

export interface AccountEmailDeps {
  tokens: AccountTokensRepository;
  users: UsersRepository;
  mailer: Mailer;
  signer: LinkSigner;
  links: Links;
  clock: Clock;
}

type Handlers = Pick<JobHandlers, 'email.verify-account' | 'email.password-reset'>;

/** Idempotent: the mail's key is the token id, and a used or expired token sends nothing. */
export function createAccountEmailHandlers({
  tokens,
  users,
  mailer,
  signer,
  links,
  clock,
}: AccountEmailDeps): Handlers {
  async function load(tokenId: string) {
    const token = await tokens.findById(tokenId);
    if (!token || token.usedAt || token.expiresAt <= clock.now()) return null;
    const user = await users.findById(token.userId);
    return user ? { token, user } : null;
  }

  return {
    async 'email.verify-account'({ tokenId }) {
      const found = await load(tokenId);
      if (!found || found.user.emailVerifiedAt) return;
      const url = links('/verify-email', { token: formatToken(signer, 'verify_email', tokenId) });
      await mailer.send({
        key: `verify-account:${tokenId}`,
        to: found.user.email,
        subject: 'Confirm your e-mail for Handoff',
        ...renderEmail({
          preheader: 'One click to confirm your address.',
          heading: `Welcome to Handoff, ${found.user.name}`,
          paragraphs: [
            'Confirm your e-mail address so providers, owners and reference customers can reach you.',
            'The link works once and expires in 7 days.',
          ],
          action: { label: 'Confirm my e-mail', url },
          footnote:
            'You are receiving this because this address was used to create a Handoff account. If that was not you, ignore this e-mail.',
        }),
      });
    },

    async 'email.password-reset'({ tokenId }) {
      const found = await load(tokenId);
      if (!found) return;
      const url = links('/reset-password', { token: formatToken(signer, 'reset_password', tokenId) });
      await mailer.send({
        key: `password-reset:${tokenId}`,
        to: found.user.email,
        subject: 'Reset your Handoff password',
        ...renderEmail({
          preheader: 'Choose a new password. The link expires in one hour.',
          heading: 'Reset your password',
          paragraphs: [
            `Hi ${found.user.name}, someone (hopefully you) asked to reset the password for this account.`,
            'The link works once and expires in one hour. Using it logs out every device.',
          ],
          action: { label: 'Choose a new password', url },
          footnote: 'Did not ask for this? Ignore this e-mail: your password stays as it is.',
        }),
      });
    },
  };
}
