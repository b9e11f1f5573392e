import { devMailboxQuery } from '@handoff/contracts';
import { api, raise } from '$lib/server/api.ts';
import { clientOf } from '$lib/server/session.ts';
import type { PageServerLoad } from './$types';

// Exists only in development (a 404 elsewhere), and like the API route it shows, only for visitors
// on the machine itself or operators.
export const load: PageServerLoad = async (event) => {
  const { url, locals } = event;
  const query = devMailboxQuery.safeParse({ to: url.searchParams.get('to')?.trim() || undefined });
  const to = query.success ? query.data.to : undefined;
  try {
    return {
      messages: await api.devMailbox(to, { token: locals.accessToken, client: clientOf(event) }),
      to: to ?? '',
      now: Date.now(),
    };
  } catch (error) {
    raise(error);
  }
};
