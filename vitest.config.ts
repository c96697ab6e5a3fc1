import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    // A browser waits for the server, which on a loaded two-core machine may take seconds, not the default one.
    expect: { poll: { timeout: 10_000 } },
  },
});
