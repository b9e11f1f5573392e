import { providerSlugRedirects } from '@handoff/db/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';
import { completeProfile, createProfile, signUpProvider } from './provider-factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const publicPage = (slug: string) => req('GET', `/public/providers/${slug}`);

/** A signed-up provider with a published profile called `name` at `slug`. */
async function publishedProfile(name: string, slug: string) {
  const me = await signUpProvider(t.app);
  const p = await createProfile(t.app, me.headers, completeProfile({ name, slug }));
  const res = await req('POST', `/providers/${p.id}/publish`, me.headers);
  if (res.statusCode !== 200) throw new Error(`publish failed: ${res.statusCode} ${res.body}`);
  const rename = (to: string, extra: Record<string, unknown> = {}) =>
    req('PUT', `/providers/${p.id}`, me.headers, completeProfile({ name, slug: to, ...extra }));
  return { me, id: p.id, rename };
}

/** Asserts `from` answers a permanent redirect to `to`'s api URL, and that URL shows the profile. */
async function expectMoved(from: string, to: string, name: string) {
  const res = await publicPage(from);
  expect(res.statusCode, res.body).toBe(301);
  expect(res.headers.location).toBe(`/public/providers/${to}`);
  const followed = await req('GET', String(res.headers.location));
  expect(followed.statusCode).toBe(200);
  expect(followed.json()).toMatchObject({ slug: to, name });
}

const redirectRows = (slug: string) =>
  t.database.db
    .select({ slug: providerSlugRedirects.slug, providerId: providerSlugRedirects.providerId })
    .from(providerSlugRedirects)
    .where(eq(providerSlugRedirects.slug, slug));

