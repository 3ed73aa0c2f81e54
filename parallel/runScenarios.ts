/**
 * Several scenarios on common random numbers, on the worker pool or in this thread, and the engine's
 * reductions of them (paired comparison, tornado). Shared by the CLI (`salesim compare`, `salesim
 * sensitivity`) and the server (POST /api/compare, /api/sensitivity), so both give the same numbers.
 */
import {
  compareResults,
  sensitivityFromResults,
  sensitivityPairs,
  sensitivityScenarios,
  simulateEach,
  type CompareResult,
  type Scenario,
  type ScenarioRuns,
  type SensitivityResult,
  type SensitivityRun,
} from '../engine/index.js';
import { createPool, type Pool } from './pool.js';
import { defaultChunkSize, runParallel } from './run.js';
import { compareInPool, sensitivityInPool } from './tasks.js';

export interface RunScenariosOptions {
  /** trials of every run */
  trials: number;
  /** the seed every run shares */
  seed: number;
  /** an existing pool (the server's); the reduction then runs on it too, off the caller's event loop */
  pool?: Pool;
  /** without `pool`: threads of a pool made for this call and destroyed after it; 1 (default) = this thread */
  workers?: number;
  /** aborting rejects with its reason (on a pool at once; in this thread only before the runs start) */
  signal?: AbortSignal;
  /** trials done over all runs, for a progress bar */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs the scenarios one after another with the same trials and seed: on `pool`, on a pool of `workers`
 * threads made for the call, or in this thread (`simulateEach`) when `workers` is 1. Results are
 * bit-identical either way, for any number of workers.
 * @example const { results, elapsedMs } = await runScenarios([baseline, variant], { trials: 2000, seed: 1, workers: 2 });
 */
export async function runScenarios(scenarios: Scenario[], opts: RunScenariosOptions): Promise<ScenarioRuns> {
  const { trials, seed, signal, onProgress } = opts;
  signal?.throwIfAborted();
  if (!opts.pool && (opts.workers ?? 1) <= 1) {
    return simulateEach(scenarios, { trials, seed, onProgress });
  }
  const pool = opts.pool ?? createPool({ workers: opts.workers });
  const total = trials * scenarios.length;
  // a watched run takes small chunks so that progress is regular (chunking never changes results)
  const chunkSize = onProgress ? defaultChunkSize(trials, pool.maxThreads) : undefined;
  const results: ScenarioRuns['results'] = [];
  const elapsedMs: number[] = [];
  try {
    for (const [i, scenario] of scenarios.entries()) {
      const offset = i * trials;
      const t0 = performance.now();
      results.push(await runParallel(scenario, { trials, seed, pool, signal, chunkSize, onCount: onProgress && ((done) => onProgress(offset + done, total)) }));
      elapsedMs.push(performance.now() - t0);
    }
  } finally {
    if (!opts.pool) await pool.destroy();
  }
  return { results, elapsedMs };
}

/**
 * Runs a baseline and its variants with the same seed (`runScenarios`) and compares them trial by
 * trial (the engine's `compareResults`): on the pool when one is given, else in this thread.
 * @example const r = await runComparison(baseline, [{ name: 'hire 10', scenario: hire }], { trials: 2000, seed: 1, workers: 2 });
 */
export async function runComparison(
  baseline: Scenario,
  variants: { name: string; scenario: Scenario }[],
  opts: RunScenariosOptions,
): Promise<CompareResult> {
  const t0 = performance.now();
  const { results, elapsedMs: runElapsedMs } = await runScenarios([baseline, ...variants.map((v) => v.scenario)], opts);
  const [baseResults, ...rest] = results;
  const runs = variants.map((v, i) => ({ ...v, results: rest[i] }));
  const task = { baseline, baseResults, variants: runs, seed: opts.seed, elapsedMs: performance.now() - t0, runElapsedMs };
  return opts.pool ? compareInPool(opts.pool, task, opts.signal) : compareResults(baseline, baseResults, runs, task);
}

/**
 * Runs a tornado's planned scenarios (`planSensitivity`) with the base scenario's seed and builds it
 * (the engine's `sensitivityFromResults`): on the pool when one is given, else in this thread.
 * @example const tornado = await runSensitivity(scenario, planSensitivity(scenario), { trials: 1000, seed: 1, workers: 2 });
 */
export async function runSensitivity(scenario: Scenario, runs: SensitivityRun[], opts: RunScenariosOptions): Promise<SensitivityResult> {
  const t0 = performance.now();
  const { results } = await runScenarios(sensitivityScenarios(scenario, runs), opts);
  const task = { scenario, baseResults: results[0], runs, results: sensitivityPairs(runs, results), seed: opts.seed, elapsedMs: performance.now() - t0 };
  return opts.pool ? sensitivityInPool(opts.pool, task, opts.signal) : sensitivityFromResults(scenario, task.baseResults, runs, task.results, task);
}
