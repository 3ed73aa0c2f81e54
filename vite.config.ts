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
  },
});
