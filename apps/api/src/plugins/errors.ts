import { fieldErrors } from '@handoff/contracts';
import { AppError, type ErrorKind } from '@handoff/core/errors';
import { isDatabaseUnavailableError } from '@handoff/db';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { RETRY_AFTER_SECONDS } from './availability.ts';

const statusFor: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
};

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
};

/** The one place errors become HTTP: typed errors keep their message, anything 5xx says nothing. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      // An unknown key is named as a field of its own ("industries": "Unknown parameter: industries"),
      // so a form or client can point at it, rather than lumped under "_".
      const fields = fieldErrors(
        error.validation.flatMap((v) => {
          const path = v.instancePath.split('/').filter(Boolean);
          const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: unknown }).keys : undefined;
          if (!Array.isArray(keys) || !keys.length) {
            // zod's "expected object, received string" for the body as a whole names nothing to fix.
            const whole = !path.length && v.keyword === 'invalid_type';
            const what =
              error.validationContext === 'body' ? 'the request body' : `the ${error.validationContext}`;
            return [{ path, message: whole ? `Send ${what} as a JSON object` : v.message }];
          }
          return keys.map((key) => ({
            path: [...path, String(key)],
            message: v.message?.startsWith('Unknown parameter')
              ? `Unknown parameter: ${String(key)}`
              : `Remove ${String(key)}: it is not a field of this form`,
          }));
        }),
      );
      const first = Object.values(fields)[0] ?? 'The request is not valid';
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: first, fields });
    }
    if (error instanceof AppError) {
      const statusCode = statusFor[error.kind];
      return reply.code(statusCode).send({
        statusCode,
        error: reasons[statusCode] ?? 'Error',
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
      });
    }
    const statusCode = error.statusCode ?? 500;
    if (statusCode >= 400 && statusCode < 500) {
      // Fastify's own 4xx (malformed JSON, wrong content type, body too large, rate limit).
      const message =
        error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Send the request body as JSON (Content-Type: application/json)'
          : error.message;
      return reply.code(statusCode).send({ statusCode, error: reasons[statusCode] ?? 'Error', message });
    }
    if (isDatabaseUnavailableError(error)) {
      // The database went away under this request (a restart): the client may simply retry.
      request.log.warn({ err: error }, 'database unavailable');
      return reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database is restarting; try again in a few seconds.',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side. Please try again in a moment.',
    });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
});
