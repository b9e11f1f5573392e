import {
  devMailboxQuery,
  devMailboxResponse,
  devMailParams,
  devMailResponse,
  errorResponse,
} from '@handoff/contracts';
import { ForbiddenError, NotFoundError } from '@handoff/core/errors';
import type { createDevMailboxStore } from '@handoff/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export const isLoopback = (ip: string) =>
  ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');

/**
 * The development mailbox: registered only outside production and only when mail is not going out
 * over SMTP, so it can never expose real users' mail. It still holds every link the app e-mails
 * (password resets, invitations), so it answers only on the machine itself (the web app passes the
 * visitor's address on) or to an operator.
 */
export async function devMailboxRoutes(
  fastify: FastifyInstance,
  opts: { mailbox: ReturnType<typeof createDevMailboxStore> },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  async function localOrOperator(request: FastifyRequest) {
    if (isLoopback(request.ip)) return;
    if (request.headers.authorization) {
      await app.authenticate(request);
      if (request.user.roles.includes('admin')) return;
    }
    throw new ForbiddenError(
      'The development mailbox opens only on the machine the app runs on, or for an operator',
    );
  }
  app.addHook('onRequest', localOrOperator);
  app.get(
    '/dev/mailbox',
    {
      schema: {
        tags: ['development'],
        summary: 'Mail the app "sent" in development, newest first',
        querystring: devMailboxQuery,
        response: { 200: devMailboxResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse },
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
        response: {
          200: devMailResponse,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
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
