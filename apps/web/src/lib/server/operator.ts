import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { loginUrl } from './session.ts';

/** Operators only. The API checks the role too; asking first just spares it the call. */
export function operatorToken({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): string {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(`${url.pathname}${url.search}`));
  if (!locals.user.roles.includes('admin')) error(403, 'Only operators can see this page.');
  return locals.accessToken;
}
