import type { AccessMap } from '../access-types.ts';

/** The operator's screens: operators only, whatever the id. */
export const adminAccess = {
  'GET /admin/jobs': { callers: ['admin'] },
  'POST /admin/outbox/:id/retry': {
    callers: ['admin'],
    object: { param: 'id', kind: 'outbox-job', allowed: ['admin'] },
  },
  'GET /admin/people': { callers: ['admin'] },
  'GET /admin/people/:id': {
    callers: ['admin'],
    object: { param: 'id', kind: 'person', allowed: ['admin'] },
  },
  'POST /admin/people/:id/suspend': {
    callers: ['admin'],
    object: { param: 'id', kind: 'person', allowed: ['admin'] },
  },
  'POST /admin/people/:id/reinstate': {
    callers: ['admin'],
    object: { param: 'id', kind: 'person', allowed: ['admin'] },
  },
  'GET /admin/audit-log': { callers: ['admin'] },
} satisfies AccessMap;
