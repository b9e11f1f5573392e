import { purgeExpired } from '@handoff/db';
import { outbox, refreshSessions, searchProviders, users } from '@handoff/db/schema';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  anOwner,
  aProvider,
  bidBody,
  insertJobPost,
  notificationsOf,
  submitBid,
  type Headers,
} from './bid-factory.ts';
import { bearer, buildTestApp, drainJobs, manualClock, PASSWORD, signUp, type TestApp } from './helpers.ts';

let t: TestApp;
const clock = manualClock(new Date('2027-03-01T09:00:00Z'));
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

let n = 0;
/** A name no other row of the database holds, so finding it anywhere means it was left behind. */
const unique = (name: string) => `${name} ${Date.now().toString(36)}${(n += 1)}`;

const req = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  headers: Headers = {},
  payload?: object,
) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const exportOf = (headers: Headers) => req('GET', '/account/export', headers);
const deleteAccount = (headers: Headers, password = PASSWORD, confirmation = 'DELETE') =>
  req('POST', '/account/delete', headers, { password, confirmation });
const say = (bidId: string, headers: Headers, body: string) => {
  clock.advance(1000);
  return req('POST', `/bids/${bidId}/messages`, headers, { body });
};
const emailOf = async (id: string) =>
  (await t.database.db.select({ email: users.email }).from(users).where(eq(users.id, id)))[0]!.email;

/** Every table whose rows, as text, contain `needle` (case-insensitive), with how many rows. */
async function tablesHolding(needle: string): Promise<Record<string, number>> {
  const { rows } = (await t.database.db.execute(
    sql`SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  )) as unknown as { rows: { name: string }[] };
  const found: Record<string, number> = {};
  for (const { name } of rows) {
    const result = (await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)} t WHERE t::text ILIKE ${`%${needle}%`}`,
    )) as unknown as { rows: { n: number }[] };
    if (result.rows[0]!.n > 0) found[name] = result.rows[0]!.n;
  }
  return found;
}

