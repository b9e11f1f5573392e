import { fieldErrors, inviteMemberBody } from '@handoff/contracts';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiError, UNAVAILABLE_MESSAGE } from '$lib/server/api.ts';
import { membersApi } from '$lib/server/provider-members-api.ts';
import { providersApi } from '$lib/server/providers-api.ts';

/** The team forms' own failure, kept apart from the profile form's `values` and `errors`. */
export interface TeamFailure {
  team: { email: string; emailError: string | null; message: string | null };
}

export const TEAM_FLASHES = ['invited', 'resent', 'revoked', 'removed'] as const;
export type TeamFlash = (typeof TEAM_FLASHES)[number];

const teamFail = (status: number, team: Partial<TeamFailure['team']>) =>
  fail(status, { team: { email: '', emailError: null, message: null, ...team } });

function apiTeamFailure(cause: unknown, email = '') {
  if (!(cause instanceof ApiError)) throw cause;
  if (!cause.isClientError) return teamFail(503, { email, message: UNAVAILABLE_MESSAGE });
  const emailError = cause.fields.email ?? null;
  return teamFail(cause.status, { email, emailError, message: emailError ? null : cause.message });
}

const field = (data: FormData, key: string) => {
  const value = data.get(key);
  return typeof value === 'string' ? value : '';
};

/** The profile this editor shows (the first the person is a member of), or a failure saying it is gone. */
async function currentProfileId(token: string): Promise<string | null> {
  const [current] = await providersApi.mine(token);
  return current?.id ?? null;
}

const GONE = 'You are no longer a member of this profile.';

export async function inviteAction(event: RequestEvent, token: string) {
  const email = field(await event.request.formData(), 'email');
  const parsed = inviteMemberBody.safeParse({ email: email || undefined });
  if (!parsed.success) {
    return teamFail(400, { email, emailError: fieldErrors(parsed.error.issues).email ?? null });
  }
  let resent: boolean;
  try {
    const id = await currentProfileId(token);
    if (!id) return teamFail(404, { message: GONE });
    ({ resent } = await membersApi.invite(token, id, parsed.data.email));
  } catch (cause) {
    return apiTeamFailure(cause, email);
  }
  redirect(
    303,
    `/provider/profile?${resent ? 'resent' : 'invited'}=${encodeURIComponent(parsed.data.email)}#team`,
  );
}

export async function revokeAction(event: RequestEvent, token: string) {
  const invitationId = field(await event.request.formData(), 'invitationId');
  try {
    const id = await currentProfileId(token);
    if (!id) return teamFail(404, { message: GONE });
    await membersApi.revoke(token, id, invitationId);
  } catch (cause) {
    return apiTeamFailure(cause);
  }
  redirect(303, '/provider/profile?revoked=1#team');
}

/** Removing someone else (the owner), or yourself (leaving). */
export async function removeAction(event: RequestEvent, token: string, selfId: string) {
  const userId = field(await event.request.formData(), 'userId');
  try {
    const id = await currentProfileId(token);
    if (!id) return teamFail(404, { message: GONE });
    await membersApi.remove(token, id, userId);
  } catch (cause) {
    return apiTeamFailure(cause);
  }
  redirect(303, userId === selfId ? '/provider/profile?left=1' : '/provider/profile?removed=1#team');
}

/** What the team section says after a redirect, e.g. "Invitation sent to anna@example.com." */
export function teamFlash(url: URL): { kind: TeamFlash; email: string | null } | null {
  const kind = TEAM_FLASHES.find((key) => url.searchParams.has(key));
  return kind
    ? { kind, email: kind === 'invited' || kind === 'resent' ? url.searchParams.get(kind) : null }
    : null;
}
