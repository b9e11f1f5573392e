import { z } from 'zod';
import { emailSchema } from './auth.ts';
import { providerKind } from './providers.ts';

// Members of a provider profile and invitations to join it. Allow-lists, like every response.

export const inviteMemberBody = z.object({ email: emailSchema });
export type InviteMemberBody = z.infer<typeof inviteMemberBody>;

export const memberRole = z.enum(['owner', 'member']);

export const invitationParams = z.object({
  id: z.uuid({ error: 'Not a provider id' }),
  invitationId: z.uuid({ error: 'Not an invitation id' }),
});

export const memberParams = z.object({
  id: z.uuid({ error: 'Not a provider id' }),
  userId: z.uuid({ error: 'Not a member id' }),
});

/** The link's last segment: `<invitation id>.<signature>`. */
export const invitationTokenParams = z.object({
  token: z
    .string()
    .trim()
    .min(20, { error: 'This invitation link is incomplete; open it again from the e-mail' })
    .max(200, { error: 'This invitation link is not valid' }),
});

export const providerMember = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: memberRole,
  joinedAt: z.iso.datetime(),
  /** The caller. */
  you: z.boolean(),
});
export type ProviderMember = z.infer<typeof providerMember>;

export const providerInvitation = z.object({
  id: z.uuid(),
  email: z.string(),
  /** Who sent it; null when their account is gone. */
  inviterName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** Past its expiry: inviting the address again sends it anew. */
  expired: z.boolean(),
});
export type ProviderInvitation = z.infer<typeof providerInvitation>;

export const providerTeamResponse = z.object({
  /** The caller's role: only the owner removes others. */
  role: memberRole,
  members: z.array(providerMember),
  /** Neither accepted nor revoked. */
  invitations: z.array(providerInvitation),
});
export type ProviderTeam = z.infer<typeof providerTeamResponse>;

export const inviteMemberResponse = z.object({
  invitation: providerInvitation,
  /** True when the address already had an open invitation and it was sent again. */
  resent: z.boolean(),
});

export const invitationState = z.enum(['open', 'accepted', 'revoked', 'expired']);

export const invitationPreviewResponse = z.object({
  providerName: z.string(),
  providerKind: providerKind.nullable(),
  inviterName: z.string().nullable(),
  /** Masked, e.g. a***@example.com. */
  email: z.string(),
  expiresAt: z.iso.datetime(),
  state: invitationState,
  /** Why it cannot be accepted; null when it can. */
  problem: z.string().nullable(),
  /** Whether the signed-in caller is the invited address; null when the request had no session. */
  forViewer: z.boolean().nullable(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewResponse>;

export const acceptInvitationResponse = z.object({
  providerId: z.uuid(),
  providerName: z.string(),
});
export type AcceptedInvitation = z.infer<typeof acceptInvitationResponse>;
