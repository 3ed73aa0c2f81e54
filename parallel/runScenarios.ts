/**
 * Several scenarios on common random numbers, on the worker pool or in this thread, and the engine's
 * reductions of them (paired comparison, tornado). Shared by the CLI (`salesim compare`, `salesim
 * sensitivity`) and the server (POST /api/compare, /api/sensitivity), so both give the same numbers.
 */
import {
  compareResults,
  createPrecisionTracker,
  drawsPerTrial,
  parsePrecision,
  type PrecisionReport,
  type TargetName,
  type TrialResults,
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
import { RUN_TARGETS, runBaseThenRest, runScenariosPrecise, type PreciseOptions } from './precision.js';

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
  /**
   * run until these targets hold (engine `parsePrecision`) instead of `trials` trials, up to `maxTrials`;
   * a comparison checks every scenario (and diff: every variant's paired difference), a tornado its base
   * scenario, and the others then run the trials the base used
   */
  precision?: { spec: string; maxTrials: number; /** the default precision (no trial count named anywhere): the report says so */ default?: boolean };
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
  const all = [baseline, ...variants.map((v) => v.scenario)];
  let results: TrialResults[];
  let runElapsedMs: number[] | undefined;
  let precision: PrecisionReport | undefined;
  if (opts.precision) {
    const p = await runScenariosPrecise(all, opts.precision.spec, COMPARE_TARGETS, preciseOptions(opts, all.length));
    results = p.results;
    precision = opts.precision.default ? { ...p.precision, default: true } : p.precision;
  } else ({ results, elapsedMs: runElapsedMs } = await runScenarios(all, opts));
  const [baseResults, ...rest] = results;
  const runs = variants.map((v, i) => ({ ...v, results: rest[i] }));
  const designTrials = opts.precision && all.some(drawsPerTrial) ? opts.precision.maxTrials : undefined;
  const task = { baseline, baseResults, variants: runs, seed: opts.seed, elapsedMs: performance.now() - t0, runElapsedMs, designTrials };
  const out = opts.pool ? await compareInPool(opts.pool, task, opts.signal) : compareResults(baseline, baseResults, runs, task);
  return precision ? { ...out, precision } : out;
}

/**
 * Runs a tornado's planned scenarios (`planSensitivity`) with the base scenario's seed and builds it
 * (the engine's `sensitivityFromResults`): on the pool when one is given, else in this thread.
 * @example const tornado = await runSensitivity(scenario, planSensitivity(scenario), { trials: 1000, seed: 1, workers: 2 });
 */
export async function runSensitivity(scenario: Scenario, runs: SensitivityRun[], opts: RunScenariosOptions): Promise<SensitivityResult> {
  const t0 = performance.now();
  const all = sensitivityScenarios(scenario, runs);
  let results: TrialResults[];
  let precision: PrecisionReport | undefined;
  if (opts.precision) {
    // the base scenario runs until the targets hold; every low/high run then takes the same trials
    // (the same blocks, so with uncertain inputs the same design of maxTrials)
    const tracker = createPrecisionTracker([scenario], parsePrecision(opts.precision.spec), RUN_TARGETS);
    ({ results } = await runBaseThenRest(all, tracker, preciseOptions(opts, 1)));
    precision = tracker.report(opts.precision.spec, opts.precision.maxTrials);
    if (opts.precision.default) precision.default = true;
  } else ({ results } = await runScenarios(all, opts));
  const task = { scenario, baseResults: results[0], runs, results: sensitivityPairs(runs, results), seed: opts.seed, elapsedMs: performance.now() - t0 };
  const out = opts.pool ? await sensitivityInPool(opts.pool, task, opts.signal) : sensitivityFromResults(scenario, task.baseResults, runs, task.results, task);
  return precision ? { ...out, precision } : out;
}

/** Targets a comparison can honour. */
const COMPARE_TARGETS: readonly TargetName[] = ['p_plan', 'revenue', 'arr', 'diff'];

/** The options of a precision-targeted part of a call (progress: trials over all of its scenarios). */
function preciseOptions(opts: RunScenariosOptions, scenarios: number): PreciseOptions {
  const { onProgress } = opts;
  return {
    seed: opts.seed,
    maxTrials: opts.precision!.maxTrials,
    pool: opts.pool,
    workers: opts.workers,
    signal: opts.signal,
    onCount: onProgress && ((done, max) => onProgress(done * scenarios, max * scenarios)),
  };
}
