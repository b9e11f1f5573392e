import {
  addRoleBody,
  changeEmailBody,
  changePasswordBody,
  renameBody,
  sessionParams,
} from '@handoff/contracts';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { accountApi } from '$lib/server/account-api.ts';
import { apiFailure, invalid, parseFields, readFields } from '$lib/server/forms.ts';
import { clientOf, loginUrl, renewSession } from '$lib/server/session.ts';
import { inForm, isSaved } from './settings-form.ts';
import type { Actions, PageServerLoad } from './$types';

function signedIn({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): string {
  if (!locals.user || !locals.accessToken) redirect(303, loginUrl(url.pathname));
  return locals.accessToken;
}

const done = (saved: string, hash = ''): never => redirect(303, `/settings?saved=${saved}${hash}`);

export const load: PageServerLoad = async (event) => {
  const token = signedIn(event);
  try {
    const [account, sessions] = await Promise.all([accountApi.account(token), accountApi.sessions(token)]);
    const saved = event.url.searchParams.get('saved');
    return {
      account,
      sessions,
      saved: isSaved(saved) ? saved : null,
      // The e-mail change: where the link went (from the redirect after asking).
      sentTo: event.url.searchParams.get('sent'),
      now: Date.now(),
    };
  } catch (error) {
    raise(error);
  }
};

export const actions: Actions = {
  name: async (event) => {
    const token = signedIn(event);
    const values = readFields(await event.request.formData(), ['name']);
    const parsed = parseFields(renameBody, values);
    if (!parsed.success) return inForm('name', invalid(values, parsed.error.issues));
    try {
      await accountApi.rename(token, parsed.data.name);
    } catch (error) {
      return inForm('name', apiFailure(error, values));
    }
    return done('name', '#name');
  },

  email: async (event) => {
    const token = signedIn(event);
    const fields = readFields(await event.request.formData(), ['email', 'password']);
    const values = { email: fields.email };
    const parsed = parseFields(changeEmailBody, fields);
    if (!parsed.success) return inForm('email', invalid(values, parsed.error.issues));
    let sentTo: string;
    try {
      sentTo = (await accountApi.requestEmailChange(token, parsed.data, clientOf(event))).pendingEmail;
    } catch (error) {
      return inForm('email', apiFailure(error, values));
    }
    redirect(303, `/settings?saved=email&sent=${encodeURIComponent(sentTo)}#email`);
  },

  password: async (event) => {
    const token = signedIn(event);
    const fields = readFields(await event.request.formData(), ['currentPassword', 'newPassword']);
    const parsed = parseFields(changePasswordBody, fields);
    // Passwords never come back to the page.
    if (!parsed.success) return inForm('password', invalid({}, parsed.error.issues));
    try {
      await accountApi.changePassword(token, parsed.data, clientOf(event));
    } catch (error) {
      return inForm('password', apiFailure(error, {}));
    }
    return done('password', '#password');
  },

  addRole: async (event) => {
    const token = signedIn(event);
    const values = readFields(await event.request.formData(), ['role']);
    const parsed = parseFields(addRoleBody, values);
    if (!parsed.success) return inForm('role', invalid(values, parsed.error.issues));
    try {
      await accountApi.addRole(token, parsed.data.role);
    } catch (error) {
      return inForm('role', apiFailure(error, values));
    }
    // The API answers with the new roles at once; a fresh token carries them too.
    await renewSession(event);
    return done(parsed.data.role, '#roles');
  },

  signOut: async (event) => {
    const token = signedIn(event);
    const values = readFields(await event.request.formData(), ['id']);
    const parsed = sessionParams.safeParse(values);
    if (!parsed.success) return inForm('sessions', invalid({}, parsed.error.issues));
    try {
      await accountApi.signOutSession(token, parsed.data.id);
    } catch (error) {
      return inForm('sessions', apiFailure(error, {}));
    }
    return done('signed-out', '#sessions');
  },

  signOutOthers: async (event) => {
    const token = signedIn(event);
    try {
      await accountApi.signOutOthers(token);
    } catch (error) {
      return inForm('sessions', apiFailure(error, {}));
    }
    return done('signed-out-others', '#sessions');
  },
};
