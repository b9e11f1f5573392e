import { signUpBody, type Role, type SignUpResponse } from '@handoff/contracts';
import { redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/safe-next.ts';
import { api } from '$lib/server/api.ts';
import { apiFailure, invalid, parseFields, readFields } from '$lib/server/forms.ts';
import { clientOf } from '$lib/server/session.ts';
import { SIGN_UP_NEXT_COOKIE } from './next-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

const ROLES = ['owner', 'provider', 'both'] as const;
type SignUpRole = (typeof ROLES)[number];

function isRole(value: string | null): value is SignUpRole {
  return ROLES.includes(value as SignUpRole);
}

export const load: PageServerLoad = ({ locals, url }) => {
  const next = url.searchParams.has('next') ? safeNext(url.searchParams.get('next')) : null;
  // Links such as "Join as a provider" preselect a role; owners are the default audience.
  const role = url.searchParams.get('role');
  const { user } = locals;
  if (user) {
    // Signed in and asking for a role this account lacks: that is one click in account settings.
    const wanted: Role[] =
      role === 'both' ? ['owner', 'provider'] : role === 'provider' || role === 'owner' ? [role] : [];
    const missing = wanted.some((r) => !user.roles.includes(r));
    redirect(303, missing ? '/settings#roles' : (next ?? '/dashboard'));
  }
  return { role: isRole(role) ? role : 'owner', next };
};

export const actions: Actions = {
  default: async (event) => {
    const { request, cookies, url } = event;
    const fields = readFields(await request.formData(), ['name', 'email', 'password', 'role']);
    // Everything but the password goes back to the page.
    const values = { name: fields.name, email: fields.email, role: fields.role };

    const parsed = parseFields(signUpBody, fields);
    if (!parsed.success) return invalid(values, parsed.error.issues);

    let sent: SignUpResponse;
    try {
      sent = await api.signUp(parsed.data, clientOf(event));
    } catch (error) {
      return apiFailure(error, values);
    }
    // Where to land once the e-mailed link is followed (an invitation, say), if it is opened in
    // this browser; the link itself carries no `next`, so nothing in an e-mail can redirect.
    const next = url.searchParams.has('next') ? safeNext(url.searchParams.get('next')) : null;
    if (next) {
      cookies.set(SIGN_UP_NEXT_COOKIE, next, {
        path: '/signup',
        httpOnly: true,
        sameSite: 'lax',
        secure: url.protocol === 'https:',
        maxAge: 24 * 60 * 60,
      });
    }
    // The same page whether or not the address has an account: only the e-mail says which.
    return { sent: true as const, message: sent.message, email: sent.email };
  },
};
