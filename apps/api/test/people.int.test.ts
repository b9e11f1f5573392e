import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, drainJobs, PASSWORD, signUp, type TestApp } from './helpers.ts';
import { completeProfile, createProfile } from './provider-factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  token?: string,
  payload?: unknown,
) =>
  t.app.inject({
    method,
    url,
    ...(token ? { headers: bearer(token) } : {}),
    ...(payload ? { payload } : {}),
  });

const login = (email: string) => call('POST', '/auth/login', undefined, { email, password: PASSWORD });

async function operator() {
  const admin = await signUp(t.app, { name: 'Olive Operator' });
  await t.database.db.execute(sql`UPDATE users SET roles = '{admin}' WHERE id = ${admin.session.user.id}`);
  return { id: admin.session.user.id, token: (await login(admin.body.email)).json().accessToken as string };
}

/** A provider with a published profile, found by search under a word of its own. */
async function publishedProvider(word: string) {
  const person = await signUp(t.app, { role: 'provider', name: `Pat ${word}` });
  const headers = bearer(person.session.accessToken);
  const profile = await createProfile(t.app, headers, { ...completeProfile(), name: `${word} Desk` });
  expect(
    (await t.app.inject({ method: 'POST', url: `/providers/${profile.id}/publish`, headers })).statusCode,
  ).toBe(200);
  await drainJobs(t.app);
  return { ...person, profile };
}

/** The database's own message for a statement it refuses (drizzle wraps it in `cause`). */
async function refusal(statement: SQL): Promise<string> {
  try {
    await t.database.db.execute(statement);
    return 'accepted';
  } catch (error) {
    return String((error as { cause?: Error }).cause?.message ?? error);
  }
}

const searchCount = async (word: string) =>
  (await call('GET', `/search/providers?q=${encodeURIComponent(word)}`)).json().total as number;

