import type { JobName } from '../jobs.ts';
import type { LinkSigner } from '../links.ts';
import type { TxScope } from '../transaction.ts';
import type { AccountTokenPurpose } from './ports.ts';

const HOUR = 60 * 60_000;
export const TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 7 * 24 * HOUR,
  reset_password: HOUR,
  change_email: 24 * HOUR,
  undo_email_change: 7 * 24 * HOUR,
};

/** The e-mail that carries each kind of link. */
const MAIL_JOB: Record<AccountTokenPurpose, JobName> = {
  verify_email: 'email.verify-account',
  reset_password: 'email.password-reset',
  change_email: 'email.confirm-email-change',
  undo_email_change: 'email.email-changed',
};

/** What a link is for; signed with the id, so a link of one kind never works as another. */
export type LinkPurpose = AccountTokenPurpose | 'sign_up';

/** The string that goes into a link: the row id and its signature. */
export const formatToken = (signer: LinkSigner, purpose: LinkPurpose, id: string) =>
  `${id}.${signer.sign(purpose, id)}`;

/** Returns the token id if the signature is ours, else null. Says nothing about expiry or use. */
export function parseToken(signer: LinkSigner, purpose: LinkPurpose, token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(token.trim());
  if (!match) return null;
  const [, id, signature] = match as unknown as [string, string, string];
  return signer.verify(signature, purpose, id) ? id : null;
}

/**
 * Creates a token and queues the e-mail that carries it, inside the caller's transaction. `email`
 * is the address the link is about (the new one to confirm, the old one to restore).
 */
export async function issueAccountToken(
  scope: TxScope,
  userId: string,
  purpose: AccountTokenPurpose,
  now: Date,
  email: string | null = null,
) {
  const { id } = await scope.tokens.create({
    userId,
    purpose,
    email,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
  });
  await scope.jobs.enqueue(MAIL_JOB[purpose], { tokenId: id });
  return id;
}
