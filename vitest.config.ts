import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each worker loads the server's modules once for all its files (isolating them cost 4–8 s of imports per file);
    // tests keep no state in modules: a per-process budget or folder a test depends on is made per file.
    isolate: false,
    maxWorkers: 2,
    reporters: ['default'],
    // A browser waits for the server, which on a loaded two-core machine may take seconds, not the default one.
    expect: { poll: { timeout: 10_000 } },
  },
});
