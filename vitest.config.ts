import { defineConfig } from 'vitest/config';
import { stackTimeout } from './test/support/timeouts.js';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          // Hooks start stacks: never cut their readiness waits short (those fail first, saying why).
          hookTimeout: stackTimeout(),
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          // React components in a DOM (jsdom): no stack, no browser; layout is given by each test.
          name: 'client-dom',
          include: ['test/client-dom/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/client-dom/setup.ts'],
          // jsdom renders slowly on a busy machine: the 5 s default is a wall-clock bound, not a check.
          testTimeout: 60_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: stackTimeout(),
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
