import type { BusinessFunction, Industry } from '@handoff/contracts';
import { api } from './api.ts';

/*
 * The taxonomy is versioned reference data that changes with a deploy, not per request, so public pages
 * keep it for a few minutes instead of asking the API on every view. A failure is never cached: pages
 * get `null`, render without the lists, and the next request tries again.
 */
const TTL_MS = 5 * 60_000;

function cached<T>(load: () => Promise<T>): () => Promise<T | null> {
  let value: T | undefined;
  let expires = 0;
  return async () => {
    if (value !== undefined && Date.now() < expires) return value;
    try {
      value = await load();
      expires = Date.now() + TTL_MS;
      return value;
    } catch {
      return null;
    }
  };
}

export const getFunctions: () => Promise<BusinessFunction[] | null> = cached(api.functions);
export const getIndustries: () => Promise<Industry[] | null> = cached(api.industries);
