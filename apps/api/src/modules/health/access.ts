import type { AccessMap } from '../access-types.ts';

/** Probes for the supervisor and load balancers; they say nothing about anyone's data. */
export const healthAccess = {
  'GET /healthz': { callers: ['anyone'] },
  'GET /readyz': { callers: ['anyone'] },
} satisfies AccessMap;
