import type { AccessMap } from '../access-types.ts';

/**
 * The owner's own profile, worksheet and saved providers: scoped to the caller, so any account may
 * use them for itself (no role is checked), and nobody reaches another's.
 */
export const ownerAccess = {
  'POST /time-value': { callers: ['anyone'] },
  'GET /taxonomy/suggest-function': { callers: ['anyone'] },
  'GET /owner/profile': { callers: ['signed-in'] },
  'PUT /owner/profile': { callers: ['signed-in'] },
  'GET /owner/tasks': { callers: ['signed-in'] },
  'POST /owner/tasks': { callers: ['signed-in'] },
  'PUT /owner/tasks/order': { callers: ['signed-in'] },
  'GET /owner/tasks/:id': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'owner-task', allowed: ['self'] },
  },
  'PATCH /owner/tasks/:id': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'owner-task', allowed: ['self'] },
  },
  'DELETE /owner/tasks/:id': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'owner-task', allowed: ['self'] },
  },
  'POST /owner/tasks/:id/job-post': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'owner-task', allowed: ['self'] },
  },
  'POST /saved-providers': {
    callers: ['signed-in'],
    object: { param: 'providerId', in: 'body', kind: 'provider', allowed: ['public'] }, // published ones only
  },
  'GET /saved-providers': { callers: ['signed-in'] },
  // The id names a provider in the caller's own list; any published provider may be in anyone's.
  'DELETE /saved-providers/:providerId': {
    callers: ['signed-in'],
    object: { param: 'providerId', kind: 'provider', allowed: ['public'] },
  },
} satisfies AccessMap;
