import { api } from '$lib/server/api.ts';
import { devMailboxAvailable } from '$lib/server/dev-mailbox.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
  // Reading the path makes this load run again on every navigation, so the bell's count stays fresh.
  void url.pathname;
  const token = locals.accessToken;
  const [unread, devMailbox] = await Promise.all([
    // The bell is a nicety: if the count cannot be read, the header shows no badge rather than an error.
    token ? api.unreadCount(token).catch(() => null) : null,
    devMailboxAvailable(),
  ]);
  return { user: locals.user, unread, devMailbox };
};
