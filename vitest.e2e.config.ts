import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // A browser on a busy 2-core machine: wait up to 10 s for what the page should come to show.
    expect: { poll: { timeout: 10_000 } },
  },
});
