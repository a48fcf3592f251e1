import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Fails the run if a test leaves a temp folder or a process behind (see the file).
    globalSetup: ['test/global-setup.ts'],
  },
});
