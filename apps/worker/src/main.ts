import { hostname } from 'node:os';
import { createOutboxRepository, loadOrCreateDevSecret, openDatabase } from '@handoff/db';
import {
  createJobHandlers,
  createMailer,
  createQueue,
  createRelay,
  createWorker,
  producerConnection,
  registerSchedules,
  workerConnection,
} from '@handoff/queue';
import { createSearchIndex } from '@handoff/search';
import closeWithGrace from 'close-with-grace';
import { loadWorkerConfig } from './config.ts';

let config;
try {
  config = loadWorkerConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const log = {
  info: (msg: string) => console.log(JSON.stringify({ level: 'info', time: Date.now(), msg })),
  warn: (obj: object, msg: string) =>
    console.warn(JSON.stringify({ level: 'warn', time: Date.now(), msg, ...describe(obj) })),
  error: (obj: object, msg: string) =>
    console.error(JSON.stringify({ level: 'error', time: Date.now(), msg, ...describe(obj) })),
};
function describe(obj: object) {
  const { err, ...rest } = obj as { err?: unknown };
  return { ...rest, ...(err ? { err: err instanceof Error ? err.message : String(err) } : {}) };
}

const database = await openDatabase({ url: config.DATABASE_URL });
const secret = config.JWT_SECRET ?? (await loadOrCreateDevSecret(database.db));
const mailer = createMailer(database.db, {
  smtpUrl: config.SMTP_URL,
  from: config.MAIL_FROM,
  smtpConnections: config.SMTP_POOL_SIZE,
});
const search = createSearchIndex({
  meiliUrl: config.MEILI_URL,
  meiliKey: config.MEILI_MASTER_KEY,
  meiliIndex: config.MEILI_INDEX,
  db: database.db,
  embedded: database.kind === 'pglite',
});
// The api applies the index settings too; a search engine still starting only delays the sync jobs.
await search.ensureIndex().catch((err) => log.warn({ err }, 'search index not ready yet'));
// Fails here, before consuming anything, if a job has no handler.
const handlers = createJobHandlers({
  db: database.db,
  mailer,
  secret,
  appUrl: config.PUBLIC_APP_URL,
  search,
});

const prefix = config.QUEUE_PREFIX;
const producer = producerConnection(config.REDIS_URL);
producer.on('error', () => {}); // the relay logs refused batches itself
const consumer = workerConnection(config.REDIS_URL);
consumer.on('error', (err) => log.warn({ err }, 'redis connection error'));
const queue = createQueue(producer, prefix);
const relay = createRelay({ db: database.db, queue, pollMs: config.RELAY_POLL_MS, log });
const worker = createWorker({
  connection: consumer,
  handlers,
  concurrency: config.WORKER_CONCURRENCY,
  outbox: createOutboxRepository(database.db),
  ...(prefix ? { prefix } : {}),
  name: `${hostname()}:${process.pid}`,
  ...(config.STALLED_INTERVAL_MS ? { stalledIntervalMs: config.STALLED_INTERVAL_MS } : {}),
  ...(config.LOCK_DURATION_MS ? { lockDurationMs: config.LOCK_DURATION_MS } : {}),
  log,
});
relay.start();
// Producers fail fast while disconnected, so register the schedules once Redis answers (again).
producer.on('ready', () =>
  registerSchedules(queue, config.SCAN_EVERY_MS ? { everyMs: config.SCAN_EVERY_MS } : {}).catch((err) =>
    log.warn({ err }, 'could not register schedules'),
  ),
);
log.info(`worker started: concurrency ${config.WORKER_CONCURRENCY}, mail via ${mailer.transport}`);
if (config.SCAN_EVERY_MS)
  log.info(`SCAN_EVERY_MS: every periodic scan runs every ${config.SCAN_EVERY_MS} ms`);

closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
  if (err) log.error({ err }, 'closing after an error');
  else log.info(`${signal} received: finishing active jobs`);
  await relay.stop();
  await worker.close();
  await queue.close();
  consumer.disconnect();
  producer.disconnect();
  await mailer.close();
  await database.close();
});
