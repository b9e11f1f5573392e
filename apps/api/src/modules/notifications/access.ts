import type { AccessMap } from '../access-types.ts';

/** Each person's own notifications; unsubscribing works from the e-mail's signed link alone. */
export const notificationAccess = {
  'GET /notifications': { callers: ['signed-in'] },
  'GET /notifications/unread-count': { callers: ['signed-in'] },
  'POST /notifications/:id/read': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'notification', allowed: ['self'] },
  },
  'POST /notifications/read-all': { callers: ['signed-in'] },
  'GET /notifications/preferences': { callers: ['signed-in'] },
  'PUT /notifications/preferences': { callers: ['signed-in'] },
  'POST /notifications/unsubscribe': { callers: ['anyone'] },
} satisfies AccessMap;
