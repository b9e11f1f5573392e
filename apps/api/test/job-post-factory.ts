import { functions } from '@handoff/core/taxonomy';
import type { Database } from '@handoff/db';
import { bids } from '@handoff/db/schema';
import type { FastifyInstance } from 'fastify';
import { bearer, signUp } from './helpers.ts';
import { completeProfile, createProfile } from './provider-factory.ts';

type Headers = Record<string, string>;

export const bookkeeping = functions.find((f) => f.slug === 'bookkeeping')!;

/** A job that can be published as is; override what a test is about. */
export function completeJob(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Monthly bookkeeping for a promo-products distributor',
    functionSlug: 'bookkeeping',
    industrySlug: 'promotional-products',
    summary: 'Keep our QuickBooks current, reconcile three accounts and close the books by the 10th.',
    duties: bookkeeping.duties.slice(0, 3).map((text) => ({ text })),
    benchmarks: [
      { objective: 'Books closed each month', target: 'By the 10th business day', cadence: 'Monthly' },
    ],
    processNotes: 'Receipts live in the shared Drive folder “Receipts 2026”.',
    trainingLinks: [{ label: 'Our chart of accounts', url: 'https://docs.example.com/coa' }],
    budgetBasis: 'hourly',
    budgetMin: 25,
    budgetMax: 45,
    currency: 'USD',
    hoursPerWeek: 6,
    engagementType: 'any',
    workLocation: 'remote',
    visibility: 'public',
    ...overrides,
  };
}

/** An owner account: its id and auth headers. */
export async function signUpOwner(app: FastifyInstance, role = 'owner') {
  const { session } = await signUp(app, { role, name: 'Olive Owner' });
  return { id: session.user.id, headers: bearer(session.accessToken) };
}

/** A draft with everything publishing needs. */
export async function createDraft(
  app: FastifyInstance,
  headers: Headers,
  overrides: Record<string, unknown> = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: '/job-posts',
    headers,
    payload: completeJob(overrides),
  });
  if (res.statusCode !== 201) throw new Error(`create job failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; duties: { id: string; text: string }[]; status: string };
}

/** A published job. */
export async function createOpenJob(
  app: FastifyInstance,
  headers: Headers,
  overrides: Record<string, unknown> = {},
) {
  const draft = await createDraft(app, headers, overrides);
  const res = await app.inject({ method: 'POST', url: `/job-posts/${draft.id}/publish`, headers });
  if (res.statusCode !== 200) throw new Error(`publish failed: ${res.statusCode} ${res.body}`);
  return res.json() as {
    id: string;
    duties: { id: string; text: string }[];
    status: string;
    revision: number;
  };
}

/**
 * A provider account with a published profile serving `functions` (customer service and
 * bookkeeping by default) in `industries`.
 */
export async function publishedProvider(
  app: FastifyInstance,
  options: { functions?: string[]; industries?: string[]; name?: string; role?: string } = {},
) {
  const { session } = await signUp(app, { role: options.role ?? 'provider', name: 'Pat Provider' });
  const headers = bearer(session.accessToken);
  const slugs = options.functions ?? ['customer-service', 'bookkeeping'];
  const base = completeProfile();
  const profile = await createProfile(
    app,
    headers,
    completeProfile({
      name: options.name ?? `Provider ${Math.random().toString(36).slice(2, 8)}`,
      functions: slugs.map((slug) => ({
        slug,
        duties: functions.find((f) => f.slug === slug)!.duties.slice(0, 1),
        customDuties: [],
      })),
      industries: options.industries ?? ['real-estate'],
      packages: [
        {
          name: 'Monthly close',
          description: 'Books closed by the 10th.',
          price: 900,
          billing: 'monthly',
          duties: [functions.find((f) => f.slug === slugs[0])!.duties[0]],
        },
      ],
      references: base.references.filter((r) => slugs.includes(r.function)),
    }),
  );
  const res = await app.inject({ method: 'POST', url: `/providers/${profile.id}/publish`, headers });
  if (res.statusCode !== 200) throw new Error(`publish profile failed: ${res.statusCode} ${res.body}`);
  const packageId = (res.json() as { packages: { id: string }[] }).packages[0]!.id;
  return { userId: session.user.id, headers, providerId: profile.id, slug: profile.slug, packageId };
}

/**
 * A bid row written straight into the table (bidding itself is another feature's api): enough for a
 * job to have a bidder whose members hear about edits.
 */
export async function insertBid(
  database: Database,
  bid: { jobPostId: string; providerId: string; authorId: string; status?: 'active' | 'withdrawn' },
) {
  const [row] = await database.db
    .insert(bids)
    .values({
      jobPostId: bid.jobPostId,
      providerId: bid.providerId,
      authorId: bid.authorId,
      status: bid.status ?? 'active',
      price: 35,
      priceBasis: 'hourly',
      currency: 'USD',
    })
    .returning({ id: bids.id });
  return row!.id;
}