describe('operator: people', () => {
  it('lets only operators find people, read a person or the audit log, suspend and reinstate', async () => {
    const owner = await signUp(t.app);
    const provider = await signUp(t.app, { role: 'provider' });
    const id = owner.session.user.id;
    const routes: Array<[method: 'GET' | 'POST', url: string, body?: unknown]> = [
      ['GET', '/admin/people?q=a'],
      ['GET', `/admin/people/${id}`],
      ['POST', `/admin/people/${id}/suspend`, { reason: 'Testing who may do this' }],
      ['POST', `/admin/people/${id}/reinstate`, { reason: '' }],
      ['GET', '/admin/audit-log'],
    ];
    for (const [method, url, body] of routes) {
      expect((await call(method, url, undefined, body)).statusCode, `${method} ${url} anonymous`).toBe(401);
      for (const who of [owner, provider]) {
        const res = await call(method, url, who.session.accessToken, body);
        expect(res.statusCode, `${method} ${url} as ${who.body.role}`).toBe(403);
        expect(res.json().message).toMatch(/operators/i);
      }
    }
    // Nothing changed: the owner still logs in.
    expect((await login(owner.body.email)).statusCode).toBe(200);
  });

  it('finds a person by part of their e-mail or name, any case, with % and _ taken literally', async () => {
    const admin = await operator();
    const person = await signUp(t.app, { name: 'Quincy Zebulon-Marsh' });
    const byName = (await call('GET', '/admin/people?q=zebulon-MARSH', admin.token)).json();
    expect(byName.people.map((p: { id: string }) => p.id)).toEqual([person.session.user.id]);
    const byEmail = (
      await call('GET', `/admin/people?q=${encodeURIComponent(person.body.email.toUpperCase())}`, admin.token)
    ).json();
    expect(byEmail.people.map((p: { email: string }) => p.email)).toEqual([person.body.email]);
    expect((await call('GET', '/admin/people?q=%25%25zz_%25', admin.token)).json().people).toEqual([]);
  });

  it('suspends: log-in refused, every session ended, the profile gone from search and its page; reinstating undoes it', async () => {
    const admin = await operator();
    const word = `Quokkaline${Date.now().toString(36)}`;
    const person = await publishedProvider(word);
    const id = person.session.user.id;
    expect(await searchCount(word)).toBe(1);

    const suspended = await call('POST', `/admin/people/${id}/suspend`, admin.token, {
      reason: 'Fake reviews reported',
    });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toMatchObject({
      suspendedAt: expect.any(String),
      suspendedReason: 'Fake reviews reported',
      profiles: [{ id: person.profile.id, hidden: true }],
      audit: [{ action: 'user.suspended', reason: 'Fake reviews reported', targetUserId: id }],
    });

    const refused = await login(person.body.email);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/suspended/);
    // A wrong password still says only that: suspension is not revealed to a guesser.
    const guess = await call('POST', '/auth/login', undefined, {
      email: person.body.email,
      password: 'not-the-password',
    });
    expect(guess.statusCode).toBe(401);
    expect(guess.json().message).not.toMatch(/suspended/);
    expect((await call('GET', '/auth/me', person.session.accessToken)).statusCode).toBe(401);
    const refresh = await call('POST', '/auth/refresh', undefined, {
      refreshToken: person.session.refreshToken,
    });
    expect(refresh.statusCode).toBe(401);

    await drainJobs(t.app);
    expect(await searchCount(word)).toBe(0);
    expect((await call('GET', `/public/providers/${person.profile.slug}`)).statusCode).toBe(404);

    // Twice is a clear conflict, not a second entry.
    expect(
      (await call('POST', `/admin/people/${id}/suspend`, admin.token, { reason: 'Again, by mistake' }))
        .statusCode,
    ).toBe(409);

    const back = await call('POST', `/admin/people/${id}/reinstate`, admin.token, {
      reason: 'Reviews checked: genuine',
    });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({
      suspendedAt: null,
      suspendedReason: null,
      profiles: [{ hidden: false }],
    });
    expect(back.json().audit.map((e: { action: string }) => e.action)).toEqual([
      'user.reinstated',
      'user.suspended',
    ]);
    expect((await login(person.body.email)).statusCode).toBe(200);
    await drainJobs(t.app);
    expect(await searchCount(word)).toBe(1);
    expect((await call('GET', `/public/providers/${person.profile.slug}`)).statusCode).toBe(200);
  });

  it('refuses to suspend oneself or another operator, an unknown id, or without a reason', async () => {
    const admin = await operator();
    const other = await operator();
    const person = await signUp(t.app);
    const suspend = (id: string, body: unknown) =>
      call('POST', `/admin/people/${id}/suspend`, admin.token, body);
    expect((await suspend(admin.id, { reason: 'Just testing this' })).json().message).toMatch(
      /your own account/,
    );
    expect((await suspend(other.id, { reason: 'Just testing this' })).statusCode).toBe(409);
    expect(
      (await suspend('00000000-0000-4000-8000-000000000000', { reason: 'Nobody here' })).statusCode,
    ).toBe(404);
    const noReason = await suspend(person.session.user.id, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toMatch(/reason/);
    const nul = await suspend(person.session.user.id, { reason: 'bad\u0000reason' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().message).toMatch(/NUL/);
    const mass = await suspend(person.session.user.id, { reason: 'Long enough reason', actorId: admin.id });
    expect(mass.statusCode).toBe(400);
    expect((await call('GET', '/admin/people/not-a-uuid', admin.token)).statusCode).toBe(400);
    expect((await call('GET', '/admin/people?industries=x', admin.token)).json().message).toMatch(
      /Unknown parameter: industries/,
    );
    expect((await login(person.body.email)).statusCode).toBe(200);
  });

  it('keeps an audit log operators can page through and nobody can change', async () => {
    const admin = await operator();
    const person = await signUp(t.app);
    const id = person.session.user.id;
    await call('POST', `/admin/people/${id}/suspend`, admin.token, { reason: 'First reason here' });
    await call('POST', `/admin/people/${id}/reinstate`, admin.token, { reason: 'Second reason here' });
    const log = (await call('GET', '/admin/audit-log', admin.token)).json();
    const mine = log.entries.filter((e: { targetUserId: string }) => e.targetUserId === id);
    expect(mine.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['user.reinstated', admin.id],
      ['user.suspended', admin.id],
    ]);
    expect((await call('GET', '/admin/audit-log?before=yesterday', admin.token)).statusCode).toBe(400);

    // No route edits or deletes an entry …
    const entry = mine[0].id;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expect((await call(method, `/admin/audit-log/${entry}`, admin.token, { reason: 'x' })).statusCode).toBe(
        404,
      );
    }
    // … and the database refuses it as well.
    expect(await refusal(sql`UPDATE audit_log SET reason = 'rewritten' WHERE id = ${entry}`)).toMatch(
      /append-only/,
    );
    expect(await refusal(sql`DELETE FROM audit_log WHERE id = ${entry}`)).toMatch(/append-only/);
    const again = (await call('GET', '/admin/audit-log', admin.token)).json();
    expect(again.entries.find((e: { id: string }) => e.id === entry).reason).toBe('Second reason here');
  });

  it('shows a deleted account as such, and refuses to suspend it', async () => {
    const admin = await operator();
    const person = await signUp(t.app, { name: 'Dee Parted' });
    const gone = await call('POST', '/account/delete', person.session.accessToken, {
      password: PASSWORD,
      confirmation: 'DELETE',
    });
    expect(gone.statusCode).toBeLessThan(300);
    const view = (await call('GET', `/admin/people/${person.session.user.id}`, admin.token)).json();
    expect(view).toMatchObject({ deletedAt: expect.any(String), name: 'Former member' });
    const refused = await call('POST', `/admin/people/${person.session.user.id}/suspend`, admin.token, {
      reason: 'Too late for this',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/deleted/);
  });

  it('shows a person’s recent security events: sign-ins with where from, and ended sessions', async () => {
    const admin = await operator();
    const person = await signUp(t.app);
    await call('POST', '/auth/logout', undefined, { refreshToken: person.session.refreshToken });
    // Sign-up's own link proves the address (no separate verification e-mail): ask for a reset.
    await call('POST', '/auth/password/forgot', undefined, { email: person.session.user.email });
    const view = (await call('GET', `/admin/people/${person.session.user.id}`, admin.token)).json();
    expect(view.securityEvents.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['signed_in', 'session_ended', 'reset_requested']),
    );
    expect(view).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(view)).not.toMatch(/argon2/);
  });
});
