import { personIdParams, reinstateBody, suspendBody } from '@handoff/contracts';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { apiFailure, invalid, readFields } from '$lib/server/forms.ts';
import { operatorToken } from '$lib/server/operator.ts';
import { peopleApi } from '$lib/server/people-api.ts';
import type { Actions, PageServerLoad } from './$types';

function personId(params: Record<string, string>): string {
  const parsed = personIdParams.safeParse(params);
  if (!parsed.success) error(404, 'No account at this address.');
  return parsed.data.id;
}

const FLASHES = ['suspended', 'reinstated'] as const;

export const load: PageServerLoad = async (event) => {
  const token = operatorToken(event);
  const person = await peopleApi.get(token, personId(event.params)).catch(raise);
  const flash = FLASHES.find((key) => event.url.searchParams.has(key)) ?? null;
  return { person, flash, self: event.locals.user!.id === person.id, now: Date.now() };
};

async function change(event: RequestEvent, kind: 'suspend' | 'reinstate') {
  const token = operatorToken(event);
  const id = personId(event.params as Record<string, string>);
  const values = readFields(await event.request.formData(), ['reason']);
  const parsed = (kind === 'suspend' ? suspendBody : reinstateBody).safeParse(values);
  if (!parsed.success) return invalid(values, parsed.error.issues);
  try {
    await peopleApi[kind](token, id, parsed.data.reason);
  } catch (cause) {
    return apiFailure(cause, values);
  }
  redirect(303, `/admin/people/${id}?${kind === 'suspend' ? 'suspended' : 'reinstated'}=1`);
}

export const actions: Actions = {
  suspend: (event) => change(event, 'suspend'),
  reinstate: (event) => change(event, 'reinstate'),
};
