import type { CreateJobPostBody, PublicProviderProfile } from '@handoff/contracts';
import { error, fail, redirect } from '@sveltejs/kit';
import { UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { apiFailure, readFields } from '$lib/server/forms.ts';
import { jobPostsApi } from '$lib/server/job-posts-api.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import { getFunctions } from '$lib/server/taxonomy.ts';
import { ownerToken } from '../owner-access.server.ts';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The provider a "Start a job with them" link names, read by its address for the page's wording. */
async function providerFor(id: string | null, slug: string | null): Promise<PublicProviderProfile | null> {
  if (!id || !UUID.test(id) || !slug) return null;
  const profile = await providersApi.published(slug).catch(() => null);
  return profile?.id === id ? profile : null;
}

export const load: PageServerLoad = async (event) => {
  ownerToken(event);
  const params = event.url.searchParams;
  const providerId = params.get('provider');
  const packageId = params.get('package');
  const [functions, provider] = await Promise.all([
    getFunctions(),
    providerFor(providerId, params.get('slug')),
  ]);
  if (!functions) error(503, UNAVAILABLE_MESSAGE);
  const validProvider = providerId && UUID.test(providerId) ? providerId : null;
  const validPackage = validProvider && packageId && UUID.test(packageId) ? packageId : null;
  const pkg = validPackage ? (provider?.packages.find((p) => p.id === validPackage) ?? null) : null;
  const fn = params.get('function');
  return {
    functions: functions.map(({ slug, name, summary, duties, benchmarks }) => ({
      slug,
      name,
      summary,
      duties: duties.length,
      benchmarks: benchmarks.length,
    })),
    chosenFunction: functions.some((f) => f.slug === fn) ? fn : null,
    providerId: validProvider,
    providerName: provider?.name ?? null,
    packageId: validPackage,
    packageName: pkg?.name ?? null,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const token = ownerToken(event);
    const values = readFields(await event.request.formData(), [
      'start',
      'functionSlug',
      'title',
      'providerId',
      'packageId',
    ]);
    const body: CreateJobPostBody = {};
    if (values.title.trim()) body.title = values.title.trim();
    switch (values.start) {
      case 'package':
        body.fromPackage = { providerId: values.providerId, packageId: values.packageId };
        break;
      case 'provider':
        body.fromProviderId = values.providerId;
        break;
      case 'blank':
        body.functionSlug = values.functionSlug;
        break;
      default:
        if (!values.functionSlug) {
          const message = 'Choose the business function this job is for';
          const errors: Record<string, string> = { functionSlug: message };
          return fail(400, { values, errors, message, status: 400 });
        }
        body.template = values.functionSlug;
    }
    let id: string;
    try {
      id = (await jobPostsApi.create(token, body)).id;
    } catch (cause) {
      const failed = apiFailure(cause, values);
      // The template is picked with the function select: its error goes there.
      const { template, ...errors } = failed.data.errors;
      return fail(failed.status, {
        ...failed.data,
        errors: template ? { ...errors, functionSlug: template } : errors,
      });
    }
    redirect(303, `/jobs/${id}/edit?created=1`);
  },
};
