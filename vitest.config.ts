import { defineConfig } from 'vitest/config';

// Three projects: services and wiring in Node, the renderer in jsdom, and end-to-end runs in
// Debian's Chromium through the harness. Database tests use forks (native module per process).
export default defineConfig({
  test: {
    // The JSON report feeds the one-line summary printed by .ci/run.
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'server/**/*.test.ts', 'test/**/*.test.ts'],
          pool: 'forks',
          // Real worker threads start TypeScript through tsx (1–2 s on a loaded 2-core machine).
          testTimeout: 20_000,
          // Server suites start a throw-away PostgreSQL cluster in beforeAll (test/support/postgres.ts).
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/jsdom-setup.ts'],
          pool: 'forks',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
