import { referenceIdParams, referenceReviewBody } from '@handoff/contracts';
import { redirect } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { apiFailure, invalid, readFields } from '$lib/server/forms.ts';
import { operatorToken } from '$lib/server/operator.ts';
import { referenceReviewApi } from '$lib/server/reference-review-api.ts';
import { getFunctions, getIndustries } from '$lib/server/taxonomy.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const token = operatorToken(event);
  const [answers, industries, functions] = await Promise.all([
    referenceReviewApi.queue(token).catch(raise),
    getIndustries(),
    getFunctions(),
  ]);
  const done = event.url.searchParams.get('done');
  return {
    answers,
    industryNames: Object.fromEntries((industries ?? []).map((i) => [i.slug, i.name])),
    functionNames: Object.fromEntries((functions ?? []).map((f) => [f.slug, f.name])),
    done: done === 'cleared' || done === 'rejected' ? done : null,
  };
};

export const actions: Actions = {
  review: async (event) => {
    const token = operatorToken(event);
    const values = readFields(await event.request.formData(), ['id', 'decision', 'reason']);
    const id = referenceIdParams.safeParse({ id: values.id });
    const parsed = referenceReviewBody.safeParse({ decision: values.decision, reason: values.reason });
    if (!id.success) return invalid(values, id.error.issues);
    if (!parsed.success) return invalid(values, parsed.error.issues);
    try {
      await referenceReviewApi.review(token, id.data.id, parsed.data.decision, parsed.data.reason);
    } catch (cause) {
      return apiFailure(cause, values);
    }
    redirect(303, `/admin/references?done=${parsed.data.decision === 'clear' ? 'cleared' : 'rejected'}`);
  },
};
