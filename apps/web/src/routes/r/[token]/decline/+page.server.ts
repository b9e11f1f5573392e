import { error, redirect } from '@sveltejs/kit';
import { ApiError, raise, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { referenceFormApi, visitor } from '$lib/server/reference-form-api.ts';
import type { Actions, PageServerLoad } from './$types';

// Opening this page changes nothing: mail scanners follow links, so only the buttons decline.
export const load: PageServerLoad = async (event) => {
  const form = await referenceFormApi.get(event.params.token, visitor(event)).catch(raise);
  return { provider: form.provider.name, token: event.params.token };
};

export const actions: Actions = {
  default: async (event) => {
    const optOut = (await event.request.formData()).get('optOut') === 'yes';
    try {
      await referenceFormApi.decline(event.params.token, optOut, visitor(event));
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      error(
        cause.isClientError ? cause.status : 503,
        cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE,
      );
    }
    redirect(303, `/r/declined${optOut ? '?optOut=1' : ''}`);
  },
};
