import { devMailboxQuery } from '@handoff/contracts';
import { api, raise } from '$lib/server/api.ts';
import type { PageServerLoad } from './$types';

// Public on purpose, like the API route it shows: it exists only in development (a 404 elsewhere).
export const load: PageServerLoad = async ({ url }) => {
  const query = devMailboxQuery.safeParse({ to: url.searchParams.get('to')?.trim() || undefined });
  const to = query.success ? query.data.to : undefined;
  try {
    return { messages: await api.devMailbox(to), to: to ?? '', now: Date.now() };
  } catch (error) {
    raise(error);
  }
};
