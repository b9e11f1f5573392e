import {
  errorResponse,
  messageResponse,
  notificationIdParams,
  notificationsQuery,
  notificationsResponse,
  preferencesBody,
  preferencesResponse,
  unreadCountResponse,
  unsubscribeBody,
} from '@handoff/contracts';
import type { NotificationRecord, NotificationService } from '@handoff/core/notifications';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const toResponse = (n: NotificationRecord) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  read: n.readAt !== null,
  createdAt: n.createdAt.toISOString(),
});

export async function notificationRoutes(
  fastify: FastifyInstance,
  opts: { notifications: NotificationService },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.notifications;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['notifications'], security: [{ bearerAuth: [] }] };

  app.get(
    '/notifications',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Your notifications, newest first',
        querystring: notificationsQuery,
        response: { 200: notificationsResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const userId = request.user.sub;
      const [list, unread] = await Promise.all([
        svc.list(userId, { limit: request.query.limit, unreadOnly: request.query.unread ?? false }),
        svc.unreadCount(userId),
      ]);
      return { notifications: list.map(toResponse), unread };
    },
  );

  app.get(
    '/notifications/unread-count',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'How many are unread',
        response: { 200: unreadCountResponse, 401: errorResponse },
      },
    },
    async (request) => ({ unread: await svc.unreadCount(request.user.sub) }),
  );

  app.post(
    '/notifications/:id/read',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Mark one notification read',
        params: notificationIdParams,
        response: { 204: z.null(), 400: errorResponse, 401: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      await svc.markRead(request.user.sub, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Mark all read',
        response: { 200: unreadCountResponse, 401: errorResponse },
      },
    },
    async (request) => {
      await svc.markAllRead(request.user.sub);
      return { unread: 0 };
    },
  );

  app.get(
    '/notifications/preferences',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Which notifications are e-mailed',
        response: { 200: preferencesResponse, 401: errorResponse },
      },
    },
    async (request) => ({ preferences: await svc.emailPreferences(request.user.sub, request.user.roles) }),
  );

  app.put(
    '/notifications/preferences',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Turn e-mail on or off per kind of notification',
        body: preferencesBody,
        response: { 200: preferencesResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      await svc.setEmailPreferences(request.user.sub, request.body.email);
      return { preferences: await svc.emailPreferences(request.user.sub, request.user.roles) };
    },
  );

  app.post(
    '/notifications/unsubscribe',
    {
      schema: {
        tags: ['notifications'],
        summary: 'One-click unsubscribe from an e-mail footer (signed link, no log-in)',
        body: unsubscribeBody,
        response: { 200: messageResponse, 400: errorResponse },
      },
    },
    async (request) => {
      const { label } = await svc.unsubscribe(request.body.u, request.body.k, request.body.s);
      return { message: `You will no longer get e-mails for: ${label}.` };
    },
  );
}
