import { devMailParams } from '@handoff/contracts';
import { error } from '@sveltejs/kit';
import { api, raise } from '$lib/server/api.ts';
import { clientOf } from '$lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params, url, locals } = event;
  const parsed = devMailParams.safeParse(params);
  if (!parsed.success) error(404, 'No such message');
  try {
    const mail = await api.devMail(parsed.data.id, { token: locals.accessToken, client: clientOf(event) });
    return { mail, view: url.searchParams.get('view') === 'text' ? 'text' : 'html', now: Date.now() };
  } catch (cause) {
    raise(cause);
  }
};
