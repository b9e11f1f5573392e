import {
  acceptInvitationResponse,
  invitationPreviewResponse,
  inviteMemberResponse,
  messageResponse,
  providerTeamResponse,
  type AcceptedInvitation,
  type InvitationPreview,
  type ProviderTeam,
} from '@handoff/contracts';
import { request } from './api-client.ts';

const path = (segment: string) => encodeURIComponent(segment);

/** Members of a provider profile and invitations to join it: one function per endpoint, like `api.ts`. */
export const membersApi = {
  team: (token: string, providerId: string): Promise<ProviderTeam> =>
    request(providerTeamResponse, `/providers/${path(providerId)}/members`, { token }),

  async invite(token: string, providerId: string, email: string): Promise<{ resent: boolean }> {
    const { resent } = await request(inviteMemberResponse, `/providers/${path(providerId)}/invitations`, {
      method: 'POST',
      body: { email },
      token,
    });
    return { resent };
  },

  revoke: (token: string, providerId: string, invitationId: string) =>
    request(messageResponse, `/providers/${path(providerId)}/invitations/${path(invitationId)}/revoke`, {
      method: 'POST',
      token,
    }),

  /** Removing yourself is leaving. */
  remove: (token: string, providerId: string, userId: string) =>
    request(messageResponse, `/providers/${path(providerId)}/members/${path(userId)}/remove`, {
      method: 'POST',
      token,
    }),

  /** Works signed out too; with a session the API also says whether the invitation is for this person. */
  preview: (invitation: string, token: string | null): Promise<InvitationPreview> =>
    request(invitationPreviewResponse, `/invitations/${path(invitation)}`, { token }),

  accept: (invitation: string, token: string): Promise<AcceptedInvitation> =>
    request(acceptInvitationResponse, `/invitations/${path(invitation)}/accept`, { method: 'POST', token }),
};
