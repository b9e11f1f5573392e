import { accountDeletedResponse, accountExport, deleteAccountBody, errorResponse } from '@handoff/contracts';
import type { AccountDeletionService, AccountExportService } from '@handoff/core/account';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** "Your data": download everything the account holds, and delete the account. */
export async function accountDataRoutes(
  fastify: FastifyInstance,
  opts: {
    exports: AccountExportService;
    deletion: AccountDeletionService;
    rateLimitPerMinute: number;
  },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // The export reads a whole account and deletion checks a password: both are limited like log-in.
  const rateLimit = { max: opts.rateLimitPerMinute, timeWindow: '1 minute' };
  const security = [{ bearerAuth: [] }];

  app.get(
    '/account/export',
    {
      onRequest: app.authenticate,
      config: { rateLimit },
      schema: {
        tags: ['account'],
        summary: 'Everything the account holds, as one JSON document (served as a file to save)',
        security,
        response: { 200: accountExport, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const data = await opts.exports.export(request.user.sub);
      const day = data.exportedAt.slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="handoff-data-${day}.json"`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  app.post(
    '/account/delete',
    {
      onRequest: app.authenticate,
      config: { rateLimit },
      schema: {
        tags: ['account'],
        summary:
          'Delete the account (needs the password and the word DELETE): personal data is erased, what others keep shows "Former member"',
        security,
        body: deleteAccountBody,
        response: {
          200: accountDeletedResponse,
          400: errorResponse,
          401: errorResponse,
          409: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request) => {
      const { email } = await opts.deletion.deleteAccount(request.user.sub, request.body);
      return {
        message: `Your account is deleted. A last e-mail confirming it is on its way to ${email}.`,
      };
    },
  );
}
