import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessRegistry, type ObjectRule, type RouteAccess } from '../src/modules/access.ts';
import { allowedBodyFor, bodyFor, QUERIES } from './authorization-bodies.ts';
import { buildWorld, PERSONAS, type Persona, type Subject, type World } from './authorization-world.ts';
import { buildTestApp, type TestApp } from './helpers.ts';
import { registeredRoutes } from './registered-routes.ts';

// Every route the api documents, called as every persona. A route without a declaration in its
// module's access.ts fails here, so a route added later is covered the day it lands. Refused
// callers must get 401, 403 or 404; nobody may get a 5xx; no response may carry a marker its
// reader must not see. Callers the declaration allows are called on reads only: writes by them
// would change the one shared world the other rows rely on (their own tests cover them).

/** Registered routes the OpenAPI document leaves out, each with the reason; nothing else may be missing. */
const INFRA: [RegExp, string][] = [
  [/^GET \/docs/, 'the OpenAPI UI and document (@fastify/swagger), generated from the routes themselves'],
  [/^OPTIONS \*$/, 'CORS preflight (@fastify/cors), answered before any route or account is looked at'],
];

const REFUSED = [401, 403, 404];

/**
 * Allowed writes whose body carries an e-mailed link or token: the matrix can only make one up, so
 * an allowed caller is refused by the link, not by who it is. Their refusals are checked above; their
 * own tests follow real links.
 */
const MADE_UP_LINK: Record<string, string> = {
  'POST /auth/verify-email': 'the e-mailed verification link',
  'POST /auth/signup/confirm': 'the e-mailed link that finishes a sign-up',
  'POST /auth/password/reset': 'the e-mailed reset link',
  'POST /auth/refresh': 'a refresh token',
  'POST /auth/logout': 'a refresh token',
  'POST /account/email/confirm': 'the link sent to the new address',
  'POST /account/email/undo': 'the undo link sent to the old address',
  'POST /notifications/unsubscribe': 'the signed unsubscribe link',
  'POST /admin/outbox/:id/retry': 'a failed job (the world has none; admin-outbox tests make one)',
};

/** Writes that need one particular object of the world (a draft to publish, a bid nobody made). */
const ON: Record<string, string> = {
  'POST /job-posts/:id/bids': 'A’s invite-only job (P invited)',
  'POST /job-posts/:id/publish': 'A’s draft',
  'DELETE /job-posts/:id': 'A’s second draft',
  'POST /bids/:id/decline': 'Q’s bid on A’s job',
  'POST /bids/:id/withdraw': 'Q’s bid on A’s payroll job',
  'POST /job-posts/:id/close': 'A’s invite-only job (P invited)',
};
const subjectValue = (label: string) =>
  Object.values(w.subjects)
    .flat()
    .filter((s) => s.label === label)
    .map((s) => s.value);

/**
 * Writes that end or take away what other writes use (a session, an account, a bid still open, a
 * published profile, P's single profile): run after all the others, in this order.
 */
const LAST = [
  'POST /owner/tasks',
  'POST /bids/:id/unshortlist',
  'POST /providers',
  'POST /providers/:id/unpublish',
  'POST /providers/:id/members/:userId/remove',
  'DELETE /owner/tasks/:id',
  'DELETE /saved-providers/:providerId',
  'POST /bids/:id/decline',
  'POST /bids/:id/accept',
  'POST /bids/:id/withdraw',
  'POST /engagements/:id/end',
  'POST /job-posts/:id/close',
  'DELETE /job-posts/:id',
  'POST /admin/people/:id/suspend',
  'POST /admin/people/:id/reinstate',
  'DELETE /account/sessions/:id',
  'POST /account/sessions/sign-out-others',
  'POST /account/password',
  'POST /account/delete',
];
const registry = accessRegistry();

// Read at import time from a bare app, so vitest can name one test per route.
const { routes, registered } = await (async () => {
  const t = await buildTestApp();
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const all = registeredRoutes(t.app);
  await t.close();
  return {
    routes: Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    ),
    registered: all,
  };
})();

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
}, 120_000);
afterAll(() => t.close());

/** Personas whose requests carry no live session: none, or a suspended account's old token. */
const signedOut = (persona: Persona) => persona === 'anonymous' || persona === 'suspendedS';

