import { providerSlugParams } from '@handoff/contracts';
import { error, redirect } from '@sveltejs/kit';
import { ApiError, raise } from '$lib/server/api.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import type { PageServerLoad } from './$types';

const GONE = 'There is no published provider profile at this address.';

export const load: PageServerLoad = async ({ params }) => {
  // Addresses are lower-case; a link typed with capitals still arrives.
  const slug = params.slug.toLowerCase();
  if (slug !== params.slug) redirect(301, `/providers/${encodeURIComponent(slug)}`);
  if (!providerSlugParams.safeParse({ slug }).success) error(404, GONE);
  try {
    return { profile: await providersApi.published(slug) };
  } catch (cause) {
    // Unknown and unpublished look the same from outside: a draft is nobody's business yet.
    if (cause instanceof ApiError && (cause.status === 404 || cause.status === 400)) error(404, GONE);
    raise(cause);
  }
};
