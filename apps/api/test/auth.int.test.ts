import { createHmac, randomUUID } from 'node:crypto';
import { uniqueEmail } from '@handoff/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  drainJobs,
  manualClock,
  PASSWORD,
  signUp,
  TEST_JWT_SECRET,
  type TestApp,
} from './helpers.ts';

let t: TestApp;
const clock = manualClock();
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, payload: payload as object });

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The mail the dev mailbox holds for this address with this subject, newest first, after the outbox ran. */
async function mailTo(email: string, subject: RegExp): Promise<{ text: string; subject: string }[]> {
  await drainJobs(t.app);
  const list = (await t.app.inject({ url: `/dev/mailbox?to=${encodeURIComponent(email)}` })).json().messages;
  return Promise.all(
    list
      .filter((m: { subject: string }) => subject.test(m.subject))
      .map(async (m: { id: string }) => (await t.app.inject({ url: `/dev/mailbox/${m.id}` })).json()),
  );
}

/** The token of the newest "finish signing up" link mailed to this address, read from the e-mail. */
async function finishLink(email: string): Promise<string> {
  const [mail] = await mailTo(email, /Finish signing up/);
  const token = /\/signup\/confirm\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no sign-up link mailed to ${email}`);
  return token;
}

const person = (overrides: Record<string, unknown> = {}) => ({
  name: 'Grace Hopper',
  email: uniqueEmail('signup'),
  password: PASSWORD,
  role: 'owner',
  ...overrides,
});

describe('sign-up', () => {
  it('answers a new address and a taken one with the same 202 and the same words', async () => {
    const { body: existing } = await signUp(t.app);
    const fresh = uniqueEmail('fresh');
    const forNew = await post('/auth/signup', person({ email: fresh }));
    const forTaken = await post('/auth/signup', person({ email: existing.email.toUpperCase() }));
    expect(forNew.statusCode).toBe(202);
    expect(forTaken.statusCode).toBe(202);
    expect(forNew.json()).toEqual({
      message: `We sent a link to ${fresh}. Open it within 24 hours to finish signing up.`,
      email: fresh,
    });
    // Same body but for the address it names (given back as stored: trimmed, lower-cased).
    expect(forTaken.json()).toEqual({
      message: forNew.json().message.replace(fresh, existing.email),
      email: existing.email,
    });
    expect(Object.keys(forTaken.headers).sort()).toEqual(Object.keys(forNew.headers).sort());
  });

  it('tells a taken address’s owner by e-mail, and leaves the account as it was', async () => {
    const { body: existing, session } = await signUp(t.app, { name: 'Owner Original' });
    const res = await post(
      '/auth/signup',
      person({ email: existing.email, password: 'an-intruders-password' }),
    );
    expect(res.statusCode).toBe(202);

    const [told] = await mailTo(existing.email, /already have a Handoff account/);
    expect(told?.text).toContain('Someone (maybe you) tried to sign up');
    expect(told?.text).toMatch(/\/login/);
    expect(told?.text).toMatch(/\/forgot-password/);
    expect(await mailTo(existing.email, /Finish signing up/)).toHaveLength(0);

    // The old password still works, the one given at sign-up does not, and nothing else changed.
    expect((await post('/auth/login', { email: existing.email, password: PASSWORD })).statusCode).toBe(200);
    const intruder = await post('/auth/login', { email: existing.email, password: 'an-intruders-password' });
    expect(intruder.statusCode).toBe(401);
    const me = await t.app.inject({ url: '/auth/me', headers: bearer(session.accessToken) });
    expect(me.json().user).toMatchObject({ name: 'Owner Original', roles: ['owner'] });
  });

  it('creates nothing until the link is followed: a pending sign-up logs in like a wrong password', async () => {
    const body = person();
    expect((await post('/auth/signup', body)).statusCode).toBe(202);
    const pending = await post('/auth/login', { email: body.email, password: PASSWORD });
    const wrong = await post('/auth/login', { email: body.email, password: 'not-the-password' });
    expect(pending.statusCode).toBe(401);
    expect(pending.json()).toEqual(wrong.json());
    expect(pending.json().message).toBe('E-mail or password is wrong');
  });

  it('finishes with the e-mailed link: a verified account with both roles, signed in, and welcomed', async () => {
    const email = uniqueEmail('Both');
    const started = await post('/auth/signup', {
      name: ' Ada Lovelace ',
      email: `  ${email.toUpperCase()} `,
      password: PASSWORD,
      role: 'both',
    });
    expect(started.statusCode).toBe(202);
    expect(started.body).not.toMatch(/password|argon2|token/i);

    const [mail] = await mailTo(email.toLowerCase(), /Finish signing up/);
    expect(mail?.text).toContain('expires in 24 hours');
    const res = await post('/auth/signup/confirm', { token: await finishLink(email.toLowerCase()) });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({
      name: 'Ada Lovelace',
      email: email.toLowerCase(),
      roles: ['owner', 'provider'],
      emailVerified: true,
    });
    expect(body.accessToken).toMatch(/^ey/);
    expect(body.refreshToken.length).toBeGreaterThan(30);
    expect(res.body).not.toMatch(/password|argon2/i);

    const me = await t.app.inject({ url: '/auth/me', headers: bearer(body.accessToken) });
    expect(me.json().user.emailVerified).toBe(true);
    const notices = await t.app.inject({ url: '/notifications', headers: bearer(body.accessToken) });
    expect(JSON.stringify(notices.json())).toContain('Welcome to Handoff');
    // The link proved the address: no second "confirm your e-mail" message follows.
    expect(await mailTo(email.toLowerCase(), /Confirm your e-mail/)).toHaveLength(0);
    expect((await post('/auth/login', { email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('answers a used link 410 (log in), an expired one 410 (sign up again), a tampered one 404', async () => {
    const used = person();
    await post('/auth/signup', used);
    const token = await finishLink(used.email);
    expect((await post('/auth/signup/confirm', { token })).statusCode).toBe(201);
    const again = await post('/auth/signup/confirm', { token });
    expect(again.statusCode).toBe(410);
    expect(again.json().message).toBe('This link was already used — log in');

    const [id, signature] = token.split('.') as [string, string];
    const flipped = `${id}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const tampered = await post('/auth/signup/confirm', { token: flipped });
    expect(tampered.statusCode).toBe(404);
    expect(tampered.json().message).toMatch(/sign up again/);
    const unknown = await post('/auth/signup/confirm', { token: `${randomUUID()}.${signature}` });
    expect(unknown.statusCode).toBe(404);
    const short = await post('/auth/signup/confirm', { token: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields.token).toMatch(/incomplete/);

    const late = person();
    await post('/auth/signup', late);
    const lateToken = await finishLink(late.email);
    clock.advance(24 * 60 * 60_000 + 1_000);
    const expired = await post('/auth/signup/confirm', { token: lateToken });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().message).toBe('This link has expired — sign up again');
    expect((await post('/auth/login', { email: late.email, password: PASSWORD })).statusCode).toBe(401);
  });

  it('lets the first of two links for one address create the account; the other answers 409 (log in)', async () => {
    const email = uniqueEmail('twice');
    await post('/auth/signup', person({ email, name: 'First Try' }));
    const first = await finishLink(email);
    await post('/auth/signup', person({ email, name: 'Second Try', password: 'another-horse-battery' }));
    const second = await finishLink(email);
    expect(second).not.toBe(first);

    const won = await post('/auth/signup/confirm', { token: second });
    expect(won.statusCode).toBe(201);
    expect(won.json().user.name).toBe('Second Try');
    const lost = await post('/auth/signup/confirm', { token: first });
    expect(lost.statusCode).toBe(409);
    expect(lost.json().message).toMatch(/already exists — log in/);
    expect((await post('/auth/login', { email, password: 'another-horse-battery' })).statusCode).toBe(200);
    expect((await post('/auth/login', { email, password: PASSWORD })).statusCode).toBe(401);
  });

  it.each([
    ['a bad e-mail', { email: 'not-an-email' }, 'email', /valid e-mail/],
    ['a short password', { password: 'short' }, 'password', /at least 10 characters/],
    ['no role', { role: undefined }, 'role', /Choose/],
    ['an unknown role', { role: 'admin' }, 'role', /Choose/],
    ['an empty name', { name: '   ' }, 'name', /Enter your name/],
  ])('rejects %s with 400 naming the field', async (_label, override, field, message) => {
    const res = await post('/auth/signup', {
      name: 'X',
      email: uniqueEmail(),
      password: PASSWORD,
      role: 'owner',
      ...override,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.fields[field]).toMatch(message);
    expect(body.message).toMatch(message);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/signup',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBeTruthy();
  });
});

