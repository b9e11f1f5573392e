import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TestApp } from '../helpers.ts';
import type { JsonSchema } from './schema-arbitrary.ts';

// What must hold for every answer the fuzzer gets, whatever it sent.

/**
 * Tables a refused request may still touch, and why: these are compared by row count only.
 */
const TOUCHED: Record<string, string> = {
  refresh_sessions: 'an authenticated request marks its session seen (last_seen_at), refused or not',
  __drizzle_migrations: 'the migrator’s own bookkeeping',
};

let fingerprintSql: ReturnType<typeof sql.raw> | undefined;

/**
 * A fingerprint of every table, as one string, to compare around a rejected request: its row count
 * and the newest transaction that wrote one of its rows (`xmin`: an INSERT and every UPDATE write a
 * row version stamped with their transaction), so an UPDATE shows as well as an INSERT or DELETE.
 * The statement is built once from the schema, so a table added later is covered too.
 */
export async function tableFingerprint(t: TestApp): Promise<string> {
  const rows = async (query: ReturnType<typeof sql.raw>) =>
    ((await t.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
  if (!fingerprintSql) {
    const tables = (
      await rows(
        sql.raw(`SELECT table_name AS name FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`),
      )
    ).map((r) => String(r.name));
    const part = (name: string) =>
      TOUCHED[name]
        ? `(SELECT count(*)::text FROM "${name}")`
        : `(SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM "${name}")`;
    fingerprintSql = sql.raw(`SELECT ${tables.map((n) => `${part(n)} AS "${n}"`).join(', ')}`);
  }
  const row = (await rows(fingerprintSql))[0]!;
  return Object.entries(row)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(' ');
}

/** OpenAPI 3.0 says `nullable: true` where JSON Schema (and z.fromJSONSchema) wants a null type. */
function withNulls(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withNulls);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const inner = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      key === 'properties' ? mapValues(value, withNulls) : withNulls(value),
    ]),
  );
  return nullable ? { anyOf: [inner, { type: 'null' }] } : inner;
}
const mapValues = (o: unknown, f: (v: unknown) => unknown) =>
  Object.fromEntries(Object.entries(o as Record<string, unknown>).map(([k, v]) => [k, f(v)]));

const validators = new Map<JsonSchema, z.ZodType>();
/** Checks a body against the route's declared response schema; returns the issues, if any. */
export function responseIssues(schema: JsonSchema | undefined, body: unknown): string | null {
  if (!schema) return null;
  let validator = validators.get(schema);
  if (!validator) {
    validator = z.fromJSONSchema(withNulls(schema) as Parameters<typeof z.fromJSONSchema>[0]);
    validators.set(schema, validator);
  }
  const result = validator.safeParse(body);
  return result.success
    ? null
    : JSON.stringify(result.error.issues.slice(0, 3).map((i) => ({ ...i, errors: undefined })));
}

const GENERIC = new Set(['', 'Bad Request', 'The request is not valid', 'Error']);

/** A 4xx a person can act on: a message, and for a 400 the fields it is about (or a specific message). */
export function errorProblem(status: number, body: unknown): string | null {
  const error = body as { message?: unknown; fields?: Record<string, unknown> } | null;
  if (!error || typeof error.message !== 'string' || !error.message.trim()) return 'no message';
  if (status !== 400) return null;
  const fields = error.fields ? Object.entries(error.fields) : [];
  if (fields.some(([key, message]) => !key || typeof message !== 'string' || !message))
    return 'empty field entry';
  if (!fields.length && GENERIC.has(error.message)) return 'a 400 naming nothing';
  // Defaults that say nothing a person can act on: the request as a whole "expected object", or a
  // body that is JSON called "not valid JSON".
  if (/^Invalid input/.test(String(error.fields?._ ?? ''))) return `zod's default for the whole input`;
  if (/^Body is not valid JSON/.test(error.message)) return "fastify's generic JSON message";
  return null;
}

/**
 * A mass-assigned field taking effect: the 2xx body carries the smuggled value under the same key,
 * though the route's own request schema has no such field (so it cannot have come from the caller).
 */
export function massAssigned(
  sent: Record<string, unknown>,
  requestSchema: JsonSchema | undefined,
  body: unknown,
): string | null {
  if (!body || typeof body !== 'object') return null;
  const allowed = new Set(Object.keys(requestSchema?.properties ?? {}));
  for (const [key, value] of Object.entries(sent)) {
    if (allowed.has(key)) continue;
    const echoed = (body as Record<string, unknown>)[key];
    if (echoed !== undefined && JSON.stringify(echoed) === JSON.stringify(value)) return key;
  }
  return null;
}
