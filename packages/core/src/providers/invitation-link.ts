import type { LinkSigner } from '../links.ts';

/** How long an invitation link works; inviting the same address again starts the period afresh. */
export const INVITATION_TTL_MS = 7 * 86_400_000;

const PURPOSE = 'provider_invitation';

/** The last path segment of the link: the invitation id and its signature. */
export const formatInvitationToken = (signer: LinkSigner, id: string) => `${id}.${signer.sign(PURPOSE, id)}`;

export const invitationPath = (signer: LinkSigner, id: string) =>
  `/invitations/${formatInvitationToken(signer, id)}`;

/** The invitation id if the signature is ours, else null. Says nothing about expiry or use. */
export function parseInvitationToken(signer: LinkSigner, token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(token.trim());
  if (!match) return null;
  const [, id, signature] = match as unknown as [string, string, string];
  return signer.verify(signature, PURPOSE, id) ? id : null;
}

/** "anna@example.com" → "a***@example.com": enough to recognise one's own address, not to learn it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
