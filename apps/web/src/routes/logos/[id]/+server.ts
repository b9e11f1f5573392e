import { providerIdParams } from '@handoff/contracts';
import { error } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import type { RequestHandler } from './$types';

/*
 * Provider logos, passed through from the API (the browser never talks to it). The API decides who may
 * see a draft's logo and how long each version may be cached; this keeps both.
 */
export const GET: RequestHandler = async ({ params, url, locals, request }) => {
  const parsed = providerIdParams.safeParse(params);
  if (!parsed.success) error(404, 'No such logo');
  const version = url.searchParams.get('v');
  let logo;
  try {
    logo = await providersApi.logo(parsed.data.id, version, locals.accessToken);
  } catch (cause) {
    if (!(cause instanceof ApiError)) throw cause;
    error(cause.isClientError ? 404 : 503, cause.isClientError ? 'No such logo' : cause.message);
  }
  const headers: Record<string, string> = {
    'content-type': logo.contentType,
    'cache-control': logo.cacheControl,
    'x-content-type-options': 'nosniff',
    // A logo is only ever an image: nothing in it may run if it is opened on its own.
    'content-security-policy': "default-src 'none'; sandbox",
  };
  if (logo.etag) headers.etag = logo.etag;
  if (logo.etag && request.headers.get('if-none-match') === logo.etag) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(logo.bytes, { headers });
};
