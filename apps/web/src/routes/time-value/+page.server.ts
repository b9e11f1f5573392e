import type { HourValueInput, TimeValue } from '@handoff/contracts';
import { redirect, type Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { ApiError } from '$lib/server/api.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { ownersApi, type OwnerProfile } from '$lib/server/owners-api.ts';
import { clientOf } from '$lib/server/session.ts';
import { isOwner, ownerToken } from '../jobs/owner-access.server.ts';
import {
  calculatorBody,
  EMPTY_VALUES,
  hasTask,
  hourBody,
  parsePending,
  readCalculator,
  sameFigures,
  taskFromUrl,
  taskQuery,
  valuesFrom,
  type CalculatorValues,
} from './time-value-form.ts';
import type { Actions, PageServerLoad } from './$types';

/*
 * Figures worked out before signing up wait in a cookie (no account, no database row); the first
 * visit here as an owner saves them to the new profile. A week is long enough to finish signing up.
 */
const PENDING_COOKIE = 'handoff_hour_value';
const pendingOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: !dev } as const;

function keepPending(cookies: Cookies, figures: HourValueInput) {
  cookies.set(PENDING_COOKIE, JSON.stringify(figures), { ...pendingOptions, maxAge: 7 * 86_400 });
}

/** The result for figures already known (saved, or carried over), so the page opens with the answer. */
async function compute(values: CalculatorValues): Promise<TimeValue | null> {
  try {
    return await ownersApi.timeValue(calculatorBody(values));
  } catch (cause) {
    if (cause instanceof ApiError) return null;
    throw cause;
  }
}

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const owner = isOwner(locals);
  const pending = parsePending(cookies.get(PENDING_COOKIE));
  const task = taskFromUrl(url.searchParams);
  let profile: OwnerProfile | null = null;
  let carriedOver = false;
  let failure: string | null = null;

  if (owner) {
    const token = locals.accessToken!;
    try {
      profile = await ownersApi.profile(token);
      // What was typed before signing up becomes the new owner's figures; a saved profile is not
      // overwritten behind the owner's back (the form offers the typed figures to save instead).
      if (pending && !profile) {
        profile = await ownersApi.saveProfile(token, pending);
        carriedOver = true;
      }
      if (pending && sameFigures(pending, profile)) cookies.delete(PENDING_COOKIE, pendingOptions);
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      failure = 'Your saved figures could not be read just now; the calculator still works.';
    }
  }

  const offered = owner && pending && profile && !sameFigures(pending, profile) ? pending : null;
  const figures = offered ?? profile ?? (owner ? null : pending);
  const values = figures ? valuesFrom(figures, task) : { ...EMPTY_VALUES, ...task };
  return {
    role: owner ? ('owner' as const) : locals.user ? ('other' as const) : ('visitor' as const),
    profile,
    values,
    result: figures ? await compute(values) : null,
    carriedOver,
    /** Figures typed before logging in that differ from the saved ones. */
    offered: offered !== null,
    saved: url.searchParams.has('saved'),
    failure,
  };
};

export const actions: Actions = {
  calculate: async (event) => {
    const values = readCalculator(await event.request.formData());
    let result: TimeValue;
    try {
      result = await ownersApi.timeValue(calculatorBody(values), clientOf(event));
    } catch (cause) {
      return apiFailure(cause, values);
    }
    // Kept for after sign-up; an account saves with its own button instead.
    if (!event.locals.user) keepPending(event.cookies, hourBody(values));
    return { values, result, errors: {} as Record<string, string>, message: '', status: 200 };
  },

  save: async (event) => {
    const token = ownerToken(event);
    const values = readCalculator(await event.request.formData());
    try {
      await ownersApi.saveProfile(token, hourBody(values));
    } catch (cause) {
      return apiFailure(cause, values);
    }
    event.cookies.delete(PENDING_COOKIE, pendingOptions);
    redirect(303, `/time-value?saved=1${hasTask(values) ? taskQuery(values) : ''}`);
  },
};
