import { Redis, type RedisOptions } from 'ioredis';

/**
 * Per the BullMQ production guide: workers block on Redis and must retry forever
 * (`maxRetriesPerRequest: null`); producers should fail fast when Redis is down, so the caller
 * (the outbox relay) keeps the rows and tries again later instead of hanging.
 */
export function workerConnection(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, ...extra });
}

export function producerConnection(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...extra,
  });
}
