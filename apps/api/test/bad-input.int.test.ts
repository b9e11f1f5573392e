import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, fixtureWorld, realParam, type FixtureWorld } from './fuzz/fixture-world.ts';
import { errorProblem, massAssigned, responseIssues, tableFingerprint } from './fuzz/route-checks.ts';
import {
  hostile,
  hostileString,
  massAssignment,
  RAW_INFINITY,
  valid,
  type JsonSchema,
} from './fuzz/schema-arbitrary.ts';
import { buildTestApp, type TestApp } from './helpers.ts';

// Bad input on every route of the OpenAPI document, generated from each route's own schema. Any
// 5xx, a 4xx a person cannot act on, a 2xx outside the declared response, a write on a rejected
// request or a mass-assigned field taking effect fails the route's test with fast-check's seed and
// the smallest request that does it. Reproduce with FUZZ_SEED=<seed>; FUZZ_RUNS scales the cases.

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.HANDOFF_TEST_DB === 'pglite' ? 25 : 60));
console.log(`[bad-input] seed ${SEED}, ${RUNS} runs per route (FUZZ_SEED=${SEED} to reproduce)`);

interface Parameter {
  in: 'path' | 'query';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}
interface Route {
  method: string;
  path: string;
  op: Operation;
}

// Everything is built at collection time, so each route can be a test of its own.
const t: TestApp = await buildTestApp({
  env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000000', WRITE_RATE_LIMIT_PER_MINUTE: '1000000' },
});
await t.app.ready();
const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
const routes: Route[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
);
let world: FixtureWorld;
beforeAll(async () => {
  world = await fixtureWorld(t);
}, 120_000);
/** Answers by status, printed at the end: a fuzzer whose cases all stop at 401 or 404 tests little. */
const statuses = new Map<number, number>();
const reachedBody = new Set<string>();
afterAll(async () => {
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  console.log(`[bad-input] ${total} requests: ${byStatus.join(' ')}`);
  const withBody = routes.filter((r) => r.op.requestBody).map((r) => `${r.method} ${r.path}`);
  const never = withBody.filter((r) => !reachedBody.has(r));
  console.log(
    `[bad-input] body validated or accepted on ${withBody.length - never.length}/${withBody.length} routes with a body; not: ${never.join(', ')}`,
  );
  await t.close();
});

/** One request's parts, from the route's schemas. */
function requestArbitrary(route: Route) {
  const ids = () => world.allIds;
  const params = (route.op.parameters ?? []).filter((p) => p.in === 'path');
  const query = (route.op.parameters ?? []).filter((p) => p.in === 'query');
  const bodySchema = route.op.requestBody?.content['application/json']?.schema;

  const path = fc.tuple(
    ...params.map((p) => {
      const real = realParam(world, route.method, route.path, p.name);
      // No real id at all where success would end the world's records (see realParam).
      const made = fc.oneof(valid(p.schema, real ? ids() : []), hostileString, fc.uuid());
      return real ? fc.oneof(fc.constant(real), made) : made;
    }),
  );
  const queryString = fc
    .tuple(
      fc.tuple(
        ...query.map((p) =>
          fc.option(fc.oneof(valid(p.schema, ids()), hostile(p.schema, ids())), { nil: undefined }),
        ),
      ),
      // An unknown parameter, on routes that have a query to be unknown to.
      query.length
        ? fc.option(fc.constantFrom('industries', 'pageSize', 'role', 'q[]'), { nil: undefined })
        : fc.constant(undefined),
    )
    .map(([values, unknown]) => {
      const search = new URLSearchParams();
      values.forEach((value, i) => {
        if (value !== undefined) search.append(query[i]!.name, stringify(value));
      });
      if (unknown) search.append(unknown, 'real-estate');
      return { search: search.toString(), unknown };
    });
  const body = bodySchema
    ? fc
        .tuple(
          fc.oneof(
            { weight: 1, arbitrary: valid(bodySchema, ids()) },
            { weight: 3, arbitrary: hostile(bodySchema, ids()) },
          ),
          fc.boolean(),
        )
        .map(([value, smuggle]) =>
          smuggle && value && typeof value === 'object' && !Array.isArray(value)
            ? { ...massAssignment(world.victim.id), ...value }
            : value,
        )
    : fc.constant(undefined);
  // Now and then a body that is not what the schema describes at all: broken or poisoned JSON, or
  // a JSON body sent as another content type.
  const raw = fc.oneof(
    { weight: 9, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.record({
        text: fc.constantFrom(
          '[',
          '{"a":',
          'nul',
          '{"__proto__":{"role":"admin"}}',
          '{"a":{"constructor":{}}}',
          '"x"',
        ),
        contentType: fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8'),
      }),
    },
  );
  // Signed out one time in ten: the rest reach validation as the route's own caller.
  const anonymous = fc.oneof(
    { weight: 9, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  );
  return fc.record({ path, queryString, body, raw, anonymous });
}

const stringify = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function url(route: Route, path: string[], search: string) {
  let i = 0;
  const pathname = route.path.replace(/\{[^}]+\}/g, () =>
    encodeURIComponent(String(path[i++] ?? '').replace(/[\uD800-\uDFFF]/gu, '\uFFFD')),
  );
  return search ? `${pathname}?${search}` : pathname;
}

