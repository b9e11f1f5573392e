import type { z } from 'zod';

type Scalar = string | number | boolean | undefined;

/**
 * The query string for an api route, built against that route's own schema from @handoff/contracts:
 * a key the api does not know does not compile, and (should a cast slip one through) throws here
 * rather than reaching the api, which refuses unknown parameters. Empty values and `false` are left
 * out, so defaults stay the api's.
 */
export function apiQuery<S extends z.ZodObject>(
  schema: S,
  params: { [K in keyof z.input<S>]?: Scalar },
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params as Record<string, Scalar>)) {
    if (!(key in schema.shape)) throw new Error(`The api does not know the query parameter “${key}”`);
    if (value !== undefined && value !== false && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
