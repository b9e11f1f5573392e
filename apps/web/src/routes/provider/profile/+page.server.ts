import {
  fieldErrors,
  LOGO_MAX_BYTES,
  LOGO_TYPES,
  providerInput,
  type ProviderProfile,
} from '@handoff/contracts';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiError, raise, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import type { RawBody } from '$lib/server/api-client.ts';
import { membersApi } from '$lib/server/provider-members-api.ts';
import { providersApi } from '$lib/server/providers-api.ts';
import { loginUrl } from '$lib/server/session.ts';
import { getFunctions, getIndustries } from '$lib/server/taxonomy.ts';
import {
  mapErrors,
  missingFromValues,
  readEditorForm,
  toProviderInput,
  type EditorValues,
} from './editor-form.ts';
import { editorOptions } from './options.ts';
import { inviteAction, removeAction, revokeAction, teamFlash } from './team-actions.ts';
import type { Actions, PageServerLoad } from './$types';

const FLASHES = ['saved', 'published', 'unpublished', 'joined', 'left'] as const;
const FIX = 'Please fix the highlighted fields.';

/** Provider accounts only. The API checks too; asking first gives a clearer page. */
function providerToken({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): string {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  if (!locals.user.roles.includes('provider')) {
    error(403, {
      message:
        'Only provider accounts have a provider profile. Add the provider role to this account in account settings to offer your services; your jobs and hires stay as they are.',
      action: { href: '/settings#roles', label: 'Also work as a provider' },
    });
  }
  return locals.accessToken;
}

/** One profile per account in this editor: the first one the person is a member of. */
async function ownProfile(token: string): Promise<ProviderProfile | null> {
  const [first] = await providersApi.mine(token);
  return first ? providersApi.get(token, first.id) : null;
}

export const load: PageServerLoad = async (event) => {
  const token = providerToken(event);
  const [profile, functions, industries] = await Promise.all([
    ownProfile(token).catch(raise),
    getFunctions(),
    getIndustries(),
  ]);
  if (!functions || !industries) error(503, UNAVAILABLE_MESSAGE);
  const team = profile ? await membersApi.team(token, profile.id).catch(raise) : null;
  const flash = FLASHES.find((key) => event.url.searchParams.has(key)) ?? null;
  return {
    profile,
    team,
    functions,
    industries,
    options: editorOptions(),
    flash,
    accountName: event.locals.user?.name ?? '',
    teamFlash: teamFlash(event.url),
    now: Date.now(),
  };
};

interface Missing {
  field: string;
  message: string;
}

function failure(
  status: number,
  values: EditorValues,
  errors: Record<string, string>,
  message: string,
  missing: Missing[] = [],
) {
  return fail(status, { values, errors, message, status, missing });
}

function apiFailure(cause: unknown, values: EditorValues, functionSlugs: string[], prefix = '') {
  if (!(cause instanceof ApiError)) throw cause;
  if (!cause.isClientError) return failure(503, values, {}, `${prefix}${UNAVAILABLE_MESSAGE}`);
  return failure(cause.status, values, mapErrors(cause.fields, functionSlugs), `${prefix}${cause.message}`);
}

/** Checks the logo the way the API will, so a wrong file fails before anything is saved. */
async function readLogo(data: FormData): Promise<RawBody | string | null> {
  const file = data.get('logo');
  if (!(file instanceof File) || file.size === 0) return null;
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) {
    return `Upload a PNG, JPEG or WebP image (${file.name || 'this file'} is not one)`;
  }
  if (file.size > LOGO_MAX_BYTES) return 'The image is larger than 1 MB; upload a smaller one';
  return { bytes: new Uint8Array(await file.arrayBuffer()), contentType: file.type };
}

/**
 * A draft the form cannot save yet, on "Save and publish": the draft's own errors and everything
 * publishing will ask for, together, so nothing is revealed one round at a time.
 */
async function publishBlocked(values: EditorValues, errors: Record<string, string>) {
  const functions = (await getFunctions()) ?? [];
  const name = (slug: string) => functions.find((f) => f.slug === slug)?.name ?? slug;
  const missing = [
    ...Object.entries(errors).map(([field, message]) => ({ field, message })),
    ...missingFromValues(values, name).filter((m) => !(m.field in errors)),
  ];
  const all = { ...Object.fromEntries(missing.map((m) => [m.field, m.message])), ...errors };
  return failure(400, values, all, 'Nothing is saved yet. To save and publish, complete these:', missing);
}

/** Creates or replaces the profile from the form, then uploads the logo if one was chosen. */
async function save(event: RequestEvent, token: string, publishing = false) {
  const data = await event.request.formData();
  const values = readEditorForm(data);
  const slugs = values.functions.map((f) => f.slug);

  const logo = await readLogo(data);
  if (typeof logo === 'string') return failure(400, values, { logo }, FIX);
  const parsed = providerInput.safeParse(toProviderInput(values));
  if (!parsed.success) {
    const errors = mapErrors(fieldErrors(parsed.error.issues), slugs);
    return publishing ? publishBlocked(values, errors) : failure(400, values, errors, FIX);
  }

  let profile: ProviderProfile;
  try {
    const [current] = await providersApi.mine(token);
    profile = current
      ? await providersApi.update(token, current.id, parsed.data)
      : await providersApi.create(token, parsed.data);
  } catch (cause) {
    return apiFailure(cause, values, slugs);
  }
  if (logo) {
    try {
      await providersApi.uploadLogo(token, profile.id, logo);
    } catch (cause) {
      return apiFailure(cause, values, slugs, 'Your profile is saved, but the logo is not: ');
    }
  }
  return { profile, values };
}

export const actions: Actions = {
  save: async (event) => {
    const saved = await save(event, providerToken(event));
    if (!('profile' in saved)) return saved;
    redirect(303, '/provider/profile?saved=1');
  },

  /** "Save and publish": the form's changes are saved first, so nothing typed is lost. */
  publish: async (event) => {
    const token = providerToken(event);
    const saved = await save(event, token, true);
    if (!('profile' in saved)) return saved;
    const { profile, values } = saved;
    try {
      await providersApi.publish(token, profile.id);
    } catch (cause) {
      if (!(cause instanceof ApiError) || !cause.isClientError) {
        return apiFailure(cause, values, []);
      }
      // The API names what is missing by the stored profile's paths (functions.0.duties).
      const slugs = profile.functions.map((f) => f.slug);
      const errors = mapErrors(cause.fields, slugs);
      const missing = Object.entries(errors).map(([field, message]) => ({ field, message }));
      return failure(
        cause.status,
        values,
        errors,
        'Your changes are saved. To publish, complete these:',
        missing,
      );
    }
    redirect(303, '/provider/profile?published=1');
  },

  unpublish: async (event) => {
    const token = providerToken(event);
    try {
      const [current] = await providersApi.mine(token);
      if (current) await providersApi.unpublish(token, current.id);
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      return fail(cause.isClientError ? cause.status : 503, {
        values: null,
        errors: {},
        message: cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE,
        status: cause.status,
        missing: [],
      });
    }
    redirect(303, '/provider/profile?unpublished=1');
  },

  invite: (event) => inviteAction(event, providerToken(event)),
  revoke: (event) => revokeAction(event, providerToken(event)),
  remove: (event) => removeAction(event, providerToken(event), event.locals.user!.id),
};
