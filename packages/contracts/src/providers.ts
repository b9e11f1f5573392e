import { z } from 'zod';
import { emailSchema } from './auth.ts';
import { canonicalTimeZone, CURRENCIES, isCountryCode, isLanguageCode } from './iso-codes.ts';

// Provider profiles: what a provider sends (create and PUT share one body), what members see, what
// everyone sees. Rules that need the taxonomy (known slugs, duties taken from a function's template)
// are checked in @handoff/core/providers, which names the field the same way.

export const PROVIDER_KINDS = ['freelancer', 'virtual_assistant', 'firm'] as const;
export const providerKind = z.enum(PROVIDER_KINDS, {
  error: 'Choose freelancer, virtual assistant or firm',
});
export type ProviderKind = z.infer<typeof providerKind>;

export const BILLING_MODES = ['hourly', 'monthly', 'fixed'] as const;
export const billingMode = z.enum(BILLING_MODES, { error: 'Choose hourly, monthly or fixed billing' });

export const PROVIDER_STATUSES = ['draft', 'published'] as const;
export const providerStatus = z.enum(PROVIDER_STATUSES);

export const SLUG_MIN = 3;
export const SLUG_MAX = 60;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Words the web app uses as route segments next to profile slugs. */
export const RESERVED_SLUGS: readonly string[] = ['new', 'edit', 'mine', 'me', 'search', 'admin', 'settings'];

/** Lower-case kebab from a display name: "Zoë & Co. Books" → "zoe-co-books" (may be empty). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, '');
}

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(min, { error: min <= 1 ? `Enter ${label}` : `Use at least ${min} characters for ${label}` })
    .max(max, { error: `Use at most ${max} characters for ${label}` });

export const providerSlug = z
  .string({ error: 'Enter an address for your profile' })
  .trim()
  .min(SLUG_MIN, { error: `A profile address has at least ${SLUG_MIN} characters` })
  .max(SLUG_MAX, { error: `A profile address has at most ${SLUG_MAX} characters` })
  .regex(SLUG_PATTERN, {
    error: 'Use lower-case letters, digits and single hyphens only, like maria-santos-books',
  })
  .refine((s) => !RESERVED_SLUGS.includes(s), { error: 'This address is reserved; choose another one' });

const taxonomySlug = (what: string) =>
  z
    .string({ error: `Choose ${what}` })
    .trim()
    .min(1, { error: `Choose ${what}` })
    .max(60, { error: `Unknown ${what}` })
    .regex(/^[a-z0-9-]+$/, { error: `Unknown ${what}` });

const duty = text('the duty', 3, 200);
const dutyList = (max: number) =>
  z
    .array(duty, { error: 'Send the duties as a list' })
    .max(max, { error: `List at most ${max} duties` })
    .transform((list) => [...new Set(list)]);

export const providerFunctionInput = z.object({
  slug: taxonomySlug('a business function'),
  /** Duties picked from the function's template, verbatim. */
  duties: dutyList(40).default([]),
  /** The provider's own duties for this function. */
  customDuties: dutyList(20).default([]),
});

const money = (label: string) =>
  z
    .number({ error: `Enter ${label} as a number` })
    .positive({ error: `${label[0]!.toUpperCase()}${label.slice(1)} must be more than 0` })
    .max(1_000_000, { error: `${label[0]!.toUpperCase()}${label.slice(1)} is at most 1,000,000` })
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: 'Use at most two decimals' })
    .transform((n) => Math.round(n * 100) / 100);

export const providerPackageInput = z.object({
  name: text('a package name', 2, 80),
  description: z
    .string({ error: 'Describe the package' })
    .trim()
    .max(1000, { error: 'Use at most 1000 characters for the description' })
    .default(''),
  price: money('the price'),
  billing: billingMode,
  /** Duties this package includes: any of the duties the profile covers. */
  duties: dutyList(40).default([]),
});

const yearMonth = z
  .string({ error: 'Enter a month like 2024-03' })
  .regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, { error: 'Enter a month like 2024-03' });

export const referencePeriod = z
  .object({ from: yearMonth, to: yearMonth.nullable().default(null) })
  .refine((p) => p.to === null || p.to >= p.from, {
    error: 'The end month cannot be before the start month',
    path: ['to'],
  });

export const providerReferenceInput = z.object({
  name: text('the contact’s name', 2, 100),
  email: emailSchema,
  company: text('the company', 1, 120),
  role: text('the contact’s role', 1, 80),
  period: referencePeriod,
  /** Slug of one of the profile's functions. */
  function: taxonomySlug('the function they hired you for'),
  /** Duties of that function they can speak to. */
  duties: dutyList(40).default([]),
});

