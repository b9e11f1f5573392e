import {
  errorResponse,
  LOGO_MAX_BYTES,
  logoResponse,
  myProvidersResponse,
  providerIdParams,
  providerInput,
  providerMovedResponse,
  providerResponse,
  providerSlugParams,
  publicProviderResponse,
  queryParams,
} from '@handoff/contracts';
import { ValidationError } from '@handoff/core/errors';
import type { ProviderService } from '@handoff/core/providers';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logoUrl, memberView, publicView, summaryView } from './provider-views.ts';

const LOGO_HELP =
  'Send the image file itself as the body, with Content-Type image/png, image/jpeg or image/webp';

/** The logo route's own errors, said for the person uploading; anything else goes to the app's handler. */
function logoErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const send = (statusCode: number, error: string, message: string) =>
    reply.code(statusCode).send({ statusCode, error, message, fields: { logo: message } });
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return send(413, 'Payload Too Large', 'The image is larger than 1 MB; upload a smaller one');
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return send(415, 'Unsupported Media Type', LOGO_HELP);
  }
  throw error;
}

export async function providerRoutes(fastify: FastifyInstance, opts: { providers: ProviderService }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.providers;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['providers'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  // Only in this plugin: raw image bodies for the logo upload; the service checks the real type.
  app.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: LOGO_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/providers',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Create a provider profile (a draft); you become its owner',
        body: providerInput,
        response: { 201: providerResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const actor = { id: request.user.sub, roles: request.user.roles };
      return reply.code(201).send(memberView(await svc.create(actor, request.body)));
    },
  );

  app.get(
    '/providers/mine',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'The provider profiles you are a member of',
        response: { 200: myProvidersResponse, 401: errorResponse },
      },
    },
    async (request) => ({ providers: (await svc.listMine(request.user.sub)).map(summaryView) }),
  );

  app.get(
    '/providers/:id',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'One of your profiles, with what publishing still needs',
        params: providerIdParams,
        response: { 200: providerResponse, ...errors },
      },
    },
    async (request) => memberView(await svc.getOwn(request.user.sub, request.params.id)),
  );

  app.put(
    '/providers/:id',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Replace one of your profiles (absent lists become empty; an absent slug is kept)',
        params: providerIdParams,
        body: providerInput,
        response: { 200: providerResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) => memberView(await svc.update(request.user.sub, request.params.id, request.body)),
  );

  for (const action of ['publish', 'unpublish'] as const) {
    app.post(
      `/providers/:id/${action}`,
      {
        ...auth,
        schema: {
          ...common,
          summary:
            action === 'publish'
              ? 'Publish: listed in search and at its public address (needs a complete profile)'
              : 'Unpublish: back to a draft, out of search',
          params: providerIdParams,
          response: { 200: providerResponse, ...errors },
        },
      },
      async (request) => memberView(await svc[action](request.user.sub, request.params.id)),
    );
  }

  app.put(
    '/providers/:id/logo',
    {
      ...auth,
      bodyLimit: LOGO_MAX_BYTES,
      errorHandler: logoErrors,
      schema: {
        ...common,
        summary: 'Upload the logo: the raw PNG, JPEG or WebP file as the body, at most 1 MB',
        params: providerIdParams,
        response: { 200: logoResponse, ...errors, 413: errorResponse, 415: errorResponse },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new ValidationError(LOGO_HELP, { logo: LOGO_HELP });
      const { id } = request.params;
      const contentType = request.headers['content-type'] ?? '';
      const { sha256 } = await svc.setLogo(request.user.sub, id, contentType, request.body);
      return { logoUrl: logoUrl(id, sha256) };
    },
  );

  app.get(
    '/providers/:id/logo',
    {
      schema: {
        tags: ['providers'],
        summary: 'A profile’s logo: public once published, members only while a draft',
        params: providerIdParams,
        querystring: queryParams({ v: z.string().max(64).optional() }),
        response: { 304: z.null(), 400: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      let viewer: string | null = null;
      if (request.headers.authorization) {
        viewer = await request.jwtVerify().then(
          () => request.user.sub,
          () => null,
        );
      }
      const logo = await svc.getLogo(viewer, request.params.id);
      const etag = `"${logo.sha256}"`;
      const published = logo.providerStatus === 'published';
      const pinned = published && request.query.v !== undefined && logo.sha256.startsWith(request.query.v);
      reply
        .header('etag', etag)
        .header(
          'cache-control',
          pinned
            ? 'public, max-age=31536000, immutable'
            : published
              ? 'public, max-age=300'
              : 'private, no-cache',
        )
        // The web app shows it from another origin.
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('content-disposition', 'inline');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
      // Bytes bypass the serializer; the response schemas above describe JSON answers only.
      return reply.type(logo.contentType).send(logo.bytes as never);
    },
  );

  app.get(
    '/public/providers/:slug',
    {
      schema: {
        tags: ['providers'],
        summary: 'A published profile by its address (no reference contact details)',
        description:
          'An address the profile had before answers 301 with Location set to its current URL. ' +
          'Unknown addresses, drafts and the old addresses of drafts all answer the same 404.',
        params: providerSlugParams,
        response: {
          200: publicProviderResponse,
          301: providerMovedResponse,
          400: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const found = await svc.getPublic(request.params.slug);
      if (!found.moved) return publicView(found.profile);
      // Bounded: the old address can later be taken by another profile.
      reply.header('cache-control', 'public, max-age=300');
      return reply.redirect(`/public/providers/${encodeURIComponent(found.slug)}`, 301);
    },
  );
}
