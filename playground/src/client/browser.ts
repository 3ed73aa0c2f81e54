/**
 * The Web Worker client as the page starts it: a pool of `navigator.hardwareConcurrency - 1` engine
 * workers (at least one), created on the first call, so a page that never runs anything starts none.
 */
import { browserWorkers, createEnginePool, type EnginePool } from './pool.js';
import type { SalesimClient } from './types.js';
import { createWorkerClient } from './workers.js';

/** Starts one engine worker (a module worker; Vite bundles the entry with the engine). */
export function spawnEngineWorker(): Worker {
  return new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'salesim-engine' });
}

type Method = Exclude<keyof SalesimClient, 'kind' | 'hasStore'>;
/** Every call of the client interface: a Record over its keys, so a call added to SalesimClient and not here fails to compile (a list let sobol, rollingBacktest, scenarioRevisions and restoreRevision go missing). */
const METHODS: Record<Method, true> = {
  presets: true,
  preset: true,
  simulate: true,
  stream: true,
  summaryCsv: true,
  compare: true,
  sensitivity: true,
  sobol: true,
  solve: true,
  calibrate: true,
  backtest: true,
  rollingBacktest: true,
  forecast: true,
  sample: true,
  listScenarios: true,
  getScenario: true,
  saveScenario: true,
  updateScenario: true,
  deleteScenario: true,
  scenarioRevisions: true,
  restoreRevision: true,
};

/**
 * A client whose pool starts on first use.
 * @example const summary = await createBrowserClient().simulate({ scenario, trials: 500, seed: 1 });
 */
export function createBrowserClient(workers = browserWorkers()): SalesimClient {
  let inner: SalesimClient | null = null;
  let pool: EnginePool | null = null;
  const get = () => {
    if (!inner) {
      pool = createEnginePool(spawnEngineWorker, workers);
      inner = createWorkerClient(pool);
    }
    return inner;
  };
  const lazy = {} as Record<string, unknown>;
  for (const key of Object.keys(METHODS) as Method[]) {
    lazy[key] = (...args: unknown[]) => (get()[key] as (...a: unknown[]) => unknown)(...args);
  }
  return { ...(lazy as unknown as SalesimClient), kind: 'browser', hasStore: false };
}
