import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Development mode on a non-loopback HOST serves the dev mailbox beyond this machine: say so. */
    DEV_REMOTE_ACCESS: z.stringbool({ error: 'must be true or false' }).default(false),
    PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    DATA_DIR: z.string().min(1).optional(),
    JWT_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
    WEB_ORIGIN: z.url({ error: 'must be a URL such as http://localhost:3000' }).optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    WRITE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    // "true", "false", or the proxies' addresses ("127.0.0.1,10.0.0.0/8") whose X-Forwarded-For to believe.
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|[0-9a-fA-F.:/, ]+)$/, { error: 'must be true, false or a list of IP addresses' })
      .default('false'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, { error: 'must be a redis:// or rediss:// URL' })
      .optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, { error: 'must be an smtp:// or smtps:// URL' })
      .optional(),
    MAIL_FROM: z.string().min(3).default('Handoff <no-reply@handoff.localhost>'),
    PUBLIC_APP_URL: z
      .url({ error: 'must be the URL people open, such as https://handoff.example' })
      .optional(),
    QUEUE_PREFIX: z.string().min(1).optional(),
    JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(8),
    COMPARISON_CACHE_MB: z.coerce
      .number({ error: 'must be a number of megabytes' })
      .min(0, { error: 'must be 0 (keep none) or more' })
      .max(4096, { error: 'must be at most 4096' })
      .default(32),
    MEILI_URL: z.url({ error: 'must be the Meilisearch URL, such as http://127.0.0.1:7700' }).optional(),
    MEILI_MASTER_KEY: z.string().min(1).optional(),
    MEILI_INDEX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/, { error: 'must be letters, digits, - or _' })
      .default('providers'),
  })
  .superRefine((env, ctx) => {
    const loopbackHost = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(env.HOST);
    if (env.NODE_ENV === 'development' && !loopbackHost && !env.DEV_REMOTE_ACCESS) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message:
          'is not a loopback address, and in development mode the api keeps a mailbox with every e-mail it sends (password-reset links included): set NODE_ENV=production, or DEV_REMOTE_ACCESS=true to serve it to this network anyway',
      });
    }
    if (env.NODE_ENV !== 'production') return;
    if (!env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    if (!env.WEB_ORIGIN) {
      ctx.addIssue({ code: 'custom', path: ['WEB_ORIGIN'], message: 'is required when NODE_ENV=production' });
    }
    if (env.MEILI_URL && !env.MEILI_MASTER_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['MEILI_MASTER_KEY'],
        message: 'is required with MEILI_URL when NODE_ENV=production',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  databaseUrl: string | undefined;
  dataDir: string | undefined;
  jwtSecret: string;
  /** True when no JWT_SECRET was given and a random one was made for this process (dev/test only). */
  jwtSecretGenerated: boolean;
  webOrigin: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlMs: number;
  authRateLimitPerMinute: number;
  /** Bids submitted or revised and messages written, per client IP per minute. */
  writeRateLimitPerMinute: number;
  /** Whose X-Forwarded-For to believe, so rate limits see the person and not the web server. */
  trustProxy: boolean | string[];
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Base of the links in e-mails: the web app's public URL. */
  appUrl: string;
  jobsConcurrency: number;
  /** Serialised bid comparisons each process keeps while their data is unchanged (0: none). */
  comparisonCacheBytes: number;
  /** BullMQ key prefix; tests and benchmarks isolate themselves with their own. */
  queuePrefix: string | undefined;
  /** Meilisearch when set; otherwise provider search runs on Postgres full-text search. */
  meiliUrl: string | undefined;
  meiliKey: string | undefined;
  /** Meilisearch index uid (default providers); benchmarks use a throwaway one. */
  meiliIndex: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment once; the message names every wrong variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration for the api:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    jwtSecret: env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    jwtSecretGenerated: !env.JWT_SECRET,
    webOrigin: env.WEB_ORIGIN ?? 'http://localhost:3000',
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlMs: env.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
    authRateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
    writeRateLimitPerMinute: env.WRITE_RATE_LIMIT_PER_MINUTE,
    trustProxy:
      env.TRUST_PROXY === 'true'
        ? true
        : env.TRUST_PROXY === 'false'
          ? false
          : env.TRUST_PROXY.split(',')
              .map((s) => s.trim())
              .filter(Boolean),
    redisUrl: env.REDIS_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    appUrl: env.PUBLIC_APP_URL ?? env.WEB_ORIGIN ?? 'http://localhost:3000',
    jobsConcurrency: env.JOBS_CONCURRENCY,
    comparisonCacheBytes: Math.round(env.COMPARISON_CACHE_MB * 1024 * 1024),
    queuePrefix: env.QUEUE_PREFIX,
    meiliUrl: env.MEILI_URL,
    meiliKey: env.MEILI_MASTER_KEY,
    meiliIndex: env.MEILI_INDEX,
  };
}
