import { providerSlugParams } from '@handoff/contracts';
import { error, redirect } from '@sveltejs/kit';
import { ApiError, raise } from '$lib/server/api.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import { referencesApi } from '$lib/server/references-api.ts';
import { getFunctions, getIndustries } from '$lib/server/taxonomy.ts';
import { isOwner } from '../../jobs/owner-access.server.ts';
import { hireActions, hireState } from './hire.server.ts';
import type { Actions, PageServerLoad } from './$types';

const GONE = 'There is no published provider profile at this address.';

const profilePath = (slug: string, search: string) => `/providers/${encodeURIComponent(slug)}${search}`;

export const load: PageServerLoad = async ({ params, url, setHeaders, locals }) => {
  // Addresses are lower-case; a link typed with capitals still arrives.
  const slug = params.slug.toLowerCase();
  if (slug !== params.slug) redirect(301, profilePath(slug, url.search));
  if (!providerSlugParams.safeParse({ slug }).success) error(404, GONE);
  let profile;
  try {
    // The api answers an old address with a redirect that fetch follows to the current profile.
    profile = await providersApi.published(slug);
  } catch (cause) {
    // Unknown and unpublished look the same from outside: a draft is nobody's business yet.
    if (cause instanceof ApiError && (cause.status === 404 || cause.status === 400)) error(404, GONE);
    raise(cause);
  }
  if (profile.slug !== slug) {
    // Permanent, but not cached forever: another profile may take the old address later.
    setHeaders({ 'cache-control': 'public, max-age=3600' });
    redirect(301, profilePath(profile.slug, url.search));
  }
  // A signed-in owner can invite this provider to a job, or save them for later.
  const [hire, references, functions, industries] = await Promise.all([
    isOwner(locals) ? hireState(locals.accessToken!, profile.id, url) : null,
    // The profile still reads without its references: they are a section, not the page.
    referencesApi.published(profile.slug).catch(() => null),
    getFunctions(),
    getIndustries(),
  ]);
  const names = (list: { slug: string; name: string }[] | null) =>
    Object.fromEntries((list ?? []).map((x) => [x.slug, x.name]));
  // The hero's numbers come from the same verified answers as the section below, so they agree.
  const shown = references
    ? {
        ...profile,
        verifiedReferenceCount: references.summary.verifiedCount,
        ratingAvg: references.summary.score,
        ratingCount: references.summary.verifiedCount,
      }
    : profile;
  return {
    profile: shown,
    hire,
    references,
    functionNames: names(functions),
    industryNames: names(industries),
  };
};

export const actions: Actions = hireActions;
