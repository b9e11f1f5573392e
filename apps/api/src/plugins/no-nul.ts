import { ValidationError } from '@handoff/core/errors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The path of the first string holding a NUL character ("name", "duties.2"), or null. */
function nulAt(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulAt(item, [...path, String(i)]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '')];
      const found = nulAt(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Postgres text cannot hold a NUL character: one reaching a query fails it with a 500. No field of
 * this product has a use for one, so any NUL in the address, the query string or a JSON body is
 * refused up front with a 400 that names where it is.
 */
export const noNulPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (request) => {
    if (request.url.includes('\u0000') || /%00/.test(request.url)) {
      throw new ValidationError('The address contains a NUL character (%00); remove it and try again');
    }
  });
  // After validation: a field whose schema refuses NUL itself says so in its own words first.
  app.addHook('preHandler', async (request) => {
    for (const [where, value] of [
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const path = nulAt(value);
      if (!path) continue;
      const field = path.join('.') || where;
      throw new ValidationError(`Remove the NUL character from ${field}`, {
        [field]: 'Contains a NUL character',
      });
    }
  });
});
