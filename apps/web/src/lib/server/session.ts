import { dev } from '$app/environment';
import type { Session } from '@handoff/contracts';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { api, ApiError, type ClientInfo } from './api.ts';

export const ACCESS_COOKIE = 'handoff_access';
export const REFRESH_COOKIE = 'handoff_refresh';

const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: !dev } as const;

export function storeSession(cookies: Cookies, session: Session): void {
  cookies.set(ACCESS_COOKIE, session.accessToken, {
    ...cookieOptions,
    maxAge: Math.max(0, session.accessTokenExpiresIn),
  });
  const refreshSeconds = Math.floor((Date.parse(session.refreshTokenExpiresAt) - Date.now()) / 1000);
  cookies.set(REFRESH_COOKIE, session.refreshToken, {
    ...cookieOptions,
    maxAge: Math.max(0, refreshSeconds),
  });
}

export function clearSession(cookies: Cookies): void {
  cookies.delete(ACCESS_COOKIE, cookieOptions);
  cookies.delete(REFRESH_COOKIE, cookieOptions);
}

/*
 * Refresh tokens rotate and a reused one is rejected, so two requests from the same browser that both
 * find the access token expired (a page and its preloads, say) must share one refresh call instead of
 * racing and logging the person out. Results are kept briefly for the stragglers.
 */
const inFlight = new Map<string, Promise<Session>>();
const SHARE_MS = 5_000;

function refreshOnce(refreshToken: string, client: ClientInfo): Promise<Session> {
  let pending = inFlight.get(refreshToken);
  if (!pending) {
    pending = api.refresh(refreshToken, client);
    inFlight.set(refreshToken, pending);
    const forget = () => void setTimeout(() => inFlight.delete(refreshToken), SHARE_MS);
    pending.then(forget, forget);
  }
  return pending;
}

/** Works out who is signing the request, refreshing the session when the access token has run out. */
export async function authenticate(event: RequestEvent): Promise<void> {
  const { cookies, locals } = event;
  locals.user = null;
  locals.accessToken = null;

  const accessToken = cookies.get(ACCESS_COOKIE);
  if (accessToken) {
    try {
      locals.user = await api.me(accessToken);
      locals.accessToken = accessToken;
      return;
    } catch (error) {
      // Only a rejected token is worth a refresh; an unreachable API just means "signed out for now".
      if (!(error instanceof ApiError && error.status === 401)) return;
    }
  }

  const refreshToken = cookies.get(REFRESH_COOKIE);
  if (!refreshToken) {
    if (accessToken) cookies.delete(ACCESS_COOKIE, cookieOptions);
    return;
  }

  try {
    const session = await refreshOnce(refreshToken, clientOf(event));
    storeSession(cookies, session);
    // The session carries the same allow-listed user /auth/me returns, so no second round trip.
    locals.user = session.user;
    locals.accessToken = session.accessToken;
  } catch (error) {
    if (error instanceof ApiError && error.isClientError) clearSession(cookies);
  }
}

/**
 * Swaps this browser's tokens for new ones after a change the access token describes (a role was
 * added), so the cookie carries what the account is now. The API already reads roles afresh on
 * every request; this keeps the token honest for anything that reads its claims.
 */
export async function renewSession(event: RequestEvent): Promise<void> {
  const refreshToken = event.cookies.get(REFRESH_COOKIE);
  if (!refreshToken) return;
  try {
    const session = await refreshOnce(refreshToken, clientOf(event));
    storeSession(event.cookies, session);
    event.locals.user = session.user;
    event.locals.accessToken = session.accessToken;
  } catch (error) {
    // The change is made either way; the next request refreshes as usual.
    console.error('[session] renew failed:', error instanceof Error ? error.message : error);
  }
}

export function clientOf(event: RequestEvent): ClientInfo {
  let ip: string | undefined;
  try {
    ip = event.getClientAddress();
  } catch {
    // Not every adapter can tell (and prerendering cannot); the API then sees our address.
  }
  return { ip, userAgent: event.request.headers.get('user-agent') };
}

/** Where a signed-out visitor goes to reach `path`: `/login?next=/dashboard`. */
export function loginUrl(path: string): string {
  return `/login?next=${encodeURIComponent(path).replaceAll('%2F', '/')}`;
}
