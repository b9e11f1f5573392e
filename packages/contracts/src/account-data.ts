import { z } from 'zod';
import { roleSchema } from './auth.ts';

// "Your data": the export of everything an account holds, and deleting the account. The export
// schema is an allow-list like every response: a key not named here (a password or token hash, a
// colleague's e-mail, another bidder's price) cannot reach the file even if a query selected it.

const at = z.iso.datetime();
const when = at.nullable();
const money = z.number().nullable();
/** YYYY-MM-DD */
const day = z.string().nullable();

/** Typed by the person to confirm deletion, on top of the password. */
export const DELETE_CONFIRMATION = 'DELETE';

export const deleteAccountBody = z.object({
  password: z
    .string({ error: 'Enter your password' })
    .min(1, { error: 'Enter your password' })
    .max(200, { error: 'A password is at most 200 characters' }),
  confirmation: z
    .string({ error: `Type ${DELETE_CONFIRMATION} to confirm` })
    .trim()
    .refine((typed) => typed === DELETE_CONFIRMATION, {
      error: `Type ${DELETE_CONFIRMATION} (in capitals) to confirm`,
    }),
});
export type DeleteAccountBody = z.infer<typeof deleteAccountBody>;

export const accountDeletedResponse = z.object({ message: z.string() });

const message = z.object({
  id: z.uuid(),
  /** The author's name as the thread shows it ("Former member" once they deleted their account). */
  author: z.string(),
  byYou: z.boolean(),
  body: z.string(),
  sentAt: at,
});

const coverage = z.object({
  duty: z.string(),
  coverage: z.string().nullable(),
  note: z.string(),
});

const bidTerms = {
  id: z.uuid(),
  status: z.string(),
  price: z.number(),
  priceBasis: z.string(),
  currency: z.string(),
  estimatedHours: money,
  startDate: day,
  durationWeeks: z.number().int().nullable(),
  coverNote: z.string(),
  package: z
    .object({ name: z.string(), price: z.number(), billing: z.string(), duties: z.array(z.string()) })
    .nullable(),
  declineReason: z.string().nullable(),
  revision: z.number().int(),
  createdAt: at,
  updatedAt: at,
  coverage: z.array(coverage),
  /** What the bid committed to for each of the job's benchmarks. */
  benchmarkAnswers: z.array(z.object({ benchmark: z.string(), commitment: z.string(), note: z.string() })),
  messages: z.array(message),
};

const benchmark = z.object({
  id: z.uuid(),
  objective: z.string(),
  target: z.string(),
  cadence: z.string().nullable(),
  dueDate: day,
});

const jobPost = z.object({
  id: z.uuid(),
  status: z.string(),
  title: z.string(),
  functionSlug: z.string(),
  industrySlug: z.string().nullable(),
  summary: z.string(),
  processNotes: z.string(),
  trainingLinks: z.array(z.object({ label: z.string(), url: z.string() })),
  startBy: day,
  durationWeeks: z.number().int().nullable(),
  budgetBasis: z.string(),
  budgetMin: money,
  budgetMax: money,
  currency: z.string(),
  hoursPerWeek: money,
  engagementType: z.string(),
  workLocation: z.string(),
  underBudgetBonus: z.string(),
  earlyFinishBonus: z.string(),
  visibility: z.string(),
  revision: z.number().int(),
  publishedAt: when,
  closedAt: when,
  createdAt: at,
  updatedAt: at,
  duties: z.array(z.object({ id: z.uuid(), text: z.string() })),
  benchmarks: z.array(benchmark),
  invitations: z.array(
    z.object({ providerName: z.string(), providerSlug: z.string(), message: z.string(), invitedAt: at }),
  ),
  /** Every bid on the job, as the owner's comparison shows them, with the owner's own marks. */
  bidsReceived: z.array(
    z.object({
      ...bidTerms,
      provider: z.object({ id: z.uuid(), name: z.string() }),
      shortlisted: z.boolean(),
      archived: z.boolean(),
    }),
  ),
});

