/**
 * Where to send someone after logging in. Only paths on this site are allowed, so a crafted
 * `?next=https://evil.example` (or `//evil.example`, `/\evil.example`) cannot bounce them elsewhere.
 */
export function safeNext(next: string | null | undefined, fallback = '/dashboard'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  try {
    const base = 'http://handoff.invalid';
    const url = new URL(next, base);
    if (url.origin !== base) return fallback;
    // Sending someone back to the login or logout page after logging in would be a loop.
    if (url.pathname === '/login' || url.pathname === '/logout') return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