const rate = (label: string) =>
  z
    .number({ error: `Enter the ${label} rate as a number` })
    .min(1, { error: `The ${label} rate is at least 1` })
    .max(10_000, { error: `The ${label} rate is at most 10,000 an hour` })
    .transform((n) => Math.round(n * 100) / 100)
    .nullable()
    .default(null);

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number, what: string) =>
  z
    .array(item, { error: `Send ${what} as a list` })
    .max(max, { error: `Choose at most ${max} ${what}` })
    .transform((list) => [...new Set(list)] as z.infer<T>[]);

export const languageCode = z
  .string({ error: 'Choose a language' })
  .trim()
  .toLowerCase()
  .refine(isLanguageCode, { error: 'Use a two-letter ISO 639-1 language code, like en or es' });

export const countryCode = z
  .string({ error: 'Choose a country' })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { error: 'Use a two-letter ISO 3166 country code, like US or PH' });

export const timeZone = z.string({ error: 'Choose a time zone' }).transform((zone, ctx) => {
  const canonical = canonicalTimeZone(zone);
  if (!canonical) {
    ctx.addIssue({ code: 'custom', message: 'Choose a time zone by its IANA name, like America/Chicago' });
    return z.NEVER;
  }
  return canonical;
});

/** Create and PUT (a full replacement) take the same body. Drafts may be incomplete; publishing may not. */
export const providerInput = z
  .object({
    name: text('your name or your firm’s name', 2, 100),
    /** Generated from the name when absent on create; kept as is when absent on update. */
    slug: providerSlug.optional(),
    /** A draft may leave it open; publishing asks for it. */
    kind: providerKind.nullable().default(null),
    headline: z
      .string({ error: 'Enter a headline' })
      .trim()
      .max(140, { error: 'Use at most 140 characters for the headline' })
      .default(''),
    bio: z
      .string({ error: 'Write a short bio' })
      .trim()
      .max(5000, { error: 'Use at most 5000 characters for the bio' })
      .default(''),
    functions: z
      .array(providerFunctionInput, { error: 'Send the functions as a list' })
      .max(15, { error: 'Choose at most 15 functions' })
      .default([]),
    industries: uniqueList(taxonomySlug('an industry'), 12, 'industries').default([]),
    packages: z
      .array(providerPackageInput, { error: 'Send the packages as a list' })
      .max(10, { error: 'Offer at most 10 packages' })
      .default([]),
    rateMin: rate('lowest'),
    rateMax: rate('highest'),
    currency: z.enum(CURRENCIES, { error: `Choose one of ${CURRENCIES.join(', ')}` }).default('USD'),
    languages: uniqueList(languageCode, 12, 'languages').default([]),
    timezone: timeZone.nullable().default(null),
    country: countryCode.nullable().default(null),
    remote: z.boolean({ error: 'Say whether you work remotely' }).default(true),
    onSite: z.boolean({ error: 'Say whether you work on site' }).default(false),
    teamSize: z
      .number({ error: 'Enter the team size as a whole number' })
      .int({ error: 'Enter the team size as a whole number' })
      .min(1, { error: 'A team has at least 1 person' })
      .max(100_000, { error: 'A team has at most 100,000 people' })
      .nullable()
      .default(null),
    website: z
      .url({
        protocol: /^https$/,
        hostname: z.regexes.domain,
        error: 'Enter a secure web address starting with https://',
      })
      .max(200, { error: 'Use at most 200 characters for the web address' })
      .nullable()
      .default(null),
    references: z
      .array(providerReferenceInput, { error: 'Send the references as a list' })
      .max(10, { error: 'List at most 10 reference contacts' })
      .default([]),
  })
  .superRefine((p, ctx) => {
    if (p.rateMin !== null && p.rateMax !== null && p.rateMin > p.rateMax) {
      ctx.addIssue({
        code: 'custom',
        path: ['rateMax'],
        message: 'The highest rate cannot be below the lowest rate',
      });
    }
    const seen = new Set<string>();
    p.functions.forEach((f, i) => {
      if (seen.has(f.slug)) {
        ctx.addIssue({
          code: 'custom',
          path: ['functions', i, 'slug'],
          message: 'This function is listed twice',
        });
      }
      seen.add(f.slug);
    });
  });
export type ProviderInput = z.input<typeof providerInput>;
export type ProviderInputParsed = z.output<typeof providerInput>;

export const providerIdParams = z.object({ id: z.uuid({ error: 'Not a provider id' }) });
export const providerSlugParams = z.object({
  slug: z.string().max(SLUG_MAX, { error: 'No such profile' }),
});

/**
 * The public profile endpoint's answer for an address a published profile had before: no body, and
 * `Location` names the profile's current URL. Clients that follow redirects simply get the profile
 * and can tell from its `slug` that the address changed.
 */
export const providerMovedResponse = z
  .null()
  .describe(
    'Moved Permanently: the profile changed its address. No body; the Location header is the current URL, /public/providers/{current slug}.',
  );
