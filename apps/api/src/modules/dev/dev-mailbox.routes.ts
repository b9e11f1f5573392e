import {
  devMailboxQuery,
  devMailboxResponse,
  devMailParams,
  devMailResponse,
  errorResponse,
} from '@handoff/contracts';
import { NotFoundError } from '@handoff/core/errors';
import type { createDevMailboxStore } from '@handoff/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/**
 * The development mailbox: registered only outside production and only when mail is not going out
 * over SMTP, so it can never expose real users' mail.
 */
export async function devMailboxRoutes(
  fastify: FastifyInstance,
  opts: { mailbox: ReturnType<typeof createDevMailboxStore> },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/dev/mailbox',
    {
      schema: {
        tags: ['development'],
        summary: 'Mail the app "sent" in development, newest first',
        querystring: devMailboxQuery,
        response: { 200: devMailboxResponse, 400: errorResponse },
      },
    },
    async (request) => {
      const messages = await opts.mailbox.list({
        limit: 100,
        ...(request.query.to ? { to: request.query.to.toLowerCase() } : {}),
      });
      return { messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
    },
  );
  app.get(
    '/dev/mailbox/:id',
    {
      schema: {
        tags: ['development'],
        summary: 'One message with its HTML and text parts',
        params: devMailParams,
        response: { 200: devMailResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const m = await opts.mailbox.get(request.params.id);
      if (!m) throw new NotFoundError('No such message');
      return {
        id: m.id,
        to: m.to,
        from: m.from,
        subject: m.subject,
        html: m.html,
        text: m.text,
        createdAt: m.createdAt.toISOString(),
      };
    },
  );
}
