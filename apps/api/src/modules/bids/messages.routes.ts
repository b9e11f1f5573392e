import {
  bidIdParams,
  bidMessage,
  bidMessageBody,
  bidMessagesQuery,
  bidMessagesResponse,
  errorResponse,
  messagesUnreadResponse,
} from '@handoff/contracts';
import type { BidMessageService, MessageView } from '@handoff/core/bids';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

const messageView = (m: MessageView) => ({
  id: m.id,
  body: m.body,
  authorName: m.authorName,
  side: m.side,
  mine: m.mine,
  createdAt: m.createdAt.toISOString(),
});

const date = (s: string | undefined) => (s ? new Date(s) : undefined);

/** Each bid's thread, readable and writable by its two parties only. */
export async function bidMessageRoutes(
  fastify: FastifyInstance,
  opts: { messages: BidMessageService; writeRateLimit?: { max: number; timeWindow: string } },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.messages;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['messages'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  app.get(
    '/bids/:id/messages',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'A bid’s conversation, oldest first; reading it marks it read for you',
        description:
          'Poll with after=<the last message’s createdAt> for new messages. Without it, the latest ' +
          'page; before=<the first message’s createdAt> reads further back. Bodies are plain text as ' +
          'typed: escape them when rendering.',
        params: bidIdParams,
        querystring: bidMessagesQuery,
        response: { 200: bidMessagesResponse, ...errors },
      },
    },
    async (request) => {
      const { after, before, limit } = request.query;
      const thread = await svc.list(request.user.sub, request.params.id, {
        after: date(after),
        before: date(before),
        limit,
      });
      return { ...thread, messages: thread.messages.map(messageView) };
    },
  );

  app.post(
    '/bids/:id/messages',
    {
      ...auth,
      ...(opts.writeRateLimit ? { config: { rateLimit: opts.writeRateLimit } } : {}),
      schema: {
        ...common,
        summary:
          'Write in a bid’s conversation (while the bid stands on an open job, or once it is accepted)',
        params: bidIdParams,
        body: bidMessageBody,
        response: { 201: bidMessage, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(messageView(await svc.post(request.user.sub, request.params.id, request.body.body))),
  );

  app.get(
    '/messages/unread-count',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Unread messages in all your bid conversations, as owner and as provider',
        response: { 200: messagesUnreadResponse, 401: errorResponse },
      },
    },
    async (request) => ({ unread: await svc.unreadTotal(request.user.sub) }),
  );
}
