import { defineConfig } from 'vitest/config';

// Three suites share one run: `unit` (node: domain, services, stores, API, bot), `tab` (jsdom
// component tests) and `e2e` (real processes and Chromium; serial). Benchmarks live in test/bench and
// run with `npm run bench`, never as timing assertions in tests.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/tab/**', 'node_modules/**'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'tab',
          environment: 'jsdom',
          include: ['test/tab/**/*.test.{ts,tsx}'],
          setupFiles: ['test/tab/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // `npm run bench`: every file in test/bench, one after another, then one table of figures
        // and goals (test/bench/bench-report.ts).
        extends: true,
        test: {
          name: 'bench',
          environment: 'node',
          include: [],
          benchmark: { include: ['test/bench/**/*.bench.ts'] },
          globalSetup: ['test/bench/bench-report.ts'],
          fileParallelism: false,
          hookTimeout: 600_000,
          testTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
    benchmark: {
      include: ['test/bench/**/*.bench.ts'],
    },
    coverage: {
      provider: 'v8',
      include: ['bot/**/*.ts'],
      exclude: ['bot/main.ts', 'bot/**/*.d.ts'],
      reporter: ['text-summary', 'html', 'json-summary'],
      reportsDirectory: 'coverage',
      thresholds: {
        lines: 80,
        functions: 80,
        branches: 70,
        statements: 80,
      },
    },
  },
});
