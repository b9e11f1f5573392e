import fc from 'fast-check';

// fast-check arbitraries generated from the OpenAPI (JSON Schema) of a route: mostly values that
// look valid, so validation goes deep, with one or more parts swapped for something hostile.

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  default?: unknown;
}

/** Characters with a meaning to SQL, LIKE, tsquery and Meilisearch filter strings. */
export const METACHARACTERS = [
  "'",
  '"',
  ';',
  '--',
  '%',
  '_',
  '\\',
  '*',
  '(',
  ')',
  ':',
  '=',
  ' AND ',
  ' OR ',
  "' OR '1'='1",
  "x'; DROP TABLE users; --",
  '%_%\\',
  'a:b = "c" AND (d OR e)',
  '!&|<->',
];

export const HUGE = 'x'.repeat(100_000);

const UNICODE = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0008\u001b\u007f',
  '\r\n\t',
  '\u202eevil',
  '\ufeff',
  '\ud800',
  '😀👩‍👩‍👧',
  'Ŝtràñgé ß',
  '　',
  '',
  ' ',
];

/** Values JSON cannot carry as numbers get here as strings, or as `1e999` (Infinity) via RAW_INFINITY. */
export const RAW_INFINITY = '__raw_infinity__';
const BAD_NUMBERS: unknown[] = [
  -1,
  0,
  -0.5,
  0.5,
  1.5e300,
  -1e300,
  2 ** 53 + 1,
  2 ** 31,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '12abc',
  RAW_INFINITY,
];

/** Fields an attacker would add to get a role, someone else's record or a better rating. */
export function massAssignment(victimId: string) {
  return {
    role: 'admin',
    roles: ['admin'],
    owner: victimId,
    ownerId: victimId,
    status: 'filled',
    rating: 4.99,
    ratingAvg: 4.99,
    verifiedReferenceCount: 9999,
    providerId: victimId,
    userId: victimId,
  };
}

export const hostileString = fc.oneof(
  fc.constantFrom(...METACHARACTERS),
  fc.constantFrom(...UNICODE),
  fc.constant(HUGE),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(fc.constantFrom(...METACHARACTERS), fc.constantFrom(...UNICODE)).map(([a, b]) => a + b),
);

const wrongType = fc.constantFrom<unknown>(123, -7.5, true, null, [], {}, 'text', [1, 'a'], { a: 1 });

const types = (s: JsonSchema) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** A value that satisfies the simple parts of the schema (patterns are left to chance). */
export function valid(schema: JsonSchema, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valid(s, ids, depth)));
  if (schema.allOf?.length) return valid(Object.assign({}, ...schema.allOf), ids, depth);
  const type = types(schema).find((t) => t !== 'null') ?? (schema.properties ? 'object' : 'string');
  switch (type) {
    case 'string':
      return validString(schema, ids);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1) + 1;
      const max = Math.max(min, schema.maximum ?? (schema.exclusiveMaximum ?? min + 1001) - 1);
      return type === 'integer'
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 2 ** 31)) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(depth > 3 ? fc.constant('x') : valid(schema.items ?? {}, ids, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
      });
    case 'object':
      return object(schema, (s) => (depth > 3 ? fc.constant(null) : valid(s, ids, depth + 1)), true);
    default:
      return fc.constant(null);
  }
}

function validString(schema: JsonSchema, ids: string[]): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
    case 'url':
      return fc.webUrl();
  }
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 30, 30)) });
}

/** A value that breaks the schema somewhere (or is valid, now and then). */
export function hostile(schema: JsonSchema, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const type = types(schema).find((t) => t !== 'null');
  const leaf: fc.Arbitrary<unknown>[] = [wrongType, hostileString];
  if (type === 'integer' || type === 'number') leaf.push(fc.constantFrom(...BAD_NUMBERS));
  if (depth > 3) return fc.oneof(...leaf);
  if (type === 'object' || schema.properties) {
    const inside = (s: JsonSchema) =>
      fc.oneof(
        { weight: 4, arbitrary: valid(s, ids, depth + 1) },
        { weight: 1, arbitrary: hostile(s, ids, depth + 1) },
      );
    return fc.oneof(
      { weight: 1, arbitrary: fc.oneof(...leaf) },
      { weight: 4, arbitrary: object(schema, inside, false) },
    );
  }
  if (type === 'array') {
    return fc.oneof(
      fc.oneof(...leaf),
      fc.array(hostile(schema.items ?? {}, ids, depth + 1), { maxLength: 3 }),
      fc.constant(Array.from({ length: 1000 }, () => 'x')),
    );
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.oneof(...leaf) },
    { weight: 1, arbitrary: valid(schema, ids, depth) },
  );
}

/** Required fields present unless `complete` is off (then any may go missing), plus stray extras. */
function object(
  schema: JsonSchema,
  inside: (s: JsonSchema) => fc.Arbitrary<unknown>,
  complete: boolean,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, inside(s)]));
  const required = (schema.required ?? []).filter((k) => k in properties);
  const base = fc.record(model, { requiredKeys: complete ? required : [] });
  if (complete) return base;
  return fc
    .tuple(
      base,
      fc.option(
        fc.dictionary(fc.constantFrom('extra', '__proto__', 'constructor', 'x y', '$where'), wrongType),
        { nil: undefined },
      ),
    )
    .map(([value, extras]) => ({ ...value, ...extras }));
}
