import { z } from 'zod';
import { billingMode, providerKind, providerStatus } from './providers.ts';

// What the API says about provider profiles. Allow-lists: members see their whole profile, the
// public sees no reference contact's name or e-mail.

const functionServed = z.object({
  slug: z.string(),
  name: z.string(),
  duties: z.array(z.string()),
  customDuties: z.array(z.string()),
});

const industryServed = z.object({ slug: z.string(), name: z.string() });

const providerPackage = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  price: z.number(),
  billing: billingMode,
  duties: z.array(z.string()),
});

const period = z.object({ from: z.string(), to: z.string().nullable() });

const contactReference = z.object({
  company: z.string(),
  role: z.string(),
  period,
  function: z.string(),
  duties: z.array(z.string()),
});

const memberReference = contactReference.extend({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
});

const profileFields = {
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  /** Null only on a draft whose author has not chosen yet. */
  kind: providerKind.nullable(),
  headline: z.string(),
  bio: z.string(),
  functions: z.array(functionServed),
  industries: z.array(industryServed),
  packages: z.array(providerPackage),
  rateMin: z.number().nullable(),
  rateMax: z.number().nullable(),
  currency: z.string(),
  languages: z.array(z.string()),
  timezone: z.string().nullable(),
  country: z.string().nullable(),
  remote: z.boolean(),
  onSite: z.boolean(),
  teamSize: z.number().int().nullable(),
  website: z.string().nullable(),
  /** Path on the API, with a version so a new logo is not hidden by caches; null without a logo. */
  logoUrl: z.string().nullable(),
  ratingAvg: z.number().nullable(),
  ratingCount: z.number().int(),
  verifiedReferenceCount: z.number().int(),
  publishedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
};

export const missingField = z.object({ field: z.string(), message: z.string() });
export type MissingField = z.infer<typeof missingField>;

/** A member's view of their own profile. */
export const providerResponse = z.object({
  ...profileFields,
  status: providerStatus,
  /** The caller's role in this provider account. */
  role: z.enum(['owner', 'member']),
  references: z.array(memberReference),
  /** What publishing still needs; empty when the profile can be published. */
  missingForPublish: z.array(missingField),
  createdAt: z.iso.datetime(),
});
export type ProviderProfile = z.infer<typeof providerResponse>;

/**
 * Anyone's view of a published profile. No reference contacts: the provider typed them and none has
 * confirmed anything; what customers confirmed is at `/public/providers/:slug/references`.
 */
export const publicProviderResponse = z.object(profileFields);
export type PublicProviderProfile = z.infer<typeof publicProviderResponse>;

export const providerSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: providerKind.nullable(),
  status: providerStatus,
  headline: z.string(),
  role: z.enum(['owner', 'member']),
  missingForPublish: z.array(missingField),
  publishedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export const myProvidersResponse = z.object({ providers: z.array(providerSummary) });

export const logoResponse = z.object({ logoUrl: z.string() });

export const LOGO_MAX_BYTES = 1_048_576;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
