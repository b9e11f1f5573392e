import { users } from '@handoff/db/schema';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

// Found by the bad-input fuzzer: a body refused for a `__proto__` key was called "not valid JSON", a
// text/plain body reached the schemas as a string ("expected object, received string"), and a JSON
// array or string body got zod's default words. Each now says what to fix.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const signUp = (payload: string, contentType = 'application/json') =>
  t.app.inject({ method: 'POST', url: '/auth/signup', headers: { 'content-type': contentType }, payload });

describe('request bodies that are not a JSON object', () => {
  it.each([
    ['{"__proto__":{"role":"admin"},"name":"A"}', 400, /Remove “__proto__” from the request body/],
    ['{"name":{"constructor":{"prototype":{}}}}', 400, /Remove “name.constructor”/],
    ['{"name":', 400, /^The request body is not valid JSON: /],
    ['', 400, /The request body is empty; send a JSON object/],
    ['"Ann"', 400, /^Send the request body as a JSON object$/],
    ['[1, 2]', 400, /^Send the request body as a JSON object$/],
    ['null', 400, /^Send the request body as a JSON object$/],
  ])('%s answers %i saying what to fix', async (payload, status, message) => {
    const before = await t.database.db.select({ n: count() }).from(users);
    const res = await signUp(payload);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().message).toMatch(message);
    expect(await t.database.db.select({ n: count() }).from(users)).toEqual(before);
  });

  it('a poisoned key deeper in names its path as a field', async () => {
    const res = await signUp('{"name":{"constructor":{}}}');
    expect(res.json().fields).toEqual({ 'name.constructor': 'This key is not allowed' });
  });

  it('text/plain is refused like any type that is not JSON', async () => {
    const res = await signUp('{"name":"A"}', 'text/plain');
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toBe('Send the request body as JSON (Content-Type: application/json)');
  });

  it('JSON with a charset parameter is still JSON', async () => {
    const res = await signUp('{"name":"A"}', 'application/json; charset=utf-8');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toHaveProperty('email');
  });
});
