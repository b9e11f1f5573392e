import { bidIdParams } from '@handoff/contracts';
import { json } from '@sveltejs/kit';
import { ApiError, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { bidsApi } from '$lib/server/bids-api.ts';
import type { RequestHandler } from './$types';

/**
 * The bid page's thread asks here every few seconds for messages newer than its last one
 * (`?after=<createdAt>`). The api checks that the caller is one of the two parties; reading marks read.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const noStore = { 'cache-control': 'no-store' };
  if (!locals.accessToken) {
    return json({ message: 'Log in to read this conversation' }, { status: 401, headers: noStore });
  }
  if (!bidIdParams.safeParse({ id: params.id }).success) {
    return json({ message: 'No bid with this id among yours' }, { status: 404, headers: noStore });
  }
  const after = url.searchParams.get('after');
  try {
    const thread = await bidsApi.messages(locals.accessToken, params.id, after ? { after } : {});
    return json(thread, { headers: noStore });
  } catch (cause) {
    if (!(cause instanceof ApiError)) throw cause;
    const status = cause.isClientError ? cause.status : 503;
    return json(
      { message: cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE },
      { status, headers: noStore },
    );
  }
};