/** Tables where a row keyed by the account would be personal data; none may keep one. */
const PERSONAL = [
  ['refresh_sessions', 'user_id'],
  ['account_tokens', 'user_id'],
  ['notifications', 'user_id'],
  ['notification_preferences', 'user_id'],
  ['owner_profiles', 'user_id'],
  ['owner_tasks', 'user_id'],
  ['saved_providers', 'owner_id'],
  ['provider_members', 'user_id'],
  ['job_post_matches', 'user_id'],
  ['bid_thread_reads', 'user_id'],
  ['bid_thread_emails', 'user_id'],
] as const;
async function personalRows(userId: string): Promise<string[]> {
  const left: string[] = [];
  for (const [table, column] of PERSONAL) {
    const result = (await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${userId}`,
    )) as unknown as { rows: { n: number }[] };
    if (result.rows[0]!.n > 0) left.push(table);
  }
  return left;
}

/** An owner's job with bids from two providers, threads with both, and the owner's own tools. */
async function marketplace() {
  const owner = await anOwner(t.app, unique('Orla Ownerly'));
  await req('PUT', '/owner/profile', owner.headers, {
    targetIncome: 180000,
    hoursPerDay: 4,
    daysPerWeek: 5,
    weeksPerYear: 46,
  });
  await req('POST', '/owner/tasks', owner.headers, {
    feeling: 'hate',
    name: 'Chasing unpaid invoices',
    hoursPerWeek: 3,
  });
  const alpha = await aProvider(t.app, unique('Alpha Desk'));
  const bravo = await aProvider(t.app, unique('Bravo Desk'));
  await req('POST', '/saved-providers', owner.headers, { providerId: alpha.id, note: 'Fast replies' });
  const job = await insertJobPost(t, owner.id);
  await req('POST', `/job-posts/${job.id}/invitations`, owner.headers, {
    providerId: alpha.id,
    message: 'Your profile fits',
  });
  const alphaBid = await submitBid(t.app, alpha.headers, job.id, bidBody(job, { price: 1111 }));
  const bravoNote = unique('Bravo private cover note');
  const bravoBid = await submitBid(
    t.app,
    bravo.headers,
    job.id,
    bidBody(job, { price: 2345.67, coverNote: bravoNote }),
  );
  await say(alphaBid.id, owner.headers, 'Alpha, can you start on Monday?');
  await say(alphaBid.id, alpha.headers, 'Yes, Monday works for us.');
  const bravoQuestion = unique('Bravo, is the price firm?');
  await say(bravoBid.id, owner.headers, bravoQuestion);
  return { owner, alpha, bravo, job, alphaBid, bravoBid, bravoNote, bravoQuestion };
}

/** Secrets that must never be in an export: every password hash and refresh-token hash stored. */
async function secrets(): Promise<string[]> {
  const hashes = await t.database.db.select({ h: users.passwordHash }).from(users);
  const tokens = await t.database.db.select({ h: refreshSessions.tokenHash }).from(refreshSessions);
  return [...hashes, ...tokens].map((r) => r.h);
}

describe('signed-in only', () => {
  it('answers 401 without a token, before looking at the body', async () => {
    expect((await exportOf({})).statusCode).toBe(401);
    const res = await req('POST', '/account/delete', {}, {});
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/Log in/);
  });
});

describe('download your data', () => {
  it('gives a provider their bids and threads, and nothing of the other bidder', async () => {
    const m = await marketplace();
    const res = await exportOf(m.alpha.headers);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="handoff-data-2027-03-01\.json"$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json();
    expect(data).toMatchObject({ format: 'handoff.account-export', version: 1 });
    expect(data.account).toMatchObject({ id: m.alpha.userId, roles: ['provider'] });
    expect(data.providerProfiles).toHaveLength(1);
    expect(data.providerProfiles[0]).toMatchObject({ role: 'owner', profile: { id: m.alpha.id } });
    expect(data.providerProfiles[0].profile.references[0].email).toBe('dana.whitfield@acme-realty.example');
    expect(data.bidsMade).toHaveLength(1);
    const bid = data.bidsMade[0];
    expect(bid).toMatchObject({ id: m.alphaBid.id, price: 1111, authoredByYou: true });
    expect(bid.jobPost.ownerName).toMatch(/^Orla Ownerly/);
    expect(bid).not.toHaveProperty('shortlisted');
    expect(bid.coverage).toHaveLength(3);
    expect(bid.benchmarkAnswers).toEqual([
      expect.objectContaining({ benchmark: 'Answer 95% of calls live', commitment: 'yes' }),
    ]);
    expect(bid.messages.map((x: { body: string; byYou: boolean }) => [x.body, x.byYou])).toEqual([
      ['Alpha, can you start on Monday?', false],
      ['Yes, Monday works for us.', true],
    ]);
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0]).not.toHaveProperty('tokenHash');
    expect(data.notifications.length).toBeGreaterThan(0);
    expect(data.notificationSettings.map((s: { kind: string }) => s.kind)).toContain('bid.declined');

    // Nothing of the other bidder, the owner's address, or any secret.
    const text = res.body;
    expect(text).not.toContain('2345.67');
    expect(text).not.toContain(m.bravoNote);
    expect(text).not.toContain(m.bravoQuestion);
    expect(text).not.toContain(await emailOf(m.bravo.userId));
    expect(text).not.toContain(await emailOf(m.owner.id));
    expect(text).not.toMatch(/passwordHash|password_hash|tokenHash|token_hash|\$argon2/);
    for (const secret of await secrets()) expect(text).not.toContain(secret);
  });

  it('gives an owner their jobs with every bid received, threads, invitations and owner tools', async () => {
    const m = await marketplace();
    const res = await exportOf(m.owner.headers);
    expect(res.statusCode).toBe(200);
    const data = res.json();
    expect(data.owner.timeValue).toMatchObject({ targetIncome: 180000, hoursPerDay: 4 });
    expect(data.owner.worksheet.map((w: { name: string }) => w.name)).toEqual(['Chasing unpaid invoices']);
    expect(data.owner.savedProviders).toEqual([expect.objectContaining({ providerId: m.alpha.id })]);
    expect(data.jobPosts).toHaveLength(1);
    const job = data.jobPosts[0];
    expect(job).toMatchObject({ id: m.job.id, status: 'open' });
    expect(job.duties).toHaveLength(3);
    expect(job.benchmarks).toHaveLength(1);
    expect(job.invitations).toEqual([expect.objectContaining({ message: 'Your profile fits' })]);
    const prices = job.bidsReceived.map((b: { price: number }) => b.price).sort();
    expect(prices).toEqual([1111, 2345.67]);
    const bravo = job.bidsReceived.find((b: { id: string }) => b.id === m.bravoBid.id);
    expect(bravo).toMatchObject({ coverNote: m.bravoNote, shortlisted: false });
    expect(bravo.messages.map((x: { body: string }) => x.body)).toEqual([m.bravoQuestion]);
    expect(data.bidsMade).toEqual([]);
    const text = res.body;
    expect(text).not.toContain(await emailOf(m.alpha.userId));
    expect(text).not.toContain(await emailOf(m.bravo.userId));
    for (const secret of await secrets()) expect(text).not.toContain(secret);
  });

  it('refuses a signed-out session', async () => {
    const { body, session } = await signUp(t.app);
    const other = await req('POST', '/auth/login', {}, { email: body.email, password: PASSWORD });
    const sessionId = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString())
      .sid as string;
    const ended = await req('DELETE', `/account/sessions/${sessionId}`, bearer(other.json().accessToken));
    expect(ended.statusCode).toBe(204);
    expect((await exportOf(bearer(session.accessToken))).statusCode).toBe(401);
    expect((await deleteAccount(bearer(session.accessToken))).statusCode).toBe(401);
    expect((await exportOf(bearer(other.json().accessToken))).statusCode).toBe(200);
  });
});

describe('delete the account', () => {
  it('needs the password and the typed word; a wrong one deletes nothing', async () => {
    const { body, session } = await signUp(t.app);
    const headers = bearer(session.accessToken);
    const wrong = await deleteAccount(headers, 'not-my-password');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      message: 'That is not your password. Nothing was deleted.',
      fields: { password: 'That is not your password' },
    });
    const untyped = await deleteAccount(headers, PASSWORD, 'yes');
    expect(untyped.statusCode).toBe(400);
    expect(untyped.json().fields.confirmation).toMatch(/Type DELETE/);
    const empty = await req('POST', '/account/delete', headers, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toMatchObject({ password: 'Enter your password' });
    expect((await req('GET', '/auth/me', headers)).statusCode).toBe(200);
    const login = await req('POST', '/auth/login', {}, { email: body.email, password: PASSWORD });
    expect(login.statusCode).toBe(200);
  });

  it('deletes only the caller’s own account: someone else’s password does nothing with my token', async () => {
    const a = await signUp(t.app);
    const c = await signUp(t.app, { password: 'another-long-password' });
    const cross = await deleteAccount(bearer(c.session.accessToken), a.body.password);
    expect(cross.statusCode).toBe(400);
    for (const token of [a.session.accessToken, c.session.accessToken]) {
      expect((await req('GET', '/auth/me', bearer(token))).statusCode).toBe(200);
    }
  });

  it('erases the owner, closes their open job, and keeps what the providers need with "Former member"', async () => {
    const m = await marketplace();
    const name = (await req('GET', '/auth/me', m.owner.headers)).json().user.name as string;
    const email = await emailOf(m.owner.id);
    // A filled job with an engagement too.
    const filled = await insertJobPost(t, m.owner.id, { title: 'Bookkeeping we hired for' });
    const hired = await submitBid(t.app, m.alpha.headers, filled.id, bidBody(filled));
    expect((await req('POST', `/bids/${hired.id}/accept`, m.owner.headers)).statusCode).toBe(201);
    const refreshToken = (await req('POST', '/auth/login', {}, { email, password: PASSWORD })).json()
      .refreshToken as string;
    await drainJobs(t.app);

    const res = await deleteAccount(m.owner.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toContain(email);

    // Every token of the account stops working; the address logs in nowhere.
    expect((await req('GET', '/auth/me', m.owner.headers)).statusCode).toBe(401);
    expect((await req('POST', '/auth/refresh', {}, { refreshToken })).statusCode).toBe(401);
    expect((await req('POST', '/auth/login', {}, { email, password: PASSWORD })).statusCode).toBe(401);
    expect((await deleteAccount(m.owner.headers)).statusCode).toBe(401);

    // The open job closed, and its bidders heard it as from any closed job.
    const job = await t.database.db.execute(sql`SELECT status FROM job_posts WHERE id = ${m.job.id}`);
    expect((job as unknown as { rows: { status: string }[] }).rows[0]!.status).toBe('closed');
    for (const p of [m.alpha, m.bravo]) {
      const told = (await notificationsOf(t.app, p.headers)).filter((x) => x.kind === 'job.updated');
      expect(told.map((x) => x.title)).toContain(`“${m.job.title}” was closed`);
    }

    // The providers still read their bids, threads and engagement; the author is a former member.
    const bid = await req('GET', `/bids/${m.alphaBid.id}`, m.alpha.headers);
    expect(bid.statusCode).toBe(200);
    const thread = (await req('GET', `/bids/${m.alphaBid.id}/messages`, m.alpha.headers)).json();
    expect(thread.messages.map((x: { authorName: string; body: string }) => [x.authorName, x.body])).toEqual([
      ['Former member', 'Alpha, can you start on Monday?'],
      [expect.any(String), 'Yes, Monday works for us.'],
    ]);
    const engagements = (await req('GET', '/engagements', m.alpha.headers)).json();
    expect(JSON.stringify(engagements)).toContain('Former member');
    expect(JSON.stringify(engagements)).not.toContain(name);

    // No personal row or value is left, apart from the last e-mail on its way.
    expect(await personalRows(m.owner.id)).toEqual([]);
    // A message to a former member raises no notification (and so no e-mail) for the tombstone.
    expect((await say(hired.id, m.alpha.headers, 'Invoice attached')).statusCode).toBe(201);
    const raised = await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${m.owner.id}`,
    );
    expect((raised as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    await drainJobs(t.app);
    const mail = (await req('GET', `/dev/mailbox?to=${encodeURIComponent(email)}`)).json().messages;
    expect(mail.map((x: { subject: string }) => x.subject)).toContain('Your Handoff account is deleted');
    expect(await tablesHolding(email)).toEqual({ dev_mailbox: expect.any(Number), mail_log: 1, outbox: 1 });
    const named = await tablesHolding(name);
    // Other people's notifications that named them (like mail they received) and the last e-mail.
    expect(Object.keys(named).sort()).toEqual(['dev_mailbox', 'notifications', 'outbox']);
    // Once the last e-mail's job can no longer be retried, its copy of the address goes too.
    await purgeExpired(t.database.db, new Date(clock.now().getTime() + 8 * 86_400_000));
    // (The dev mailbox stands for the person's own inbox, which is theirs, not ours.)
    const { dev_mailbox: _inbox, ...kept } = await tablesHolding(email);
    expect(kept).toEqual({});

    // The address is free: a new account can use it.
    const { session: again } = await signUp(t.app, { name: 'Orla Again', email });
    expect(again.user.id).not.toBe(m.owner.id);
    const fresh = await exportOf(bearer(again.accessToken));
    expect(fresh.json().jobPosts).toEqual([]);
  });

  it('retires a profile only they belonged to: out of search, its open bids withdrawn, owners told', async () => {
    const m = await marketplace();
    // Its reference customer was asked to vouch: their name and address go with the profile.
    const contacts = (await req('GET', `/providers/${m.alpha.id}`, m.alpha.headers)).json().references;
    const asked = await req('POST', `/providers/${m.alpha.id}/reference-requests`, m.alpha.headers, {
      contactIds: contacts.map((c: { id: string }) => c.id),
    });
    expect(asked.statusCode).toBe(201);
    await drainJobs(t.app);
    const indexed = () =>
      t.database.db
        .select({ id: searchProviders.id })
        .from(searchProviders)
        .where(eq(searchProviders.id, m.alpha.id));
    expect(await indexed()).toHaveLength(1);
    expect((await deleteAccount(m.alpha.headers)).statusCode).toBe(200);
    const queued = await t.database.db
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(inArray(outbox.name, ['search.remove-provider']));
    expect(queued.map((q) => q.payload.providerId)).toContain(m.alpha.id);
    expect((await req('GET', `/public/providers/${m.alpha.slug}`)).statusCode).toBe(404);
    await drainJobs(t.app);
    expect(await indexed()).toHaveLength(0);

    // The owner keeps the bid, withdrawn, from a former member, and hears why.
    const compared = (await req('GET', `/job-posts/${m.job.id}/bids`, m.owner.headers)).json();
    const alpha = compared.bids.find((b: { id: string }) => b.id === m.alphaBid.id);
    expect(alpha).toMatchObject({ status: 'withdrawn', price: { bid: { amount: 1111 } } });
    expect(alpha.provider.name).toBe('Former member');
    const told = (await notificationsOf(t.app, m.owner.headers)).map((x) => x.kind);
    expect(told).toContain('bid.withdrawn');
    const thread = (await req('GET', `/bids/${m.alphaBid.id}/messages`, m.owner.headers)).json();
    expect(thread.messages.map((x: { authorName: string }) => x.authorName)).toEqual([
      expect.stringMatching(/^Orla Ownerly/),
      'Former member',
    ]);
    expect(await personalRows(m.alpha.userId)).toEqual([]);
    // The profile row stays for the bids that name it, with nothing of the person on it.
    const profile = await t.database.db.execute(
      sql`SELECT p.name, p.status, p.slug, p.bio,
            (SELECT count(*)::int FROM provider_references r WHERE r.provider_id = p.id) AS refs,
            (SELECT count(*)::int FROM reference_requests r WHERE r.provider_id = p.id) AS asked
          FROM providers p WHERE p.id = ${m.alpha.id}`,
    );
    expect((profile as unknown as { rows: object[] }).rows[0]).toEqual({
      name: 'Former member',
      status: 'draft',
      slug: `former-member-${m.alpha.id}`,
      bio: '',
      refs: 0,
      asked: 0,
    });
  });

  it('passes an owned firm profile to the colleague who joined first, who is told', async () => {
    const firm = await aProvider(t.app, unique('Firm Desk'));
    const first = await signUp(t.app, { role: 'provider', name: 'Fiona First' });
    const second = await signUp(t.app, { role: 'provider', name: 'Sam Second' });
    await addMember(t, firm.id, first.session.user.id, new Date('2027-01-01T10:00:00Z'));
    await addMember(t, firm.id, second.session.user.id, new Date('2027-01-01T10:00:01Z'));
    expect((await deleteAccount(firm.headers)).statusCode).toBe(200);
    const roles = await t.database.db.execute(
      sql`SELECT user_id, role FROM provider_members WHERE provider_id = ${firm.id} ORDER BY role DESC`,
    );
    expect((roles as unknown as { rows: { user_id: string; role: string }[] }).rows).toEqual([
      { user_id: first.session.user.id, role: 'owner' },
      { user_id: second.session.user.id, role: 'member' },
    ]);
    const heir = await notificationsOf(t.app, bearer(first.session.accessToken));
    expect(heir.find((x) => x.kind === 'provider.member-left')?.title).toMatch(/^You now own/);
    const colleague = await notificationsOf(t.app, bearer(second.session.accessToken));
    expect(colleague.find((x) => x.kind === 'provider.member-left')?.body).toContain('Fiona First owns');
    // Still published and found.
    expect((await req('GET', `/public/providers/${firm.slug}`)).statusCode).toBe(200);
  });

  it('is not offered to operators', async () => {
    const { session } = await signUp(t.app);
    await t.database.db.execute(sql`UPDATE users SET roles = '{admin}' WHERE id = ${session.user.id}`);
    const res = await deleteAccount(bearer(session.accessToken));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/operator/);
  });
});
