import { z } from 'zod';

/** Every 4xx/5xx body has this shape; `fields` names the inputs a person must fix. */
export const errorResponse = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

/** Turns zod issues into one message per field, the first issue winning. */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message?: string | undefined }[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    // A field named "__proto__" cannot be set on (or sent in) a plain object: it goes under "_", the
    // whole input, and its message still names it.
    const key = path.length && !path.includes('__proto__') ? path.join('.') : '_';
    if (!Object.hasOwn(fields, key)) fields[key] = issue.message ?? 'This value is not valid';
  }
  return fields;
}
