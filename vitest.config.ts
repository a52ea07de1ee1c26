import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Two cores here and in CI: keep workers to what the machine has.
    maxWorkers: 2,
    // A private PostgreSQL server for the dual-dialect tests (tests/support/postgres-global-setup.ts).
    globalSetup: ['tests/support/postgres-global-setup.ts'],
  },
});
