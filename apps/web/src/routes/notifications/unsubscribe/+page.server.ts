import { unsubscribeBody } from '@handoff/contracts';
import { fail } from '@sveltejs/kit';
import { api } from '$lib/server/api.ts';
import { apiFailure } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const BAD_LINK = 'This unsubscribe link is not valid. Change your settings after logging in instead.';

/** The link's signed fields always come from the URL, whatever the body says. */
function linkFields(url: URL) {
  return unsubscribeBody.safeParse({
    u: url.searchParams.get('u') ?? undefined,
    k: url.searchParams.get('k') ?? undefined,
    s: url.searchParams.get('s') ?? undefined,
  });
}

/** "account.welcome" → "Welcome": a readable name when we cannot ask the API for the real label. */
function fallbackLabel(kind: string): string {
  const last = kind.split('.').pop() ?? kind;
  const words = last.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const load: PageServerLoad = async ({ url, locals }) => {
  const parsed = linkFields(url);
  if (!parsed.success) return { valid: false as const };
  const { u, k } = parsed.data;

  let topic = { label: fallbackLabel(k), description: null as string | null, required: false, known: false };
  // Only the link's own account may read its settings: anyone else sees the generic wording.
  if (locals.user?.id === u && locals.accessToken) {
    const prefs = await api.emailPreferences(locals.accessToken).catch(() => null);
    const pref = prefs?.find((p) => p.kind === k);
    if (pref)
      topic = { label: pref.label, description: pref.description, required: pref.required, known: true };
  }
  return { valid: true as const, topic };
};

export const actions: Actions = {
  /*
   * The page's button posts here, and so may a mail client's one-click unsubscribe
   * (RFC 8058: a POST to the List-Unsubscribe URL with the body `List-Unsubscribe=One-Click`).
   * The body carries nothing we need, so it is not read.
   */
  default: async ({ url }) => {
    const parsed = linkFields(url);
    if (!parsed.success) return fail(400, { values: {}, errors: {}, message: BAD_LINK, status: 400 });
    try {
      const { message } = await api.unsubscribe(parsed.data);
      return { done: true, message };
    } catch (error) {
      return apiFailure(error, {});
    }
  },
};
