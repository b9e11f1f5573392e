import { uniqueEmail } from '@handoff/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, drainJobs, manualClock, PASSWORD, signUp, type TestApp } from './helpers.ts';

let t: TestApp;
const clock = manualClock();
beforeAll(async () => {
  t = await buildTestApp({ clock, env: { PUBLIC_APP_URL: 'http://web.example.test' } });
});
afterAll(() => t.close());

const post = (url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

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

/**
 * Sign-up's own link proves the address, so the accounts it makes are verified. Accounts made before
 * that (and seeded ones) are not: they still ask for a verification link, as this one does.
 */
async function unverifiedAccount() {
  const made = await signUp(t.app);
  await t.database.db.execute(
    sql`UPDATE users SET email_verified_at = NULL WHERE id = ${made.session.user.id}`,
  );
  return made;
}
const resend = (accessToken: string) => post('/auth/verify-email/resend', undefined, bearer(accessToken));

describe('e-mail verification', () => {
  it('sends one verification e-mail through the outbox; its link verifies once', async () => {
    const { body, session } = await unverifiedAccount();
    expect((await resend(session.accessToken)).statusCode).toBe(202);
    expect(await mailTo(body.email, /Confirm/)).toHaveLength(0); // nothing is sent inside the request
    await drainJobs(t.app);
    await drainJobs(t.app);
    const mails = await mailTo(body.email, /Confirm your e-mail/);
    expect(mails).toHaveLength(1);
    expect(mails[0].html).toContain('Confirm my e-mail');
    expect(mails[0].text).toContain('http://web.example.test/verify-email?token=');
    const token = tokenIn(mails[0].text, 'verify-email')!;

    const ok = await post('/auth/verify-email', { token });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.emailVerified).toBe(true);
    const me = await t.app.inject({ url: '/auth/me', headers: bearer(session.accessToken) });
    expect(me.json().user.emailVerified).toBe(true);

    const again = await post('/auth/verify-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toMatch(/invalid, expired or already used/);
  });

  it('rejects a tampered token and an expired one', async () => {
    const { body, session } = await unverifiedAccount();
    await resend(session.accessToken);
    await drainJobs(t.app);
    const token = tokenIn((await mailTo(body.email, /Confirm/))[0].text, 'verify-email')!;
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await post('/auth/verify-email', { token: tampered })).statusCode).toBe(400);
    clock.advance(8 * 86_400_000);
    try {
      expect((await post('/auth/verify-email', { token })).statusCode).toBe(400);
    } finally {
      clock.advance(-8 * 86_400_000);
    }
  });

  it('resends a link only to the signed-in user', async () => {
    expect((await post('/auth/verify-email/resend')).statusCode).toBe(401);
    const { body, session } = await unverifiedAccount();
    expect((await resend(session.accessToken)).statusCode).toBe(202);
    expect((await resend(session.accessToken)).statusCode).toBe(202);
    await drainJobs(t.app);
    expect(await mailTo(body.email, /Confirm/)).toHaveLength(2);
  });

  it('sends nothing to an account whose sign-up link already proved its address', async () => {
    const { body, session } = await signUp(t.app);
    expect(session.user.emailVerified).toBe(true);
    expect((await resend(session.accessToken)).statusCode).toBe(202);
    await drainJobs(t.app);
    expect(await mailTo(body.email, /Confirm/)).toHaveLength(0);
  });

  it('answers a malformed token with a 400 that says what to do', async () => {
    const res = await post('/auth/verify-email', { token: 'short' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.token).toMatch(/incomplete/);
  });
});

