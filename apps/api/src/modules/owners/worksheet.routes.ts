import {
  errorResponse,
  ownerJobPostResponse,
  ownerTaskBody,
  ownerTaskPatch,
  ownerTaskResponse,
  taskIdParams,
  taskOrderBody,
  worksheetResponse,
} from '@handoff/contracts';
import type { JobPostService } from '@handoff/core/job-posts';
import type { OwnerService } from '@handoff/core/owners';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ownerJobBody } from '../job-posts/job-post-views.ts';
import { taskBody, worksheetBody } from './owner-views.ts';

/** The love / hate worksheet: the signed-in owner's own tasks only. */
export async function worksheetRoutes(
  fastify: FastifyInstance,
  opts: { owners: OwnerService; jobPosts: JobPostService },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const svc = opts.owners;
  const auth = { preHandler: app.authenticate };
  const common = { tags: ['worksheet'], security: [{ bearerAuth: [] }] };
  const errors = { 400: errorResponse, 401: errorResponse, 404: errorResponse };

  app.get(
    '/owner/tasks',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Your worksheet: tasks you love and hate, and what handing each hated one off is worth',
        response: { 200: worksheetResponse, 401: errorResponse },
      },
    },
    async (request) => worksheetBody(await svc.worksheet(request.user.sub)),
  );

  app.post(
    '/owner/tasks',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Add a task at the end of its column; a hated one gets a suggested function',
        body: ownerTaskBody,
        response: { 201: ownerTaskResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(taskBody(await svc.addTask(request.user.sub, request.body))),
  );

  app.put(
    '/owner/tasks/order',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Reorder a column: every one of its task ids, once, in the new order',
        body: taskOrderBody,
        response: { 200: worksheetResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) =>
      worksheetBody(await svc.reorder(request.user.sub, request.body.feeling, request.body.ids)),
  );

  app.get(
    '/owner/tasks/:id',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'One of your tasks',
        params: taskIdParams,
        response: { 200: ownerTaskResponse, ...errors },
      },
    },
    async (request) => taskBody(await svc.getTask(request.user.sub, request.params.id)),
  );

  app.patch(
    '/owner/tasks/:id',
    {
      ...auth,
      schema: {
        ...common,
        summary:
          'Edit a task (functionSlug null: back to the suggestion; a new feeling moves it to that column)',
        params: taskIdParams,
        body: ownerTaskPatch,
        response: { 200: ownerTaskResponse, ...errors },
      },
    },
    async (request) => taskBody(await svc.updateTask(request.user.sub, request.params.id, request.body)),
  );

  app.delete(
    '/owner/tasks/:id',
    {
      ...auth,
      schema: {
        ...common,
        summary: 'Remove a task',
        params: taskIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await svc.removeTask(request.user.sub, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/owner/tasks/:id/job-post',
    {
      ...auth,
      schema: {
        ...common,
        summary:
          'Turn a hated task into a draft job from its function’s template (once: again returns that job)',
        params: taskIdParams,
        response: { 200: ownerJobPostResponse, 201: ownerJobPostResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const { created, ...view } = await opts.jobPosts.createFromTask(request.user.sub, request.params.id);
      return reply.code(created ? 201 : 200).send(ownerJobBody(view));
    },
  );
}
