import { defineConfig } from 'vitest/config';

const integration = ['apps/*/test/**/*.int.test.ts', 'packages/*/test/**/*.int.test.ts'];
const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) {
  console.log(
    '[handoff] DATABASE_URL is not set: the Postgres half of the integration tests is not run (the PGlite half is).',
  );
}

export default defineConfig({
  test: {
    // The JSON report feeds the one-line summary CI ends with (infra/scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/*/src/**/*.test.ts',
            'apps/*/test/**/*.unit.test.ts',
            'infra/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', 'apps/web/**'],
        },
      },
      {
        test: {
          name: 'pglite',
          include: integration,
          env: { HANDOFF_TEST_DB: 'pglite' },
          globalSetup: ['packages/db/test/pglite-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(hasPostgres
        ? [
            {
              test: {
                name: 'postgres',
                include: integration,
                env: { HANDOFF_TEST_DB: 'postgres' },
                globalSetup: ['packages/db/test/pg-global-setup.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'browser',
          include: ['apps/web/e2e/**/*.e2e.test.ts'],
          globalSetup: ['apps/web/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
