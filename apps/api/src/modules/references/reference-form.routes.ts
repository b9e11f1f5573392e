import {
  errorResponse,
  referenceAnswerBody,
  referenceDeclineBody,
  referenceDraftBody,
  referenceFormResponse,
  referenceTokenParams,
} from '@handoff/contracts';
import { industries } from '@handoff/core/taxonomy';
import type { ReferenceFormService } from '@handoff/core/references';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const month = (date: string | null) => (date ? date.slice(0, 7) : null);

/** The signed-in account behind a form post, if any (a reference customer normally has none). */
async function viewerId(request: FastifyRequest): Promise<string | null> {
  if (!request.headers.authorization) return null;
  try {
    const claims = await request.jwtVerify<{ sub: string }>();
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

/**
 * The reference customer's form, reached with the token from the e-mail and no account. A link that
 * is not ours (or altered) is 404; one already used, declined or expired is 410 — each with a message
 * that says what to do.
 */
export async function referenceFormRoutes(
  fastify: FastifyInstance,
  opts: { form: ReferenceFormService; rateLimit?: { max: number; timeWindow: string } },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.form;
  const limited = opts.rateLimit ? { config: { rateLimit: opts.rateLimit } } : {};
  const common = { tags: ['reference form'] };
  const errors = { 400: errorResponse, 404: errorResponse, 410: errorResponse };

  app.get(
    '/reference-forms/:token',
    {
      schema: {
        ...common,
        summary: 'The form behind a reference link: who asks, about whom, which duties, and any saved draft',
        params: referenceTokenParams,
        response: { 200: referenceFormResponse, ...errors },
      },
    },
    async (request) => {
      const r = await svc.open(request.params.token);
      return {
        provider: { name: r.provider.name, slug: r.provider.slug },
        askedFor: r.bidId ? ('bid' as const) : ('profile' as const),
        contact: {
          name: r.name,
          company: r.company,
          role: r.role,
          period: { from: month(r.periodFrom)!, to: month(r.periodTo) },
          function: r.functionSlug,
          duties: r.contactDuties,
        },
        duties: r.duties,
        industries: industries.map((i) => i.slug),
        draft: r.draft,
        expiresAt: r.expiresAt.toISOString(),
      };
    },
  );

  app.put(
    '/reference-forms/:token/draft',
    {
      ...limited,
      schema: {
        ...common,
        summary: 'Save the form as typed, to finish later (the link stays valid until it expires)',
        params: referenceTokenParams,
        body: referenceDraftBody,
        response: { 204: z.null(), ...errors, 429: errorResponse },
      },
    },
    async (request, reply) => {
      await svc.saveDraft(request.params.token, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/reference-forms/:token',
    {
      ...limited,
      schema: {
        ...common,
        summary: 'Send the answers; the link is then used',
        description:
          'Answers that trip a trust signal (the provider’s own domain, address or browser, a company ' +
          'answering twice, a burst of answers) are kept but held for an operator before they count.',
        params: referenceTokenParams,
        body: referenceAnswerBody,
        response: { 201: z.object({ received: z.literal(true) }), ...errors, 429: errorResponse },
      },
    },
    async (request, reply) => {
      await svc.submit(request.params.token, request.body, {
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
        userId: await viewerId(request),
      });
      // Whether the answer was held is the platform's business, not the submitter's.
      return reply.code(201).send({ received: true as const });
    },
  );

  app.post(
    '/reference-forms/:token/decline',
    {
      ...limited,
      schema: {
        ...common,
        summary: 'Decline this request; with optOut, never be e-mailed about this provider again',
        params: referenceTokenParams,
        body: referenceDeclineBody,
        response: { 204: z.null(), ...errors, 429: errorResponse },
      },
    },
    async (request, reply) => {
      await svc.decline(request.params.token, request.body.optOut);
      return reply.code(204).send(null);
    },
  );
}
