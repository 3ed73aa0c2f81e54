/**
 * Precision-targeted runs on worker threads or in this thread: trials are added in the engine's
 * deterministic blocks (`nextBlockEnd`) until the stopping rule holds or `maxTrials` is reached. Blocks
 * run ahead on the pool (speculatively, to keep every worker busy), but they are handed to the stopping
 * rule strictly in trial order and every block after the stop is dropped, so the trials used and every
 * figure depend only on (scenario, seed, targets, maxTrials), never on the worker count or chunking.
 *
 * With uncertain inputs the draws' design (Latin hypercube, correlations) spans `maxTrials` trials, so
 * the first n trials of a run that stops at n are the same whenever it stops.
 */
import type { PrecisionReport, PrecisionTracker, Scenario, Summary, TargetName, TrialResults } from '../engine/index.js';
import { createPrecisionTracker } from '../engine/precision/tracker.js';
import { nextBlockEnd } from '../engine/precision/schedule.js';
import { parsePrecision } from '../engine/precision/targets.js';
import { createSummaryStream } from '../engine/summaryStream.js';
import { spillFor, STAGE_TRIALS } from './spill.js';
import { mergeResults } from '../engine/results.js';
import { runTrials } from '../engine/simulate.js';
import { drawsPerTrial } from '../engine/drawn.js';
import { createPool, defaultWorkers, type Pool } from './pool.js';
import { isTrialResults, transferList } from './transfer.js';

/** Default cap on the trials of a precision-targeted run. */
export const DEFAULT_MAX_TRIALS = 100_000;

export interface PreciseOptions {
  seed: number;
  /** the cap: the run stops here even when a target is not met */
  maxTrials: number;
  /** without `pool`: threads of a pool made for this run; 1 = this thread (default) */
  workers?: number;
  /** an existing pool (the server's) */
  pool?: Pool;
  signal?: AbortSignal;
  /** called as blocks complete (in trial order), with the trials done and the cap */
  onCount?: (done: number, max: number) => void;
  /** called after each block is handed to the stopping rule (in trial order), with the precision reached so far */
  onReport?: (report: PrecisionReport) => void;
}

/** The scenario a worker runs: with uncertain inputs the design spans the cap (runTrials reads it from `trials`). */
function designed(s: Scenario, maxTrials: number): Scenario {
  return drawsPerTrial(s) && s.trials !== maxTrials ? { ...s, trials: maxTrials } : s;
}

/**
 * Runs the scenarios' trials (common random numbers: every scenario gets the same trial indices) in the
 * engine's blocks; `onBlock` gets each block's results (one per scenario) in trial order and returns true
 * to stop. Resolves with the trials used.
 * @example const n = await runUntil([scenario], { seed: 1, maxTrials: 1e5 }, (blocks) => tracker.add(blocks) ?? tracker.met());
 */
