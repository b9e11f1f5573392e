import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';
import { publishedProvider, signUpOwner } from './job-post-factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const req = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  headers: Headers = {},
  payload?: object,
) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const design = { targetIncome: 200_000, hoursPerDay: 3, daysPerWeek: 5, weeksPerYear: 52 };
/** $195,000 over 780 hours: the consultant at $250 an hour. */
const consultant = { ...design, targetIncome: 195_000 };

describe('what is my hour worth (no account needed)', () => {
  it('$200,000 at 3 h × 5 d × 52 w ≈ $256.41 an hour', async () => {
    const res = await req('POST', '/time-value', {}, design);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      currency: 'USD',
      hourValue: 256.41,
      productiveHoursPerYear: 780,
      task: null,
    });
  });

  it('4 h a week of invoicing at $250/h is $1,000; a $25–50/h bookkeeper gains $800–900 a week', async () => {
    const res = await req(
      'POST',
      '/time-value',
      {},
      { ...consultant, task: { hoursPerWeek: 4, rateMin: 25, rateMax: 50 } },
    );
    expect(res.json()).toMatchObject({
      hourValue: 250,
      task: {
        ownerCostPerWeek: 1000,
        providerCostPerWeek: { min: 100, max: 200 },
        gainPerWeek: { min: 800, max: 900 },
        gainPerYear: { min: 41_600, max: 46_800 },
        worthHandingOff: true,
      },
    });
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['zero income', { targetIncome: 0 }, 'targetIncome', /more than 0/],
    ['negative days', { daysPerWeek: -2 }, 'daysPerWeek', /more than 0/],
    ['income typed as words', { targetIncome: 'a lot' }, 'targetIncome', /as a number/],
    ['25 hours a day', { hoursPerDay: 25 }, 'hoursPerDay', /A day has 24 hours/],
    ['8 days a week', { daysPerWeek: 8 }, 'daysPerWeek', /A week has 7 days/],
    ['60 weeks a year', { weeksPerYear: 60 }, 'weeksPerYear', /A year has 52 weeks/],
    ['income of ten billion', { targetIncome: 1e10 }, 'targetIncome', /at most 1,000,000,000/],
    ['a task of 0 hours', { task: { hoursPerWeek: 0, rateMin: 20 } }, 'task.hoursPerWeek', /more than 0/],
  ])('%s answers 400 naming the field', async (_what, change, field, message) => {
    const res = await req('POST', '/time-value', {}, { ...design, ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[field]).toMatch(message);
    expect(res.json().message).toMatch(message);
  });
});

