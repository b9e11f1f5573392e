import type { OwnerTaskPatch } from '@handoff/contracts';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiError, raise, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { readFields } from '$lib/server/forms.ts';
import { ownersApi } from '$lib/server/owners-api.ts';
import { getFunctions } from '$lib/server/taxonomy.ts';
import { ownerToken } from '../jobs/owner-access.server.ts';
import type { Actions, PageServerLoad } from './$types';

type Feeling = 'love' | 'hate';
const feelingOf = (value: string): Feeling => (value === 'love' ? 'love' : 'hate');

/** "4", "1.5", "2,5" → a number; anything else goes to the API as typed so it says what is wrong. */
function hours(text: string): number {
  const cleaned = text.trim().replace(',', '.');
  return (cleaned === '' ? undefined : Number.isFinite(Number(cleaned)) ? Number(cleaned) : text) as number;
}

/** Which form on the page failed (`add-love`, `task-<id>`), so its message shows beside it. */
function failure(scope: string, cause: unknown, values: Record<string, string> = {}) {
  if (!(cause instanceof ApiError)) throw cause;
  const status = cause.isClientError ? cause.status : 503;
  return fail(status, {
    scope,
    values,
    errors: cause.isClientError ? cause.fields : {},
    message: cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE,
  });
}

async function read(event: RequestEvent) {
  const token = ownerToken(event);
  const fields = readFields(await event.request.formData(), [
    'id',
    'feeling',
    'name',
    'hoursPerWeek',
    'functionSlug',
    'direction',
  ]);
  return { token, fields };
}

const back = () => redirect(303, '/worksheet');

export const load: PageServerLoad = async (event) => {
  const token = ownerToken(event);
  const [worksheet, functions] = await Promise.all([ownersApi.worksheet(token).catch(raise), getFunctions()]);
  if (!functions) error(503, UNAVAILABLE_MESSAGE);
  return { worksheet, functions: functions.map(({ slug, name }) => ({ slug, name })) };
};

export const actions: Actions = {
  add: async (event) => {
    const { token, fields } = await read(event);
    const feeling = feelingOf(fields.feeling);
    const values = { name: fields.name, hoursPerWeek: fields.hoursPerWeek };
    try {
      await ownersApi.addTask(token, {
        feeling,
        name: fields.name,
        hoursPerWeek: hours(fields.hoursPerWeek),
      });
    } catch (cause) {
      return failure(`add-${feeling}`, cause, values);
    }
    back();
  },

  update: async (event) => {
    const { token, fields } = await read(event);
    const values = { name: fields.name, hoursPerWeek: fields.hoursPerWeek };
    const patch: OwnerTaskPatch = { name: fields.name, hoursPerWeek: hours(fields.hoursPerWeek) };
    try {
      await ownersApi.updateTask(token, fields.id, patch);
    } catch (cause) {
      return failure(`task-${fields.id}`, cause, values);
    }
    back();
  },

  /** The owner's own function; the empty choice goes back to the suggestion from the task's words. */
  setFunction: async (event) => {
    const { token, fields } = await read(event);
    try {
      await ownersApi.updateTask(token, fields.id, { functionSlug: fields.functionSlug || null });
    } catch (cause) {
      return failure(`task-${fields.id}`, cause);
    }
    back();
  },

  /** To the end of the other column. */
  feeling: async (event) => {
    const { token, fields } = await read(event);
    try {
      await ownersApi.updateTask(token, fields.id, { feeling: feelingOf(fields.feeling) });
    } catch (cause) {
      return failure(`task-${fields.id}`, cause);
    }
    back();
  },

  /** One place up or down its column. */
  move: async (event) => {
    const { token, fields } = await read(event);
    try {
      const worksheet = await ownersApi.worksheet(token);
      for (const feeling of ['love', 'hate'] as const) {
        const ids = worksheet[feeling].map((t) => t.id);
        const at = ids.indexOf(fields.id);
        if (at === -1) continue;
        const to = fields.direction === 'up' ? at - 1 : at + 1;
        if (to < 0 || to >= ids.length) break;
        [ids[at], ids[to]] = [ids[to]!, ids[at]!];
        await ownersApi.reorderTasks(token, feeling, ids);
        break;
      }
    } catch (cause) {
      return failure(`task-${fields.id}`, cause);
    }
    back();
  },

  remove: async (event) => {
    const { token, fields } = await read(event);
    try {
      await ownersApi.removeTask(token, fields.id);
    } catch (cause) {
      return failure(`task-${fields.id}`, cause);
    }
    back();
  },

  /** The task's draft job from its function's template (the same draft again if it has one). */
  toJob: async (event) => {
    const { token, fields } = await read(event);
    let jobId: string;
    try {
      jobId = (await ownersApi.taskToJobPost(token, fields.id)).id;
    } catch (cause) {
      return failure(`task-${fields.id}`, cause);
    }
    redirect(303, `/jobs/${jobId}/edit?from=worksheet`);
  },
};
