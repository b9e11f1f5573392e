import type { AccessMap, RouteAccess } from '../access-types.ts';

const engagement = (...allowed: ('job-owner' | 'bid-provider')[]): RouteAccess['object'] => ({
  param: 'id',
  kind: 'engagement',
  allowed,
});

/** Hiring is the job owner's; an engagement is seen by its two parties, and run (reviews, switching) by the owner. */
export const engagementAccess = {
  'POST /bids/:id/accept': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'bid', allowed: ['job-owner'] },
  },
  'GET /engagements': { callers: ['signed-in'] }, // the caller's own
  'GET /engagements/:id': { callers: ['signed-in'], object: engagement('job-owner', 'bid-provider') },
  'GET /engagements/:id/reviews': { callers: ['signed-in'], object: engagement('job-owner', 'bid-provider') },
  'POST /engagements/:id/reviews': { callers: ['signed-in'], object: engagement('job-owner') },
  'PUT /engagements/:id/schedule': { callers: ['signed-in'], object: engagement('job-owner') },
  'POST /engagements/:id/schedule/review-now': { callers: ['signed-in'], object: engagement('job-owner') },
  'POST /engagements/:id/repost': { callers: ['signed-in'], object: engagement('job-owner') },
  'GET /engagements/:id/alternatives': { callers: ['signed-in'], object: engagement('job-owner') },
  'GET /engagements/:id/handover': { callers: ['signed-in'], object: engagement('job-owner') },
  'PUT /engagements/:id/handover': { callers: ['signed-in'], object: engagement('job-owner') },
  'POST /engagements/:id/end': { callers: ['signed-in'], object: engagement('job-owner') },
} satisfies AccessMap;
