import { signUpBody, type Role, type Session } from '@handoff/contracts';
import { redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/safe-next.ts';
import { api } from '$lib/server/api.ts';
import { apiFailure, invalid, parseFields, readFields } from '$lib/server/forms.ts';
import { clientOf, storeSession } from '$lib/server/session.ts';
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

    let session: Session;
    try {
      session = await api.signUp(parsed.data, clientOf(event));
    } catch (error) {
      return apiFailure(error, values);
    }
    storeSession(cookies, session);
    // The form posts to the page's own URL, so `?next=` (an invitation link, say) survives.
    redirect(303, safeNext(url.searchParams.get('next')));
  },
};
