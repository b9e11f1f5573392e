import type { AccessMap, RouteAccess } from '../access-types.ts';

const owner: RouteAccess['object'] = { param: 'id', kind: 'job-post', allowed: ['job-owner'] };

/** A job is its owner's to edit; an open public one is readable by every provider and the public page. */
export const jobPostAccess = {
  // A job may start from the caller's own task, or from a published provider's profile or package.
  'POST /job-posts': {
    callers: ['signed-in'],
    also: [
      { param: 'fromTaskId', in: 'body', kind: 'owner-task', allowed: ['self'] },
      { param: 'fromProviderId', in: 'body', kind: 'provider', allowed: ['public'] },
    ],
  },
  'GET /job-posts': { callers: ['signed-in'] }, // the caller's own jobs
  'GET /job-posts/:id': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'job-post', allowed: ['job-owner', 'any-provider'] },
  },
  'PUT /job-posts/:id': { callers: ['signed-in'], object: owner },
  'DELETE /job-posts/:id': { callers: ['signed-in'], object: owner },
  'POST /job-posts/:id/publish': { callers: ['signed-in'], object: owner },
  'POST /job-posts/:id/close': { callers: ['signed-in'], object: owner },
  'GET /public/job-posts/:id': {
    callers: ['anyone'],
    object: { param: 'id', kind: 'job-post', allowed: ['public'] },
  },
  'POST /job-posts/:id/invitations': {
    callers: ['signed-in'],
    object: owner,
    also: [{ param: 'providerId', in: 'body', kind: 'provider', allowed: ['public'] }], // published ones only
  },
  'GET /job-posts/:id/invitations': { callers: ['signed-in'], object: owner },
  // providerId picks one of the caller's own profiles; another's answers 404.
  'GET /provider/invitations': {
    callers: ['signed-in'],
    object: { param: 'providerId', in: 'query', kind: 'provider', allowed: ['provider-member'] },
  },
  'GET /feed/job-posts': {
    callers: ['signed-in'],
    object: { param: 'providerId', in: 'query', kind: 'provider', allowed: ['provider-member'] },
  },
} satisfies AccessMap;
