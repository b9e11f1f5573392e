import type { AccessMap } from '../access-types.ts';

const devOnly = 'the dev mailbox is registered only outside production, without SMTP, and shows every mail';

/** The development mailbox: every mail the app sent, links and all, for whoever runs it locally. */
export const devAccess = {
  'GET /dev/mailbox': { callers: ['anyone'], devOnly },
  'GET /dev/mailbox/:id': {
    callers: ['anyone'],
    object: { param: 'id', kind: 'dev-mail', allowed: ['public'] },
    devOnly,
  },
} satisfies AccessMap;
