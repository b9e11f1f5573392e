import type { LinkSigner } from '../links.ts';
import type { TxScope } from '../transaction.ts';
import type { AccountTokenPurpose } from './ports.ts';

export const TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 7 * 86_400_000,
  reset_password: 60 * 60_000,
};

/** The string that goes into a link: the row id and its signature. */
export const formatToken = (signer: LinkSigner, purpose: AccountTokenPurpose, id: string) =>
  `${id}.${signer.sign(purpose, id)}`;

/** Returns the token id if the signature is ours, else null. Says nothing about expiry or use. */
export function parseToken(signer: LinkSigner, purpose: AccountTokenPurpose, token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(token.trim());
  if (!match) return null;
  const [, id, signature] = match as unknown as [string, string, string];
  return signer.verify(signature, purpose, id) ? id : null;
}

/** Creates a token and queues the e-mail that carries it, inside the caller's transaction. */
export async function issueAccountToken(
  scope: TxScope,
  userId: string,
  purpose: AccountTokenPurpose,
  now: Date,
) {
  const { id } = await scope.tokens.create({
    userId,
    purpose,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
  });
  await scope.jobs.enqueue(purpose === 'verify_email' ? 'email.verify-account' : 'email.password-reset', {
    tokenId: id,
  });
  return id;
}
