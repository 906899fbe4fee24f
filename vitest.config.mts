import { defineConfig } from 'vitest/config';

// Two cores: files run in parallel in forked workers (better-sqlite3 is a native addon, so forks
// rather than threads). Every test makes its own data dir and asks the OS for free ports.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
