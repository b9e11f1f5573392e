import { engagementIdParams, fieldErrors, submitReviewBody } from '@handoff/contracts';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { bidsApi } from '$lib/server/bids-api.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { reviewsApi } from '$lib/server/reviews-api.ts';
import { loginUrl } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

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
  // The provider reads reviews on the engagement page; this form is the owner's.
  if (engagement.role !== 'owner') error(403, 'Only the owner reviews this engagement');
  if (engagement.status !== 'active') redirect(303, `/engagements/${id}`);
  // The form names the latest review it was filled against, so sending it twice records one.
  return { engagement, schedule: reviews.schedule, after: reviews.reviews.at(-1)?.id ?? '' };
};

/** Every text field of the form, by name, to refill it when something needs fixing. */
function valuesOf(data: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of data) if (typeof value === 'string') values[key] = value;
  return values;
}

/** The form's flat names (benchmarks.0.result) as the api's body. */
function bodyOf(values: Record<string, string>, counts: { benchmarks: number; duties: number }) {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  return {
    benchmarks: range(counts.benchmarks).map((i) => ({
      benchmarkId: values[`benchmarks.${i}.benchmarkId`] ?? '',
      result: values[`benchmarks.${i}.result`] ?? '',
      actual: values[`benchmarks.${i}.actual`] ?? '',
    })),
    duties: range(counts.duties).map((i) => ({
      dutyId: values[`duties.${i}.dutyId`] ?? '',
      score: values[`duties.${i}.score`] ?? '',
      note: values[`duties.${i}.note`] ?? '',
    })),
    decision: values.decision ?? '',
    note: values.note ?? '',
    improvements: values.improvements ?? '',
    after: values.after ? values.after : null,
  };
}

export const actions: Actions = {
  default: async (event) => {
    const token = signedIn(event);
    const id = engagementId(event.params.id);
    const values = valuesOf(await event.request.formData());
    const counts = { benchmarks: Number(values.benchmarkCount) || 0, duties: Number(values.dutyCount) || 0 };
    const body = bodyOf(values, counts);
    const parsed = submitReviewBody.safeParse(body);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues);
      return fail(400, { values, errors, message: 'Please fix the highlighted fields.', status: 400 });
    }
    try {
      await reviewsApi.submit(token, id, parsed.data);
    } catch (cause) {
      return apiFailure(cause, values);
    }
    if (parsed.data.decision === 'replace') redirect(303, `/engagements/${id}/switch?replace=1`);
    redirect(303, `/engagements/${id}?reviewed=1`);
  },
};
