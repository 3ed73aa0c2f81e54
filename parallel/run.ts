/**
 * runParallel: the trials of one run split into chunks, run on the worker pool, merged in trial order.
 * Every trial's random streams derive only from (seed, trial), and the merge is in trial order, so the
 * result is bit-identical to `simulate` for any worker count and chunk size.
 */
import { mergeResults } from '../engine/results.js';
import { seatCount } from '../engine/seatCount.js';
import { workFactors } from '../engine/work.js';
import { drawsPerTrial } from '../engine/drawn.js';
import type { Scenario, TrialResults } from '../engine/index.js';
import { createPool, defaultWorkers, type Pool } from './pool.js';
import { isTrialResults, transferList } from './transfer.js';

export interface RunBlocksOptions {
  /** default: scenario.trials */
  trials?: number;
  /** default: scenario.seed */
  seed?: number;
  /** threads of a pool created for this run (ignored when `pool` is given); default = cores */
  workers?: number;
  /**
   * trials per task; default: at least MIN_TASK_REP_MONTHS of work per task (workChunkSize), or for a
   * runParallel with onProgress, small enough that the completed prefix lags the work done by under 5%
   */
  chunkSize?: number;
  /** a cheap counter: called every time the completed prefix grows, with no results (progress bars) */
  onCount?: (done: number, total: number) => void;
  /**
   * aborting rejects with the signal's reason at once and launches no further chunk; chunks queued on the
   * pool skip their work and chunks running stop at their next sub-block (a shared flag the trials task
   * reads), and what they return is dropped. Workers are never terminated mid-task: Piscina's own task
   * abort races with a result already posted ("Unexpected message from Worker", an uncaught exception
   * that would take the server down).
   */
  signal?: AbortSignal;
  /** an existing pool (the server's); default: a pool made for this run and destroyed after */
  pool?: Pool;
}

export interface RunParallelOptions extends RunBlocksOptions {
  /**
   * Called the first time the completed prefix of trials grows, then whenever it has grown by at least
   * `progressEvery` trials, and when it is complete: `partial` holds trials [0, done) merged, exactly
   * what a run of `done` trials with the same seed gives. It is a fresh copy that belongs to the
   * callback (it may transfer it).
   */
  onProgress?: (done: number, total: number, partial: TrialResults) => void;
  /** trials between two onProgress calls at least; default 1 (every time the prefix grows) */
  progressEvery?: number;
}

/**
 * Default chunk size: at most `window` chunks are in flight, so the completed prefix never lags the
 * work done by more than window x chunkSize; keep that under 5% of the trials.
 * @example defaultChunkSize(2000, 2) // 25
 */
export function defaultChunkSize(trials: number, workers: number): number {
  return Math.max(1, Math.min(5000, Math.floor(trials / (20 * inFlight(workers)))));
}

/** Rep-months a task should carry at least, so that per-task costs (messages, compiling the scenario) stay small. */
export const MIN_TASK_REP_MONTHS = 20_000;

/**
 * Chunk size when nobody watches progress: big enough to amortise per-task costs, small enough that
 * every worker gets a share.
 * @example workChunkSize(2000, 2, 40 * 24) // 21
 * @example workChunkSize(100_000, 2, 3600, 6600) // 317 (1,250 without the result bytes)
 */
export function workChunkSize(trials: number, workers: number, repMonthsPerTrial: number, bytesPerTrial = 0): number {
  const forOverhead = Math.ceil(MIN_TASK_REP_MONTHS / Math.max(1, repMonthsPerTrial));
  const forParallel = Math.ceil(trials / Math.max(1, workers));
  const size = Math.max(1, Math.min(5000, forOverhead, forParallel), Math.min(5000, defaultChunkSize(trials, workers)));
  // a chunk's results are held by its worker while it runs and by this thread until the stream takes
  // them: at most CHUNK_BYTES each (but never below the work that amortises a task)
  const forMemory = bytesPerTrial > 0 ? Math.max(1, forOverhead, Math.floor(CHUNK_BYTES / bytesPerTrial)) : Infinity;
  return Math.min(size, forMemory);
}

/**
 * Result bytes per unwatched chunk at most (workChunkSize): with 2 x workers chunks in flight, a run's
 * results in flight stay under 4 x workers x CHUNK_BYTES however many trials it has (a 100,000-trial
 * full-model run on 2 workers held 1,250-trial chunks of 8 MB each before the cap).
 */
export const CHUNK_BYTES = 2 * 1024 * 1024;

/** Seats x months of one trial (initial seats plus planned hires), the unit of work. */
function repMonthsPerTrial(s: Scenario): number {
  return Math.max(1, seatCount(s)) * s.horizonMonths;
}

/** Chunks kept in flight per run: enough to keep every worker busy, few enough to bound the lag. */
function inFlight(workers: number): number {
  return Math.max(2, 2 * workers);
}

/**
 * Runs `scenario`'s trials on worker threads in chunks and hands the chunks over in trial order: each
 * time the completed prefix grows, `onBlocks` gets the newly completed chunks (in order) and the number
 * of trials done. Nothing is kept here after the call, and at most 2 x workers chunks are in flight or
 * waiting for an earlier one, so memory stays bounded by the chunks, not the run (stream the blocks
 * into `createSummaryStream` for a 100,000-trial Summary).
 * @example
 * const stream = createSummaryStream(scenario, 100_000);
 * await runBlocks(scenario, { trials: 100_000, seed: 1 }, (blocks) => blocks.forEach((b) => stream.add(b)));
 */