let lastFingerprint: string | undefined;

async function check(route: Route, request: RequestCase) {
  const target = url(route, request.path, request.queryString.search);
  const payload =
    request.raw?.text ??
    (request.body === undefined
      ? undefined
      : JSON.stringify(request.body).replaceAll(`"${RAW_INFINITY}"`, '1e999'));
  const contentType = request.raw?.contentType ?? 'application/json';
  // The fingerprint taken after the previous request is this one's "before" (nothing else writes
  // between two requests: the job runner is off), so each request costs one read of every table.
  const before = (lastFingerprint ??= await tableFingerprint(t));
  const res = await t.app.inject({
    method: route.method as 'GET',
    url: target,
    headers: {
      ...(route.op.security && !request.anonymous ? callerFor(world, route.method, route.path) : {}),
      ...(payload === undefined ? {} : { 'content-type': contentType }),
    },
    ...(payload === undefined ? {} : { payload }),
  });
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  const where = `${route.method} ${target.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 400)}`;
  expect(res.statusCode, where).toBeLessThan(500);
  const json = res.body && res.headers['content-type']?.toString().includes('json') ? res.json() : undefined;
  const bodyFields = Object.keys(json?.fields ?? {}).some((f) =>
    Object.keys(route.op.requestBody?.content['application/json']?.schema.properties ?? {}).includes(
      f.split('.')[0]!,
    ),
  );
  if (res.statusCode < 300 || bodyFields) reachedBody.add(`${route.method} ${route.path}`);
  lastFingerprint = await tableFingerprint(t);
  if (res.statusCode >= 400) {
    expect(errorProblem(res.statusCode, json), where).toBeNull();
    expect(lastFingerprint, `rejected but written: ${where}`).toBe(before);
    const unknown = request.queryString.unknown;
    const queryNames = (route.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    const fields = Object.keys(json?.fields ?? {});
    // Path and body are checked before the query: when the query is what was refused, the unknown
    // parameter is named as a field of its own.
    if (
      unknown &&
      res.statusCode === 400 &&
      fields.length &&
      fields.every((f) => queryNames.includes(f) || f === unknown)
    ) {
      expect(fields, where).toContain(unknown);
    }
  } else if (res.statusCode < 300) {
    expect(route.op.responses[String(res.statusCode)], `undeclared status: ${where}`).toBeDefined();
    const declared = route.op.responses[String(res.statusCode)]?.content?.['application/json']?.schema;
    const issues = res.statusCode === 204 ? null : responseIssues(declared, json);
    expect(issues, `${where}\n${issues}`).toBeNull();
    if (!request.raw && request.body && typeof request.body === 'object') {
      const schema = route.op.requestBody?.content['application/json']?.schema;
      expect(massAssigned(request.body as Record<string, unknown>, schema, json), where).toBeNull();
    }
  }
  // An unknown query parameter is never silently ignored.
  if (request.queryString.unknown && route.op.parameters?.some((p) => p.in === 'query')) {
    expect(res.statusCode, `unknown parameter accepted: ${where}`).toBeGreaterThanOrEqual(400);
  }
}
type RequestCase = {
  path: string[];
  queryString: { search: string; unknown: string | undefined };
  body: unknown;
  raw: { text: string; contentType: string } | undefined;
  anonymous: boolean;
};

describe('bad input on every route', () => {
  it('the OpenAPI document lists the routes', () => {
    expect(routes.length).toBeGreaterThan(100);
  });

  for (const route of routes) {
    it(`${route.method} ${route.path}`, async () => {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(route), (request) => check(route, request as RequestCase)),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });
  }

  it('would see a refused request that only changed a row (the write check has teeth)', async () => {
    const before = await tableFingerprint(t);
    // The same value written back: no count changes, but the row is written again.
    await t.database.db.execute(sqlRaw(`UPDATE providers SET name = name WHERE id = '${world.victim.id}'`));
    expect(await tableFingerprint(t)).not.toBe(before);
    lastFingerprint = undefined;
  });

  it('no mass-assigned field took effect anywhere', async () => {
    const rows = (sql: string) =>
      t.database.db.execute(sqlRaw(sql)).then((r) => (r as unknown as { rows: unknown[] }).rows);
    const admins = await rows(`SELECT id FROM users WHERE 'admin' = ANY(roles)`);
    expect(admins).toEqual([{ id: world.admin.id }]);
    const victim = world.victim;
    expect(
      await rows(`SELECT id FROM job_posts WHERE owner_id = '${victim.id}' OR owner_id = '${victim.userId}'`),
    ).toEqual([]);
    expect(await rows(`SELECT id FROM bids WHERE provider_id = '${victim.id}'`)).toEqual([]);
    expect(
      await rows(`SELECT id FROM providers WHERE verified_reference_count = 9999 OR rating_avg = 4.99`),
    ).toEqual([]);
  });
});

const sqlRaw = (text: string) => sql.raw(text);
