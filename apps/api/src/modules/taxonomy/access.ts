import type { AccessMap } from '../access-types.ts';

/** The taxonomy is public reference data. */
export const taxonomyAccess = {
  'GET /taxonomy/functions': { callers: ['anyone'] },
  'GET /taxonomy/industries': { callers: ['anyone'] },
} satisfies AccessMap;
