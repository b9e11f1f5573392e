import {
  errorResponse,
  hourValueInput,
  ownerProfileResponse,
  suggestFunctionQuery,
  suggestFunctionResponse,
  timeValueBody,
  timeValueResponse,
} from '@handoff/contracts';
import { rankFunctions, timeValue, type OwnerService } from '@handoff/core/owners';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { functionRef, profileBody } from './owner-views.ts';

/** What an hour is worth (before and after sign-up), and which function a task belongs to. */
export async function ownerRoutes(fastify: FastifyInstance, opts: { owners: OwnerService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.owners;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['owners'], security: [{ bearerAuth: [] }] };

  app.post(
    '/time-value',
    {
      schema: {
        tags: ['owners'],
        summary: 'What your hour is worth, and what handing a task off gains (no account needed)',
        body: timeValueBody,
        response: { 200: timeValueResponse, 400: errorResponse },
      },
    },
    async (request) => timeValue(request.body),
  );

  app.get(
    '/taxonomy/suggest-function',
    {
      schema: {
        tags: ['taxonomy'],
        summary: 'The business function a task’s words belong to, e.g. “chasing unpaid invoices”',
        querystring: suggestFunctionQuery,
        response: { 200: suggestFunctionResponse, 400: errorResponse },
      },
    },
    async (request) => {
      const [best, ...rest] = rankFunctions(request.query.q);
      return {
        suggestion: best ? functionRef(best.slug) : null,
        alternatives: rest.slice(0, 3).map((m) => functionRef(m.slug)),
      };
    },
  );

  app.get(
    '/owner/profile',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Your saved figures and the hour value they give (profile is null until saved)',
        response: { 200: ownerProfileResponse, 401: errorResponse },
      },
    },
    async (request) => profileBody(await svc.getProfile(request.user.sub)),
  );

  app.put(
    '/owner/profile',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Save your figures (also how the web keeps what you typed before signing up)',
        body: hourValueInput,
        response: { 200: ownerProfileResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => profileBody(await svc.saveProfile(request.user.sub, request.body)),
  );
}