describe('old profile addresses', () => {
  it('answers an old slug with a 301 to the current one', async () => {
    const { id, rename } = await publishedProfile('Cedar Books', 'cedar-books');
    const res = await rename('cedar-bookkeeping');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().slug).toBe('cedar-bookkeeping');

    await expectMoved('cedar-books', 'cedar-bookkeeping', 'Cedar Books');
    expect((await publicPage('cedar-bookkeeping')).statusCode).toBe(200);
    expect(await redirectRows('cedar-books')).toEqual([{ slug: 'cedar-books', providerId: id }]);
  });

  it('collapses a chain: after A→B→C both A and B lead straight to C', async () => {
    const { rename } = await publishedProfile('Chain Desk', 'chain-a');
    expect((await rename('chain-b')).statusCode).toBe(200);
    expect((await rename('chain-c')).statusCode).toBe(200);
    await expectMoved('chain-a', 'chain-c', 'Chain Desk');
    await expectMoved('chain-b', 'chain-c', 'Chain Desk');
  });

  it('changing back to an old slug makes it current again and drops its redirect', async () => {
    const { id, rename } = await publishedProfile('Round Trip', 'round-trip');
    expect((await rename('round-trip-two')).statusCode).toBe(200);
    const back = await rename('round-trip');
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().slug).toBe('round-trip');

    expect(await redirectRows('round-trip')).toEqual([]);
    expect(await redirectRows('round-trip-two')).toEqual([{ slug: 'round-trip-two', providerId: id }]);
    const pub = await publicPage('round-trip');
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ slug: 'round-trip', name: 'Round Trip' });
    await expectMoved('round-trip-two', 'round-trip', 'Round Trip');
  });

  it('lets another profile take a slug that is only a redirect; the redirect goes', async () => {
    const first = await publishedProfile('Maple Ledger', 'maple-ledger');
    expect((await first.rename('maple-ledger-co')).statusCode).toBe(200);
    await expectMoved('maple-ledger', 'maple-ledger-co', 'Maple Ledger');

    const second = await publishedProfile('Maple Payroll', 'maple-payroll');
    const taken = await second.rename('maple-ledger');
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().slug).toBe('maple-ledger');

    expect(await redirectRows('maple-ledger')).toEqual([]);
    const pub = await publicPage('maple-ledger');
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ id: second.id, name: 'Maple Payroll' });
    // The first profile's current address is untouched, and the second one's old address leads to it.
    expect((await publicPage('maple-ledger-co')).json()).toMatchObject({ id: first.id });
    await expectMoved('maple-payroll', 'maple-ledger', 'Maple Payroll');
  });

  it('lets a new profile be created at a redirect-only slug, but never generates one', async () => {
    const old = await publishedProfile('Birch Support', 'birch-support');
    expect((await old.rename('birch-support-team')).statusCode).toBe(200);

    // A name that slugifies to the old address gets a numbered slug: the old links keep working.
    const b = await signUpProvider(t.app);
    const generated = await createProfile(t.app, b.headers, { name: 'Birch Support', kind: 'firm' });
    expect(generated.slug).toBe('birch-support-2');
    await expectMoved('birch-support', 'birch-support-team', 'Birch Support');

    // Asked for explicitly, the address is free.
    const c = await signUpProvider(t.app);
    const explicit = await createProfile(t.app, c.headers, {
      name: 'Birch Other',
      kind: 'firm',
      slug: 'birch-support',
    });
    expect(explicit.slug).toBe('birch-support');
    expect(await redirectRows('birch-support')).toEqual([]);
    // A draft now: to the public the address is simply not there.
    expect((await publicPage('birch-support')).statusCode).toBe(404);
  });

  it('hides a draft behind its old address: the same 404 as an unknown slug', async () => {
    const { me, id, rename } = await publishedProfile('Quiet Draft', 'quiet-draft');
    expect((await rename('quiet-draft-now')).statusCode).toBe(200);
    expect((await req('POST', `/providers/${id}/unpublish`, me.headers)).statusCode).toBe(200);

    const unknown = await publicPage('no-such-profile-here');
    expect(unknown.statusCode).toBe(404);
    for (const slug of ['quiet-draft', 'quiet-draft-now']) {
      const res = await publicPage(slug);
      expect(res.statusCode).toBe(404);
      expect(res.headers.location).toBeUndefined();
      expect(res.json()).toEqual(unknown.json());
      expect(res.body).not.toContain('quiet-draft-now');
    }

    // Published again, the old address leads to it again.
    expect((await req('POST', `/providers/${id}/publish`, me.headers)).statusCode).toBe(200);
    await expectMoved('quiet-draft', 'quiet-draft-now', 'Quiet Draft');
  });

  it('documents the redirect in the OpenAPI schema', async () => {
    const doc = (await req('GET', '/docs/json')).json();
    const op = doc.paths['/public/providers/{slug}'].get;
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '301', '404']));
    expect(op.responses['301'].description).toMatch(/Location/);
  });
});

describe('slug rules on the edit path', () => {
  it('still refuses a slug another profile holds now, with a message on the field', async () => {
    const holder = await publishedProfile('Held Address', 'held-address');
    const other = await publishedProfile('Wants Address', 'wants-address');
    const res = await other.rename('held-address');
    expect(res.statusCode).toBe(409);
    expect(res.json().fields?.slug).toMatch(/taken/);

    expect(await redirectRows('wants-address')).toEqual([]);
    expect((await publicPage('held-address')).json()).toMatchObject({ id: holder.id });
    expect((await publicPage('wants-address')).json()).toMatchObject({ id: other.id });
  });

  it('does not let a non-member change another profile’s slug', async () => {
    const owner = await publishedProfile('Guarded Desk', 'guarded-desk');
    const stranger = await signUpProvider(t.app);
    const res = await req(
      'PUT',
      `/providers/${owner.id}`,
      stranger.headers,
      completeProfile({ name: 'Hijacked', slug: 'guarded-desk-hijacked' }),
    );
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Guarded Desk');

    expect(await redirectRows('guarded-desk')).toEqual([]);
    expect((await publicPage('guarded-desk')).json()).toMatchObject({ name: 'Guarded Desk' });
    expect((await publicPage('guarded-desk-hijacked')).statusCode).toBe(404);
  });
});
