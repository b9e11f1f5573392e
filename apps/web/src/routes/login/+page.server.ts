import { logInBody, type Session } from '@handoff/contracts';
import { redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/safe-next.ts';
import { api } from '$lib/server/api.ts';
import { apiFailure, invalid, parseFields, readFields } from '$lib/server/forms.ts';
import { clientOf, storeSession } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.user) redirect(303, next);
  return { next, askedFor: url.searchParams.has('next'), reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
  // The form posts to the page's own URL, so `?next=` survives failed attempts too.
  default: async (event) => {
    const { request, cookies, url } = event;
    const fields = readFields(await request.formData(), ['email', 'password']);
    const values = { email: fields.email };

    const parsed = parseFields(logInBody, fields);
    if (!parsed.success) return invalid(values, parsed.error.issues);

    let session: Session;
    try {
      session = await api.logIn(parsed.data, clientOf(event));
    } catch (error) {
      return apiFailure(error, values);
    }
    storeSession(cookies, session);
    redirect(303, safeNext(url.searchParams.get('next')));
  },
};
