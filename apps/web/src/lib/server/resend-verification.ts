import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { api } from './api.ts';
import { apiFailure } from './forms.ts';
import { clientOf, loginUrl } from './session.ts';

/**
 * The "send me a new confirmation link" form action, shared by the dashboard banner and the
 * verify-email page. Success lands on the dashboard, which says where the link went.
 */
export async function resendVerification(event: RequestEvent) {
  const { locals, url } = event;
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  if (locals.user.emailVerified) {
    return fail(400, {
      values: {},
      errors: {},
      message: 'Your e-mail address is already confirmed.',
      status: 400,
    });
  }
  try {
    await api.resendVerification(locals.accessToken, clientOf(event));
  } catch (error) {
    return apiFailure(error, {});
  }
  redirect(303, '/dashboard?resent=1');
}
