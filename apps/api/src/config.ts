import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
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
    TRUST_PROXY: z.stringbool().default(false),
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
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (!env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    if (!env.WEB_ORIGIN) {
      ctx.addIssue({ code: 'custom', path: ['WEB_ORIGIN'], message: 'is required when NODE_ENV=production' });
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
  trustProxy: boolean;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Base of the links in e-mails: the web app's public URL. */
  appUrl: string;
  jobsConcurrency: number;
  /** BullMQ key prefix; tests and benchmarks isolate themselves with their own. */
  queuePrefix: string | undefined;
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
    trustProxy: env.TRUST_PROXY,
    redisUrl: env.REDIS_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    appUrl: env.PUBLIC_APP_URL ?? env.WEB_ORIGIN ?? 'http://localhost:3000',
    jobsConcurrency: env.JOBS_CONCURRENCY,
    queuePrefix: env.QUEUE_PREFIX,
  };
}
