import type { AccessMap } from '../access-types.ts';

/** The signed-in person's own account; the e-mailed links (verify, reset, confirm, undo) prove themselves. */
export const accountAccess = {
  'POST /auth/verify-email': { callers: ['anyone'] },
  'POST /auth/verify-email/resend': { callers: ['signed-in'] },
  'POST /auth/password/forgot': { callers: ['anyone'] },
  'POST /auth/password/reset': { callers: ['anyone'] },
  'GET /account': { callers: ['signed-in'] },
  'PATCH /account': { callers: ['signed-in'] },
  'POST /account/email': { callers: ['signed-in'] },
  'POST /account/email/confirm': { callers: ['anyone'] },
  'POST /account/email/undo': { callers: ['anyone'] },
  'POST /account/password': { callers: ['signed-in'] },
  'POST /account/roles': { callers: ['signed-in'] },
  'GET /account/sessions': { callers: ['signed-in'] },
  'DELETE /account/sessions/:id': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'session', allowed: ['self'] },
  },
  'POST /account/sessions/sign-out-others': { callers: ['signed-in'] },
  'GET /account/export': { callers: ['signed-in'] },
  'POST /account/delete': { callers: ['signed-in'] },
} satisfies AccessMap;
