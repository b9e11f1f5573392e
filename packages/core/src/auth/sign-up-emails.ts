import { renderEmail } from '@handoff/mail/templates';
import { formatToken } from '../account/tokens.ts';
import type { Clock } from '../clock.ts';
import type { JobHandlers } from '../jobs.ts';
import type { LinkSigner, Links } from '../links.ts';
import type { Mailer } from '../mailer.ts';
import type { UsersRepository } from './ports.ts';
import type { SignUpsRepository } from './sign-ups.ports.ts';

export interface SignUpEmailDeps {
  signUps: SignUpsRepository;
  users: UsersRepository;
  mailer: Mailer;
  signer: LinkSigner;
  links: Links;
  clock: Clock;
}

type Handlers = Pick<JobHandlers, 'email.finish-sign-up' | 'email.sign-up-taken'>;

/**
 * The two answers a sign-up can send, only ever to the address it named: a link that finishes it,
 * or, when the address has an account, a note to its owner. Idempotent by sign-up or attempt id.
 */
export function createSignUpEmailHandlers({
  signUps,
  users,
  mailer,
  signer,
  links,
  clock,
}: SignUpEmailDeps): Handlers {
  return {
    async 'email.finish-sign-up'({ signUpId }) {
      const pending = await signUps.findById(signUpId);
      if (!pending || pending.usedAt || pending.expiresAt <= clock.now()) return;
      const url = links('/signup/confirm', { token: formatToken(signer, 'sign_up', signUpId) });
      await mailer.send({
        key: `finish-sign-up:${signUpId}`,
        to: pending.email,
        subject: 'Finish signing up for Handoff',
        ...renderEmail({
          preheader: 'One click proves this address and creates your account.',
          heading: `Welcome to Handoff, ${pending.name}`,
          paragraphs: [
            'Open the link to finish signing up: it proves this address is yours and creates your account.',
            'The link works once and expires in 24 hours. After that, sign up again for a new one.',
          ],
          action: { label: 'Finish signing up', url },
          footnote:
            'You are receiving this because this address was used to sign up for Handoff. If that was not you, ignore this e-mail: no account is created.',
        }),
      });
    },

    async 'email.sign-up-taken'({ userId, attemptId }) {
      const user = await users.findById(userId);
      if (!user) return;
      await mailer.send({
        key: `sign-up-taken:${attemptId}`,
        to: user.email,
        subject: 'You already have a Handoff account',
        ...renderEmail({
          preheader: 'Someone (maybe you) tried to sign up with this address.',
          heading: 'You already have an account',
          paragraphs: [
            `Hi ${user.name}. Someone (maybe you) tried to sign up for Handoff with ${user.email}. This address already has an account, so nothing was created or changed.`,
            `Log in with it, or if you forgot your password, reset it: ${links('/forgot-password')}`,
          ],
          action: { label: 'Log in', url: links('/login') },
          footnote: 'Was this not you? There is nothing to do: your account and password stay as they are.',
        }),
      });
    },
  };
}
