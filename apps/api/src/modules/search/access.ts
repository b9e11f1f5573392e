import type { AccessMap } from '../access-types.ts';

/** Search reads published profiles only, so it needs no account. */
export const searchAccess = {
  'GET /search/providers': { callers: ['anyone'] },
  'GET /search/suggest': { callers: ['anyone'] },
} satisfies AccessMap;
