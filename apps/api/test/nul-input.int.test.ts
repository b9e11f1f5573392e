import { signUps, users } from '@handoff/db/schema';
import { uniqueEmail } from '@handoff/db/testing';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, PASSWORD, type TestApp } from './helpers.ts';
import { completeProfile, signUpProvider } from './provider-factory.ts';

// A NUL character cannot be stored in Postgres text; it used to reach a query and answer 500.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('a NUL character anywhere in a request', () => {
  it('in a field its schema already checks: that schema’s own 400, and nothing is written', async () => {
    const email = uniqueEmail('nul');
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/signup',
      payload: { name: 'Nul\u0000Person', email, password: PASSWORD, role: 'owner' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toHaveProperty('name');
    const [row] = await t.database.db.select({ n: count() }).from(users).where(eq(users.email, email));
    expect(row!.n).toBe(0);
    const [pending] = await t.database.db
      .select({ n: count() })
      .from(signUps)
      .where(eq(signUps.email, email));
    expect(pending!.n).toBe(0);
  });

  it('in any other field, however deep: 400 naming its path, and nothing is written', async () => {
    const provider = await signUpProvider(t.app);
    const body = completeProfile({ name: 'Nul\u0000Desk' });
    const named = await t.app.inject({
      method: 'POST',
      url: '/providers',
      headers: provider.headers,
      payload: body,
    });
    expect(named.statusCode).toBe(400);
    expect(named.json()).toMatchObject({
      message: 'Remove the NUL character from name',
      fields: { name: expect.any(String) },
    });
    const deep = completeProfile();
    (deep.functions as { customDuties: string[] }[])[0]!.customDuties = ['Book showings\u0000'];
    const res = await t.app.inject({
      method: 'POST',
      url: '/providers',
      headers: provider.headers,
      payload: deep,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('Remove the NUL character from functions.0.customDuties.0');
    const mine = await t.app.inject({ method: 'GET', url: '/providers/mine', headers: provider.headers });
    expect(mine.json().providers).toEqual([]);
  });

  it('in a path parameter or a query string: 400, not 500', async () => {
    for (const url of [
      '/public/providers/abc%00def',
      '/search/providers?q=books%00',
      '/reference-forms/a%00b',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toMatch(/NUL character/);
    }
  });
});
