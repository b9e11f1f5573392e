import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessRegistry, type RouteAccess } from '../src/modules/access.ts';
import { bodyFor, QUERIES } from './authorization-bodies.ts';
import { buildWorld, PERSONAS, type Persona, type Subject, type World } from './authorization-world.ts';
import { buildTestApp, type TestApp } from './helpers.ts';

// Every route the api documents, called as every persona. A route without a declaration in its
// module's access.ts fails here, so a route added later is covered the day it lands. Refused
// callers must get 401, 403 or 404; nobody may get a 5xx; no response may carry a marker its
// reader must not see. Callers the declaration allows are called on reads only: writes by them
// would change the one shared world the other rows rely on (their own tests cover them).

/** Routes left out of the matrix, each with the reason. */
const INFRA: Record<string, string> = {
  // @fastify/swagger hides its own /docs routes from the document; listed for the reader.
  'GET /docs': 'the OpenAPI UI and document, generated from the routes themselves',
};

const REFUSED = [401, 403, 404];
const registry = accessRegistry();

// Read at import time from a bare app, so vitest can name one test per route.
const documented = await (async () => {
  const t = await buildTestApp();
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  await t.close();
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
})();
const routes = documented.filter((key) => !INFRA[key]);

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
}, 120_000);
afterAll(() => t.close());

/** Whether the declaration lets this persona call the route on this object. */
function mayCall(access: RouteAccess, persona: Persona, subject: Subject | undefined): boolean {
  const roles = w.roles[persona];
  const caller = access.callers.some(
    (c) => c === 'anyone' || (persona !== 'anonymous' && (c === 'signed-in' || roles.includes(c))),
  );
  if (!caller || !access.object || !subject) return caller;
  return access.object.allowed.some((relation) =>
    relation === 'admin' ? persona === 'admin' : (subject.relations[relation]?.includes(persona) ?? false),
  );
}

function urlFor(key: string, access: RouteAccess, subject: Subject | undefined): string {
  const path = key.slice(key.indexOf(' ') + 1);
  const object = access.object;
  const filled = path.replace(/:(\w+)/g, (_, param: string) => {
    if (object?.param === param && object.in !== 'query') return encodeURIComponent(subject!.value);
    const kind = access.with?.[param];
    if (!kind) throw new Error(`${key}: path parameter ${param} has no kind in its declaration`);
    return encodeURIComponent(w.subjects[kind][0]!.value);
  });
  const query = [
    ...(object?.in === 'query' ? [`${object.param}=${subject!.value}`] : []),
    ...(QUERIES[key] ? [QUERIES[key]] : []),
  ];
  return query.length ? `${filled}?${query.join('&')}` : filled;
}

async function call(key: string, access: RouteAccess, persona: Persona, subject: Subject | undefined) {
  const method = key.slice(0, key.indexOf(' ')) as 'GET';
  const payload = bodyFor(key, w);
  const headers = { ...w.headers[persona] };
  if (payload && 'raw' in payload) headers['content-type'] = payload.contentType;
  return t.app.inject({
    method,
    url: urlFor(key, access, subject),
    headers,
    ...(payload ? { payload: 'raw' in payload ? payload.raw : (payload.json as object) } : {}),
  });
}

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
    expect(Object.keys(registry).filter((key) => !documented.includes(key))).toEqual([]);
  });

  for (const key of routes) {
    const access = registry[key];
    const who = access
      ? `${access.callers.join('|')}${access.object ? ` on ${access.object.kind} of ${access.object.allowed.join('|')}` : ''}`
      : 'undeclared';
    it(`${key} — ${who}`, async () => {
      if (!access) throw new Error(`${key} has no declaration: add it to its module's access.ts`);
      const write = !key.startsWith('GET ');
      const failures: string[] = [];
      const subjects = access.object ? w.subjects[access.object.kind] : [undefined];
      for (const subject of subjects)
        for (const persona of PERSONAS) {
          const allowed = mayCall(access, persona, subject);
          if (allowed && write) continue;
          const res = await call(key, access, persona, subject);
          const status = res.statusCode;
          const said = `${persona}${subject ? ` on ${subject.label}` : ''}: ${status}`;
          const body = res.body.slice(0, 160);
          if (status >= 500) failures.push(`${said} ${body}`);
          else if (!allowed && !REFUSED.includes(status) && status !== access.refusal?.status) {
            failures.push(`${said} where refused was due ${body}`);
          } else if (allowed && status >= 300) failures.push(`${said} though allowed ${body}`);
          if (!access.devOnly)
            for (const label of leaks(res.body, persona)) failures.push(`${said} shows ${label}`);
        }
      expect(failures).toEqual([]);
    });
  }

  it('showed every marker with a reader to one of its readers (so the leak scan has teeth)', () => {
    const readable = w.markers.filter((m) => m.seenBy.length > 0).map((m) => m.label);
    expect(readable.filter((label) => !shown.has(label))).toEqual([]);
  });
});
