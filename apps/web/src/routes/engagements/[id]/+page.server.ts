import { engagementIdParams, reviewCadence } from '@handoff/contracts';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { bidsApi } from '$lib/server/bids-api.ts';
import { apiFailure, readFields } from '$lib/server/forms.ts';
import { reviewsApi } from '$lib/server/reviews-api.ts';
import { loginUrl } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const FLASHES = ['hired', 'reviewed', 'scheduled', 'ended'] as const;

function signedIn({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): string {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  return locals.accessToken;
}

function engagementId(id: string): string {
  if (!engagementIdParams.safeParse({ id }).success) error(404, 'No engagement with this id');
  return id;
}

export const load: PageServerLoad = async (event) => {
  const token = signedIn(event);
  const id = engagementId(event.params.id);
  const [engagement, reviews] = await Promise.all([
    bidsApi.engagement(token, id),
    reviewsApi.overview(token, id),
  ]).catch(raise);
  const flash = FLASHES.find((key) => event.url.searchParams.has(key)) ?? null;
  return { engagement, reviews, flash, hired: flash === 'hired' };
};

/** A refused action, tagged with its form so the page shows the message beside it. */
function refused(form: string, cause: unknown) {
  const { status, data } = apiFailure(cause, {});
  return fail(status, { ...data, form });
}

export const actions: Actions = {
  cadence: async (event) => {
    const token = signedIn(event);
    const id = engagementId(event.params.id);
    const { cadence } = readFields(await event.request.formData(), ['cadence']);
    const parsed = reviewCadence.safeParse(cadence);
    if (!parsed.success) {
      return fail(400, { form: 'cadence', message: 'Choose how often to review', errors: {}, values: {} });
    }
    try {
      await reviewsApi.setCadence(token, id, parsed.data);
    } catch (cause) {
      return refused('cadence', cause);
    }
    redirect(303, `/engagements/${id}?scheduled=1#schedule`);
  },

  reviewNow: async (event) => {
    const token = signedIn(event);
    const id = engagementId(event.params.id);
    try {
      await reviewsApi.reviewNow(token, id);
    } catch (cause) {
      return refused('reviewNow', cause);
    }
    redirect(303, `/engagements/${id}/review`);
  },
};
