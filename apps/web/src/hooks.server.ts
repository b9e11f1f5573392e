import type { Handle } from '@sveltejs/kit';
import { authenticate } from '$lib/server/session.ts';

export const handle: Handle = async ({ event, resolve }) => {
  await authenticate(event);
  return resolve(event);
};
