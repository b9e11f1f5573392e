import { endEngagementBody, engagementIdParams, fieldErrors, handoverBody } from '@handoff/contracts';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { bidsApi } from '$lib/server/bids-api.ts';
import { apiFailure, readFields } from '$lib/server/forms.ts';
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
  const engagement = await bidsApi.engagement(token, id).catch(raise);
  if (engagement.role !== 'owner') error(403, 'Only the owner can switch providers');
  const [alternatives, handover] = await Promise.all([
    reviewsApi.alternatives(token, id),
    reviewsApi.handover(token, id),
  ]).catch(raise);
  const params = event.url.searchParams;
  return {
    engagement,
    alternatives,
    handover,
    replace: params.has('replace'),
    saved: params.has('saved'),
  };
};

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim());

function failed(form: string, cause: unknown, values: Record<string, string>) {
  const { status, data } = apiFailure(cause, values);
  return fail(status, { ...data, form });
}

export const actions: Actions = {
  repost: async (event) => {
    const token = signedIn(event);
    const id = engagementId(event.params.id);
    let jobPostId: string;
    try {
      ({ jobPostId } = await reviewsApi.repost(token, id));
    } catch (cause) {
      return failed('repost', cause, {});
    }
    redirect(303, `/jobs/${jobPostId}/edit`);
  },

  handover: async (event) => {
    const token = signedIn(event);
    const id = engagementId(event.params.id);
    const values = readFields(await event.request.formData(), [
      'accessToRevoke',
      'documentsToCollect',
      'lastDay',
    ]);
    const body = {
      accessToRevoke: lines(values.accessToRevoke),
      documentsToCollect: lines(values.documentsToCollect),
      lastDay: values.lastDay || null,
    };
    const parsed = handoverBody.safeParse(body);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues);
      const first = Object.values(errors)[0] ?? 'Please fix the highlighted fields.';
      return fail(400, { values, errors, message: first, status: 400, form: 'handover' });
    }
    try {
      await reviewsApi.saveHandover(token, id, parsed.data);
    } catch (cause) {
      return failed('handover', cause, values);
    }
    redirect(303, `/engagements/${id}/switch?saved=1#handover`);
  },

  end: async (event) => {
    const token = signedIn(event);
    const id = engagementId(event.params.id);
    const values = readFields(await event.request.formData(), ['note']);
    const parsed = endEngagementBody.safeParse(values);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues);
      return fail(400, {
        values,
        errors,
        message: errors.note ?? 'Check the note',
        status: 400,
        form: 'end',
      });
    }
    try {
      await reviewsApi.end(token, id, parsed.data.note);
    } catch (cause) {
      return failed('end', cause, values);
    }
    redirect(303, `/engagements/${id}?ended=1`);
  },
};