describe('log-in', () => {
  it('logs in with the right password and reaches /auth/me', async () => {
    const { body } = await signUp(t.app, { role: 'provider' });
    const res = await post('/auth/login', { email: body.email, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const me = await t.app.inject({
      url: '/auth/me',
      headers: { authorization: `Bearer ${res.json().accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ email: body.email, roles: ['provider'] });
  });

  it('fails with the same 401 for a wrong password and an unknown e-mail', async () => {
    const { body } = await signUp(t.app);
    const wrong = await post('/auth/login', { email: body.email, password: 'wrong-password!!' });
    const unknown = await post('/auth/login', { email: uniqueEmail('nobody'), password: PASSWORD });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe('E-mail or password is wrong');
    expect(unknown.json().message).toBe(wrong.json().message);
  });
});

describe('me', () => {
  it('refuses a request without a token', async () => {
    const res = await t.app.inject({ url: '/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/no access token/);
  });

  it('refuses a forged token', async () => {
    const { session } = await signUp(t.app);
    const [h, p] = session.accessToken.split('.');
    const res = await t.app.inject({
      url: '/auth/me',
      headers: { authorization: `Bearer ${h}.${p}.forged` },
    });
    expect(res.statusCode).toBe(401);
  });

  it('refuses an expired access token', async () => {
    const { session } = await signUp(t.app);
    const past = Math.floor(Date.now() / 1000) - 3600;
    const claims = { sub: session.user.id, roles: ['owner' as const], sid: randomUUID(), iat: past };
    const expired = t.app.jwt.sign(claims, { expiresIn: 60 });
    const res = await t.app.inject({ url: '/auth/me', headers: { authorization: `Bearer ${expired}` } });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/expired/);
  });
});

describe('access tokens are pinned', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const hs256 = (claims: object) => {
    const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
    return `${head}.${createHmac('sha256', TEST_JWT_SECRET).update(head).digest('base64url')}`;
  };
  const me = (token: string) =>
    t.app.inject({ url: '/auth/me', headers: { authorization: `Bearer ${token}` } });

  it('carries our issuer and audience, and its own still works', async () => {
    const { session } = await signUp(t.app);
    const [, payload] = session.accessToken.split('.');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({
      iss: 'handoff',
      aud: 'handoff-api',
    });
    expect((await me(session.accessToken)).statusCode).toBe(200);
  });

  it('refuses alg none, another algorithm, another audience or issuer, and a missing audience', async () => {
    const { session } = await signUp(t.app);
    const [, payload] = session.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const hs512 = createHmac('sha512', TEST_JWT_SECRET)
      .update(`${b64({ alg: 'HS512', typ: 'JWT' })}.${payload}`)
      .digest('base64url');
    const tokens = {
      'alg none': unsigned,
      'alg HS512 with our secret': `${b64({ alg: 'HS512', typ: 'JWT' })}.${payload}.${hs512}`,
      'another audience': hs256({ ...claims, aud: 'someone-else' }),
      'another issuer': hs256({ ...claims, iss: 'evil' }),
    };
    for (const [what, token] of Object.entries(tokens)) {
      const res = await me(token);
      expect(res.statusCode, what).toBe(401);
    }
    // Signed with our secret and algorithm but without aud / iss (an older or foreign token).
    const { aud: _aud, iss: _iss, ...bare } = claims;
    expect((await me(hs256(bare))).statusCode).toBe(401);
    // The same claims signed the same way do pass: what failed above was the claim, not the signing.
    expect((await me(hs256(claims))).statusCode).toBe(200);
  });
});

describe('refresh', () => {
  it('rotates: the new token works, the spent one does not', async () => {
    const { session } = await signUp(t.app);
    const first = await post('/auth/refresh', { refreshToken: session.refreshToken });
    expect(first.statusCode).toBe(200);
    const rotated = first.json();
    expect(rotated.refreshToken).not.toBe(session.refreshToken);
    expect(rotated.user.id).toBe(session.user.id);
    const second = await post('/auth/refresh', { refreshToken: rotated.refreshToken });
    expect(second.statusCode).toBe(200);
  });

  it('detects reuse of a spent token and revokes the whole family', async () => {
    const { session } = await signUp(t.app);
    const rotated = (await post('/auth/refresh', { refreshToken: session.refreshToken })).json();
    // An attacker replays the spent token…
    const replay = await post('/auth/refresh', { refreshToken: session.refreshToken });
    expect(replay.statusCode).toBe(401);
    // …so the legitimate holder's newer token is dead too.
    const victim = await post('/auth/refresh', { refreshToken: rotated.refreshToken });
    expect(victim.statusCode).toBe(401);
    expect(victim.json().message).toMatch(/session has ended/);
  });

  it('does not let one family’s reuse end another session of the same user', async () => {
    const { body, session } = await signUp(t.app);
    const other = (await post('/auth/login', { email: body.email, password: PASSWORD })).json();
    await post('/auth/refresh', { refreshToken: session.refreshToken });
    await post('/auth/refresh', { refreshToken: session.refreshToken });
    expect((await post('/auth/refresh', { refreshToken: other.refreshToken })).statusCode).toBe(200);
  });

  it('refuses an expired refresh token', async () => {
    const { session } = await signUp(t.app);
    clock.advance(31 * 86_400_000);
    try {
      const res = await post('/auth/refresh', { refreshToken: session.refreshToken });
      expect(res.statusCode).toBe(401);
    } finally {
      clock.advance(-31 * 86_400_000);
    }
  });

  it('refuses an unknown token and a malformed body', async () => {
    expect((await post('/auth/refresh', { refreshToken: 'x'.repeat(43) })).statusCode).toBe(401);
    const bad = await post('/auth/refresh', {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.refreshToken).toBeTruthy();
  });
});

describe('logout', () => {
  it('ends the session: its refresh token stops working', async () => {
    const { session } = await signUp(t.app);
    const res = await post('/auth/logout', { refreshToken: session.refreshToken });
    expect(res.statusCode).toBe(204);
    expect((await post('/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(401);
  });

  it('only ends the session whose token was presented', async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    await post('/auth/logout', { refreshToken: a.session.refreshToken });
    expect((await post('/auth/refresh', { refreshToken: b.session.refreshToken })).statusCode).toBe(200);
  });
});
