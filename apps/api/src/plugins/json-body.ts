import { ValidationError } from '@handoff/core/errors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// Keys that would reach an object's prototype if the body were ever merged into another object.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key ("__proto__", "duties.0.constructor"), or null. */
function forbiddenKeyAt(value: unknown, path: string[] = []): string | null {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = forbiddenKeyAt(item, [...path, String(i)]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN.has(key)) return [...path, key].join('.');
      const found = forbiddenKeyAt(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The api reads JSON only. Fastify's own parser answers every failure "Body is not valid JSON", even
 * for a well-formed body it refused for a `__proto__` key, and its text/plain parser hands a string
 * to schemas that then say "expected object, received string". Here each failure says what it is,
 * and text/plain is a 415 like any other type that is not JSON.
 */
export const jsonBodyPlugin = fp(async (app: FastifyInstance) => {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.length === 0) return done(new ValidationError('The request body is empty; send a JSON object'));
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return done(new ValidationError(`The request body is not valid JSON: ${(error as Error).message}`));
    }
    const key = forbiddenKeyAt(value);
    if (key) {
      return done(
        new ValidationError(
          `Remove “${key}” from the request body: that key is not allowed`,
          // A field named "__proto__" would itself be lost on the way out; the message names it.
          key === '__proto__' ? undefined : { [key]: 'This key is not allowed' },
        ),
      );
    }
    done(null, value);
  });
});
