import { defineConfig } from 'vitest/config';

// Three tiers (ARCHITECTURE): unit, integration on PGlite (and PostgreSQL when DATABASE_URL is
// set), end-to-end in Chromium. Integration files are named *.int.test.ts, unit *.unit.test.ts.
const integration = (engine: 'pglite' | 'postgres') => ({
  test: {
    name: `integration-${engine}`,
    include: ['src/**/*.int.test.ts', 'test/integration/**/*.int.test.ts'],
    env: { PORTICO_TEST_DB: engine },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Runs once for the whole run, so the projects never race over the templates.
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      { test: { name: 'unit', include: ['src/**/*.unit.test.ts', 'test/unit/**/*.unit.test.ts'] } },
      integration('pglite'),
      ...(process.env.DATABASE_URL ? [integration('postgres')] : []),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          // The demo, loaded once for the project's files rather than once per file.
          globalSetup: ['test/support/e2e-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // The files run one after another in one worker that keeps its imports (the server, PGlite,
          // Playwright: ~5 s a file): each file still starts its own server, database and Chromium.
          isolate: false,
          // After the other projects, as before isolate: false (Vitest runs a single-worker project's
          // files last only when isolated), and never in one group with projects of more workers.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
