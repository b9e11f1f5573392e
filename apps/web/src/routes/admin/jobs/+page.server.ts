import { outboxIdParams, outboxStatus } from '@handoff/contracts';
import { fail, redirect } from '@sveltejs/kit';
import { api, raise } from '$lib/server/api.ts';
import { apiFailure, readFields } from '$lib/server/forms.ts';
import { operatorToken } from '$lib/server/operator.ts';
import type { Actions, PageServerLoad } from './$types';

const statusOf = (url: URL) => {
  const parsed = outboxStatus.safeParse(url.searchParams.get('status') ?? undefined);
  return parsed.success ? parsed.data : undefined;
};

export const load: PageServerLoad = async (event) => {
  const token = operatorToken(event);
  const status = statusOf(event.url);
  try {
    return {
      overview: await api.jobs(token, status),
      status: status ?? null,
      retried: event.url.searchParams.get('retried'),
      now: Date.now(),
    };
  } catch (cause) {
    raise(cause);
  }
};

export const actions: Actions = {
  retry: async (event) => {
    const token = operatorToken(event);
    const { id } = readFields(await event.request.formData(), ['id']);
    const parsed = outboxIdParams.safeParse({ id });
    if (!parsed.success) return fail(400, { values: {}, errors: {}, message: 'Not a job id.', status: 400 });
    try {
      await api.retryJob(token, parsed.data.id);
    } catch (cause) {
      return apiFailure(cause, {});
    }
    const status = statusOf(event.url);
    const back = new URLSearchParams({ ...(status ? { status } : {}), retried: String(parsed.data.id) });
    redirect(303, `/admin/jobs?${back}`);
  },
};