describe('the owner profile', () => {
  it('is empty until saved, then keeps the figures (what was typed before sign-up) and the hour value', async () => {
    const owner = await signUpOwner(t.app);
    expect((await req('GET', '/owner/profile', owner.headers)).json()).toEqual({ profile: null });
    const saved = await req('PUT', '/owner/profile', owner.headers, { ...design, currency: 'EUR' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().profile).toMatchObject({ ...design, currency: 'EUR', hourValue: 256.41 });
    expect((await req('GET', '/owner/profile', owner.headers)).json().profile.hourValue).toBe(256.41);
    const bad = await req('PUT', '/owner/profile', owner.headers, { ...design, hoursPerDay: 30 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.hoursPerDay).toMatch(/24 hours/);
    expect((await req('GET', '/owner/profile', owner.headers)).json().profile.hoursPerDay).toBe(3);
  });

  it('is private: each account sees only its own; anonymous gets 401', async () => {
    const a = await signUpOwner(t.app);
    const b = await signUpOwner(t.app);
    await req('PUT', '/owner/profile', a.headers, design);
    expect((await req('GET', '/owner/profile', b.headers)).json()).toEqual({ profile: null });
    expect((await req('GET', '/owner/profile')).statusCode).toBe(401);
    expect((await req('PUT', '/owner/profile', {}, design)).statusCode).toBe(401);
  });
});

describe('function suggestions (no account needed)', () => {
  it.each([
    ['chasing unpaid invoices', ['bookkeeping', 'accounting']],
    ['answering the phone', ['customer-service']],
    ['doing payroll', ['payroll']],
  ])('“%s” → %s', async (q, expected) => {
    const res = await req('GET', `/taxonomy/suggest-function?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    expect(expected).toContain(res.json().suggestion.slug);
  });

  it('nonsense gets no suggestion; an empty question is a 400', async () => {
    expect((await req('GET', '/taxonomy/suggest-function?q=purple%20elephants')).json()).toEqual({
      suggestion: null,
      alternatives: [],
    });
    expect((await req('GET', '/taxonomy/suggest-function?q=')).statusCode).toBe(400);
  });
});

describe('the love / hate worksheet', () => {
  it('suggests a function for a hated task, never over the owner’s choice', async () => {
    const owner = await signUpOwner(t.app);
    const hated = await req('POST', '/owner/tasks', owner.headers, {
      feeling: 'hate',
      name: 'Answering the phone',
      hoursPerWeek: 5,
    });
    expect(hated.statusCode).toBe(201);
    expect(hated.json()).toMatchObject({
      feeling: 'hate',
      functionSlug: 'customer-service',
      functionName: 'Customer service',
      functionSource: 'suggested',
      position: 0,
      handoff: null,
    });
    const chosen = await req('PATCH', `/owner/tasks/${hated.json().id}`, owner.headers, {
      functionSlug: 'sales-support',
    });
    expect(chosen.json()).toMatchObject({ functionSlug: 'sales-support', functionSource: 'chosen' });
    // Renaming does not override a choice…
    const renamed = await req('PATCH', `/owner/tasks/${hated.json().id}`, owner.headers, {
      name: 'Doing payroll',
    });
    expect(renamed.json()).toMatchObject({
      name: 'Doing payroll',
      functionSlug: 'sales-support',
      functionSource: 'chosen',
    });
    // …until the owner drops it.
    const back = await req('PATCH', `/owner/tasks/${hated.json().id}`, owner.headers, { functionSlug: null });
    expect(back.json()).toMatchObject({ functionSlug: 'payroll', functionSource: 'suggested' });

    const loved = await req('POST', '/owner/tasks', owner.headers, {
      feeling: 'love',
      name: 'Meeting clients',
      hoursPerWeek: 10,
    });
    expect(loved.json()).toMatchObject({ functionSlug: null, functionSource: null });
    const nonsense = await req('POST', '/owner/tasks', owner.headers, {
      feeling: 'hate',
      name: 'Purple elephants',
      hoursPerWeek: 1,
    });
    expect(nonsense.json()).toMatchObject({ functionSlug: null, functionSource: null });
    const unknown = await req('POST', '/owner/tasks', owner.headers, {
      feeling: 'hate',
      name: 'Astrology',
      hoursPerWeek: 1,
      functionSlug: 'astrology',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields.functionSlug).toMatch(/no business function/);
  });

  it('shows what handing each hated task off is worth, from the hour value and providers’ typical rates', async () => {
    const owner = await signUpOwner(t.app);
    await publishedProvider(t.app, { functions: ['bookkeeping'] });
    await req('POST', '/owner/tasks', owner.headers, {
      feeling: 'hate',
      name: 'Chasing unpaid invoices',
      hoursPerWeek: 4,
    });
    await req('POST', '/owner/tasks', owner.headers, { feeling: 'love', name: 'Selling', hoursPerWeek: 20 });
    const before = (await req('GET', '/owner/tasks', owner.headers)).json();
    expect(before).toMatchObject({ hourValue: null, hoursPerWeek: { love: 20, hate: 4 } });
    expect(before.hate[0].handoff).toBeNull();

    await req('PUT', '/owner/profile', owner.headers, consultant);
    const sheet = (await req('GET', '/owner/tasks', owner.headers)).json();
    expect(sheet.hourValue).toBe(250);
    expect(sheet.love[0].handoff).toBeNull();
    const handoff = sheet.hate[0].handoff;
    expect(handoff).toMatchObject({ currency: 'USD', ownerCostPerWeek: 1000, ownerCostPerYear: 52_000 });
    // The factory's providers charge $22–35.50 an hour.
    expect(handoff.typicalRate).toEqual({ min: 22, max: 35.5 });
    expect(handoff.gainPerWeek).toEqual({ min: 858, max: 912 });
  });

  it('adds at the end of a column, reorders a column, moves a task between columns and removes it', async () => {
    const owner = await signUpOwner(t.app);
    const add = async (name: string, feeling = 'hate') =>
      (await req('POST', '/owner/tasks', owner.headers, { feeling, name, hoursPerWeek: 1 })).json();
    const a = await add('Payroll');
    const b = await add('Invoices');
    const c = await add('Phones');
    expect([a.position, b.position, c.position]).toEqual([0, 1, 2]);

    const order = await req('PUT', '/owner/tasks/order', owner.headers, {
      feeling: 'hate',
      ids: [c.id, a.id, b.id],
    });
    expect(order.statusCode).toBe(200);
    expect(order.json().hate.map((x: { id: string }) => x.id)).toEqual([c.id, a.id, b.id]);
    const partial = await req('PUT', '/owner/tasks/order', owner.headers, {
      feeling: 'hate',
      ids: [c.id, a.id],
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().fields.ids).toMatch(/every task of the hate column once/);

    const moved = await req('PATCH', `/owner/tasks/${a.id}`, owner.headers, { feeling: 'love' });
    expect(moved.json()).toMatchObject({ feeling: 'love', position: 0, functionSlug: null });
    expect((await req('DELETE', `/owner/tasks/${b.id}`, owner.headers)).statusCode).toBe(204);
    const sheet = (await req('GET', '/owner/tasks', owner.headers)).json();
    expect(sheet.love.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(sheet.hate.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });

  it('turns a hated task into a draft job from its template, once', async () => {
    const owner = await signUpOwner(t.app);
    const task = (
      await req('POST', '/owner/tasks', owner.headers, {
        feeling: 'hate',
        name: 'Chasing unpaid invoices',
        hoursPerWeek: 4,
      })
    ).json();
    const res = await req('POST', `/owner/tasks/${task.id}/job-post`, owner.headers);
    expect(res.statusCode).toBe(201);
    const job = res.json();
    expect(job).toMatchObject({
      viewer: 'owner',
      status: 'draft',
      title: 'Chasing unpaid invoices',
      functionSlug: task.functionSlug,
      hoursPerWeek: 4,
    });
    expect(job.duties.length).toBeGreaterThan(3);
    expect((await req('GET', `/owner/tasks/${task.id}`, owner.headers)).json().jobPostId).toBe(job.id);
    const again = await req('POST', `/owner/tasks/${task.id}/job-post`, owner.headers);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(job.id);
    expect((await req('GET', '/job-posts', owner.headers)).json().jobPosts).toHaveLength(1);

    const loved = (
      await req('POST', '/owner/tasks', owner.headers, { feeling: 'love', name: 'Selling', hoursPerWeek: 3 })
    ).json();
    const refused = await req('POST', `/owner/tasks/${loved.id}/job-post`, owner.headers);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/hate column/);
    const vague = (
      await req('POST', '/owner/tasks', owner.headers, {
        feeling: 'hate',
        name: 'Purple elephants',
        hoursPerWeek: 1,
      })
    ).json();
    expect(
      (await req('POST', `/owner/tasks/${vague.id}/job-post`, owner.headers)).json().fields.functionSlug,
    ).toMatch(/Choose the business function/);
  });

  it('two clicks at once on “make it a job” make one draft', async () => {
    const owner = await signUpOwner(t.app);
    const task = (
      await req('POST', '/owner/tasks', owner.headers, {
        feeling: 'hate',
        name: 'Doing payroll',
        hoursPerWeek: 2,
      })
    ).json();
    const both = await Promise.all([
      req('POST', `/owner/tasks/${task.id}/job-post`, owner.headers),
      req('POST', `/owner/tasks/${task.id}/job-post`, owner.headers),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(both[0]!.json().id).toBe(both[1]!.json().id);
    expect((await req('GET', '/job-posts', owner.headers)).json().jobPosts).toHaveLength(1);
  });

  it('is private: another owner gets 404 on every task and changes nothing; anonymous gets 401', async () => {
    const owner = await signUpOwner(t.app);
    const other = await signUpOwner(t.app);
    const task = (
      await req('POST', '/owner/tasks', owner.headers, { feeling: 'hate', name: 'Payroll', hoursPerWeek: 2 })
    ).json();
    const attempts = [
      ['GET', `/owner/tasks/${task.id}`],
      ['PATCH', `/owner/tasks/${task.id}`, { name: 'Mine now' }],
      ['DELETE', `/owner/tasks/${task.id}`],
      ['POST', `/owner/tasks/${task.id}/job-post`],
    ] as const;
    for (const [method, url, body] of attempts) {
      const res = await req(method, url, other.headers, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().message).toBe('No task with this id on your worksheet');
      expect((await req(method, url, {}, body)).statusCode).toBe(401);
    }
    const reorder = await req('PUT', '/owner/tasks/order', other.headers, {
      feeling: 'hate',
      ids: [task.id],
    });
    expect(reorder.statusCode).toBe(400);
    expect((await req('GET', '/owner/tasks', other.headers)).json().hate).toEqual([]);
    expect((await req('GET', `/owner/tasks/${task.id}`, owner.headers)).json()).toMatchObject({
      name: 'Payroll',
      jobPostId: null,
    });
    expect((await req('GET', '/job-posts', other.headers)).json().jobPosts).toEqual([]);
  });
});

describe('saved providers', () => {
  it('saves a published provider with a note, lists it with its functions, and removes it', async () => {
    const owner = await signUpOwner(t.app);
    const provider = await publishedProvider(t.app, { functions: ['payroll', 'bookkeeping'] });
    const saved = await req('POST', '/saved-providers', owner.headers, {
      providerId: provider.providerId,
      note: 'Ask about Q3',
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      providerId: provider.providerId,
      slug: provider.slug,
      note: 'Ask about Q3',
      functions: [
        { slug: 'payroll', name: 'Payroll' },
        { slug: 'bookkeeping', name: 'Bookkeeping' },
      ],
    });
    const again = await req('POST', '/saved-providers', owner.headers, {
      providerId: provider.providerId,
      note: 'Call Monday',
    });
    expect(again.statusCode).toBe(200);
    const list = (await req('GET', '/saved-providers', owner.headers)).json().providers;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ note: 'Call Monday', headline: expect.any(String) });
    expect((await req('DELETE', `/saved-providers/${provider.providerId}`, owner.headers)).statusCode).toBe(
      204,
    );
    expect((await req('GET', '/saved-providers', owner.headers)).json().providers).toEqual([]);
    expect((await req('DELETE', `/saved-providers/${provider.providerId}`, owner.headers)).statusCode).toBe(
      404,
    );
  });

  it('refuses a draft or unknown provider; each owner sees and removes only their own list', async () => {
    const owner = await signUpOwner(t.app);
    const other = await signUpOwner(t.app);
    const provider = await publishedProvider(t.app);
    const missing = await req('POST', '/saved-providers', owner.headers, { providerId: owner.id });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toMatch(/No published provider/);
    await req('POST', '/saved-providers', owner.headers, { providerId: provider.providerId });
    expect((await req('GET', '/saved-providers', other.headers)).json().providers).toEqual([]);
    expect((await req('DELETE', `/saved-providers/${provider.providerId}`, other.headers)).statusCode).toBe(
      404,
    );
    expect((await req('GET', '/saved-providers', owner.headers)).json().providers).toHaveLength(1);
    expect((await req('GET', '/saved-providers')).statusCode).toBe(401);
    // Unpublished since: off the list until it is back.
    await req('POST', `/providers/${provider.providerId}/unpublish`, provider.headers);
    expect((await req('GET', '/saved-providers', owner.headers)).json().providers).toEqual([]);
  });
});
