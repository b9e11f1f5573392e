import type { AccessMap, RouteAccess } from '../access-types.ts';

const members = (param = 'id'): RouteAccess['object'] => ({
  param,
  kind: 'provider',
  allowed: ['provider-member'],
});

const invitationLink: RouteAccess['object'] = {
  param: 'token',
  kind: 'member-invitation-token',
  allowed: ['token-holder'],
};
// The invitation page shows "this link is not valid" as a form error, whoever asks.
const badLink = { status: 400, why: 'a link that is not ours is a form error on the invitation page' };

/** A provider profile is run by its members; its published page and logo are for everyone. */
export const providerAccess = {
  'POST /providers': { callers: ['provider'] },
  'GET /providers/mine': { callers: ['signed-in'] },
  'GET /providers/:id': { callers: ['signed-in'], object: members() },
  'PUT /providers/:id': { callers: ['signed-in'], object: members() },
  'POST /providers/:id/publish': { callers: ['signed-in'], object: members() },
  'POST /providers/:id/unpublish': { callers: ['signed-in'], object: members() },
  'PUT /providers/:id/logo': { callers: ['signed-in'], object: members() },
  // A published profile's logo is public; an unpublished one's only for its members.
  'GET /providers/:id/logo': {
    callers: ['anyone'],
    object: { param: 'id', kind: 'provider', allowed: ['public', 'provider-member'] },
  },
  'GET /public/providers/:slug': {
    callers: ['anyone'],
    object: { param: 'slug', kind: 'provider-slug', allowed: ['public'] },
  },
  'GET /providers/:id/members': { callers: ['signed-in'], object: members() },
  'POST /providers/:id/invitations': { callers: ['signed-in'], object: members() },
  'POST /providers/:id/invitations/:invitationId/revoke': {
    callers: ['signed-in'],
    object: members(),
    // The invitation must be one of this profile's: a member of one firm cannot revoke another's.
    also: [{ param: 'invitationId', kind: 'provider-invitation', allowed: ['provider-member'] }],
  },
  // Only the profile's owner removes a colleague (a member may remove only themselves).
  'POST /providers/:id/members/:userId/remove': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'provider', allowed: ['provider-owner'] },
    also: [{ param: 'userId', kind: 'provider-member-user', allowed: ['provider-owner'] }],
  },
  // The link is the credential: previewing needs no account, accepting needs one.
  'GET /invitations/:token': { callers: ['anyone'], object: invitationLink, refusal: badLink },
  'POST /invitations/:token/accept': { callers: ['signed-in'], object: invitationLink, refusal: badLink },
} satisfies AccessMap;
