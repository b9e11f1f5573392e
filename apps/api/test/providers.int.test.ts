import { providerMembers } from '@handoff/db/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';
import { completeProfile, createProfile, JPEG, PNG, signUpProvider } from './provider-factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const upload = (id: string, headers: Headers, contentType: string, body: Buffer | string) =>
  t.app.inject({
    method: 'PUT',
    url: `/providers/${id}/logo`,
    headers: { ...headers, 'content-type': contentType },
    payload: body,
  });

describe('creating and editing a profile', () => {
  it('creates a draft owned by the caller, with a slug made from the name', async () => {
    const me = await signUpProvider(t.app);
    const res = await req('POST', '/providers', me.headers, { name: 'Zoë & Co. Books', kind: 'firm' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ slug: 'zoe-co-books', status: 'draft', role: 'owner', functions: [] });
    expect(body.missingForPublish.map((m: { field: string }) => m.field)).toEqual(
      expect.arrayContaining(['headline', 'bio', 'functions', 'industries', 'rateMin', 'timezone']),
    );
    const mine = (await req('GET', '/providers/mine', me.headers)).json();
    expect(mine.providers.map((p: { id: string }) => p.id)).toEqual([body.id]);
  });

  it('numbers a taken slug from the same name and refuses a taken slug asked for explicitly', async () => {
    const a = await signUpProvider(t.app);
    const b = await signUpProvider(t.app);
    const first = await createProfile(t.app, a.headers, { name: 'Harbor Ledger', kind: 'firm' });
    const second = await createProfile(t.app, b.headers, { name: 'Harbor Ledger', kind: 'firm' });
    expect([first.slug, second.slug]).toEqual(['harbor-ledger', 'harbor-ledger-2']);
    const taken = await req('POST', '/providers', b.headers, {
      name: 'Other',
      kind: 'firm',
      slug: 'harbor-ledger',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().fields.slug).toMatch(/taken/);
  });

  it('stores every field and reads it back; PUT replaces the profile and keeps an absent slug', async () => {
    const me = await signUpProvider(t.app);
    const created = await createProfile(t.app, me.headers);
    const got = (await req('GET', `/providers/${created.id}`, me.headers)).json();
    expect(got).toMatchObject({
      name: 'Keystone Realty Support',
      kind: 'firm',
      rateMin: 22,
      rateMax: 35.5,
      languages: ['en', 'es'],
      timezone: 'America/Chicago',
      industries: [{ slug: 'real-estate', name: 'Real estate' }],
      references: [{ email: 'dana.whitfield@acme-realty.example', period: { from: '2023-02', to: null } }],
      missingForPublish: [],
    });
    expect(got.functions[0]).toMatchObject({ slug: 'customer-service', name: 'Customer service' });
    expect(got.packages[0]).toMatchObject({ price: 1450, billing: 'monthly' });

    const put = await req(
      'PUT',
      `/providers/${created.id}`,
      me.headers,
      completeProfile({ headline: 'Tenant and buyer enquiries answered in minutes', references: [] }),
    );
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      slug: created.slug,
      references: [],
      packages: [{ name: 'Inbox and phones' }],
    });
  });
});

