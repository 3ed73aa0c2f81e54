/**
 * The worker-thread side of the pool. Each named export is a task (Piscina `run(task, { name })`):
 * `trials` runs a block of trials with the engine; `summarizeTask`, `compareTask` and `sensitivityTask`
 * turn results into the engine's Summary / comparison / tornado, so that none of it runs on the
 * server's event loop. Results go back by transfer, not by copy.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import { runInNewContext } from 'node:vm';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import {
  compareResults,
  mergeResults,
  runTrials,
  seatCount,
  sensitivityFromResults,
  summarize,
  type CompareResult,
  type Scenario,
  type SensitivityResult,
  type SensitivityRun,
  type Summary,
  type TrialResults,
} from '../engine/index.js';
import { InputError, solve, solvePrecise, withAbortCell, isRunAborted, RunAborted, type InputIssue, type SolveOptions, type SolvePoint, type SolveResult } from '../engine/index.js';
import { compareAssumptions, scenarioIndices, type AssumptionAnalysis, type AssumptionAnalysisOptions, type OutcomeMetric, type ScenarioIndices } from '../engine/index.js';
import { transferList } from './transfer.js';
import { calibrateTask as calibrateTask0, bookedRevenueTask as bookedRevenueTask0, bandTask as bandTask0, rollingTask as rollingTask0 } from './calibrate.js';
import { prepareForecastTask as prepareForecastTask0, forecastReportTask as forecastReportTask0, sampleExportTask as sampleExportTask0 } from './forecast.js';

export interface TrialsTask {
  scenario: Scenario;
  seed: number;
  from: number;
  count: number;
  /** a shared flag: 1 = the run was cancelled */
  cancel?: Int32Array;
}

export interface SummarizeTask {
  scenario: Scenario;
  results: TrialResults;
  seed: number;
  elapsedMs?: number;
}

/**
 * A full garbage collection of this worker's heap soon after a task that held a large run: an idle
 * worker never collects by itself, so the run's buffers (hundreds of MB for 100,000 trials) would stay
 * resident until its next task. It runs on this worker's thread, never on the server's event loop.
 */
const collect: (() => void) | null = (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
})();
let collectTimer: ReturnType<typeof setTimeout> | null = null;
/** Bytes of results handled since the last collection. */
let handledBytes = 0;
const COLLECT_AFTER_BYTES = 32 * 1024 * 1024;

function collectSoon(bytes: number): void {
  handledBytes += bytes;
  if (!collect || handledBytes < COLLECT_AFTER_BYTES || collectTimer) return;
  collectTimer = setTimeout(() => {
    collectTimer = null;
    handledBytes = 0;
    collect();
  }, 50);
}

/**
 * Collects when idle whatever tasks left behind: an idle worker never collects by itself, and not every
 * task reports its bytes to collectSoon (forecasts, calibrations, solves), so a large run's garbage
 * stayed resident (measured: 120 MB of array buffers in one worker after the issue-32 fuzz). Every
 * IDLE_CHECK_MS an idle worker (a task is synchronous, so a timer only fires between tasks) collects
 * when its heap and array buffers grew by IDLE_COLLECT_BYTES since the last collection (or since the
 * lowest level seen after it). Unref'd: it never keeps a worker alive.
 * Not covered: the buffers transferred in with a worker's last task stay alive until its next task
 * arrives (Node's message port holds them), whatever the collector does.
 */
const IDLE_CHECK_MS = 500;
const IDLE_COLLECT_BYTES = 32 * 1024 * 1024;
const heldBytes = () => {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
};
let afterCollect = heldBytes();
if (collect) {
  setInterval(() => {
    const held = heldBytes();
    afterCollect = Math.min(afterCollect, held);
    if (held - afterCollect < IDLE_COLLECT_BYTES) return;
    collect();
    afterCollect = heldBytes();
  }, IDLE_CHECK_MS).unref();
}

const bytesOf = (r: TrialResults) => transferList(r).reduce((a, b) => a + b.byteLength, 0);

/** Wraps `value` so Piscina transfers its typed arrays' buffers instead of copying them. */
function movable<T extends object>(value: T): T {
  return move({ [transferableSymbol]: transferList(value), [valueSymbol]: value } as never) as unknown as T;
}

/** Rep-months of one sub-block of a trials task: between two looks at the cancel flag. */
const SUB_BLOCK_REP_MONTHS = 100_000;

/**
 * Runs trials [from, from + count) of `scenario` with `seed`. With `cancel` (a shared flag the caller
 * sets to 1 when the run is cancelled), a task still queued when its run is cancelled does nothing and
 * a running one stops at its next sub-block, so a cancelled run frees its workers at once; the caller
 * drops what such a task returns.
 * @example await pool.run({ scenario, seed: 1, from: 0, count: 100 }, { name: 'trials' })
 */
