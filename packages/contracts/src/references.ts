import { z } from 'zod';
import { providerReferenceInput, referencePeriod } from './providers.ts';

// Reference checks: a provider's reference customers answer a per-duty form through a private link.

export const referenceRequestStatus = z.enum([
  'requested',
  'sent',
  'reminded',
  'answered',
  'declined',
  'unreachable',
]);
export const referenceAnswerStatus = z.enum(['verified', 'flagged', 'rejected']);
const score5 = (label: string) =>
  z
    .number({ error: `Rate ${label} from 1 to 5` })
    .int({ error: `Rate ${label} from 1 to 5` })
    .min(1, { error: `Rate ${label} from 1 to 5` })
    .max(5, { error: `Rate ${label} from 1 to 5` });
const prose = (label: string, max: number) =>
  z
    .string({ error: `Write ${label} as text` })
    .trim()
    .max(max, { error: `Use at most ${max} characters for ${label}` })
    .refine((s) => !s.includes('\u0000'), { error: `Remove the NUL character from ${label}` });

/** The provider picks contacts from the profile (by id) and may add ones not on it. */
export const referenceRequestsBody = z
  .object({
    contactIds: z
      .array(z.uuid({ error: 'Pick reference contacts from your profile' }), {
        error: 'Send contactIds as a list',
      })
      .max(10, { error: 'Ask at most 10 contacts at once' })
      .default([]),
    add: z
      .array(providerReferenceInput, { error: 'Send the added contacts as a list' })
      .max(5, { error: 'Add at most 5 contacts at once' })
      .default([]),
  })
  .strict()
  .refine((b) => b.contactIds.length + b.add.length > 0, {
    error: 'Pick at least one reference contact, or add one',
    path: ['contactIds'],
  });
export type ReferenceRequestsBody = z.infer<typeof referenceRequestsBody>;

const dutyAnswer = z.object({
  duty: z.string(),
  performed: z.boolean(),
  quality: z.number().int().nullable(),
  timeliness: z.number().int().nullable(),
  benchmark: z.enum(['met', 'partly', 'missed', 'none']),
  example: z.string(),
});

/** An answered form as owners and providers see it: never the private note, the e-mail or the IP. */
export const referenceAnswer = z.object({
  id: z.uuid(),
  status: referenceAnswerStatus,
  /** Why an operator rejected it (shown to the provider). */
  reviewReason: z.string().nullable(),
  company: z.string(),
  role: z.string(),
  industry: z.string(),
  period: z.object({ from: z.string(), to: z.string().nullable() }),
  function: z.string(),
  dutiesContracted: z.array(z.string()),
  /** Relationship fields the reference customer corrected: company, role, period, duties. */
  mismatches: z.array(z.string()),
  duties: z.array(dutyAnswer),
  communication: z.number().int(),
  reliability: z.number().int(),
  costVersusQuote: z.enum(['below', 'as_quoted', 'above']),
  problemsHandled: z.string(),
  wouldRehire: z.enum(['yes', 'maybe', 'no']),
  recommend: z.number().int(),
  advice: z.string(),
  /** 1–5, two decimals. */
  score: z.number(),
  answeredAt: z.iso.datetime(),
});
export type ReferenceAnswer = z.infer<typeof referenceAnswer>;

