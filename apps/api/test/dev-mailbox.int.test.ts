import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, drainJobs, PASSWORD, signUp, type TestApp } from './helpers.ts';

// The dev mailbox holds every link the app e-mails (password resets included): only the machine
// itself, or an operator, may read it.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const get = (url: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, remoteAddress, headers });

describe('the development mailbox', () => {
  it('answers on the machine itself', async () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect((await get('/dev/mailbox', address)).statusCode, address).toBe(200);
    }
  });

  it('refuses anyone else, signed in or not, and lets an operator in', async () => {
    const someone = await signUp(t.app, { name: 'Remote Reader' });
    // A password-reset e-mail, the kind of mail the mailbox must not show to just anyone.
    await t.app.inject({
      method: 'POST',
      url: '/auth/password/forgot',
      payload: { email: someone.body.email },
    });
    await drainJobs(t.app);
    const refused = await get('/dev/mailbox', '203.0.113.5');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/only on the machine the app runs on, or for an operator/);
    expect(
      (
        await get(
          `/dev/mailbox?to=${encodeURIComponent(someone.body.email)}`,
          '203.0.113.5',
          bearer(someone.session.accessToken),
        )
      ).statusCode,
    ).toBe(403);
    const list = await get('/dev/mailbox', '127.0.0.1');
    const id = list.json().messages[0].id as string; // the reset e-mail
    expect((await get(`/dev/mailbox/${id}`, '203.0.113.5')).statusCode).toBe(403);

    const admin = await signUp(t.app, { name: 'Olive Operator' });
    await t.database.db.execute(sql`UPDATE users SET roles = '{admin}' WHERE id = ${admin.session.user.id}`);
    const login = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: admin.body.email, password: PASSWORD },
    });
    const operator = bearer(login.json().accessToken as string);
    expect((await get('/dev/mailbox', '203.0.113.5', operator)).statusCode).toBe(200);
    expect((await get(`/dev/mailbox/${id}`, '203.0.113.5', operator)).statusCode).toBe(200);
  });
});
