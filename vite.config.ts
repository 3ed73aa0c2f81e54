import { defineConfig } from 'vitest/config';
import { blockDefaults } from './engine/blockDefaults.js';

export default defineConfig({
  // the engine's block defaults, as playground/vite.config.ts embeds them in the page (playground/src/schemaDefaults.ts)
  define: { __SALESIM_BLOCK_DEFAULTS__: JSON.stringify(blockDefaults()) },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // both cores: the files are independent (each server test listens on its own free port), and the suite's wall time halves
    maxWorkers: 2,
    // files share their two processes instead of each starting a fresh one and importing the engine again:
    // the suite's module imports took 101 s (summed over files) isolated and 52 s shared. Tests must leave
    // the process as they found it (environment, cwd, globals: test/docs/examples.test.ts restores its own)
    isolate: false,
  },
});
