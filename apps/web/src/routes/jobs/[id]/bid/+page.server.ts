import {
  bidInput,
  bidRevisionInput,
  fieldErrors,
  jobPostIdParams,
  type ProviderJobPost,
} from '@handoff/contracts';
import { error, fail, redirect } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { bidsApi } from '$lib/server/bids-api.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { jobPostsApi } from '$lib/server/job-posts-api.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import { providerAccess } from '../../../feed/provider-access.ts';
import { readBidForm, valuesForJob, valuesFromBid, type PackageChoice } from './bid-form.ts';
import type { Actions, PageServerLoad } from './$types';

const NOT_VISIBLE = 'There is no job with this id that you can see';

/** What the page shows of the job beside the form (the provider's view: no owner, no bid data). */
function brief(job: ProviderJobPost) {
  const { viewer: _, myBid: __, ...rest } = job;
  return rest;
}

export const load: PageServerLoad = async (event) => {
  const { token, profiles } = await providerAccess(event);
  const id = event.params.id;
  if (!jobPostIdParams.safeParse({ id }).success) error(404, NOT_VISIBLE);
  const none = { job: null, offer: null, ownJob: null };
  if (profiles.length === 0) return { ...none, state: 'no-profile' as const };

  const viewed = await jobPostsApi.get(token, id).catch(raise);
  if (viewed.viewer === 'owner') {
    return { ...none, state: 'own-job' as const, ownJob: { id: viewed.id, title: viewed.title } };
  }
  const { myBid } = viewed;
  // A bid the owner decided on, or one on a job that no longer takes bids, is read on its own page.
  if (myBid && myBid.status !== 'active' && myBid.status !== 'withdrawn') redirect(303, `/bids/${myBid.id}`);
  if (viewed.status !== 'open') {
    if (myBid) redirect(303, `/bids/${myBid.id}`);
    return { ...none, state: 'closed' as const, job: brief(viewed) };
  }

  const bidder = myBid ? profiles.find((p) => p.id === myBid.providerId) : undefined;
  const candidates = bidder ? [bidder] : profiles.filter((p) => p.status === 'published');
  if (candidates.length === 0) return { ...none, state: 'unpublished' as const, job: brief(viewed) };

  const [bid, details] = await Promise.all([
    myBid?.status === 'active' ? bidsApi.get(token, myBid.id) : null,
    Promise.all(candidates.map((p) => providersApi.get(token, p.id))),
  ]).catch(raise);
  const packages: PackageChoice[] = details.flatMap((d) =>
    d.packages.map((pkg) => ({
      id: pkg.id,
      name: pkg.name,
      billing: pkg.billing,
      price: pkg.price,
      currency: d.currency,
      providerId: d.id,
      providerName: d.name,
    })),
  );
  const { duties, benchmarks } = viewed;
  return {
    ...none,
    state: 'form' as const,
    job: brief(viewed),
    offer: {
      mode: bid ? ('revise' as const) : ('new' as const),
      values: bid
        ? valuesFromBid(bid, duties, benchmarks, packages)
        : valuesForJob(viewed, duties, benchmarks),
      bidders: candidates.map((p) => ({ id: p.id, name: p.name })),
      packages,
    },
  };
};

export const actions: Actions = {
  save: async (event) => {
    const { token } = await providerAccess(event);
    const jobId = event.params.id;
    if (!jobPostIdParams.safeParse({ id: jobId }).success) error(404, NOT_VISIBLE);
    const { values, body } = readBidForm(await event.request.formData());
    const bidId = values.bidId || null;

    const invalid = (issues: Parameters<typeof fieldErrors>[0]) =>
      fail(400, {
        values,
        errors: fieldErrors(issues),
        message: 'Please fix the highlighted fields.',
        status: 400,
      });

    let savedId: string;
    if (bidId) {
      const parsed = bidRevisionInput.safeParse(body);
      if (!parsed.success) return invalid(parsed.error.issues);
      try {
        savedId = (await bidsApi.revise(token, bidId, parsed.data)).id;
      } catch (cause) {
        return apiFailure(cause, values);
      }
    } else {
      const parsed = bidInput.safeParse(body);
      if (!parsed.success) return invalid(parsed.error.issues);
      try {
        savedId = (await bidsApi.submit(token, jobId, parsed.data)).id;
      } catch (cause) {
        return apiFailure(cause, values);
      }
    }
    redirect(303, `/bids/${savedId}?${bidId ? 'revised' : 'sent'}=1`);
  },
};