describe('validation', () => {
  let me: { headers: Headers };
  let id: string;
  beforeAll(async () => {
    me = await signUpProvider(t.app);
    id = (await createProfile(t.app, me.headers)).id;
  });

  const fn = (duties: string[], slug = 'customer-service') => [{ slug, duties, customDuties: [] }];
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a slug with capitals and spaces', { slug: 'My Slug' }, 'slug', /lower-case letters/],
    ['a reserved slug', { slug: 'search' }, 'slug', /reserved/],
    ['rateMin above rateMax', { rateMin: 90, rateMax: 40 }, 'rateMax', /cannot be below/],
    ['a negative rate', { rateMin: -5 }, 'rateMin', /at least 1/],
    [
      'an unknown function',
      { functions: fn([], 'astrology'), references: [], packages: [] },
      'functions.0.slug',
      /no business function/,
    ],
    [
      'a duty from another function',
      { functions: fn(['Run payroll every two weeks']), references: [], packages: [] },
      'functions.0.duties.0',
      /not one of the Customer service duties/,
    ],
    ['an unknown industry', { industries: ['space-mining'] }, 'industries.0', /no industry/],
    ['a time zone that does not exist', { timezone: 'Mars/Olympus_Mons' }, 'timezone', /IANA/],
    ['a language that is not ISO 639-1', { languages: ['english'] }, 'languages.0', /ISO 639-1/],
    ['a country that is not ISO 3166', { country: 'XX' }, 'country', /ISO 3166/],
    ['an http website', { website: 'http://plain.example' }, 'website', /https:\/\//],
    ['a javascript: website', { website: 'javascript:alert(1)' }, 'website', /https:\/\//],
    ['an unknown kind', { kind: 'agency' }, 'kind', /freelancer, virtual assistant or firm/],
    ['an unknown currency', { currency: 'BTC' }, 'currency', /Choose one of USD/],
    ['a headline too long', { headline: 'x'.repeat(141) }, 'headline', /at most 140/],
    [
      'a package duty the profile does not cover',
      { packages: [{ name: 'Payroll', price: 100, billing: 'fixed', duties: ['Run payroll'] }] },
      'packages.0.duties.0',
      /not among the duties/,
    ],
    [
      'a package price of zero',
      { packages: [{ name: 'Free', price: 0, billing: 'fixed' }] },
      'packages.0.price',
      /more than 0/,
    ],
    [
      'a reference for a function not on the profile',
      {
        references: [
          {
            name: 'Al Ray',
            email: 'al@x.example',
            company: 'X',
            role: 'Owner',
            period: { from: '2024-01' },
            function: 'payroll',
          },
        ],
      },
      'references.0.function',
      /functions on your profile/,
    ],
    [
      'a reference with a bad e-mail',
      {
        references: [
          {
            name: 'Al Ray',
            email: 'not-an-email',
            company: 'X',
            role: 'Owner',
            period: { from: '2024-01' },
            function: 'customer-service',
          },
        ],
      },
      'references.0.email',
      /valid e-mail/,
    ],
    [
      'a reference period ending before it starts',
      {
        references: [
          {
            name: 'Al Ray',
            email: 'al@x.example',
            company: 'X',
            role: 'Owner',
            period: { from: '2024-05', to: '2023-01' },
            function: 'customer-service',
          },
        ],
      },
      'references.0.period.to',
      /before the start/,
    ],
  ])('rejects %s with a message on the field', async (_label, patch, field, message) => {
    for (const [method, url] of [
      ['POST', '/providers'],
      ['PUT', `/providers/${id}`],
    ] as const) {
      const res = await req(method, url, me.headers, completeProfile(patch));
      expect(res.statusCode, `${method} ${res.body}`).toBe(400);
      expect(res.json().fields?.[field], res.body).toMatch(message);
    }
  });

  it('answers a body that is not JSON or not an object with a 4xx, never a 5xx', async () => {
    for (const payload of ['not json', '[]', 'null', '{"name": {"$gt": ""}}']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/providers',
        headers: { ...me.headers, 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
  });
});

describe('publishing', () => {
  it('saves a draft with no provider type yet, then names the type among everything publishing needs', async () => {
    const me = await signUpProvider(t.app);
    const created = await req('POST', '/providers', me.headers, { name: 'Undecided Books' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: null, status: 'draft' });
    const res = await req('POST', `/providers/${created.json().id}/publish`, me.headers);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields)).toEqual(
      expect.arrayContaining(['kind', 'headline', 'bio', 'functions', 'industries', 'country']),
    );
    expect(res.json().fields.kind).toMatch(/freelancer, a virtual assistant or a firm/);
    const stored = (await req('GET', `/providers/${created.json().id}`, me.headers)).json();
    expect(stored.missingForPublish.map((m: { field: string }) => m.field)).toContain('kind');
  });

  it('refuses an incomplete profile and says which fields are missing', async () => {
    const me = await signUpProvider(t.app);
    const draft = await createProfile(t.app, me.headers, {
      name: 'Half Done',
      kind: 'freelancer',
      headline: 'Short',
    });
    const res = await req('POST', `/providers/${draft.id}/publish`, me.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/Complete your profile before publishing: headline, bio, functions/);
    expect(res.json().fields).toMatchObject({
      headline: expect.stringMatching(/at least 10/),
      country: expect.any(String),
    });
  });

  it('publishes, serves the public page without reference contacts, and unpublishes', async () => {
    const me = await signUpProvider(t.app);
    const p = await createProfile(t.app, me.headers, completeProfile({ name: 'Public Face Partners' }));
    expect((await req('GET', `/public/providers/${p.slug}`)).statusCode).toBe(404);

    const published = await req('POST', `/providers/${p.id}/publish`, me.headers);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) });

    const pub = await req('GET', `/public/providers/${p.slug}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ name: 'Public Face Partners' });
    // Contacts the provider typed are not listed: none of them has confirmed anything.
    expect(pub.json()).not.toHaveProperty('references');
    expect(pub.body).not.toContain('Acme Realty');
    expect(pub.body).not.toContain('dana.whitfield@acme-realty.example');
    expect(pub.body).not.toContain('Dana Whitfield');
    expect(pub.json()).not.toHaveProperty('status');

    const incomplete = await req(
      'PUT',
      `/providers/${p.id}`,
      me.headers,
      completeProfile({ functions: [], packages: [], references: [] }),
    );
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().message).toMatch(/must stay complete/);

    expect((await req('POST', `/providers/${p.id}/unpublish`, me.headers)).json().status).toBe('draft');
    expect((await req('GET', `/public/providers/${p.slug}`)).statusCode).toBe(404);
  });
});

describe('authorization', () => {
  it('needs a log-in, and a provider role to create', async () => {
    expect((await req('POST', '/providers', {}, completeProfile())).statusCode).toBe(401);
    const owner = await signUpProvider(t.app, 'owner');
    const res = await req('POST', '/providers', owner.headers, completeProfile());
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/Only provider accounts/);
  });

  it('lets only members read, edit, publish, unpublish and upload; others get 404 and learn nothing', async () => {
    const owner = await signUpProvider(t.app);
    const other = await signUpProvider(t.app);
    const p = await createProfile(t.app, owner.headers);
    const attempts = [
      req('GET', `/providers/${p.id}`, other.headers),
      req('PUT', `/providers/${p.id}`, other.headers, completeProfile({ name: 'Hijacked' })),
      req('POST', `/providers/${p.id}/publish`, other.headers),
      req('POST', `/providers/${p.id}/unpublish`, other.headers),
      upload(p.id, other.headers, 'image/png', PNG),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.body).not.toContain('Keystone');
    }
    expect((await req('GET', '/providers/mine', other.headers)).json().providers).toEqual([]);
    const mine = (await req('GET', `/providers/${p.id}`, owner.headers)).json();
    expect(mine).toMatchObject({ name: 'Keystone Realty Support', status: 'draft' });
  });

  it('lets a second member of a firm edit it', async () => {
    const owner = await signUpProvider(t.app);
    const colleague = await signUpProvider(t.app);
    const p = await createProfile(t.app, owner.headers);
    await t.database.db
      .insert(providerMembers)
      .values({ providerId: p.id, userId: colleague.id, role: 'member' });
    const res = await req(
      'PUT',
      `/providers/${p.id}`,
      colleague.headers,
      completeProfile({ name: 'Keystone Two' }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Keystone Two', role: 'member' });
  });
});

describe('logo', () => {
  let me: { headers: Headers };
  let id: string;
  beforeAll(async () => {
    me = await signUpProvider(t.app);
    id = (await createProfile(t.app, me.headers)).id;
  });

  it('stores a PNG, shows it to members while a draft and to everyone once published', async () => {
    const res = await upload(id, me.headers, 'image/png', PNG);
    expect(res.statusCode, res.body).toBe(200);
    const { logoUrl } = res.json();
    expect(logoUrl).toMatch(new RegExp(`^/providers/${id}/logo\\?v=[0-9a-f]{16}$`));
    expect((await req('GET', `/providers/${id}`, me.headers)).json().logoUrl).toBe(logoUrl);

    expect((await req('GET', logoUrl)).statusCode).toBe(404);
    const own = await req('GET', logoUrl, me.headers);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PNG)).toBe(true);
    expect(own.headers['cache-control']).toBe('private, no-cache');

    await req('POST', `/providers/${id}/publish`, me.headers);
    const pub = await req('GET', logoUrl);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe('image/png');
    expect(pub.headers['x-content-type-options']).toBe('nosniff');
    expect(pub.headers['cache-control']).toContain('immutable');
    const again = await t.app.inject({
      url: logoUrl,
      headers: { 'if-none-match': String(pub.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it.each<[string, string, Buffer | string, number, RegExp]>([
    ['a GIF', 'image/gif', Buffer.from('GIF89a....'), 400, /PNG, JPEG or WebP/],
    [
      'an SVG',
      'image/svg+xml',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      400,
      /PNG, JPEG or WebP/,
    ],
    [
      'a fake PNG (HTML with a PNG type)',
      'image/png',
      '<html><script>alert(1)</script></html>',
      400,
      /not a real PNG/,
    ],
    ['a JPEG sent as PNG', 'image/png', JPEG, 400, /JPEG image but was sent as PNG/],
    ['an empty image', 'image/webp', Buffer.alloc(0), 400, /./],
    [
      'a file over 1 MB',
      'image/png',
      Buffer.concat([PNG, Buffer.alloc(1_048_577 - PNG.length)]),
      413,
      /larger than 1 MB/,
    ],
    ['a text body', 'text/plain', 'hello', 415, /Send the image file itself/],
    ['an octet stream', 'application/octet-stream', PNG, 415, /image\/png, image\/jpeg or image\/webp/],
    ['a JSON body', 'application/json', '{"logo":"x"}', 400, /Send the image file itself/],
  ])('refuses %s with a field message', async (_label, type, body, status, message) => {
    const res = await upload(id, me.headers, type, body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().fields?.logo ?? res.json().message).toMatch(message);
  });
});
