import {
  accountResponse,
  addRoleBody,
  changeEmailBody,
  changeEmailResponse,
  changePasswordBody,
  emailChangeConfirmedResponse,
  emailChangeTokenBody,
  emailChangeUndoneResponse,
  errorResponse,
  meResponse,
  messageResponse,
  renameBody,
} from '@handoff/contracts';
import type { AccountSettingsService } from '@handoff/core/account';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { toUserResponse } from '../auth/auth.routes.ts';

/** Account settings: name, e-mail address (with its confirm and undo links), password, roles. */
export async function accountSettingsRoutes(
  fastify: FastifyInstance,
  opts: { settings: AccountSettingsService; rateLimitPerMinute: number },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { settings } = opts;
  // Routes that check a password or a link token are limited like log-in, against guessing.
  const rateLimit = { max: opts.rateLimitPerMinute, timeWindow: '1 minute' };
  const errors = { 400: errorResponse, 401: errorResponse, 409: errorResponse, 429: errorResponse };
  // onRequest, not preHandler: a signed-out caller hears "log in" before anything about the body.
  const signedIn = { onRequest: app.authenticate };
  const security = [{ bearerAuth: [] }];

  app.get(
    '/account',
    {
      ...signedIn,
      schema: {
        tags: ['account'],
        summary: 'The signed-in account, with the address a pending e-mail change waits to confirm',
        security,
        response: { 200: accountResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const { user, pendingEmail } = await settings.account(request.user.sub);
      return { user: toUserResponse(user), pendingEmail };
    },
  );

  app.patch(
    '/account',
    {
      ...signedIn,
      schema: {
        tags: ['account'],
        summary: 'Change the name shown on the account',
        security,
        body: renameBody,
        response: { 200: meResponse, ...errors },
      },
    },
    async (request) => ({ user: toUserResponse(await settings.rename(request.user.sub, request.body.name)) }),
  );

  app.post(
    '/account/email',
    {
      ...signedIn,
      config: { rateLimit },
      schema: {
        tags: ['account'],
        summary:
          'Ask to change the e-mail address (needs the password); a link sent to the new address confirms it',
        security,
        body: changeEmailBody,
        response: { 202: changeEmailResponse, ...errors },
      },
    },
    async (request, reply) => {
      const pendingEmail = await settings.requestEmailChange(request.user.sub, request.body);
      return reply.code(202).send({
        message: `We sent a confirmation link to ${pendingEmail}. Your address changes when you open it.`,
        pendingEmail,
      });
    },
  );

  app.post(
    '/account/email/confirm',
    {
      config: { rateLimit },
      schema: {
        tags: ['account'],
        summary: 'Switch to the new address with the single-use link sent to it; tells the old address',
        body: emailChangeTokenBody,
        response: { 200: emailChangeConfirmedResponse, ...errors },
      },
    },
    async (request) => {
      const user = await settings.confirmEmailChange(request.body.token);
      return {
        message: `Your account now uses ${user.email}.`,
        user: toUserResponse(user),
      };
    },
  );

  app.post(
    '/account/email/undo',
    {
      config: { rateLimit },
      schema: {
        tags: ['account'],
        summary:
          'Put the previous address back with the link e-mailed to it (7 days, once); logs out every device',
        body: emailChangeTokenBody,
        response: { 200: emailChangeUndoneResponse, ...errors },
      },
    },
    async (request) => {
      const email = await settings.undoEmailChange(request.body.token);
      return {
        message: `Your account uses ${email} again, and every device was logged out.`,
        email,
      };
    },
  );

  app.post(
    '/account/password',
    {
      ...signedIn,
      config: { rateLimit },
      schema: {
        tags: ['account'],
        summary: 'Change the password (needs the current one); logs out every other device',
        security,
        body: changePasswordBody,
        response: { 200: messageResponse, ...errors },
      },
    },
    async (request) => {
      await settings.changePassword(request.user.sub, request.user.sid, request.body);
      return { message: 'Your password was changed and every other device was logged out.' };
    },
  );

  app.post(
    '/account/roles',
    {
      ...signedIn,
      schema: {
        tags: ['account'],
        summary: 'Add the other role: an owner also works as a provider, or a provider also hires',
        security,
        body: addRoleBody,
        response: { 200: meResponse, ...errors },
      },
    },
    async (request) => ({
      user: toUserResponse(await settings.addRole(request.user.sub, request.body.role)),
    }),
  );
}
