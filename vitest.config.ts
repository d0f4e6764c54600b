import { defineConfig } from 'vitest/config';

/**
 * Tests that touch no database: the pure rules, and checks that only read files. They run without
 * the database template, so `npx vitest run src/rules` answers in seconds. A test that opens a
 * database belongs in the integration project, and anything not listed here is in it.
 */
const withoutDatabase = [
  'src/rules/**/*.test.ts',
  'test/web-messages.test.ts',
  'test/zh-wording.test.ts',
  'test/api/riskAreas.units.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One queue for both projects: two cores, two workers.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'rules',
          include: withoutDatabase,
          pool: 'threads',
          // Pure functions: a worker keeps the modules it loaded for the next file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // Module tests may also live beside their modules (src/modules/**, src/platform/**).
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...withoutDatabase, 'test/e2e/**', 'node_modules/**'],
          // Migrates one template per run; every test file opens its own copy of it.
          globalSetup: ['test/support/globalSetup.ts'],
          pool: 'forks',
          // A fork reuses the modules it loaded (PGlite's WebAssembly, Fastify, the app) for its
          // next file: about 30 % less CPU. The state that matters is the database, and each file
          // has its own; a test must not rely on fresh module state (no vi.mock, no module-level
          // variables it changes).
          isolate: false,
        },
      },
    ],
  },
});