export const referenceRequestView = z.object({
  id: z.uuid(),
  status: referenceRequestStatus,
  /** The contact's name and e-mail: for the provider's members only, null for the owner. */
  name: z.string().nullable(),
  email: z.string().nullable(),
  company: z.string(),
  role: z.string(),
  function: z.string(),
  remindersSent: z.number().int(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  answer: referenceAnswer.nullable(),
});
export type ReferenceRequestView = z.infer<typeof referenceRequestView>;

/** Verified answers only (flagged and rejected ones do not count). */
export const referenceSummary = z.object({
  verifiedCount: z.number().int(),
  /** Mean answer score 1–5, null without verified answers. */
  score: z.number().nullable(),
  wouldRehire: z.number().int(),
  recommendAvg: z.number().nullable(),
  duties: z.array(
    z.object({
      duty: z.string(),
      answers: z.number().int(),
      quality: z.number().nullable(),
      timeliness: z.number().nullable(),
      met: z.number().int(),
      partly: z.number().int(),
      missed: z.number().int(),
    }),
  ),
  /** "customer service — verified by 3 real-estate clients". */
  industries: z.array(z.object({ function: z.string(), industry: z.string(), count: z.number().int() })),
});
export type ReferenceSummary = z.infer<typeof referenceSummary>;

export const bidReferencesResponse = z.object({
  /** When the owner asked for references on this bid; null until then. */
  askedAt: z.iso.datetime().nullable(),
  requests: z.array(referenceRequestView),
  summary: referenceSummary,
});
export type BidReferences = z.infer<typeof bidReferencesResponse>;

export const providerReferenceRequestsResponse = z.object({ requests: z.array(referenceRequestView) });

export const publicReferencesResponse = z.object({
  summary: referenceSummary,
  answers: z.array(referenceAnswer),
});
export type PublicReferences = z.infer<typeof publicReferencesResponse>;

// The form, reached through the e-mailed link (no account).

export const referenceTokenParams = z.object({
  token: z.string().max(200, { error: 'This link is not valid' }),
});

export const referenceFormResponse = z.object({
  provider: z.object({ name: z.string(), slug: z.string() }),
  /** An owner considering hiring the provider asked (on a bid), or the provider did (for the profile). */
  askedFor: z.enum(['bid', 'profile']),
  contact: z.object({
    name: z.string(),
    company: z.string(),
    role: z.string(),
    period: z.object({ from: z.string(), to: z.string().nullable() }),
    function: z.string(),
    duties: z.array(z.string()),
  }),
  duties: z.array(z.object({ id: z.string().nullable(), text: z.string() })),
  industries: z.array(z.string()),
  draft: z.record(z.string(), z.string()).nullable(),
  expiresAt: z.iso.datetime(),
});
export type ReferenceForm = z.infer<typeof referenceFormResponse>;

/** Saved as typed, so a half-filled form comes back the way it was left. */
export const referenceDraftBody = z
  .record(z.string().max(60), prose('a field', 4000), { error: 'Send the draft as fields' })
  .refine((r) => Object.keys(r).length <= 200, { error: 'The draft has too many fields' });

export const referenceDutyInput = z
  .object({
    performed: z.boolean({ error: 'Say whether they performed this duty' }),
    quality: score5('quality').nullable().default(null),
    timeliness: score5('timeliness').nullable().default(null),
    benchmark: z.enum(['met', 'partly', 'missed', 'none'], {
      error: 'Say whether the benchmark was met, partly met or missed (or that there was none)',
    }),
    example: prose('the example', 2000).default(''),
  })
  .refine((d) => !d.performed || (d.quality !== null && d.timeliness !== null), {
    error: 'Rate quality and timeliness for a duty they performed',
    path: ['quality'],
  });

export const referenceAnswerBody = z
  .object({
    relationship: z.object({
      company: prose('your company', 120).pipe(z.string().min(1, { error: 'Enter your company' })),
      role: prose('your role', 80).pipe(z.string().min(1, { error: 'Enter your role' })),
      industry: z.string({ error: 'Choose your industry' }).min(1, { error: 'Choose your industry' }).max(80),
      period: referencePeriod,
      dutiesContracted: z.array(prose('a duty', 200)).max(40, { error: 'List at most 40 duties' }),
    }),
    duties: z.array(referenceDutyInput).max(60, { error: 'Too many duty answers' }),
    communication: score5('communication'),
    reliability: score5('reliability'),
    costVersusQuote: z.enum(['below', 'as_quoted', 'above'], {
      error: 'Say how the cost compared with the quote',
    }),
    problemsHandled: prose('how problems were handled', 2000).default(''),
    wouldRehire: z.enum(['yes', 'maybe', 'no'], { error: 'Say whether you would hire them again' }),
    recommend: z
      .number({ error: 'Choose how likely you are to recommend them, 0 to 10' })
      .int({ error: 'Choose how likely you are to recommend them, 0 to 10' })
      .min(0, { error: 'Choose how likely you are to recommend them, 0 to 10' })
      .max(10, { error: 'Choose how likely you are to recommend them, 0 to 10' }),
    advice: prose('your advice', 2000).default(''),
    privateNote: prose('the private note', 2000).default(''),
  })
  .strict();
export type ReferenceAnswerBody = z.infer<typeof referenceAnswerBody>;

export const referenceDeclineBody = z
  .object({
    optOut: z.boolean({ error: 'Say whether to stop all e-mails about this provider' }).default(false),
  })
  .strict();

// The operator's queue of flagged answers.

export const flaggedReferenceView = referenceAnswer.extend({
  provider: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  flags: z.array(z.object({ kind: z.string(), detail: z.string() })),
  privateNote: z.string(),
  contactEmail: z.string(),
});
export const flaggedReferencesResponse = z.object({ answers: z.array(flaggedReferenceView) });
export const referenceReviewBody = z
  .object({
    decision: z.enum(['clear', 'reject'], { error: 'Decide: clear or reject' }),
    reason: prose('the reason', 500).default(''),
  })
  .strict()
  .refine((b) => b.decision === 'clear' || b.reason.length >= 3, {
    error: 'Give the provider a reason for rejecting',
    path: ['reason'],
  });
export const referenceIdParams = z.object({ id: z.uuid({ error: 'Not a reference answer id' }) });
