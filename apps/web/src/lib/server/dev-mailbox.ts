import { dev } from '$app/environment';
import { api } from './api.ts';

/*
 * Whether to offer the "Dev mailbox" link. The API decides (it keeps mail only outside production and
 * without SMTP), and that does not change while it runs, so the answer is kept for a few minutes
 * instead of being asked on every page. An unreachable API is not an answer and is not kept.
 */
const TTL_MS = 5 * 60_000;
let known: { value: boolean; expires: number } | null = null;

export async function devMailboxAvailable(): Promise<boolean> {
  if (dev) return true;
  if (known && Date.now() < known.expires) return known.value;
  const value = await api.hasDevMailbox();
  if (value === null) return false;
  known = { value, expires: Date.now() + TTL_MS };
  return value;
}