export function trials(task: TrialsTask): TrialResults {
  const { scenario, seed, from, count, cancel } = task;
  const cancelled = () => cancel !== undefined && Atomics.load(cancel, 0) !== 0;
  if (!cancel) return movable(runTrials(scenario, seed, from, count));
  // rep-months of one trial: the seats it can ever use (the engine's count: the territories' and the hiring plan's) x its months
  const perTrial = Math.max(1, seatCount(scenario)) * scenario.horizonMonths;
  const sub = Math.max(1, Math.ceil(SUB_BLOCK_REP_MONTHS / perTrial));
  const parts: TrialResults[] = [];
  for (let f = from; f < from + count; f += sub) {
    if (cancelled()) return movable(parts.length > 0 ? mergeResults(parts) : runTrials(scenario, seed, from, 0));
    try {
      // the engine looks at the flag every simulated month too (engine/abort.ts): a long trial stops inside
      parts.push(withAbortCell(cancel, () => runTrials(scenario, seed, f, Math.min(sub, from + count - f))));
    } catch (e) {
      if (!isRunAborted(e)) throw e;
      return movable(runTrials(scenario, seed, from, 0));
    }
  }
  if (parts.length === 1) return movable(parts[0]);
  const merged = mergeResults(parts);
  collectSoon(bytesOf(merged)); // the sub-blocks are garbage now
  return movable(merged);
}

export interface MergeTask {
  parts: TrialResults[];
}

/**
 * Concatenates consecutive blocks (the engine's `mergeResults`) off the main thread; the blocks come
 * and the merged block goes back by transfer, so the caller's event loop copies nothing.
 * @example await pool.run({ parts }, { name: 'mergeTask', transferList: parts.flatMap(transferList) })
 */
export function mergeTask(task: MergeTask): TrialResults {
  const merged = task.parts.length === 1 ? task.parts[0] : mergeResults(task.parts);
  collectSoon(bytesOf(merged));
  return movable(merged);
}

export interface SummarizePartsTask {
  scenario: Scenario;
  parts: TrialResults[];
  seed: number;
  elapsedMs?: number;
  /** send the merged block back (the prefix of a run still going) */
  keep: boolean;
  /** with uncertain inputs: the design's trials when they differ from the trials summarised (a precision-targeted run's cap) */
  designTrials?: number;
}

/**
 * Merges consecutive blocks and summarises them; with `keep`, the merged block comes back (by
 * transfer) to be extended with the next blocks.
 * @example await pool.run({ scenario, parts, seed: 1, keep: false }, { name: 'summarizePartsTask', transferList })
 */
export function summarizePartsTask(task: SummarizePartsTask): { summary: Summary; merged: TrialResults | null } {
  const merged = task.parts.length === 1 ? task.parts[0] : mergeResults(task.parts);
  const summary = summarize(task.scenario, merged, { seed: task.seed, elapsedMs: task.elapsedMs, designTrials: task.designTrials });
  collectSoon(2 * bytesOf(merged));
  if (!task.keep) return { summary, merged: null };
  return move({ [transferableSymbol]: transferList(merged), [valueSymbol]: { summary, merged } } as never) as never;
}

/**
 * Summarises merged results (the engine's `summarize`) off the main thread.
 * @example await pool.run({ scenario, results, seed: 1 }, { name: 'summarizeTask', transferList: transferList(results) })
 */
export function summarizeTask(task: SummarizeTask): Summary {
  collectSoon(bytesOf(task.results));
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
  /** with uncertain inputs: the design's trials when they differ from the trials run (a precision-targeted run's cap) */
  designTrials?: number;
}

/**
 * The engine's `compareResults` (paired statistics of variants against the baseline) off the main thread.
 * @example await pool.run(task, { name: 'compareTask' })
 */
export function compareTask(t: CompareTask): CompareResult {
  collectSoon(bytesOf(t.baseResults) * (1 + t.variants.length));
  return compareResults(t.baseline, t.baseResults, t.variants, { seed: t.seed, elapsedMs: t.elapsedMs, runElapsedMs: t.runElapsedMs, designTrials: t.designTrials });
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
  collectSoon(bytesOf(t.baseResults) * (1 + 2 * t.results.length));
  return sensitivityFromResults(t.scenario, t.baseResults, t.runs, t.results, { seed: t.seed, elapsedMs: t.elapsedMs });
}

export interface AssumptionsTask {
  baseline: Scenario;
  variants: { name: string; scenario: Scenario }[];
  opts: Omit<AssumptionAnalysisOptions, 'onProgress'>;
}

/**
 * The engine's assumption analysis of a comparison (Sobol indices, variance shares, break-evens) off the main thread.
 * @example await pool.run({ baseline, variants, opts: { n: 256 } }, { name: 'assumptionsTask' })
 */
export const assumptionsTask = cancellable((t: AssumptionsTask): AssumptionAnalysis => compareAssumptions(t.baseline, t.variants, t.opts));

export interface IndicesTask {
  scenario: Scenario;
  opts: { metric?: OutcomeMetric; n: number; seed: number };
}