describe('password reset', () => {
  it('gives the same answer for unknown and known addresses, and mails only the known one', async () => {
    const { body } = await signUp(t.app);
    const stranger = uniqueEmail('stranger');
    const known = await post('/auth/password/forgot', { email: body.email });
    const unknown = await post('/auth/password/forgot', { email: stranger });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    await drainJobs(t.app);
    expect(await mailTo(body.email, /Reset your Handoff password/)).toHaveLength(1);
    expect(await mailTo(stranger, /./)).toHaveLength(0);
  });

  it('sets a new password with a single-use link, logs out every device and notifies the user', async () => {
    const { body, session } = await signUp(t.app);
    await post('/auth/password/forgot', { email: body.email });
    await drainJobs(t.app);
    const token = tokenIn((await mailTo(body.email, /Reset/))[0].text, 'reset-password')!;
    const newPassword = 'a-brand-new-password';

    expect((await post('/auth/password/reset', { token, password: 'short' })).json().fields.password).toMatch(
      /10 characters/,
    );
    const res = await post('/auth/password/reset', { token, password: newPassword });
    expect(res.statusCode).toBe(200);
    expect((await post('/auth/password/reset', { token, password: 'yet-another-password' })).statusCode).toBe(
      400,
    );

    expect((await post('/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(401);
    // Access tokens issued before the reset stop working at once, not when they expire.
    const stale = await t.app.inject({ url: '/auth/me', headers: bearer(session.accessToken) });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().message).toMatch(/session has ended/);
    expect((await post('/auth/login', { email: body.email, password: PASSWORD })).statusCode).toBe(401);
    clock.advance(1000); // the test clock stands still; a person logs in a moment later
    const login = await post('/auth/login', { email: body.email, password: newPassword });
    expect(login.statusCode).toBe(200);

    const list = (
      await t.app.inject({ url: '/notifications', headers: bearer(login.json().accessToken) })
    ).json();
    expect(list.notifications[0]).toMatchObject({
      kind: 'account.security',
      title: 'Your password was changed',
      read: false,
    });
    // Security notifications are always e-mailed.
    await drainJobs(t.app);
    const [security] = await mailTo(body.email, /Your password was changed/);
    expect(security).toBeTruthy();
    // It cannot be turned off, so it offers no unsubscribe link that would fail, only settings.
    expect(security.text).not.toMatch(/Unsubscribe/);
    expect(security.text).toMatch(/Notification settings: /);
  });

  it('expires reset links after an hour', async () => {
    const { body } = await signUp(t.app);
    await post('/auth/password/forgot', { email: body.email });
    await drainJobs(t.app);
    const token = tokenIn((await mailTo(body.email, /Reset/))[0].text, 'reset-password')!;
    clock.advance(61 * 60_000);
    try {
      expect(
        (await post('/auth/password/reset', { token, password: 'another-long-password' })).statusCode,
      ).toBe(400);
    } finally {
      clock.advance(-61 * 60_000);
    }
  });
});

describe('notifications', () => {
  it('lists only the user’s own notifications, counts unread, marks read', async () => {
    const a = await signUp(t.app, { role: 'provider' });
    const b = await signUp(t.app);
    const list = (
      await t.app.inject({ url: '/notifications', headers: bearer(a.session.accessToken) })
    ).json();
    expect(list.unread).toBe(1);
    expect(list.notifications).toHaveLength(1);
    expect(list.notifications[0]).toMatchObject({
      kind: 'account.welcome',
      title: 'Welcome to Handoff',
      link: '/dashboard',
    });
    const id = list.notifications[0].id;

    // Someone else cannot read or mark it.
    const others = (
      await t.app.inject({ url: '/notifications', headers: bearer(b.session.accessToken) })
    ).json();
    expect(others.notifications.map((n: { id: string }) => n.id)).not.toContain(id);
    expect(
      (await post(`/notifications/${id}/read`, undefined, bearer(b.session.accessToken))).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({ url: '/notifications/unread-count', headers: bearer(a.session.accessToken) })
      ).json().unread,
    ).toBe(1);

    expect(
      (await post(`/notifications/${id}/read`, undefined, bearer(a.session.accessToken))).statusCode,
    ).toBe(204);
    expect(
      (
        await t.app.inject({ url: '/notifications/unread-count', headers: bearer(a.session.accessToken) })
      ).json().unread,
    ).toBe(0);
    expect((await t.app.inject({ url: '/notifications' })).statusCode).toBe(401);
    expect(
      (await post('/notifications/not-a-uuid/read', undefined, bearer(a.session.accessToken))).statusCode,
    ).toBe(400);
  });

  it('follows e-mail settings: welcome mail is off by default, on when chosen; security cannot be turned off', async () => {
    const { session } = await signUp(t.app);
    const headers = bearer(session.accessToken);
    const prefs = (await t.app.inject({ url: '/notifications/preferences', headers })).json().preferences;
    expect(prefs.find((p: { kind: string }) => p.kind === 'account.welcome')).toMatchObject({
      email: false,
      required: false,
    });
    const off = await t.app.inject({
      method: 'PUT',
      url: '/notifications/preferences',
      headers,
      payload: { email: { 'account.security': false } },
    });
    expect(off.statusCode).toBe(400);
    expect(off.json().message).toMatch(/cannot be turned off/);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/notifications/preferences',
      headers,
      payload: { email: { nonsense: true } },
    });
    expect(bad.statusCode).toBe(400);
    const on = await t.app.inject({
      method: 'PUT',
      url: '/notifications/preferences',
      headers,
      payload: { email: { 'account.welcome': true } },
    });
    expect(on.json().preferences.find((p: { kind: string }) => p.kind === 'account.welcome').email).toBe(
      true,
    );
  });

  it('shows each role the notification settings that concern it', async () => {
    const kindsOf = async (role: 'owner' | 'provider' | 'both') => {
      const { session } = await signUp(t.app, { role });
      const res = await t.app.inject({
        url: '/notifications/preferences',
        headers: bearer(session.accessToken),
      });
      return (res.json().preferences as { kind: string }[]).map((p) => p.kind);
    };
    const owner = await kindsOf('owner');
    expect(owner).toEqual(expect.arrayContaining(['account.security', 'bid.received', 'message.received']));
    expect(owner).not.toContain('provider.member-joined');
    expect(owner).not.toContain('job.new-match');
    const provider = await kindsOf('provider');
    expect(provider).toEqual(
      expect.arrayContaining(['provider.member-joined', 'job.invitation', 'bid.accepted']),
    );
    expect(provider).not.toContain('bid.received');
    const both = await kindsOf('both');
    expect(both).toEqual(expect.arrayContaining(['bid.received', 'provider.member-joined']));
  });

  it('sends a notification e-mail with a one-click unsubscribe link that works without logging in', async () => {
    const { body, session } = await signUp(t.app);
    const headers = bearer(session.accessToken);
    await t.app.inject({
      method: 'PUT',
      url: '/notifications/preferences',
      headers,
      payload: { email: { 'account.welcome': true } },
    });
    // The welcome notification's e-mail job runs after the opt-in, so it is sent.
    await drainJobs(t.app);
    const [mail] = await mailTo(body.email, /Welcome to Handoff$/);
    expect(mail.text).toMatch(/Unsubscribe: http:\/\/web\.example\.test\/notifications\/unsubscribe\?/);
    const link = new URL(/Unsubscribe: (\S+)/.exec(mail.text)![1]!);
    const [u, k, s] = ['u', 'k', 's'].map((p) => link.searchParams.get(p) ?? '') as [string, string, string];
    expect((await post('/notifications/unsubscribe', { u, k, s: s.slice(0, -1) + 'x' })).statusCode).toBe(
      400,
    );
    const res = await post('/notifications/unsubscribe', { u, k, s });
    expect(res.statusCode).toBe(200);
    const prefs = (await t.app.inject({ url: '/notifications/preferences', headers })).json().preferences;
    expect(prefs.find((p: { kind: string }) => p.kind === 'account.welcome').email).toBe(false);
  });
});

