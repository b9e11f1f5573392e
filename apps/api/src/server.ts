import {
  defaultDataDir,
  loadOrCreateDevSecret,
  migrate,
  openDatabase,
  seed,
  type EmbeddedEvent,
} from '@handoff/db';
import { createSearchIndex } from '@handoff/search';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

// Written to stderr directly: the logger does not exist yet when the embedded database starts.
const logEmbedded = (event: EmbeddedEvent) => {
  const what =
    event.type === 'ready'
      ? `embedded database ready (pid ${event.pid}, ${event.startMs} ms${event.restarts ? `, restart ${event.restarts}` : ''})`
      : event.type === 'wedged'
        ? `embedded database pid ${event.pid} did not answer for ${Math.round(event.waitedMs / 1000)} s: killing and restarting it`
        : `embedded database pid ${event.pid} exited (${event.signal ?? `code ${event.code}`}): restarting it`;
  const tail =
    event.type === 'ready'
      ? ''
      : `\n  last statements:\n    ${event.lastStatements.join('\n    ') || '(none)'}`;
  if (event.type !== 'ready' || event.restarts > 0 || config.logLevel === 'info')
    console.error(`${what}${tail}`);
};
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.dataDir ?? defaultDataDir,
  onEmbeddedEvent: logEmbedded,
});
const search = createSearchIndex({
  meiliUrl: config.meiliUrl,
  meiliKey: config.meiliKey,
  meiliIndex: config.meiliIndex,
  db: database.db,
  embedded: database.kind === 'pglite',
});
// The embedded database belongs to this process alone, so it brings itself up to date here;
// a shared Postgres is migrated by `pnpm db:migrate` as a deploy step instead.
if (database.kind === 'pglite') {
  await migrate(database);
  // Demo providers go straight into the search index (one batch, not one job each).
  await search.ensureIndex();
  await seed(database, { demo: config.env !== 'production', search });
}

// Development without JWT_SECRET: a random secret kept in the local database, shared with the
// worker and stable across restarts. Production never gets here (config requires JWT_SECRET).
if (config.jwtSecretGenerated) config = { ...config, jwtSecret: await loadOrCreateDevSecret(database.db) };

const server = await buildApp({ config, database, search });
if (config.jwtSecretGenerated)
  server.log.warn('JWT_SECRET is not set: using the development secret in the database');
if (server.services.jobs.mode === 'in-process')
  server.log.info('REDIS_URL is not set: jobs run in this process');

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) server.log.error({ err }, 'closing after an error');
  else server.log.info(`${signal} received, closing`);
  await server.close();
  await database.close();
});

await server.listen({ host: config.host, port: config.port });
