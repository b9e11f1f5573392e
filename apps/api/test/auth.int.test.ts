import { createHmac, randomUUID } from 'node:crypto';
import { uniqueEmail } from '@handoff/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, manualClock, PASSWORD, signUp, TEST_JWT_SECRET, type TestApp } from './helpers.ts';

let t: TestApp;
const clock = manualClock();
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, payload: payload as object });

describe('sign-up', () => {
  it('creates an account with both roles and returns a session without secrets', async () => {
    const email = uniqueEmail('Both');
    const res = await post('/auth/signup', {
      name: ' Ada Lovelace ',
      email: `  ${email.toUpperCase()} `,
      password: PASSWORD,
      role: 'both',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({
      name: 'Ada Lovelace',
      email: email.toLowerCase(),
      roles: ['owner', 'provider'],
      emailVerified: false,
    });
    expect(body.accessToken).toMatch(/^ey/);
    expect(body.refreshToken.length).toBeGreaterThan(30);
    expect(res.body).not.toMatch(/password|argon2/i);
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

  it('rejects a duplicate e-mail, whatever its case, with 409', async () => {
    const { body } = await signUp(t.app);
    const res = await post('/auth/signup', {
      ...body,
      email: body.email.toUpperCase(),
      name: 'Someone else',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      message: expect.stringMatching(/already exists/),
      fields: { email: expect.any(String) },
    });
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
