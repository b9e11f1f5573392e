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
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    fields[key] ??= issue.message ?? 'This value is not valid';
  }
  return fields;
}