export async function runUntil(scenarios: Scenario[], opts: PreciseOptions, onBlock: (blocks: TrialResults[], done: number) => boolean): Promise<number> {
  const { seed, maxTrials, signal } = opts;
  if (!Number.isInteger(maxTrials) || maxTrials < 1) throw new RangeError(`maxTrials must be a whole number >= 1 (got ${maxTrials})`);
  const runs = scenarios.map((s) => designed(s, maxTrials));
  signal?.throwIfAborted();
  if (!opts.pool && (opts.workers ?? 1) <= 1) {
    let done = 0;
    while (done < maxTrials) {
      const end = nextBlockEnd(done, maxTrials);
      const blocks = runs.map((s) => runTrials(s, seed, done, end - done, maxTrials));
      done = end;
      opts.onCount?.(done, maxTrials);
      if (onBlock(blocks, done)) break;
      signal?.throwIfAborted();
      // let timers and signals run between blocks
      await new Promise((r) => setImmediate(r));
    }
    return done;
  }
  const own = !opts.pool;
  const pool = opts.pool ?? createPool({ workers: opts.workers ?? defaultWorkers(), youngGenerationMb: 4 });
  const workers = pool.maxThreads;
  // blocks in flight or waiting for an earlier one: enough to keep every worker busy
  const window = Math.max(2, 2 * workers);
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const starts: number[] = [0];
  const blockAt = (i: number) => {
    while (starts.length <= i + 1 && starts[starts.length - 1] < maxTrials) starts.push(nextBlockEnd(starts[starts.length - 1], maxTrials));
    return i + 1 < starts.length ? { from: starts[i], count: starts[i + 1] - starts[i] } : null;
  };
  const waiting = new Map<number, (TrialResults | undefined)[]>();
  let handed = 0; // blocks [0, handed) handed to onBlock
  let done = 0;
  let removeAbort = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0; // next (block, scenario) task, as block * runs.length + scenario
      let running = 0;
      let finished = false;
      const finish = (e?: unknown) => {
        if (finished) return;
        finished = true;
        Atomics.store(cancel, 0, 1);
        if (e !== undefined) reject(e);
        else resolve();
      };
      const onAbort = () => finish(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const launch = () => {
        while (!finished && running < window) {
          const i = Math.floor(next / runs.length);
          const j = next % runs.length;
          if (i >= handed + window) return;
          const b = blockAt(i);
          if (!b) return;
          next++;
          running++;
          pool
            .run({ scenario: runs[j], seed, from: b.from, count: b.count, cancel }, { name: 'trials' })
            .then((r: unknown) => {
              running--;
              if (finished) return;
              if (!isTrialResults(r) || r.trials !== b.count) throw new Error(`worker returned a malformed result for trials ${b.from}..${b.from + b.count - 1}`);
              const slot = waiting.get(i) ?? Array.from({ length: runs.length }, (): TrialResults | undefined => undefined);
              slot[j] = r;
              waiting.set(i, slot);
              for (;;) {
                const ready = waiting.get(handed);
                if (!ready || ready.some((x) => x === undefined)) break;
                waiting.delete(handed);
                const blk = blockAt(handed)!;
                handed++;
                done = blk.from + blk.count;
                opts.onCount?.(done, maxTrials);
                if (onBlock(ready as TrialResults[], done) || done >= maxTrials) return finish();
              }
              launch();
            })
            .catch((e) => finish(e));
        }
      };
      removeAbort = () => signal?.removeEventListener('abort', onAbort);
      launch();
    });
  } finally {
    removeAbort();
    waiting.clear();
    if (own) await pool.destroy();
  }
  return done;
}

export interface PreciseSummaryResult {
  summary: Summary & { precision: PrecisionReport };
  /** bytes of the columns the summary stream kept */
  storedBytes: number;
}

/** Targets a single run can honour. */
export const RUN_TARGETS: readonly TargetName[] = ['p_plan', 'revenue', 'arr'];

/**
 * A precision-targeted run straight to its Summary (the CLI's `salesim run --precision`, the API's
 * `precision`): blocks stream into the Summary (bounded memory) and into the stopping rule. The Summary
 * is the one of a `trials`-trial run of the same seed (with uncertain inputs: of the design of maxTrials),
 * plus `precision`: the trials used and the precision reached.
 * @example const { summary } = await runSummaryPrecise(scenario, 'p_plan=0.01', { seed: 1, maxTrials: 100_000, workers: 2 });
 */
export async function runSummaryPrecise(scenario: Scenario, spec: string, opts: PreciseOptions): Promise<PreciseSummaryResult> {
  const tracker = createPrecisionTracker([scenario], parsePrecision(spec), RUN_TARGETS);
  const t0 = performance.now();
  // a cap whose results would pass SPILL_FROM_BYTES keeps the columns in a temporary file (parallel/spill.ts)
  const spill = spillFor(scenario, opts.maxTrials);
  try {
    const stream = createSummaryStream(scenario, opts.maxTrials, spill ? { spill: { store: spill, stageTrials: STAGE_TRIALS } } : { initialCapacity: Math.min(opts.maxTrials, 4096) });
    await runUntil([scenario], opts, (blocks) => {
      stream.add(blocks[0]);
      tracker.add(blocks);
      opts.onReport?.(tracker.report(spec, opts.maxTrials));
      return tracker.met();
    });
    const summary = stream.summary({ seed: opts.seed, elapsedMs: performance.now() - t0 });
    return { summary: { ...summary, precision: tracker.report(spec, opts.maxTrials) }, storedBytes: stream.bytes() };
  } finally {
    spill?.close();
  }
}

/**
 * A precision-targeted run of several scenarios on common random numbers (a comparison: baseline first),
 * merged per scenario: the results of the trials used, and the precision report.
 * @example const { results, precision } = await runScenariosPrecise([base, alt], 'diff=50000', ['diff', 'p_plan'], { seed: 1, maxTrials: 1e5 });
 */
