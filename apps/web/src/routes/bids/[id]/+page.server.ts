import { bidIdParams, bidMessageBody, declineBidBody, fieldErrors } from '@handoff/contracts';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { bidsApi } from '$lib/server/bids-api.ts';
import { apiFailure, readFields } from '$lib/server/forms.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import { moveErrors, readPicks } from '$lib/server/reference-picks.ts';
import { referencesApi } from '$lib/server/references-api.ts';
import { clientOf, loginUrl } from '$lib/server/session.ts';
import { getFunctions, getIndustries } from '$lib/server/taxonomy.ts';
import type { Actions, PageServerLoad } from './$types';

const FLASHES = ['sent', 'revised', 'withdrawn', 'declined', 'asked', 'requested'] as const;
const MARKS = ['shortlist', 'unshortlist', 'archive', 'unarchive'] as const;

function signedIn({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): string {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  return locals.accessToken;
}

/** A malformed id is simply a bid that does not exist. */
function bidId(id: string): string {
  if (!bidIdParams.safeParse({ id }).success) error(404, 'No bid with this id among yours');
  return id;
}

type Fields = Record<string, string>;

/** A refused action, tagged with the form it came from so the page shows the message beside it. */
function failed(form: string, status: number, message: string, values: Fields = {}, errors: Fields = {}) {
  return fail(status, { values, errors, message, status, form });
}

function refused(form: string, cause: unknown, values: Fields = {}) {
  const { status, data } = apiFailure(cause, values);
  return failed(form, status, data.message, values, data.errors);
}

const names = (list: { slug: string; name: string }[] | null) =>
  Object.fromEntries((list ?? []).map((x) => [x.slug, x.name]));

/** The references section: the requests, and for the provider its profile's contacts to pick from. */
async function referencesOf(token: string, bid: Awaited<ReturnType<typeof bidsApi.get>>) {
  const [references, functions, industries] = await Promise.all([
    referencesApi.forBid(token, bid.id),
    getFunctions(),
    getIndustries(),
  ]).catch(raise);
  const profile =
    bid.viewer === 'provider' && references.askedAt
      ? await providersApi.get(token, bid.provider.id).catch(raise)
      : null;
  return {
    references,
    contacts: profile?.references ?? [],
    // A contact is added under one of the functions the profile serves.
    profileFunctions: (profile?.functions ?? []).map(({ slug, name }) => ({ slug, name })),
    functionNames: names(functions),
    industryNames: names(industries),
  };
}

export const load: PageServerLoad = async (event) => {
  const token = signedIn(event);
  const id = bidId(event.params.id);
  // Reading the thread marks it read for this person: opening the page is reading it.
  const [bid, thread] = await Promise.all([bidsApi.get(token, id), bidsApi.messages(token, id)]).catch(raise);
  const flash = FLASHES.find((key) => event.url.searchParams.has(key)) ?? null;
  return { bid, thread, flash, now: Date.now(), ...(await referencesOf(token, bid)) };
};

export const actions: Actions = {
  message: async (event) => {
    const token = signedIn(event);
    const id = bidId(event.params.id);
    const values = readFields(await event.request.formData(), ['body']);
    const parsed = bidMessageBody.safeParse(values);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues);
      return failed('message', 400, errors.body ?? 'Write a message', values, errors);
    }
    try {
      await bidsApi.postMessage(token, id, parsed.data.body);
    } catch (cause) {
      return refused('message', cause, values);
    }
    redirect(303, `/bids/${id}#messages`);
  },

  withdraw: async (event) => {
    const token = signedIn(event);
    const id = bidId(event.params.id);
    try {
      await bidsApi.withdraw(token, id);
    } catch (cause) {
      return refused('withdraw', cause);
    }
    redirect(303, `/bids/${id}?withdrawn=1`);
  },

  mark: async (event) => {
    const token = signedIn(event);
    const id = bidId(event.params.id);
    const { mark } = readFields(await event.request.formData(), ['mark']);
    const action = MARKS.find((m) => m === mark);
    if (!action) return failed('mark', 400, 'Choose what to do with the bid');
    try {
      await bidsApi.mark(token, id, action);
    } catch (cause) {
      return refused('mark', cause);
    }
    redirect(303, `/bids/${id}`);
  },

  decline: async (event) => {
    const token = signedIn(event);
    const id = bidId(event.params.id);
    const values = readFields(await event.request.formData(), ['reason']);
    const parsed = declineBidBody.safeParse({ reason: values.reason });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues);
      return failed('decline', 400, errors.reason ?? 'Check the reason', values, errors);
    }
    try {
      await bidsApi.decline(token, id, parsed.data.reason || undefined);
    } catch (cause) {
      return refused('decline', cause, values);
    }
    redirect(303, `/bids/${id}?declined=1`);
  },

  askReferences: async (event) => {
    const token = signedIn(event);
    const id = bidId(event.params.id);
    try {
      await referencesApi.ask(token, id, clientOf(event));
    } catch (cause) {
      return refused('references', cause);
    }
    redirect(303, `/bids/${id}?asked=1#references`);
  },

  requestReferences: async (event) => {
    const token = signedIn(event);
    const id = bidId(event.params.id);
    const picks = readPicks(await event.request.formData());
    if (!picks.ok) return failed('references', 400, picks.message, picks.values, picks.errors);
    try {
      await referencesApi.requestOnBid(token, id, picks.body, clientOf(event));
    } catch (cause) {
      const { status, data } = apiFailure(cause, picks.values);
      return failed('references', status, data.message, picks.values, moveErrors(data.errors));
    }
    redirect(303, `/bids/${id}?requested=1#references`);
  },

  accept: async (event) => {
    const token = signedIn(event);
    const id = bidId(event.params.id);
    let engagementId: string;
    try {
      engagementId = (await bidsApi.accept(token, id)).id;
    } catch (cause) {
      return refused('accept', cause);
    }
    redirect(303, `/engagements/${engagementId}?hired=1`);
  },
};
