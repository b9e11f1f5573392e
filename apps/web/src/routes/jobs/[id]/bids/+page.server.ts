import { bidIdParams, declineBidBody, fieldErrors, jobPostIdParams } from '@handoff/contracts';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { bidsApi } from '$lib/server/bids-api.ts';
import { apiFailure, readFields } from '$lib/server/forms.ts';
import { loginUrl } from '$lib/server/session.ts';
import { compareSearch, readCompare } from './compare-params.ts';
import type { Actions, PageServerLoad } from './$types';

const NOT_YOURS = 'No job with this id among yours';
const MARKS = ['shortlist', 'unshortlist', 'archive', 'unarchive'] as const;

function signedIn({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): string {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  return locals.accessToken;
}

function jobId(id: string): string {
  if (!jobPostIdParams.safeParse({ id }).success) error(404, NOT_YOURS);
  return id;
}

/** Back to the grid as it was: same sort, same filters. */
const gridUrl = (id: string, url: URL) =>
  `/jobs/${id}/bids${compareSearch(readCompare(url.searchParams).query)}`;

/** A refused decision, said next to the bid it was about. */
function refused(
  bidId: string,
  status: number,
  message: string,
  values: Record<string, string> = {},
  errors: Record<string, string> = {},
) {
  return fail(status, { bidId, values, errors, message, status });
}

export const load: PageServerLoad = async (event) => {
  const token = signedIn(event);
  const id = jobId(event.params.id);
  const { query, problem } = readCompare(event.url.searchParams);
  const comparison = await bidsApi.compare(token, id, query).catch(raise);
  return { comparison, query, problem, search: compareSearch(query) };
};

export const actions: Actions = {
  mark: async (event) => {
    const token = signedIn(event);
    const id = jobId(event.params.id);
    const { bidId, mark } = readFields(await event.request.formData(), ['bidId', 'mark']);
    const action = MARKS.find((m) => m === mark);
    if (!action || !bidIdParams.safeParse({ id: bidId }).success) {
      return refused(bidId, 400, 'Choose a bid and what to do with it');
    }
    try {
      await bidsApi.mark(token, bidId, action);
    } catch (cause) {
      const { status, data } = apiFailure(cause, {});
      return refused(bidId, status, data.message);
    }
    redirect(303, gridUrl(id, event.url));
  },

  decline: async (event) => {
    const token = signedIn(event);
    const id = jobId(event.params.id);
    const values = readFields(await event.request.formData(), ['bidId', 'reason']);
    if (!bidIdParams.safeParse({ id: values.bidId }).success)
      return refused(values.bidId, 400, 'Choose a bid');
    const parsed = declineBidBody.safeParse({ reason: values.reason });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues);
      return refused(values.bidId, 400, errors.reason ?? 'Check the reason', values, errors);
    }
    try {
      await bidsApi.decline(token, values.bidId, parsed.data.reason || undefined);
    } catch (cause) {
      const { status, data } = apiFailure(cause, values);
      return refused(values.bidId, status, data.message, values, data.errors);
    }
    redirect(303, gridUrl(id, event.url));
  },
};
