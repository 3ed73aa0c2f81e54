/**
 * The worker-thread side of the pool. Each named export is a task (Piscina `run(task, { name })`):
 * `trials` runs a block of trials with the engine; `summarizeTask`, `compareTask` and `sensitivityTask`
 * turn results into the engine's Summary / comparison / tornado, so that none of it runs on the
 * server's event loop. Results go back by transfer, not by copy.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import {
  compareResults,
  runTrials,
  sensitivityFromResults,
  summarize,
  type CompareResult,
  type Scenario,
  type SensitivityResult,
  type SensitivityRun,
  type Summary,
  type TrialResults,
} from '../engine/index.js';
import { transferList } from './transfer.js';

export interface TrialsTask {
  scenario: Scenario;
  seed: number;
  from: number;
  count: number;
}

export interface SummarizeTask {
  scenario: Scenario;
  results: TrialResults;
  seed: number;
  elapsedMs?: number;
}

/** Wraps `value` so Piscina transfers its typed arrays' buffers instead of copying them. */
function movable<T extends object>(value: T): T {
  return move({ [transferableSymbol]: transferList(value), [valueSymbol]: value } as never) as unknown as T;
}

/**
 * Runs trials [from, from + count) of `scenario` with `seed`.
 * @example await pool.run({ scenario, seed: 1, from: 0, count: 100 }, { name: 'trials' })
 */
export function trials(task: TrialsTask): TrialResults {
  return movable(runTrials(task.scenario, task.seed, task.from, task.count));
}

/**
 * Summarises merged results (the engine's `summarize`) off the main thread.
 * @example await pool.run({ scenario, results, seed: 1 }, { name: 'summarizeTask', transferList: transferList(results) })
 */
export function summarizeTask(task: SummarizeTask): Summary {
  return summarize(task.scenario, task.results, { seed: task.seed, elapsedMs: task.elapsedMs });
}

export interface CompareTask {
  baseline: Scenario;
  baseResults: TrialResults;
  variants: { name: string; scenario: Scenario; results: TrialResults }[];
  seed: number;
  elapsedMs?: number;
  /** each run's wall time, baseline first (the summaries' meta) */
  runElapsedMs?: number[];
}

/**
 * The engine's `compareResults` (paired statistics of variants against the baseline) off the main thread.
 * @example await pool.run(task, { name: 'compareTask' })
 */
export function compareTask(t: CompareTask): CompareResult {
  return compareResults(t.baseline, t.baseResults, t.variants, { seed: t.seed, elapsedMs: t.elapsedMs, runElapsedMs: t.runElapsedMs });
}

export interface SensitivityTask {
  scenario: Scenario;
  baseResults: TrialResults;
  runs: SensitivityRun[];
  results: { low: TrialResults; high: TrialResults }[];
  seed: number;
  elapsedMs?: number;
}

/**
 * The engine's `sensitivityFromResults` (the tornado) off the main thread.
 * @example await pool.run(task, { name: 'sensitivityTask' })
 */
export function sensitivityTask(t: SensitivityTask): SensitivityResult {
  return sensitivityFromResults(t.scenario, t.baseResults, t.runs, t.results, { seed: t.seed, elapsedMs: t.elapsedMs });
}

// calibration from CRM history (server: POST /api/calibrate, /api/backtest)
export { calibrateTask, bookedRevenueTask, bandTask } from './calibrate.js';
