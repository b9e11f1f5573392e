import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL' }),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, { error: 'must be a redis:// or rediss:// URL' }),
  JWT_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Handoff <no-reply@handoff.localhost>'),
  /** SMTP connections kept open; sends beyond this many at once wait for a free one. */
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PUBLIC_APP_URL: z
    .url({ error: 'must be the URL people open, such as https://handoff.example' })
    .default('http://localhost:3000'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(16),
  /** Test and benchmark isolation: a BullMQ key prefix other than the default. */
  QUEUE_PREFIX: z.string().min(1).optional(),
  STALLED_INTERVAL_MS: z.coerce.number().int().min(500).optional(),
  LOCK_DURATION_MS: z.coerce.number().int().min(500).optional(),
  RELAY_POLL_MS: z.coerce.number().int().min(10).default(100),
  /**
   * Runs every periodic scan this often instead of its own period (hourly, daily): for tests and
   * demos that cannot wait an hour. Give every worker the same value; unset in production.
   */
  SCAN_EVERY_MS: z.coerce
    .number()
    .int()
    .min(1000, { error: 'must be at least 1000 (one second)' })
    .optional(),
  /** Provider search: Meilisearch when set, else Postgres full-text search in DATABASE_URL. */
  MEILI_URL: z.url({ error: 'must be the Meilisearch URL, such as http://127.0.0.1:7700' }).optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, { error: 'must be letters, digits, - or _' })
    .default('providers'),
});

export type WorkerConfig = z.infer<typeof schema>;

const hints: Record<string, string> = {
  REDIS_URL: ' (without Redis there is nothing for the worker to do: the api runs jobs in-process)',
  DATABASE_URL: ' (the worker shares Postgres with the api; the embedded PGlite belongs to the api process)',
};

export function loadWorkerConfig(source: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = i.path.join('.');
      return `  ${key}: ${i.message}${hints[key] ?? ''}`;
    });
    throw new Error(`Invalid configuration for the worker:\n${lines.join('\n')}`);
  }
  if (parsed.data.NODE_ENV === 'production' && !parsed.data.JWT_SECRET) {
    throw new Error(
      'Invalid configuration for the worker:\n  JWT_SECRET: is required when NODE_ENV=production',
    );
  }
  return parsed.data;
}