const callerFits = (access: RouteAccess, persona: Persona) =>
  access.callers.some(
    (c) => c === 'anyone' || (!signedOut(persona) && (c === 'signed-in' || w.roles[persona].includes(c))),
  );

const relatedTo = (rule: ObjectRule, persona: Persona, subject: Subject) =>
  rule.allowed.some((relation) =>
    relation === 'admin' ? persona === 'admin' : (subject.relations[relation]?.includes(persona) ?? false),
  );

/** One call: a persona, and the object each of the route's ids names. */
interface Case {
  persona: Persona;
  allowed: boolean;
  ids: Map<ObjectRule, Subject>;
  /** What is being tried, for the failure message. */
  label: string;
}

/**
 * Each id rule in turn is tried with every object of its kind, as every persona; the route's other
 * ids name an object that persona may use, so the refusal (or not) is the tried id's. Ids in a body
 * are sent only while they are the one tried (they are optional: "make this job from my task").
 */
function casesOf(access: RouteAccess): Case[] {
  const rules = [...(access.object ? [access.object] : []), ...(access.also ?? [])];
  if (rules.length === 0) {
    return PERSONAS.map((persona) => ({
      persona,
      allowed: callerFits(access, persona),
      ids: new Map(),
      label: persona,
    }));
  }
  return rules.flatMap((rule) =>
    w.subjects[rule.kind].flatMap((subject) =>
      PERSONAS.flatMap((persona) => {
        const ids = new Map([[rule, subject]]);
        for (const other of rules) {
          if (other === rule || other.in === 'body') continue;
          const usable = w.subjects[other.kind].find((s) => relatedTo(other, persona, s));
          if (!usable) return []; // refused on that id whatever this one is: tried on its own turn
          ids.set(other, usable);
        }
        const allowed = callerFits(access, persona) && relatedTo(rule, persona, subject);
        return [{ persona, allowed, ids, label: `${persona} with ${rule.param} = ${subject.label}` }];
      }),
    ),
  );
}

function urlFor(key: string, c: Case): string {
  const path = key.slice(key.indexOf(' ') + 1);
  const byParam = new Map(
    [...c.ids].map(([rule, subject]) => [`${rule.in ?? 'path'}:${rule.param}`, subject.value]),
  );
  const filled = path.replace(/:(\w+)/g, (_, param: string) => {
    const value = byParam.get(`path:${param}`);
    if (value === undefined)
      throw new Error(`${key}: path parameter ${param} has no rule in its declaration`);
    return encodeURIComponent(value);
  });
  const query = [...c.ids]
    .filter(([rule]) => rule.in === 'query')
    .map(([rule, subject]) => `${rule.param}=${encodeURIComponent(subject.value)}`);
  if (QUERIES[key]) query.push(QUERIES[key]);
  return query.length ? `${filled}?${query.join('&')}` : filled;
}

async function call(key: string, c: Case, payload = bodyFor(key, w)) {
  const method = key.slice(0, key.indexOf(' ')) as 'GET';
  const headers = { ...w.headers[c.persona] };
  if (payload && 'raw' in payload) headers['content-type'] = payload.contentType;
  const bodyIds = [...c.ids].filter(([rule]) => rule.in === 'body');
  const json = payload && 'json' in payload ? payload.json : bodyIds.length ? {} : undefined;
  const merged = bodyIds.length
    ? {
        ...(json as object),
        ...Object.fromEntries(bodyIds.map(([rule, subject]) => [rule.param, subject.value])),
      }
    : json;
  return t.app.inject({
    method,
    url: urlFor(key, c),
    headers,
    ...(payload && 'raw' in payload
      ? { payload: payload.raw }
      : merged !== undefined
        ? { payload: merged as object }
        : {}),
  });
}

let requests = 0;

/** Markers some allowed reader was shown: proof the markers are real and the scan can see them. */
const shown = new Set<string>();

/** The markers in a response that its reader must not see. */
function leaks(body: string, persona: Persona): string[] {
  const found = w.markers.filter((m) => body.includes(m.text));
  for (const m of found) shown.add(m.label);
  return found.filter((m) => !m.seenBy.includes(persona)).map((m) => m.label);
}

