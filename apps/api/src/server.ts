import { defaultDataDir, migrate, openDatabase, seed } from '@handoff/db';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir ?? defaultDataDir });
// The embedded database belongs to this process alone, so it brings itself up to date here;
// a shared Postgres is migrated by `pnpm db:migrate` as a deploy step instead.
if (database.kind === 'pglite') {
  await migrate(database);
  await seed(database, { demo: config.env !== 'production' });
}

const server = await buildApp({ config, database });
if (config.jwtSecretGenerated) {
  server.log.warn('JWT_SECRET is not set: using a random secret for this process (development only)');
}

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) server.log.error({ err }, 'closing after an error');
  else server.log.info(`${signal} received, closing`);
  await server.close();
  await database.close();
});

await server.listen({ host: config.host, port: config.port });
