import type { JobContext, JobHandlers, JobName } from '@handoff/core';

/** Calls the handler for a job read back from the outbox or Redis (name and payload untyped there). */
export function dispatch(
  handlers: JobHandlers,
  name: string,
  payload: unknown,
  ctx: JobContext,
): Promise<void> {
  const handler = handlers[name as JobName] as ((p: unknown, c: JobContext) => Promise<void>) | undefined;
  if (!handler) throw new Error(`No handler for job "${name}"`);
  return handler(payload, ctx);
}

export const backoffDelay = (baseMs: number, attempt: number) => baseMs * 2 ** Math.max(0, attempt - 1);

export const errorText = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** BullMQ refuses integer job ids, so outbox row 42 becomes job "outbox-42". */
export const outboxJobId = (id: number) => `outbox-${id}`;
export const outboxIdOf = (jobId: string | undefined): number | null => {
  const match = /^outbox-(\d+)$/.exec(jobId ?? '');
  return match ? Number(match[1]) : null;
};
