import type { AccessMap } from '../access-types.ts';

/** Signing up and in needs no account; the e-mailed links carry their own proof. */
export const authAccess = {
  'POST /auth/signup': { callers: ['anyone'] },
  'POST /auth/signup/confirm': { callers: ['anyone'] }, // the e-mailed link is the credential
  'POST /auth/login': { callers: ['anyone'] },
  'POST /auth/refresh': { callers: ['anyone'] }, // the refresh token is the credential
  'POST /auth/logout': { callers: ['anyone'] }, // ends the session the refresh token names
  'GET /auth/me': { callers: ['signed-in'] },
} satisfies AccessMap;
