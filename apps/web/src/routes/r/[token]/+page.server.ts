import { fieldErrors, referenceAnswerBody } from '@handoff/contracts';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiError, raise, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { referenceFormApi, visitor } from '$lib/server/reference-form-api.ts';
import { getFunctions, getIndustries } from '$lib/server/taxonomy.ts';
import type { Actions, PageServerLoad } from './$types';
import {
  formErrors,
  initialValues,
  mergeErrors,
  readForm,
  toBody,
  toDraft,
  type Values,
} from './form-values.ts';

export const load: PageServerLoad = async (event) => {
  const form = await referenceFormApi.get(event.params.token, visitor(event)).catch(raise);
  const [industries, functions] = await Promise.all([getIndustries(), getFunctions()]);
  const names = new Map((industries ?? []).map((i) => [i.slug, i.name]));
  return {
    form: {
      provider: form.provider,
      askedFor: form.askedFor,
      contact: form.contact,
      duties: form.duties,
      expiresAt: form.expiresAt,
    },
    functionName: functions?.find((f) => f.slug === form.contact.function)?.name ?? null,
    industries: form.industries.map((slug) => ({ slug, name: names.get(slug) ?? slug })),
    token: event.params.token,
    values: initialValues(form),
    saved: event.url.searchParams.has('saved'),
  };
};

/** A link that stopped working between opening the form and sending it gets the link's own page. */
function failure(cause: unknown, values: Values) {
  if (!(cause instanceof ApiError)) throw cause;
  if (cause.status === 404 || cause.status === 410) error(cause.status, cause.message);
  if (!cause.isClientError) {
    return fail(503, { values, errors: {} as Values, message: UNAVAILABLE_MESSAGE });
  }
  return fail(cause.status, { values, errors: formErrors(cause.fields), message: cause.message });
}

async function submitted(event: RequestEvent<{ token: string }>) {
  const who = visitor(event);
  const form = await referenceFormApi.get(event.params.token, who).catch(raise);
  const values = readForm(await event.request.formData(), form.duties.length);
  return { who, form, values };
}

export const actions: Actions = {
  save: async (event) => {
    const { who, values } = await submitted(event);
    try {
      await referenceFormApi.saveDraft(event.params.token, toDraft(values), who);
    } catch (cause) {
      return failure(cause, values);
    }
    redirect(303, `/r/${encodeURIComponent(event.params.token)}?saved=1`);
  },

  send: async (event) => {
    const { who, form, values } = await submitted(event);
    const { body, errors } = toBody(values, form.duties.length);
    const parsed = referenceAnswerBody.safeParse(body);
    if (!parsed.success || Object.keys(errors).length) {
      return fail(400, {
        values,
        errors: mergeErrors(parsed.success ? {} : formErrors(fieldErrors(parsed.error.issues)), errors),
        message: 'Some answers are missing or need a change. They are marked below.',
      });
    }
    try {
      await referenceFormApi.submit(event.params.token, parsed.data, who);
    } catch (cause) {
      return failure(cause, values);
    }
    redirect(303, `/r/thanks?asked=${form.askedFor}`);
  },
};
