import { uniqueEmail } from '@handoff/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, drainJobs, manualClock, PASSWORD, signUp, type TestApp } from './helpers.ts';
import { completeProfile } from './provider-factory.ts';

let t: TestApp;
const clock = manualClock();
beforeAll(async () => {
  t = await buildTestApp({ clock, env: { PUBLIC_APP_URL: 'http://web.example.test' } });
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
const me = (token: string) => call('GET', '/auth/me', token);
const refresh = (refreshToken: string) => call('POST', '/auth/refresh', undefined, { refreshToken });
const logIn = (email: string, password = PASSWORD, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/auth/login', headers, payload: { email, password } });

async function mailTo(email: string, subject: RegExp) {
  const list = (await t.app.inject({ url: `/dev/mailbox?to=${encodeURIComponent(email)}` })).json().messages;
  return Promise.all(
    list
      .filter((m: { subject: string }) => subject.test(m.subject))
      .map(async (m: { id: string }) => (await t.app.inject({ url: `/dev/mailbox/${m.id}` })).json()),
  );
}
const tokenIn = (text: string, path: string) =>
  new RegExp(`${path}\\?token=([0-9a-f-]{36}\\.[A-Za-z0-9_-]+)`).exec(text)?.[1];

/** Runs the outbox and returns the link token in the newest mail with this subject. */
async function linkFrom(email: string, subject: RegExp, path: string): Promise<string> {
  await drainJobs(t.app);
  const [mail] = await mailTo(email, subject);
  const token = mail ? tokenIn(mail.text, path) : undefined;
  if (!token) throw new Error(`no ${path} link mailed to ${email}`);
  return token;
}

describe('signed-in only', () => {
  it.each([
    ['GET', '/account'],
    ['PATCH', '/account'],
    ['POST', '/account/email'],
    ['POST', '/account/password'],
    ['POST', '/account/roles'],
    ['GET', '/account/sessions'],
    ['DELETE', '/account/sessions/7b0a0f7e-8a43-4a6e-9d1c-1f0f0b0e0a01'],
    ['POST', '/account/sessions/sign-out-others'],
  ] as const)('%s %s answers 401 without a token', async (method, url) => {
    const res = await call(method, url, undefined, method === 'GET' || method === 'DELETE' ? undefined : {});
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/Log in/);
  });
});

describe('name', () => {
  it('changes the name, trimmed', async () => {
    const { session } = await signUp(t.app);
    const res = await call('PATCH', '/account', session.accessToken, { name: '  Ada King  ' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.name).toBe('Ada King');
    expect((await me(session.accessToken)).json().user.name).toBe('Ada King');
  });

  it.each([
    ['empty', '   ', /Enter your name/],
    ['too long', 'x'.repeat(121), /at most 120/],
    ['a NUL character', 'Ada\u0000King', /letters, digits/],
    ['a line break', 'Ada\nKing', /letters, digits/],
  ])('refuses a name that is %s with a 400 naming the field', async (_label, name, message) => {
    const { session } = await signUp(t.app);
    const res = await call('PATCH', '/account', session.accessToken, { name });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.name).toMatch(message);
  });

  it('refuses a NUL character at sign-up too (a 400, not a database error)', async () => {
    const res = await call('POST', '/auth/signup', undefined, {
      name: 'Nul\u0000Person',
      email: uniqueEmail(),
      password: PASSWORD,
      role: 'owner',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.name).toBeTruthy();
  });
});

describe('e-mail change', () => {
  it('asks for the password, confirms through a link to the new address and tells the old one', async () => {
    const { body, session } = await signUp(t.app);
    const next = uniqueEmail('next');
    const wrong = await call('POST', '/account/email', session.accessToken, {
      email: next,
      password: 'nope',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields.password).toMatch(/not your current password/);
    const same = await call('POST', '/account/email', session.accessToken, {
      email: body.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(same.json().fields.email).toMatch(/already your e-mail/);

    const asked = await call('POST', '/account/email', session.accessToken, {
      email: next,
      password: PASSWORD,
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({ pendingEmail: next, message: expect.stringContaining(next) });
    // Nothing changes until the link is opened.
    const pending = (await call('GET', '/account', session.accessToken)).json();
    expect(pending).toMatchObject({ user: { email: body.email }, pendingEmail: next });

    const token = await linkFrom(next, /Confirm your new e-mail/, 'confirm-email-change');
    const confirmed = await call('POST', '/account/email/confirm', undefined, { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().user).toMatchObject({ email: next, emailVerified: true });
    expect((await call('GET', '/account', session.accessToken)).json().pendingEmail).toBeNull();
    // The link works once.
    const again = await call('POST', '/account/email/confirm', undefined, { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toMatch(/invalid, expired or already used/);

    expect((await logIn(next)).statusCode).toBe(200);
    expect((await logIn(body.email)).statusCode).toBe(401);
    const [told] = await (async () => {
      await drainJobs(t.app);
      return mailTo(body.email, /e-mail address was changed/);
    })();
    expect(told.text).toContain(next);
    expect(told.text).toContain('http://web.example.test/undo-email-change?token=');
  });

  it('is refused while another account holds the address, when asked and when confirmed', async () => {
    const { session } = await signUp(t.app);
    const other = await signUp(t.app);
    const taken = await call('POST', '/account/email', session.accessToken, {
      email: other.body.email,
      password: PASSWORD,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toMatch(/Another Handoff account uses/);
    expect(taken.json().fields.email).toBeTruthy();

    // Free when asked, taken by a sign-up before the link is opened.
    const wanted = uniqueEmail('wanted');
    await call('POST', '/account/email', session.accessToken, { email: wanted, password: PASSWORD });
    const token = await linkFrom(wanted, /Confirm your new e-mail/, 'confirm-email-change');
    await signUp(t.app, { email: wanted });
    const late = await call('POST', '/account/email/confirm', undefined, { token });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/Another Handoff account uses/);
    expect((await me(session.accessToken)).json().user.email).not.toBe(wanted);
  });

  it('only the newest request’s link works', async () => {
    const { session } = await signUp(t.app);
    const first = uniqueEmail('first');
    const second = uniqueEmail('second');
    await call('POST', '/account/email', session.accessToken, { email: first, password: PASSWORD });
    const oldToken = await linkFrom(first, /Confirm/, 'confirm-email-change');
    await call('POST', '/account/email', session.accessToken, { email: second, password: PASSWORD });
    expect((await call('POST', '/account/email/confirm', undefined, { token: oldToken })).statusCode).toBe(
      400,
    );
  });

  it('undo puts the old address back once, ends every session and the other address’s links', async () => {
    const { body, session } = await signUp(t.app);
    const next = uniqueEmail('hijack');
    const other = (await logIn(body.email)).json();
    await call('POST', '/account/email', session.accessToken, { email: next, password: PASSWORD });
    const confirm = await linkFrom(next, /Confirm your new e-mail/, 'confirm-email-change');
    await call('POST', '/account/email/confirm', undefined, { token: confirm });
    // Whoever holds the new address asks for a reset link: undoing must kill it too.
    await call('POST', '/auth/password/forgot', undefined, { email: next });
    const reset = await linkFrom(next, /Reset your Handoff password/, 'reset-password');
    const undo = await linkFrom(body.email, /e-mail address was changed/, 'undo-email-change');

    const tampered = undo.slice(0, -2) + (undo.endsWith('AA') ? 'BB' : 'AA');
    expect((await call('POST', '/account/email/undo', undefined, { token: tampered })).statusCode).toBe(400);
    clock.advance(1000);
    const undone = await call('POST', '/account/email/undo', undefined, { token: undo });
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ email: body.email, message: expect.stringMatching(/logged out/) });
    const twice = await call('POST', '/account/email/undo', undefined, { token: undo });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toMatch(/already used/);

    for (const s of [session, other]) {
      expect((await me(s.accessToken)).statusCode).toBe(401);
      expect((await refresh(s.refreshToken)).statusCode).toBe(401);
    }
    expect(
      (
        await call('POST', '/auth/password/reset', undefined, {
          token: reset,
          password: 'taken-over-password',
        })
      ).statusCode,
    ).toBe(400);
    clock.advance(1000);
    const back = await logIn(body.email);
    expect(back.statusCode).toBe(200);
    expect(back.json().user).toMatchObject({ email: body.email, emailVerified: true });
  });

  it('undo links expire after 7 days', async () => {
    const { body, session } = await signUp(t.app);
    const next = uniqueEmail('later');
    await call('POST', '/account/email', session.accessToken, { email: next, password: PASSWORD });
    await call('POST', '/account/email/confirm', undefined, {
      token: await linkFrom(next, /Confirm/, 'confirm-email-change'),
    });
    const undo = await linkFrom(body.email, /e-mail address was changed/, 'undo-email-change');
    clock.advance(7 * 86_400_000 + 60_000);
    try {
      expect((await call('POST', '/account/email/undo', undefined, { token: undo })).statusCode).toBe(400);
    } finally {
      clock.advance(-(7 * 86_400_000 + 60_000));
    }
  });

  it('answers malformed input with 400s that say what to fix', async () => {
    const { session } = await signUp(t.app);
    const bad = await call('POST', '/account/email', session.accessToken, {
      email: 'nope',
      password: PASSWORD,
    });
    expect(bad.json().fields.email).toMatch(/valid e-mail/);
    const missing = await call('POST', '/account/email', session.accessToken, { email: uniqueEmail() });
    expect(missing.json().fields.password).toMatch(/current password/);
    const short = await call('POST', '/account/email/confirm', undefined, { token: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields.token).toMatch(/incomplete/);
  });
});

describe('password change', () => {
  it('needs the current password, keeps this session and ends the others’ refresh and access tokens', async () => {
    const { body, session } = await signUp(t.app);
    const other = (await logIn(body.email)).json();
    const newPassword = 'another-long-password';

    const wrong = await call('POST', '/account/password', session.accessToken, {
      currentPassword: 'not-it-at-all',
      newPassword,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields.currentPassword).toMatch(/not your current password/);
    const short = await call('POST', '/account/password', session.accessToken, {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(short.json().fields.newPassword).toMatch(/at least 10/);
    const same = await call('POST', '/account/password', session.accessToken, {
      currentPassword: PASSWORD,
      newPassword: PASSWORD,
    });
    expect(same.json().fields.newPassword).toMatch(/different/);

    const ok = await call('POST', '/account/password', session.accessToken, {
      currentPassword: PASSWORD,
      newPassword,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().message).toMatch(/every other device/);

    expect((await me(session.accessToken)).statusCode).toBe(200);
    expect((await refresh(session.refreshToken)).statusCode).toBe(200);
    const stale = await me(other.accessToken);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().message).toMatch(/session has ended/);
    expect((await refresh(other.refreshToken)).statusCode).toBe(401);
    // The ended session cannot change the password back either.
    const fromStale = await call('POST', '/account/password', other.accessToken, {
      currentPassword: newPassword,
      newPassword: PASSWORD,
    });
    expect(fromStale.statusCode).toBe(401);

    expect((await logIn(body.email)).statusCode).toBe(401);
    expect((await logIn(body.email, newPassword)).statusCode).toBe(200);
    await drainJobs(t.app);
    const [mail] = await mailTo(body.email, /Your password was changed/);
    expect(mail.text).toMatch(/every other device was logged out/);
  });
});

describe('sessions', () => {
  const chrome =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
  const iphone =
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

  it('lists each signed-in device with its browser, network and last seen, this one first', async () => {
    const { body } = await signUp(t.app);
    const laptop = (await logIn(body.email, PASSWORD, { 'user-agent': chrome })).json();
    clock.advance(5 * 60_000);
    const phone = (await logIn(body.email, PASSWORD, { 'user-agent': iphone })).json();
    clock.advance(5 * 60_000);
    const res = await call('GET', '/account/sessions', laptop.accessToken);
    expect(res.statusCode).toBe(200);
    const { sessions } = res.json();
    expect(sessions).toHaveLength(3); // sign-up, laptop, phone
    expect(sessions[0]).toMatchObject({
      current: true,
      browser: 'Chrome 156',
      os: 'Linux',
      deviceType: 'desktop',
      network: '127.0.0.0/8 (this machine)',
    });
    // Using the laptop bumped its last-seen time, so it is now the newest.
    expect(Date.parse(sessions[0].lastSeenAt)).toBeGreaterThan(Date.parse(sessions[0].signedInAt));
    expect(sessions[1]).toMatchObject({
      current: false,
      browser: 'Safari 17',
      os: 'iOS 17.4',
      deviceType: 'mobile',
    });
    expect(res.body).not.toMatch(/token|127\.0\.0\.1"/i);

    // Refreshing keeps the session (and its sign-in time), it does not add one.
    const rotated = (await refresh(phone.refreshToken)).json();
    const after = (await call('GET', '/account/sessions', rotated.accessToken)).json().sessions;
    expect(after).toHaveLength(3);
    expect(after.find((s: { current: boolean }) => s.current).signedInAt).toBe(sessions[1].signedInAt);
  });

  it('signs out one session: its refresh and access tokens stop working', async () => {
    const { body, session } = await signUp(t.app);
    const other = (await logIn(body.email)).json();
    const list = (await call('GET', '/account/sessions', session.accessToken)).json().sessions;
    const target = list.find((s: { current: boolean }) => !s.current);
    const res = await call('DELETE', `/account/sessions/${target.id}`, session.accessToken);
    expect(res.statusCode).toBe(204);
    expect((await me(other.accessToken)).statusCode).toBe(401);
    expect((await refresh(other.refreshToken)).statusCode).toBe(401);
    expect((await me(session.accessToken)).statusCode).toBe(200);
    const again = await call('DELETE', `/account/sessions/${target.id}`, session.accessToken);
    expect(again.statusCode).toBe(404);
    expect((await call('GET', '/account/sessions', session.accessToken)).json().sessions).toHaveLength(1);
  });

  it('cannot sign out another user’s session, and says so without revealing it', async () => {
    const mallory = await signUp(t.app);
    const victim = await signUp(t.app);
    const [victimSession] = (await call('GET', '/account/sessions', victim.session.accessToken)).json()
      .sessions;
    const res = await call('DELETE', `/account/sessions/${victimSession.id}`, mallory.session.accessToken);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/not one of yours/);
    expect((await me(victim.session.accessToken)).statusCode).toBe(200);
    expect((await refresh(victim.session.refreshToken)).statusCode).toBe(200);
    // Nor see it.
    const own = (await call('GET', '/account/sessions', mallory.session.accessToken)).json().sessions;
    expect(own.map((s: { id: string }) => s.id)).not.toContain(victimSession.id);
    const bad = await call('DELETE', '/account/sessions/not-a-uuid', mallory.session.accessToken);
    expect(bad.statusCode).toBe(400);
  });

  it('signs out every other session at once', async () => {
    const { body, session } = await signUp(t.app);
    const others = [(await logIn(body.email)).json(), (await logIn(body.email)).json()];
    const res = await call('POST', '/account/sessions/sign-out-others', session.accessToken);
    expect(res.json()).toMatchObject({ ended: 2, message: 'Signed out 2 other sessions.' });
    for (const o of others) {
      expect((await me(o.accessToken)).statusCode).toBe(401);
      expect((await refresh(o.refreshToken)).statusCode).toBe(401);
    }
    expect((await me(session.accessToken)).statusCode).toBe(200);
    const none = await call('POST', '/account/sessions/sign-out-others', session.accessToken);
    expect(none.json()).toMatchObject({ ended: 0, message: 'No other device was signed in.' });
  });

  it('logging out ends the access token with the refresh token', async () => {
    const { session } = await signUp(t.app);
    await call('POST', '/auth/logout', undefined, { refreshToken: session.refreshToken });
    expect((await me(session.accessToken)).statusCode).toBe(401);
  });
});

describe('adding the other role', () => {
  it('an owner becomes a provider at once, with the same access token', async () => {
    const { session } = await signUp(t.app, { role: 'owner' });
    const before = await call('POST', '/providers', session.accessToken, completeProfile());
    expect(before.statusCode).toBe(403);
    const res = await call('POST', '/account/roles', session.accessToken, { role: 'provider' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.roles).toEqual(['owner', 'provider']);
    const after = await call('POST', '/providers', session.accessToken, completeProfile());
    expect(after.statusCode).toBe(201);
    // Adding it again changes nothing; a refreshed token carries both roles.
    expect(
      (await call('POST', '/account/roles', session.accessToken, { role: 'provider' })).json().user.roles,
    ).toEqual(['owner', 'provider']);
    const rotated = (await refresh(session.refreshToken)).json();
    const claims = JSON.parse(Buffer.from(rotated.accessToken.split('.')[1], 'base64url').toString());
    expect(claims.roles).toEqual(['owner', 'provider']);
  });

  it('a provider starts hiring', async () => {
    const { session } = await signUp(t.app, { role: 'provider' });
    const res = await call('POST', '/account/roles', session.accessToken, { role: 'owner' });
    expect(res.json().user.roles).toEqual(['provider', 'owner']);
    // The same token is answered as an owner now: the owners' notification kinds are offered.
    const prefs = (await call('GET', '/notifications/preferences', session.accessToken)).json().preferences;
    expect(prefs.map((p: { kind: string }) => p.kind)).toContain('bid.received');
  });

  it('cannot make anyone an operator', async () => {
    const { session } = await signUp(t.app);
    const res = await call('POST', '/account/roles', session.accessToken, { role: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.role).toMatch(/Choose/);
    expect((await me(session.accessToken)).json().user.roles).toEqual(['owner']);
  });
});
