import {
  jobPostBenchmarks,
  jobPostDuties,
  jobPostInvitations,
  jobPosts,
  outbox,
  providerMembers,
} from '@handoff/db/schema';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { bearer, signUp, type TestApp } from './helpers.ts';
import { completeProfile, createProfile, signUpProvider } from './provider-factory.ts';

// Test data for bids: job posts are rows written directly (the job-post routes are another
// module's), accounts and provider profiles go through the api like a person's would.

export type Headers = Record<string, string>;

export interface TestJobPost {
  id: string;
  ownerId: string;
  title: string;
  duties: { id: string; text: string }[];
  benchmarks: { id: string; objective: string }[];
}

export const DUTIES = [
  'Answer buyer and tenant calls within three rings',
  'Reply to listing enquiries by e-mail within an hour',
  'Book showings in the brokerage calendar',
];

export async function insertJobPost(
  t: TestApp,
  ownerId: string,
  overrides: Partial<typeof jobPosts.$inferInsert> & { duties?: string[]; benchmarks?: string[] } = {},
): Promise<TestJobPost> {
  const { duties = DUTIES, benchmarks = ['Answer 95% of calls live'], ...fields } = overrides;
  const db = t.database.db;
  const [job] = await db
    .insert(jobPosts)
    .values({
      ownerId,
      title: 'Front desk for a real-estate brokerage',
      functionSlug: 'customer-service',
      industrySlug: 'real-estate',
      summary: 'Calls, e-mails and showings for a busy brokerage.',
      status: 'open',
      budgetBasis: 'monthly',
      budgetMin: 1000,
      budgetMax: 2000,
      currency: 'USD',
      visibility: 'public',
      publishedAt: new Date(),
      ...fields,
    })
    .returning({ id: jobPosts.id, title: jobPosts.title });
  const id = job!.id;
  const dutyRows = duties.length
    ? await db
        .insert(jobPostDuties)
        .values(duties.map((text, position) => ({ jobPostId: id, position, text })))
        .returning({ id: jobPostDuties.id, text: jobPostDuties.text, position: jobPostDuties.position })
    : [];
  const benchmarkRows = benchmarks.length
    ? await db
        .insert(jobPostBenchmarks)
        .values(
          benchmarks.map((objective, position) => ({
            jobPostId: id,
            position,
            objective,
            target: '95%',
            cadence: 'monthly',
          })),
        )
        .returning({ id: jobPostBenchmarks.id, objective: jobPostBenchmarks.objective })
    : [];
  dutyRows.sort((a, b) => a.position - b.position);
  return {
    id,
    ownerId,
    title: job!.title,
    duties: dutyRows.map(({ id, text }) => ({ id, text })),
    benchmarks: benchmarkRows,
  };
}

export async function inviteToJobPost(t: TestApp, jobPostId: string, providerId: string, invitedBy: string) {
  await t.database.db.insert(jobPostInvitations).values({ jobPostId, providerId, invitedBy });
}

export async function setJobPostStatus(
  t: TestApp,
  jobPostId: string,
  status: 'draft' | 'open' | 'closed' | 'filled',
) {
  await t.database.db.execute(sql`UPDATE job_posts SET status = ${status} WHERE id = ${jobPostId}`);
}

export async function anOwner(app: FastifyInstance, name = 'Olivia Owner') {
  const { session } = await signUp(app, { role: 'owner', name });
  return { id: session.user.id, headers: bearer(session.accessToken) };
}

/** A provider account with a published profile of its own. */
export async function aProvider(app: FastifyInstance, name: string, overrides: Record<string, unknown> = {}) {
  const user = await signUpProvider(app);
  const profile = await createProfile(app, user.headers, completeProfile({ name, ...overrides }));
  const published = await app.inject({
    method: 'POST',
    url: `/providers/${profile.id}/publish`,
    headers: user.headers,
  });
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.body}`);
  const body = published.json() as { id: string; slug: string; packages: { id: string; name: string }[] };
  return { userId: user.id, headers: user.headers, id: body.id, slug: body.slug, packages: body.packages };
}

/** A complete bid answering every duty and benchmark of the job ("yes" unless overridden). */
export function bidBody(job: TestJobPost, overrides: Record<string, unknown> = {}) {
  return {
    price: 1500,
    priceBasis: 'monthly',
    currency: 'USD',
    estimatedHours: 80,
    durationWeeks: 26,
    coverNote: 'We answer for six brokerages already, in English and Spanish.',
    coverage: job.duties.map((d) => ({ dutyId: d.id, coverage: 'yes' })),
    benchmarks: job.benchmarks.map((b) => ({ benchmarkId: b.id, commitment: 'yes' })),
    ...overrides,
  };
}

export async function submitBid(app: FastifyInstance, headers: Headers, jobPostId: string, body: object) {
  const res = await app.inject({
    method: 'POST',
    url: `/job-posts/${jobPostId}/bids`,
    headers,
    payload: body,
  });
  if (res.statusCode !== 201) throw new Error(`bid failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; status: string; revision: number };
}

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

export async function notificationsOf(app: FastifyInstance, headers: Headers): Promise<NotificationItem[]> {
  return (await app.inject({ url: '/notifications', headers })).json().notifications;
}

/** Which of these notifications have an e-mail job waiting in the outbox. */
export async function emailJobsFor(t: TestApp, notificationIds: string[]): Promise<string[]> {
  if (notificationIds.length === 0) return [];
  const rows = await t.database.db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(
      and(
        eq(outbox.name, 'email.notification'),
        inArray(sql`${outbox.payload}->>'notificationId'`, notificationIds),
      ),
    );
  return rows.map((r) => String(r.payload.notificationId));
}

/** Makes a user a member of a provider, as accepting a colleague's invitation would. */
/** `joinedAt` when the order of joining matters (the database clock may not tick between two calls). */
export async function addMember(t: TestApp, providerId: string, userId: string, joinedAt?: Date) {
  await t.database.db
    .insert(providerMembers)
    .values({ providerId, userId, role: 'member', ...(joinedAt ? { createdAt: joinedAt } : {}) });
}
