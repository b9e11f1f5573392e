import { json } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import type { RequestHandler } from './$types';

/**
 * The search box asks here as the owner types (`?q=bookkeeping for rest`). The answer depends only on
 * the words and the taxonomy, so browsers may keep it a few minutes. With no answer the box is a plain
 * search box: an empty list, never an error page.
 */
export const GET: RequestHandler = async ({ url }) => {
  const q = (url.searchParams.get('q') ?? '').slice(0, 200);
  try {
    const answer = await providersApi.suggest(q);
    return json(answer, { headers: { 'cache-control': 'public, max-age=300' } });
  } catch (cause) {
    if (!(cause instanceof ApiError)) throw cause;
    return json({ suggestions: [] }, { status: cause.isClientError ? 400 : 503 });
  }
};
