import { deleteAccountBody } from '@handoff/contracts';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { accountApi } from '$lib/server/account-api.ts';
import { raise } from '$lib/server/api.ts';
import { apiFailure, invalid, parseFields, readFields } from '$lib/server/forms.ts';
import { jobPostsApi } from '$lib/server/job-posts-api.ts';
import { membersApi } from '$lib/server/provider-members-api.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import { clearSession, clientOf, loginUrl } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

function signedIn({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>) {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  return { user: locals.user, token: locals.accessToken };
}

/** What deleting does to each profile: it goes (only them), passes to a colleague, or they leave it. */
export interface ProfileFate {
  name: string;
  fate: 'retired' | 'passes' | 'left';
  /** Who owns it afterwards, when it stays. */
  keeper: string | null;
}

export const load: PageServerLoad = async (event) => {
  const { user, token } = signedIn(event);
  try {
    const [profiles, openJobs] = await Promise.all([
      user.roles.includes('provider') ? providersApi.mine(token) : [],
      user.roles.includes('owner') ? jobPostsApi.mine(token, 'open') : [],
    ]);
    const teams = await Promise.all(profiles.map((p) => membersApi.team(token, p.id)));
    const fates = profiles.map((p, i): ProfileFate => {
      const others = teams[i]!.members.filter((m) => !m.you);
      const owner = others.find((m) => m.role === 'owner');
      if (others.length === 0) return { name: p.name, fate: 'retired', keeper: null };
      if (p.role === 'member') return { name: p.name, fate: 'left', keeper: owner?.name ?? null };
      // The api hands an owned profile to the colleague who joined first.
      const heir = [...others].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt))[0]!;
      return { name: p.name, fate: 'passes', keeper: heir.name };
    });
    return {
      email: user.email,
      operator: user.roles.includes('admin'),
      profiles: fates,
      openJobs: openJobs.map((j) => ({ title: j.title, bidders: j.bids.active })),
    };
  } catch (error) {
    raise(error);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const { token } = signedIn(event);
    const fields = readFields(await event.request.formData(), ['password', 'confirmation']);
    // The password never comes back to the page; the typed word does.
    const values = { confirmation: fields.confirmation };
    const parsed = parseFields(deleteAccountBody, fields);
    if (!parsed.success) return invalid(values, parsed.error.issues);
    try {
      await accountApi.deleteAccount(token, parsed.data, clientOf(event));
    } catch (error) {
      return apiFailure(error, values);
    }
    // Its sessions are gone on the api's side; the cookies go here, so the next page is signed out.
    clearSession(event.cookies);
    redirect(303, '/account-deleted');
  },
};
