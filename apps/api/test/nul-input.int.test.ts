import { users } from '@handoff/db/schema';
import { uniqueEmail } from '@handoff/db/testing';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, PASSWORD, type TestApp } from './helpers.ts';

// A NUL character cannot be stored in Postgres text; it used to reach a query and answer 500.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('a NUL character anywhere in a request', () => {
  it('in a JSON field: 400 naming the field, and nothing is written', async () => {
    const email = uniqueEmail('nul');
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/signup',
      payload: { name: 'Nul\u0000Person', email, password: PASSWORD, role: 'owner' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      message: 'Remove the NUL character from name',
      fields: { name: expect.any(String) },
    });
    const [row] = await t.database.db.select({ n: count() }).from(users).where(eq(users.email, email));
    expect(row!.n).toBe(0);
  });

  it('deep in a body or in a key: the path is named', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/reference-forms/x/draft',
      payload: { fine: 'ok', list: ['a', 'b\u0000'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('Remove the NUL character from list.1');
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
