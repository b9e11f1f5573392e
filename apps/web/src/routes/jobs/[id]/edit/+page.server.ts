import { CURRENCIES, fieldErrors, jobPostInput, type OwnerJobPost } from '@handoff/contracts';
import { error, fail, redirect } from '@sveltejs/kit';
import { ApiError, raise, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { jobPostsApi } from '$lib/server/job-posts-api.ts';
import { getFunctions, getIndustries } from '$lib/server/taxonomy.ts';
import { ownerToken } from '../../owner-access.server.ts';
import { applyRowOp, BLANK, compact, parseOp, readJobForm, toJobInput, type JobValues } from './job-form.ts';
import type { Actions, PageServerLoad } from './$types';

const NOT_YOURS = 'There is no job with this id among yours.';
const FIX = 'Please fix the highlighted fields.';

/** The owner's view of their own job, or the 404 anyone else gets (their job is none of our business). */
async function ownJob(token: string, id: string): Promise<OwnerJobPost> {
  let job;
  try {
    job = await jobPostsApi.get(token, id);
  } catch (cause) {
    if (cause instanceof ApiError && (cause.status === 404 || cause.status === 400)) error(404, NOT_YOURS);
    raise(cause);
  }
  if (job.viewer !== 'owner') error(404, NOT_YOURS);
  return job;
}

export const load: PageServerLoad = async (event) => {
  const token = ownerToken(event);
  const [job, functions, industries] = await Promise.all([
    ownJob(token, event.params.id),
    getFunctions(),
    getIndustries(),
  ]);
  // Closed and filled jobs are history: their page says so.
  if (job.status === 'closed' || job.status === 'filled') redirect(303, `/jobs/${job.id}`);
  if (!functions || !industries) error(503, UNAVAILABLE_MESSAGE);
  const params = event.url.searchParams;
  return {
    job,
    functions: functions.map(({ slug, name }) => ({ slug, name })),
    industries: industries.map(({ slug, name }) => ({ slug, name })),
    currencies: [...CURRENCIES],
    flash:
      params.has('created') || params.get('from') === 'worksheet'
        ? 'created'
        : params.has('saved')
          ? 'saved'
          : null,
  };
};

interface Missing {
  field: string;
  message: string;
}

function failure(
  status: number,
  values: JobValues,
  errors: Record<string, string>,
  message: string,
  missing: Missing[] = [],
) {
  return fail(status, { values, errors, message, status, missing });
}

function apiFailure(cause: unknown, values: JobValues, prefix = '') {
  if (!(cause instanceof ApiError)) throw cause;
  if (!cause.isClientError) return failure(503, values, {}, `${prefix}${UNAVAILABLE_MESSAGE}`);
  return failure(cause.status, values, cause.fields, `${prefix}${cause.message}`);
}

/** Checks the form with the shared schema, then replaces the job with it. */
async function save(request: Request, id: string, token: string) {
  const values = compact(readJobForm(await request.formData()));
  const parsed = jobPostInput.safeParse(toJobInput(values));
  if (!parsed.success) return { failed: failure(400, values, fieldErrors(parsed.error.issues), FIX), values };
  try {
    await jobPostsApi.update(token, id, toJobInput(values));
    return { failed: null, values };
  } catch (cause) {
    return { failed: apiFailure(cause, values), values };
  }
}

export const actions: Actions = {
  save: async (event) => {
    const saved = await save(event.request, event.params.id, ownerToken(event));
    if (saved.failed) return saved.failed;
    redirect(303, `/jobs/${event.params.id}/edit?saved=1`);
  },

  /** "Save and publish": the changes are saved first, so nothing typed is lost if something is missing. */
  publish: async (event) => {
    const token = ownerToken(event);
    const saved = await save(event.request, event.params.id, token);
    if (saved.failed) return saved.failed;
    try {
      await jobPostsApi.publish(token, event.params.id);
    } catch (cause) {
      if (!(cause instanceof ApiError) || !cause.isClientError) return apiFailure(cause, saved.values);
      const missing = Object.entries(cause.fields).map(([field, message]) => ({ field, message }));
      const message = missing.length ? 'Your changes are saved. To publish, complete these:' : cause.message;
      return failure(cause.status, saved.values, cause.fields, message, missing);
    }
    redirect(303, `/jobs/${event.params.id}?published=1`);
  },

  /** Without JavaScript the row buttons (add, remove, move) come here: nothing is saved. */
  rows: async (event) => {
    ownerToken(event);
    const data = await event.request.formData();
    const values = readJobForm(data);
    const op = parseOp(String(data.get('op') ?? ''));
    if (op) applyRowOp<object>(values[op.list], op.action, op.index, BLANK[op.list]);
    return {
      values,
      errors: {} as Record<string, string>,
      message: '',
      status: 200,
      missing: [] as Missing[],
    };
  },

  delete: async (event) => {
    const token = ownerToken(event);
    try {
      await jobPostsApi.remove(token, event.params.id);
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      return fail(cause.isClientError ? cause.status : 503, {
        values: null,
        errors: {} as Record<string, string>,
        message: cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE,
        status: cause.status,
        missing: [] as Missing[],
      });
    }
    redirect(303, '/jobs?deleted=1');
  },
};
