import { notificationIdParams } from '@handoff/contracts';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { api, raise } from '$lib/server/api.ts';
import { apiFailure, readFields } from '$lib/server/forms.ts';
import { loginUrl } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

function signedIn({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): string {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  return locals.accessToken;
}

/** Back to the list the person was looking at, "Unread" tab included. */
const listUrl = (url: URL) =>
  url.searchParams.get('unread') === 'true' ? '/notifications?unread=true' : '/notifications';

export const load: PageServerLoad = async (event) => {
  const token = signedIn(event);
  const unreadOnly = event.url.searchParams.get('unread') === 'true';
  try {
    const { notifications, unread } = await api.notifications(token, { unread: unreadOnly });
    return { notifications, unread, unreadOnly, now: Date.now() };
  } catch (error) {
    raise(error);
  }
};

export const actions: Actions = {
  read: async (event) => {
    const token = signedIn(event);
    const { id } = readFields(await event.request.formData(), ['id']);
    const parsed = notificationIdParams.safeParse({ id });
    if (!parsed.success) {
      return fail(400, {
        values: {},
        errors: {},
        message: 'That notification could not be found.',
        status: 400,
      });
    }
    try {
      await api.markRead(token, parsed.data.id);
    } catch (error) {
      return apiFailure(error, {});
    }
    redirect(303, listUrl(event.url));
  },

  readAll: async (event) => {
    const token = signedIn(event);
    try {
      await api.markAllRead(token);
    } catch (error) {
      return apiFailure(error, {});
    }
    redirect(303, listUrl(event.url));
  },
};
