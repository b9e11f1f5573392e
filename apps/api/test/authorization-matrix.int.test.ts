import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessRegistry, type ObjectRule, type RouteAccess } from '../src/modules/access.ts';
import { bodyFor, QUERIES } from './authorization-bodies.ts';
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

const callerFits = (access: RouteAccess, persona: Persona) =>
  access.callers.some(
    (c) => c === 'anyone' || (persona !== 'anonymous' && (c === 'signed-in' || w.roles[persona].includes(c))),
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

async function call(key: string, c: Case) {
  const method = key.slice(0, key.indexOf(' ')) as 'GET';
  const payload = bodyFor(key, w);
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

  it('showed every marker with a reader to one of its readers (so the leak scan has teeth)', () => {
    console.log(`authorization matrix: ${requests} requests over ${routes.length} routes`);
    expect(requests).toBeGreaterThan(routes.length * 3);
    const readable = w.markers.filter((m) => m.seenBy.length > 0).map((m) => m.label);
    expect(readable.filter((label) => !shown.has(label))).toEqual([]);
  });
});
