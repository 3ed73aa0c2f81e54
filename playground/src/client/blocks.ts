/**
 * Runs a scenario's trials on the browser's engine pool in chunks, handed over in trial order: the
 * scheduling of parallel/run.ts (`runBlocks`) and parallel/summaryRun.ts (`runSummaryOnPool`), with
 * the engine's work (trials, merges, Summaries) on the workers. Trials are keyed by (seed, trial), so
 * any chunking gives bit-identical results; the chunk size is parallel/'s `defaultChunkSize` (a test
 * checks they agree), the one the server uses for a watched run.
 */
import type { Scenario, Summary, TrialResults } from '../../../engine/index.js';
import type { EnginePool } from './pool.js';

/** Chunks kept in flight per run (parallel/run.ts `inFlight`). */
export function inFlight(workers: number): number {
  return Math.max(2, 2 * workers);
}

/**
 * Trials per chunk: the completed prefix lags the work done by under 5% (parallel/run.ts `defaultChunkSize`).
 * @example chunkSize(2000, 2) // 25
 */
export function chunkSize(trials: number, workers: number): number {
  return Math.max(1, Math.min(5000, Math.floor(trials / (20 * inFlight(workers)))));
}

/** The distinct buffers behind a TrialResults' typed arrays (parallel/transfer.ts `transferList`). */
export function buffersOf(parts: object[]): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const p of parts) for (const v of Object.values(p)) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.buffer.byteLength > 0) seen.add(v.buffer);
  return [...seen];
}

export interface BlocksOptions {
  trials: number;
  seed: number;
  signal?: AbortSignal;
}

/**
 * Runs the trials in chunks on the pool; `onBlocks` gets newly completed chunks in trial order.
 * @example await runBlocks(pool, scenario, { trials: 2000, seed: 1 }, (blocks, done) => parts.push(...blocks));
 */
export async function runBlocks(pool: EnginePool, scenario: Scenario, opts: BlocksOptions, onBlocks: (blocks: TrialResults[], done: number, total: number) => void): Promise<void> {
  const { trials: total, seed, signal } = opts;
  // with uncertain inputs the trials read the run's size from the scenario (parallel/run.ts runBlocks)
  const runScenario = scenario.uncertainty && scenario.trials !== total ? { ...scenario, trials: total } : scenario;
  const chunk = chunkSize(total, pool.size);
  const nChunks = Math.ceil(total / chunk);
  const window = inFlight(pool.size);
  const waiting = new Map<number, TrialResults>();
  let prefix = 0;
  signal?.throwIfAborted();
  await new Promise<void>((resolve, reject) => {
    let next = 0;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      reject(e);
    };
    const launch = () => {
      while (!failed && next < nChunks && next < prefix + window) {
        const i = next++;
        const from = i * chunk;
        const count = Math.min(chunk, total - from);
        pool
          .run<TrialResults>('trials', { scenario: runScenario, seed, from, count, total }, { signal })
          .then((r) => {
            if (failed) return;
            if (!r || r.trials !== count) throw new Error(`the engine worker returned a malformed result for trials ${from}..${from + count - 1}`);
            waiting.set(i, r);
            const ready: TrialResults[] = [];
            while (waiting.has(prefix)) {
              ready.push(waiting.get(prefix)!);
              waiting.delete(prefix);
              prefix++;
            }
            if (ready.length > 0) onBlocks(ready, Math.min(total, prefix * chunk), total);
            if (prefix === nChunks) resolve();
            else launch();
          })
          .catch(fail);
      }
    };
    launch();
  });
}

/**
 * A run's blocks, in trial order (merged by the task that reduces them, on a worker).
 * @example const parts = await runParts(pool, scenario, { trials: 2000, seed: 1 });
 */
export async function runParts(pool: EnginePool, scenario: Scenario, opts: BlocksOptions & { onCount?: (done: number) => void }): Promise<TrialResults[]> {
  const parts: TrialResults[] = [];
  await runBlocks(pool, scenario, opts, (blocks, done) => {
    parts.push(...blocks);
    opts.onCount?.(done);
  });
  return parts;
}

export interface SummaryOptions extends BlocksOptions {
  /** called in order with the Summary of the first `done` trials (done < total) */
  onProgress?: (done: number, total: number, summary: Summary) => void;
  /** trials between two progress Summaries at least; default 5% of the trials (the server's) */
  progressEvery?: number;
}

/**
 * Runs the trials and summarises them on the workers, with partial Summaries of the completed prefix
 * (each exactly what a run of `done` trials gives): parallel/summaryRun.ts `runSummaryOnPool`.
 * @example const summary = await runSummary(pool, scenario, { trials: 2000, seed: 1, onProgress: (d, t, s) => draw(s) });
 */
export async function runSummary(pool: EnginePool, scenario: Scenario, opts: SummaryOptions): Promise<Summary> {
  const { trials: total, seed, signal, onProgress } = opts;
  const t0 = performance.now();
  const every = Math.max(1, opts.progressEvery ?? Math.ceil(total / 20));
  const summarizeParts = (parts: TrialResults[], keep: boolean) =>
    pool.run<{ summary: Summary; merged: TrialResults | null }>('summarizeParts', { scenario, parts, seed, elapsedMs: performance.now() - t0, keep }, { transfer: buffersOf(parts), signal });

  let prefix: Promise<TrialResults | null> = Promise.resolve(null);
  let fresh: TrialResults[] = [];
  let emitted: Promise<void> = Promise.resolve();
  let reported = 0;
  const failures: unknown[] = [];
  await runBlocks(pool, scenario, { trials: total, seed, signal }, (blocks, done) => {
    fresh.push(...blocks);
    if (!onProgress || done >= total || done <= reported || (reported > 0 && done - reported < every)) return;
    reported = done;
    const blocksNow = fresh;
    fresh = [];
    const step = prefix.then(async (merged) => {
      const r = await summarizeParts(merged ? [merged, ...blocksNow] : blocksNow, true);
      return { merged: r.merged!, summary: r.summary };
    });
    prefix = step.then((r) => r.merged);
    emitted = emitted.then(async () => {
      const r = await step;
      if (!signal?.aborted) onProgress(done, total, r.summary);
    });
    prefix.catch((e) => failures.push(e));
    emitted.catch(() => {});
  });
  await emitted;
  const merged = await prefix;
  signal?.throwIfAborted();
  if (failures.length > 0) throw failures[0];
  return (await summarizeParts(merged ? [merged, ...fresh] : fresh, false)).summary;
}
