const BASE = 'http://handoff.invalid';

/**
 * A path on this site, or `null`. Rejects anything that could leave it: `https://evil.example`,
 * `//evil.example`, `/\evil.example`.
 */
export function sitePath(path: string | null | undefined): string | null {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null;
  try {
    const url = new URL(path, BASE);
    if (url.origin !== BASE) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/**
 * Where to send someone after logging in. Only paths on this site are allowed, so a crafted
 * `?next=https://evil.example` cannot bounce them elsewhere.
 */
export function safeNext(next: string | null | undefined, fallback = '/dashboard'): string {
  const path = sitePath(next);
  if (!path) return fallback;
  // Sending someone back to the login or logout page after logging in would be a loop.
  const pathname = new URL(path, BASE).pathname;
  if (pathname === '/login' || pathname === '/logout') return fallback;
  return path;
}
