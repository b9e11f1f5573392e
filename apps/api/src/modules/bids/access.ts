import type { AccessMap, RouteAccess } from '../access-types.ts';

const bid = (...allowed: ('job-owner' | 'bid-provider')[]): RouteAccess['object'] => ({
  param: 'id',
  kind: 'bid',
  allowed,
});

/** A bid is seen by its two parties only: the job's owner and the bidding provider's members. */
export const bidAccess = {
  // Open public jobs take bids from any provider; drafts and others' invite-only jobs answer 404.
  'POST /job-posts/:id/bids': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'job-post', allowed: ['any-provider'] },
    // Bidding as a profile one is not a member of would put words in another firm's mouth.
    also: [{ param: 'providerId', in: 'body', kind: 'provider', allowed: ['provider-member'] }],
  },
  'GET /job-posts/:id/bids': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'job-post', allowed: ['job-owner'] },
  },
  'GET /bids': { callers: ['signed-in'] }, // the caller's own bids
  'GET /bids/:id': { callers: ['signed-in'], object: bid('job-owner', 'bid-provider') },
  'PUT /bids/:id': { callers: ['signed-in'], object: bid('bid-provider') },
  'POST /bids/:id/withdraw': { callers: ['signed-in'], object: bid('bid-provider') },
  'POST /bids/:id/shortlist': { callers: ['signed-in'], object: bid('job-owner') },
  'POST /bids/:id/unshortlist': { callers: ['signed-in'], object: bid('job-owner') },
  'POST /bids/:id/archive': { callers: ['signed-in'], object: bid('job-owner') },
  'POST /bids/:id/unarchive': { callers: ['signed-in'], object: bid('job-owner') },
  'POST /bids/:id/decline': { callers: ['signed-in'], object: bid('job-owner') },
  'GET /bids/:id/messages': { callers: ['signed-in'], object: bid('job-owner', 'bid-provider') },
  'POST /bids/:id/messages': { callers: ['signed-in'], object: bid('job-owner', 'bid-provider') },
  'GET /messages/unread-count': { callers: ['signed-in'] },
} satisfies AccessMap;
