import { accountAccess } from './account/access.ts';
import type { AccessMap } from './access-types.ts';
import { adminAccess } from './admin/access.ts';
import { authAccess } from './auth/access.ts';
import { bidAccess } from './bids/access.ts';
import { devAccess } from './dev/access.ts';
import { engagementAccess } from './engagements/access.ts';
import { healthAccess } from './health/access.ts';
import { jobPostAccess } from './job-posts/access.ts';
import { notificationAccess } from './notifications/access.ts';
import { ownerAccess } from './owners/access.ts';
import { providerAccess } from './providers/access.ts';
import { referenceAccess } from './references/access.ts';
import { searchAccess } from './search/access.ts';
import { taxonomyAccess } from './taxonomy/access.ts';

export type * from './access-types.ts';

const modules: Record<string, AccessMap> = {
  account: accountAccess,
  admin: adminAccess,
  auth: authAccess,
  bids: bidAccess,
  dev: devAccess,
  engagements: engagementAccess,
  health: healthAccess,
  'job-posts': jobPostAccess,
  notifications: notificationAccess,
  owners: ownerAccess,
  providers: providerAccess,
  references: referenceAccess,
  search: searchAccess,
  taxonomy: taxonomyAccess,
};

/** Every module's declarations in one map; a route declared by two modules is a mistake, so it throws. */
export function accessRegistry(): AccessMap {
  const all: Record<string, AccessMap[string]> = {};
  for (const [name, map] of Object.entries(modules)) {
    for (const [key, access] of Object.entries(map)) {
      if (all[key]) throw new Error(`${key} is declared twice (again by ${name})`);
      all[key] = access;
    }
  }
  return all;
}
