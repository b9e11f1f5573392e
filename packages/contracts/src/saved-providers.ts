import { z } from 'zod';
import { providerKind } from './providers.ts';

// An owner's own shortlist of providers, kept before (or without) any job.

const functionRef = z.object({ slug: z.string(), name: z.string() });

export const saveProviderBody = z.object({
  providerId: z.uuid({ error: 'Not a provider id' }),
  note: z
    .string({ error: 'Write the note as text' })
    .trim()
    .max(500, { error: 'Use at most 500 characters for the note' })
    .default(''),
});
export const savedProviderParams = z.object({ providerId: z.uuid({ error: 'Not a provider id' }) });

export const savedProvider = z.object({
  providerId: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: providerKind.nullable(),
  headline: z.string(),
  functions: z.array(functionRef),
  note: z.string(),
  savedAt: z.iso.datetime(),
});
export type SavedProvider = z.infer<typeof savedProvider>;
/** Published profiles only: one unpublished since it was saved is left out until it is back. */
export const savedProvidersResponse = z.object({ providers: z.array(savedProvider) });