describe('operator view', () => {
  it('is for admins only, and shows the outbox with failed jobs and their errors', async () => {
    const owner = await signUp(t.app);
    expect((await t.app.inject({ url: '/admin/jobs' })).statusCode).toBe(401);
    const forbidden = await t.app.inject({ url: '/admin/jobs', headers: bearer(owner.session.accessToken) });
    expect(forbidden.statusCode).toBe(403);
    expect(
      (await post('/admin/outbox/1/retry', undefined, bearer(owner.session.accessToken))).statusCode,
    ).toBe(403);

    const admin = await signUp(t.app);
    await t.database.db.execute(sql`UPDATE users SET roles = '{admin}' WHERE email = ${admin.body.email}`);
    const token = (await post('/auth/login', { email: admin.body.email, password: PASSWORD })).json()
      .accessToken;
    await t.database.db.execute(
      sql`UPDATE outbox SET status = 'failed', last_error = 'Error: 550 no such mailbox' WHERE id = (SELECT max(id) FROM outbox)`,
    );
    const view = await t.app.inject({ url: '/admin/jobs?status=failed', headers: bearer(token) });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ mode: 'in-process', queue: null });
    const failed = view.json().outbox.jobs[0];
    expect(failed).toMatchObject({ status: 'failed', lastError: 'Error: 550 no such mailbox' });
    const retry = await post(`/admin/outbox/${failed.id}/retry`, undefined, bearer(token));
    expect(retry.statusCode).toBe(200);
    expect((await post(`/admin/outbox/${failed.id}/retry`, undefined, bearer(token))).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/admin/jobs?status=bogus', headers: bearer(token) })).statusCode).toBe(
      400,
    );
  });
});

describe('dev mailbox', () => {
  it('does not exist in production or when mail goes out over SMTP', async () => {
    const smtp = await buildTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
    try {
      expect((await smtp.app.inject({ url: '/dev/mailbox' })).statusCode).toBe(404);
    } finally {
      await smtp.close();
    }
  });
});