const providerProfile = z.object({
  role: z.string(),
  joinedAt: at,
  profile: z.object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    kind: z.string().nullable(),
    status: z.string(),
    headline: z.string(),
    bio: z.string(),
    rateMin: money,
    rateMax: money,
    currency: z.string(),
    languages: z.array(z.string()),
    timezone: z.string().nullable(),
    country: z.string().nullable(),
    remote: z.boolean(),
    onSite: z.boolean(),
    teamSize: z.number().int().nullable(),
    website: z.string().nullable(),
    publishedAt: when,
    createdAt: at,
    updatedAt: at,
    functions: z.array(
      z.object({ slug: z.string(), duties: z.array(z.string()), customDuties: z.array(z.string()) }),
    ),
    industries: z.array(z.string()),
    packages: z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        price: z.number(),
        billing: z.string(),
        duties: z.array(z.string()),
      }),
    ),
    /** The reference customers the profile names, as its members see them in the editor. */
    references: z.array(
      z.object({
        name: z.string(),
        email: z.string(),
        company: z.string(),
        role: z.string(),
        periodFrom: z.string(),
        periodTo: z.string().nullable(),
        functionSlug: z.string(),
        duties: z.array(z.string()),
      }),
    ),
  }),
  /** Names and roles only: a colleague's address is theirs to export. */
  members: z.array(z.object({ name: z.string(), role: z.string(), joinedAt: at, you: z.boolean() })),
});

export const accountExport = z.object({
  format: z.literal('handoff.account-export'),
  version: z.literal(1),
  exportedAt: at,
  about: z.string(),
  account: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    roles: z.array(roleSchema),
    emailVerifiedAt: when,
    createdAt: at,
    updatedAt: at,
  }),
  /** Signed-in sessions (one per log-in), newest first; never the tokens themselves. */
  sessions: z.array(
    z.object({
      id: z.uuid(),
      signedInAt: at,
      lastSeenAt: at,
      expiresAt: at,
      endedAt: when,
      userAgent: z.string().nullable(),
      ip: z.string().nullable(),
      refreshes: z.number().int(),
    }),
  ),
  /** E-mailed links (verification, password reset, address change): when and what for; no secret. */
  accountLinks: z.array(
    z.object({
      id: z.uuid(),
      purpose: z.string(),
      email: z.string().nullable(),
      createdAt: at,
      expiresAt: at,
      usedAt: when,
    }),
  ),
  notifications: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      link: z.string().nullable(),
      readAt: when,
      createdAt: at,
    }),
  ),
  notificationSettings: z.array(z.object({ kind: z.string(), label: z.string(), email: z.boolean() })),
  owner: z.object({
    timeValue: z
      .object({
        targetIncome: money,
        currency: z.string(),
        hoursPerDay: money,
        daysPerWeek: money,
        weeksPerYear: money,
        updatedAt: at,
      })
      .nullable(),
    worksheet: z.array(
      z.object({
        id: z.uuid(),
        feeling: z.string(),
        name: z.string(),
        hoursPerWeek: z.number(),
        functionSlug: z.string().nullable(),
        functionSource: z.string().nullable(),
        position: z.number().int(),
        jobPostId: z.uuid().nullable(),
        createdAt: at,
        updatedAt: at,
      }),
    ),
    savedProviders: z.array(
      z.object({ providerId: z.uuid(), name: z.string(), slug: z.string(), note: z.string(), savedAt: at }),
    ),
  }),
  providerProfiles: z.array(providerProfile),
  jobPosts: z.array(jobPost),
  /** The bids of the provider profiles the account is a member of (a firm's bids are its members'). */
  bidsMade: z.array(
    z.object({
      ...bidTerms,
      authoredByYou: z.boolean(),
      provider: z.object({ id: z.uuid(), name: z.string() }),
      jobPost: z.object({ id: z.uuid(), title: z.string(), ownerName: z.string() }),
    }),
  ),
  engagements: z.array(
    z.object({
      id: z.uuid(),
      side: z.enum(['owner', 'provider']),
      status: z.string(),
      jobPost: z.object({ id: z.uuid(), title: z.string() }),
      ownerName: z.string(),
      provider: z.object({ id: z.uuid(), name: z.string() }),
      price: z.number(),
      priceBasis: z.string(),
      currency: z.string(),
      startDate: z.string(),
      duties: z.array(z.object({ id: z.string(), text: z.string() })),
      benchmarks: z.array(
        z.object({
          id: z.string(),
          objective: z.string(),
          target: z.string(),
          cadence: z.string().nullable(),
          dueDate: z.string().nullable(),
        }),
      ),
      createdAt: at,
      endedAt: when,
    }),
  ),
});
export type AccountExport = z.infer<typeof accountExport>;
