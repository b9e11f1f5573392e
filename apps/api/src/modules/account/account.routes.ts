import {
  errorResponse,
  forgotPasswordBody,
  messageResponse,
  resetPasswordBody,
  verifyEmailBody,
  verifyEmailResponse,
} from '@handoff/contracts';
import type { AccountService } from '@handoff/core/account';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { toUserResponse } from '../auth/auth.routes.ts';

export async function accountRoutes(
  fastify: FastifyInstance,
  opts: { account: AccountService; rateLimitPerMinute: number },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: opts.rateLimitPerMinute, timeWindow: '1 minute' };
  const errors = { 400: errorResponse, 401: errorResponse, 429: errorResponse };

  app.post(
    '/auth/verify-email',
    {
      config: { rateLimit },
      schema: {
        tags: ['account'],
        summary: 'Confirm an e-mail address with the single-use link token',
        body: verifyEmailBody,
        response: { 200: verifyEmailResponse, ...errors },
      },
    },
    async (request) => ({ user: toUserResponse(await opts.account.verifyEmail(request.body.token)) }),
  );

  app.post(
    '/auth/verify-email/resend',
    {
      preHandler: app.authenticate,
      config: { rateLimit },
      schema: {
        tags: ['account'],
        summary: 'Send the verification e-mail again',
        security: [{ bearerAuth: [] }],
        response: { 202: messageResponse, ...errors },
      },
    },
    async (request, reply) => {
      await opts.account.resendVerification(request.user.sub);
      return reply.code(202).send({ message: 'We sent you a new confirmation link.' });
    },
  );

  app.post(
    '/auth/password/forgot',
    {
      config: { rateLimit },
      schema: {
        tags: ['account'],
        summary: 'E-mail a password-reset link (the answer is the same whether or not the account exists)',
        body: forgotPasswordBody,
        response: { 202: messageResponse, ...errors },
      },
    },
    async (request, reply) => {
      await opts.account.requestPasswordReset(request.body.email);
      return reply.code(202).send({
        message: 'If an account exists for that address, we have e-mailed it a link to reset the password.',
      });
    },
  );

  app.post(
    '/auth/password/reset',
    {
      config: { rateLimit },
      schema: {
        tags: ['account'],
        summary: 'Set a new password with the single-use link token; logs out every device',
        body: resetPasswordBody,
        response: { 200: messageResponse, ...errors },
      },
    },
    async (request) => {
      await opts.account.resetPassword(request.body.token, request.body.password);
      return { message: 'Your password was changed. Log in with the new one.' };
    },
  );
}
