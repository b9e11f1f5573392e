import { bids, jobPosts, providers, users } from '@handoff/db/schema';
import { uniqueEmail } from '@handoff/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOwner, aProvider, bidBody, insertJobPost } from './bid-factory.ts';
import { massAssignment } from './fuzz/schema-arbitrary.ts';
import { buildTestApp, PASSWORD, signUpToken, type TestApp } from './helpers.ts';
import { completeJob } from './job-post-factory.ts';
import { completeProfile, signUpProvider } from './provider-factory.ts';

// The fuzzer smuggles these fields into every body, but its generated bodies seldom pass a create
// route's validation; here each create and edit route gets a valid body plus the smuggled fields,
// and the record written is read back from the database.

let t: TestApp;
let victim: Awaited<ReturnType<typeof aProvider>>;
let smuggled: ReturnType<typeof massAssignment>;
beforeAll(async () => {
  t = await buildTestApp();
  victim = await aProvider(t.app, 'Victim Desk');
  smuggled = massAssignment(victim.id);
});
afterAll(() => t.close());

const db = () => t.database.db;

describe('mass-assigned fields never take effect', () => {
  it('sign-up: no admin role, whatever the body says', async () => {
    const email = uniqueEmail('mass');
    const payload = { ...smuggled, name: 'Mass Person', email, password: PASSWORD, role: 'owner' };
    const res = await t.app.inject({ method: 'POST', url: '/auth/signup', payload });
    expect(res.statusCode, res.body).toBe(202);
    // Nor in the link that finishes it.
    const token = await signUpToken(t.app, email);
    const done = await t.app.inject({
      method: 'POST',
      url: '/auth/signup/confirm',
      payload: { ...smuggled, token },
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().user.roles).toEqual(['owner']);
    const [row] = await db().select({ roles: users.roles }).from(users).where(eq(users.email, email));
    expect(row!.roles).toEqual(['owner']);
    const admin = await t.app.inject({
      method: 'POST',
      url: '/auth/signup',
      payload: { ...payload, role: 'admin' },
    });
    expect(admin.statusCode).toBe(400);
  });

  it('account edits: no roles', async () => {
    const owner = await anOwner(t.app);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/account',
      headers: owner.headers,
      payload: { ...smuggled, name: 'Renamed' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await db().select({ roles: users.roles }).from(users).where(eq(users.id, owner.id));
    expect(row!.roles).toEqual(['owner']);
  });

  it('a new job: the caller owns it, as a draft', async () => {
    const owner = await anOwner(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/job-posts',
      headers: owner.headers,
      payload: { ...smuggled, ...completeJob() },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await db()
      .select({ ownerId: jobPosts.ownerId, status: jobPosts.status })
      .from(jobPosts)
      .where(eq(jobPosts.id, res.json().id));
    expect(row).toEqual({ ownerId: owner.id, status: 'draft' });
  });

  it('a bid: from the caller’s provider, active; naming another provider is refused', async () => {
    const owner = await anOwner(t.app);
    const job = await insertJobPost(t, owner.id);
    const bidder = await aProvider(t.app, 'Honest Desk');
    const send = (payload: object) =>
      t.app.inject({ method: 'POST', url: `/job-posts/${job.id}/bids`, headers: bidder.headers, payload });
    // providerId is a field of the bid (which of your profiles bids): someone else's is a 403.
    const theirs = await send({ ...smuggled, ...bidBody(job) });
    expect(theirs.statusCode, theirs.body).toBe(403);
    expect(await db().select({ id: bids.id }).from(bids).where(eq(bids.jobPostId, job.id))).toEqual([]);
    const { providerId: _ignored, ...rest } = smuggled;
    const res = await send({ ...rest, ...bidBody(job) });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await db()
      .select({ providerId: bids.providerId, status: bids.status })
      .from(bids)
      .where(eq(bids.id, res.json().id));
    expect(row).toEqual({ providerId: bidder.id, status: 'active' });
  });

  it('a provider profile: a draft with no rating and no verified references', async () => {
    const me = await signUpProvider(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/providers',
      headers: me.headers,
      payload: { ...smuggled, ...completeProfile() },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await db()
      .select({
        status: providers.status,
        ratingAvg: providers.ratingAvg,
        verified: providers.verifiedReferenceCount,
      })
      .from(providers)
      .where(eq(providers.id, res.json().id));
    expect(row).toEqual({ status: 'draft', ratingAvg: null, verified: 0 });
    // Nor does an edit of the victim's profile id in the body reach the victim.
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/providers/${res.json().id}`,
      headers: me.headers,
      payload: { ...smuggled, ...completeProfile({ name: 'Edited Desk' }), id: victim.id },
    });
    expect([200, 400]).toContain(edit.statusCode);
    const [victimRow] = await db()
      .select({ name: providers.name })
      .from(providers)
      .where(eq(providers.id, victim.id));
    expect(victimRow!.name).toBe('Victim Desk');
  });
});
