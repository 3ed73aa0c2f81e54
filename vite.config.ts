import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // both cores: the files are independent (each server test listens on its own free port), and the suite's wall time halves
    maxWorkers: 2,
  },
});