describe('authorization matrix', () => {
  it('has a declaration for every documented route, and a route for every declaration', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((key) => !registry[key])).toEqual([]);
    expect(Object.keys(registry).filter((key) => !routes.includes(key))).toEqual([]);
  });

  it('documents every registered route but the listed infrastructure', () => {
    // Both ways round: the route tree is parsed right if it holds every documented route.
    expect(routes.filter((key) => !registered.includes(key))).toEqual([]);
    const undocumented = registered.filter((key) => !routes.includes(key));
    expect(undocumented.filter((key) => !INFRA.some(([pattern]) => pattern.test(key)))).toEqual([]);
  });

  for (const key of routes) {
    const access = registry[key];
    const rules = access ? [...(access.object ? [access.object] : []), ...(access.also ?? [])] : [];
    const on = rules.map((r) => ` ${r.param}: ${r.kind} of ${r.allowed.join('|')}`).join(';');
    it(`${key} — ${access ? access.callers.join('|') : 'undeclared'}${on}`, async () => {
      if (!access) throw new Error(`${key} has no declaration: add it to its module's access.ts`);
      const write = !key.startsWith('GET ');
      const failures: string[] = [];
      for (const c of casesOf(access)) {
        if (c.allowed && write) continue;
        const res = await call(key, c);
        requests++;
        const status = res.statusCode;
        const said = `${c.label}: ${status}`;
        const body = res.body.slice(0, 160);
        if (status >= 500) failures.push(`${said} ${body}`);
        else if (!c.allowed && !REFUSED.includes(status) && status !== access.refusal?.status) {
          failures.push(`${said} where refused was due ${body}`);
        } else if (c.allowed && status >= 300) failures.push(`${said} though allowed ${body}`);
        if (!access.devOnly)
          for (const label of leaks(res.body, c.persona)) failures.push(`${said} shows ${label}`);
      }
      expect(failures).toEqual([]);
    });
  }

  // Allowed writes, once each, after every refusal above was checked on the intact world: each as
  // the first caller its declaration allows, on an object no earlier ending write used up.
  it('lets an allowed caller write, and shows that caller nothing of anyone else', async () => {
    const known = [...Object.keys(MADE_UP_LINK), ...LAST];
    expect(known.filter((key) => !registry[key])).toEqual([]);
    const writes = routes.filter((key) => !key.startsWith('GET ') && registry[key] && !MADE_UP_LINK[key]);
    const ordered = [
      ...writes.filter((key) => !LAST.includes(key)),
      ...LAST.filter((k) => writes.includes(k)),
    ];
    // Used up by an earlier write, or set aside for a later one.
    const usedUp = new Set<string>(Object.values(ON).flatMap((label) => subjectValue(label)));
    const failures: string[] = [];
    let answered = 0;
    for (const key of ordered) {
      const access = registry[key]!;
      const allowed = casesOf(access).filter((one) => one.allowed && !signedOut(one.persona));
      const c = ON[key]
        ? allowed.find((one) => [...one.ids.values()].some((s) => s.label === ON[key]))
        : (allowed.find((one) => [...one.ids.values()].every((s) => !usedUp.has(s.value))) ?? allowed[0]);
      if (!c) continue; // only a link's holder or nobody signed in may: checked above
      if (LAST.includes(key)) for (const subject of c.ids.values()) usedUp.add(subject.value);
      const res = await call(key, c, allowedBodyFor(key, w));
      requests++;
      const said = `${key} as ${c.label}: ${res.statusCode}`;
      if (res.statusCode >= 300) failures.push(`${said} ${res.body.slice(0, 160)}`);
      else answered++;
      if (!access.devOnly)
        for (const label of leaks(res.body, c.persona)) failures.push(`${said} shows ${label}`);
    }
    console.log(`authorization matrix: ${answered} allowed writes answered, their bodies scanned`);
    expect(failures).toEqual([]);
  });

  it('showed every marker with a reader to one of its readers (so the leak scan has teeth)', () => {
    console.log(`authorization matrix: ${requests} requests over ${routes.length} routes`);
    expect(requests).toBeGreaterThan(routes.length * 3);
    const readable = w.markers.filter((m) => m.seenBy.length > 0).map((m) => m.label);
    expect(readable.filter((label) => !shown.has(label))).toEqual([]);
  });
});
