import { preferencesBody } from '@handoff/contracts';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { api, raise } from '$lib/server/api.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { loginUrl } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

function signedIn({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): string {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  return locals.accessToken;
}

export const load: PageServerLoad = async (event) => {
  const token = signedIn(event);
  try {
    return {
      preferences: await api.emailPreferences(token),
      saved: event.url.searchParams.has('saved'),
    };
  } catch (error) {
    raise(error);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const token = signedIn(event);
    const data = await event.request.formData();
    // Each optional kind is listed in a hidden `kind` field: an unticked box sends nothing at all,
    // so this is how "off" reaches us. Required kinds are not listed and never change here.
    const on = new Set(data.getAll('email').filter((v) => typeof v === 'string'));
    const kinds = data.getAll('kind').filter((v): v is string => typeof v === 'string');
    const parsed = preferencesBody.safeParse({ email: Object.fromEntries(kinds.map((k) => [k, on.has(k)])) });
    if (!parsed.success) {
      return fail(400, {
        values: {},
        errors: {},
        message: 'Those settings could not be read. Try again.',
        status: 400,
      });
    }
    try {
      await api.setEmailPreferences(token, parsed.data.email);
    } catch (error) {
      return apiFailure(error, {});
    }
    redirect(303, '/settings/notifications?saved=1');
  },
};
