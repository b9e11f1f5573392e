import { error, redirect } from '@sveltejs/kit';
import { accountApi } from '$lib/server/account-api.ts';
import { ApiError, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { loginUrl } from '$lib/server/session.ts';
import type { RequestHandler } from './$types';

/** "Download your data": a plain link, so it works without JavaScript; the browser saves the file. */
export const GET: RequestHandler = async ({ locals }) => {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl('/settings'));
  let response: Response;
  try {
    response = await accountApi.exportData(locals.accessToken);
  } catch (cause) {
    if (cause instanceof ApiError && cause.isClientError) error(cause.status, cause.message);
    error(503, UNAVAILABLE_MESSAGE);
  }
  const fallback = `handoff-data-${new Date().toISOString().slice(0, 10)}.json`;
  return new Response(response.body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition':
        response.headers.get('content-disposition') ?? `attachment; filename="${fallback}"`,
      // Personal data: never kept by a shared cache or the browser's.
      'cache-control': 'no-store',
    },
  });
};
