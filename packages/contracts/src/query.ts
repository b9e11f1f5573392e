import { z } from 'zod';

/**
 * The schema of a query string. A parameter the route does not know is refused with a 400 naming it
 * rather than ignored: `?industries=real-estate`, a typo for `industry`, would otherwise answer with
 * unfiltered results that look like filtered ones.
 */
export function queryParams<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `Unknown parameter: ${issue.keys.join(', ')}` : undefined,
  });
}
