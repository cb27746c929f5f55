import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'test/e2e-firefox/**'],
          setupFiles: ['test/setup.ts'],
          benchmark: { include: ['test/bench/**/*.bench.ts'] },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // The same journeys in Firefox (firefox-esr through puppeteer-core), on `wxt build -b firefox`.
        test: {
          name: 'e2e-firefox',
          include: ['test/e2e-firefox/**/*.test.ts'],
          // Firefox under BiDi answers each query in a round trip of its own, slower than
          // Playwright's Chromium; on a busy machine a panel's load can pass the default 1 s.
          expect: { poll: { timeout: 5_000 } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // Browser measurements for `npm run bench`: they print figures and assert nothing timed.
        test: {
          name: 'measure',
          include: ['test/bench/**/*.measure.ts'],
          globalSetup: ['test/bench/results.ts'], // prints the budgets table after the last measure
          testTimeout: 300_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