export async function runBlocks(
  scenario: Scenario,
  opts: RunBlocksOptions,
  onBlocks: (blocks: TrialResults[], done: number, total: number) => void,
): Promise<void> {
  const total = opts.trials ?? scenario.trials;
  const seed = opts.seed ?? scenario.seed;
  // with uncertain inputs the workers' runTrials read the run's size from the scenario (the design spans the run)
  const runScenario = drawsPerTrial(scenario) && scenario.trials !== total ? { ...scenario, trials: total } : scenario;
  if (!Number.isInteger(total) || total < 1) throw new RangeError(`trials must be a whole number >= 1 (got ${total})`);
  const own = !opts.pool;
  const pool = opts.pool ?? createPool({ workers: opts.workers });
  const workers = opts.pool ? pool.maxThreads : Math.max(1, opts.workers ?? defaultWorkers());
  const chunk = Math.max(1, Math.floor(opts.chunkSize ?? workChunkSize(total, workers, repMonthsPerTrial(scenario), workFactors(scenario, 1).resultBytesPerTrial)));
  const nChunks = Math.ceil(total / chunk);
  const window = inFlight(workers);
  const signal = opts.signal;
  // an internal controller so one failed chunk cancels its siblings
  const ctrl = new AbortController();
  // read by the trials tasks: queued ones skip their work, running ones stop at their next sub-block
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  ctrl.signal.addEventListener('abort', () => Atomics.store(cancel, 0, 1), { once: true });
  const onAbort = () => ctrl.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  /** chunks done but waiting for an earlier one */
  const waiting = new Map<number, TrialResults>();
  let prefix = 0; // chunks [0, prefix) handed over
  try {
    signal?.throwIfAborted();
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let running = 0;
      let failed = false;
      let error: unknown;
      // a failed or cancelled run settles only when no chunk is running any more: the tasks running see
      // the shared cancel flag within a simulated month, so the pool is free when this rejects
      const settle = () => {
        if (failed && running === 0) reject(signal?.aborted ? signal.reason : error);
      };
      const fail = (e: unknown) => {
        if (!failed) {
          failed = true;
          error = e;
          if (!ctrl.signal.aborted) ctrl.abort(e);
        }
        settle();
      };
      const launch = () => {
        while (!failed && running < window && next < nChunks && next < prefix + window) {
          const i = next++;
          const from = i * chunk;
          const count = Math.min(chunk, total - from);
          running++;
          pool.run({ scenario: runScenario, seed, from, count, cancel }, { name: 'trials' }).then(
            (r: unknown) => {
              running--;
              if (failed) return settle();
              try {
                if (!isTrialResults(r) || r.trials !== count) throw new Error(`worker returned a malformed result for trials ${from}..${from + count - 1}`);
                waiting.set(i, r);
                const ready: TrialResults[] = [];
                while (waiting.has(prefix)) {
                  ready.push(waiting.get(prefix)!);
                  waiting.delete(prefix);
                  prefix++;
                }
                if (ready.length > 0) {
                  const done = Math.min(total, prefix * chunk);
                  opts.onCount?.(done, total);
                  onBlocks(ready, done, total);
                }
                if (prefix === nChunks) resolve();
                else launch();
              } catch (e) {
                fail(e);
              }
            },
            (e: unknown) => {
              running--;
              fail(e);
            },
          );
        }
      };
      ctrl.signal.addEventListener('abort', () => fail(ctrl.signal.reason), { once: true });
      launch();
    });
  } finally {
    waiting.clear();
    signal?.removeEventListener('abort', onAbort);
    if (own) await pool.destroy();
  }
}

/**
 * Runs `scenario`'s trials on worker threads.
 * @example const results = await runParallel(scenario, { trials: 2000, seed: 1, workers: 2 });
 */
export async function runParallel(scenario: Scenario, opts: RunParallelOptions = {}): Promise<TrialResults> {
  const total = opts.trials ?? scenario.trials;
  const workers = opts.pool ? opts.pool.maxThreads : Math.max(1, opts.workers ?? defaultWorkers());
  // watched runs use small chunks so progress is regular; unwatched ones amortise per-task costs
  const chunkSize = opts.chunkSize ?? (opts.onProgress && Number.isInteger(total) && total >= 1 ? defaultChunkSize(total, workers) : undefined);
  const parts: TrialResults[] = [];
  let reported = 0; // trials passed to onProgress last time
  const every = Math.max(1, opts.progressEvery ?? 1);
  await runBlocks(scenario, { ...opts, chunkSize }, (blocks, done) => {
    parts.push(...blocks);
    if (opts.onProgress && done > reported && (reported === 0 || done - reported >= every || done === total)) {
      reported = done;
      // the completed prefix, merged in trial order into fresh arrays
      opts.onProgress(done, total, mergeResults(parts));
    }
  });
  if (parts.length === 1) return parts[0];
  // on a shared pool (a server's) the final copy is a worker's job: the blocks go there and the merged
  // block comes back by transfer, so the caller's event loop never copies a large run
  if (opts.pool) return (await opts.pool.run({ parts }, { name: 'mergeTask', transferList: [...new Set(parts.flatMap((p) => transferList(p)))], signal: opts.signal })) as TrialResults;
  return mergeResults(parts);
}