export async function runScenariosPrecise(
  scenarios: Scenario[],
  spec: string,
  allowed: readonly TargetName[],
  opts: PreciseOptions,
): Promise<{ results: TrialResults[]; precision: PrecisionReport; elapsedMs: number }> {
  const tracker = createPrecisionTracker(scenarios, parsePrecision(spec), allowed);
  const t0 = performance.now();
  const parts: TrialResults[][] = scenarios.map(() => []);
  await runUntil(scenarios, opts, (blocks) => {
    blocks.forEach((b, j) => parts[j].push(b));
    tracker.add(blocks);
    opts.onReport?.(tracker.report(spec, opts.maxTrials));
    return tracker.met();
  });
  const results = parts.map((p) => (p.length === 1 ? p[0] : mergeResults(p)));
  return { results, precision: tracker.report(spec, opts.maxTrials), elapsedMs: performance.now() - t0 };
}

/**
 * Runs `scenarios[0]` until `tracker` holds (or the cap), then every other scenario for the same trials
 * (the same blocks: with uncertain inputs, the same design of maxTrials). A tornado's base, a forecast's
 * "now" decide the trials; the low/high runs and the interventions follow.
 * @example const { results, trials } = await runBaseThenRest(scenarios, tracker, { seed: 1, maxTrials: 1e5 });
 */
export async function runBaseThenRest(scenarios: Scenario[], tracker: PrecisionTracker, opts: PreciseOptions): Promise<{ results: TrialResults[]; trials: number }> {
  if (!opts.pool && (opts.workers ?? 1) > 1) {
    // one pool for both phases
    const pool = createPool({ workers: opts.workers, youngGenerationMb: 4 });
    try {
      return await runBaseThenRest(scenarios, tracker, { ...opts, pool });
    } finally {
      await pool.destroy();
    }
  }
  const count = (k: number) => opts.onCount && ((done: number, max: number) => opts.onCount!(done * k, max * scenarios.length));
  const base: TrialResults[] = [];
  const n = await runUntil([scenarios[0]], { ...opts, onCount: count(1) }, (blocks) => {
    base.push(blocks[0]);
    tracker.add(blocks);
    return tracker.met();
  });
  const rest = scenarios.slice(1);
  const parts: TrialResults[][] = rest.map(() => []);
  if (rest.length > 0)
    await runUntil(rest, { ...opts, onCount: opts.onCount && ((done) => opts.onCount!(n + done * rest.length, n * scenarios.length)) }, (blocks, done) => {
      blocks.forEach((b, j) => parts[j].push(b));
      return done >= n;
    });
  const merge = (p: TrialResults[]) => (p.length === 1 ? p[0] : mergeResults(p));
  return { results: [merge(base), ...parts.map(merge)], trials: n };
}

/**
 * A precision-targeted run on a shared pool (the server's): the trials and the final merge and Summary
 * run on workers; this thread only keeps the blocks (transferred, not copied) and applies the stopping
 * rule (a pass over each block's monthly revenue). The Summary is the one `runSummaryPrecise` gives.
 * @example const summary = await runSummaryPreciseOnPool(pool, scenario, 'p_plan=0.01', { seed: 1, maxTrials: 100_000 });
 */
export async function runSummaryPreciseOnPool(pool: Pool, scenario: Scenario, spec: string, opts: Omit<PreciseOptions, 'pool' | 'workers'> & { startedAt?: number }): Promise<Summary & { precision: PrecisionReport }> {
  const t0 = opts.startedAt ?? performance.now();
  const tracker = createPrecisionTracker([scenario], parsePrecision(spec), RUN_TARGETS);
  const parts: TrialResults[] = [];
  await runUntil([scenario], { ...opts, pool }, (blocks) => {
    parts.push(blocks[0]);
    tracker.add(blocks);
    opts.onReport?.(tracker.report(spec, opts.maxTrials));
    return tracker.met();
  });
  // with uncertain inputs the design spans the cap: the worker summarises with the run's scenario of maxTrials
  const run = designed(scenario, opts.maxTrials);
  const r = (await pool.run(
    { scenario, parts, seed: opts.seed, elapsedMs: performance.now() - t0, keep: false, designTrials: drawsPerTrial(run) ? opts.maxTrials : undefined },
    { name: 'summarizePartsTask', transferList: [...new Set(parts.flatMap((p) => transferList(p)))], signal: opts.signal },
  )) as { summary: Summary };
  return { ...r.summary, precision: tracker.report(spec, opts.maxTrials) };
}