/**
 * The engine's variance-based sensitivity of one scenario over its assumptions (`scenarioIndices`,
 * salesim sensitivity --sobol) off the main thread.
 * @example await pool.run({ scenario, opts: { n: 256, seed: 1 } }, { name: 'indicesTask' })
 */
export const indicesTask = cancellable((t: IndicesTask): ScenarioIndices => scenarioIndices(t.scenario, t.opts));

export interface SolveTask {
  scenario: Scenario;
  opts: Omit<SolveOptions, 'onProgress'>;
  /** a goal seek run until its answer is decided (engine `solvePrecise`): the spec ('bracket') and the cap on trials */
  precision?: { spec: string; maxTrials: number };
}

/**
 * The engine's goal seek off the main thread; bad input comes back as `{ errors }` (an InputError's
 * class does not survive the thread boundary).
 * @example await pool.run({ scenario, opts: { vary: 'reps.seats', target: 'P(plan) >= 0.8' } }, { name: 'solveTask' })
 */
export function solveTask(t: SolveTask & { cancel?: Int32Array; progress?: MessagePort }): { result: SolveResult } | { errors: InputIssue[] } {
  try {
    if (t.cancel && Atomics.load(t.cancel, 0) !== 0) throw new RunAborted();
    // each value evaluated goes to `progress` when given (a port: functions do not cross threads)
    const port = t.progress;
    const opts = port ? { ...t.opts, onProgress: (_n: number, _x: number, point: SolvePoint) => port.postMessage(point) } : t.opts;
    // the whole search stops within a simulated month of a cancel (the pool's abort cell)
    return { result: withAbortCell(t.cancel, () => (t.precision ? solvePrecise(t.scenario, t.opts, t.precision.spec, t.precision.maxTrials) : solve(t.scenario, opts))) };
  } catch (e) {
    if (e instanceof InputError) return { errors: e.errors };
    throw e;
  }
}

/**
 * A task that runs under the pool's abort cell (`task.cancel`, set by parallel/pool.ts on abort): a
 * cancelled task not yet started does nothing, a running one stops where the engine looks at the cell.
 * @example export const t = cancellable(someTask)
 */
function cancellable<A extends object, R>(f: (t: A) => R): (t: A & { cancel?: Int32Array }) => R {
  return (t) => {
      if (t.cancel && Atomics.load(t.cancel, 0) !== 0) throw new RunAborted();
    return withAbortCell(t.cancel, () => f(t));
  };
}

// calibration from CRM history (server: POST /api/calibrate, /api/backtest)
export const calibrateTask = cancellable(calibrateTask0);
export const bookedRevenueTask = cancellable(bookedRevenueTask0);
export const bandTask = cancellable(bandTask0);
export const rollingTask = cancellable(rollingTask0);

// the forecast from an as-of date (server: POST /api/forecast)
export const prepareForecastTask = cancellable(prepareForecastTask0);
export const forecastReportTask = cancellable(forecastReportTask0);
export const sampleExportTask = cancellable(sampleExportTask0);

/**
 * Does nothing with the one-byte buffer it is handed. Node keeps the backing stores of the buffers last
 * transferred into a worker alive until another transfer arrives (measured: 119 MB per worker after the
 * issue-32 fuzz, released by a 1-byte transfer, not by a collection), so an idle pool hands each worker
 * one of these after large transfers (parallel/pool.ts).
 * @example await pool.run({ flush: new Uint8Array(1) }, { name: 'flushTask', transferList: [buf.buffer] })
 */
export function flushTask(_t: { flush: Uint8Array }): number {
  // what the previous transfer kept alive is garbage now: collect it once this task is over
  if (collect) {
    setTimeout(() => {
      collect();
      afterCollect = heldBytes();
    }, 50).unref();
  }
  return 0;
}

/**
 * This worker's own memory (MB): its V8 heap, the array buffers and other external memory its isolate
 * holds, and what V8 allocated with malloc. Process RSS counts every thread, so this is how a server
 * tells its workers' share (server/loopStats.ts, with SALESIM_LOOP_STATS). Measured after `garbageMb`
 * is allocated.
 * @example await pool.run({}, { name: 'memoryTask' }) // { heapUsedMb: 30, ... }
 */
export function memoryTask(t?: { garbageMb?: number }): { heapUsedMb: number; heapTotalMb: number; externalMb: number; mallocedMb: number } {
  // `garbageMb`: leave that many MB of array buffers behind as garbage (test/parallel/idleCollect.test.ts)
  if (t?.garbageMb) new Uint8Array(Math.min(t.garbageMb, 256) * 2 ** 20).fill(1);
  const h = getHeapStatistics();
  const mb = (b: number) => Math.round(b / 2 ** 20);
  return { heapUsedMb: mb(h.used_heap_size), heapTotalMb: mb(h.total_heap_size), externalMb: mb(h.external_memory), mallocedMb: mb(h.malloced_memory) };
}
