/**
 * A run straight to its Summary with bounded memory (the CLI's `salesim run`): blocks of trials, on
 * worker threads or in this thread, stream into the engine's `createSummaryStream` in trial order, so a
 * 100,000-trial run holds the Summary's compact columns rather than every per-trial array. The Summary
 * is identical to `summarize(scenario, simulate(scenario, ...))`.
 */
import type { Scenario, Summary } from '../engine/index.js';
import { createSummaryStream } from '../engine/summaryStream.js';
import { runTrials } from '../engine/simulate.js';
import { createPool, type Pool } from './pool.js';
import { spillFor, STAGE_TRIALS } from './spill.js';
import { runBlocks } from './run.js';

export interface RunSummaryOptions {
  trials: number;
  seed: number;
  /** worker threads; 1 = this thread */
  workers: number;
  /** called as trials complete (in trial order) */
  onCount?: (done: number, total: number) => void;
  /** an existing pool to run on (the bench's, to read its workers' busy time); default: one made for the run */
  pool?: Pool;
  /**
   * keep the columns in a temporary file, STAGE_TRIALS trials at a time in memory (parallel/spill.ts): 'auto'
   * (default) when the run's results would pass SPILL_FROM_BYTES; the Summary is the same either way
   */
  spill?: 'auto' | 'always' | 'never';
  /** trials kept in memory when spilling; default STAGE_TRIALS */
  stageTrials?: number;
}

export interface RunSummaryResult {
  summary: Summary;
  /** wall time of the trials, and of the final Summary */
  simMs: number;
  summaryMs: number;
  /** bytes of the columns the stream kept in memory at the end */
  storedBytes: number;
  /** bytes of columns it kept in a temporary file instead (0 when the run was small enough not to) */
  spilledBytes: number;
}

/** Trials per block on one thread: progress every 5% and bounded memory. */
const BLOCK_TRIALS = 2000;

/**
 * Simulates and summarises a run block by block.
 * @example const { summary } = await runSummary(scenario, { trials: 100_000, seed: 1, workers: 2 });
 */
export async function runSummary(scenario: Scenario, opts: RunSummaryOptions): Promise<RunSummaryResult> {
  const { trials: n, seed, workers } = opts;
  const t0 = performance.now();
  // a large run keeps its columns in a temporary file, STAGE_TRIALS trials at a time in memory (parallel/spill.ts)
  const spill = spillFor(scenario, n, opts.spill);
  try {
    return await streamed(scenario, opts, spill ? createSummaryStream(scenario, n, { spill: { store: spill, stageTrials: opts.stageTrials ?? STAGE_TRIALS } }) : createSummaryStream(scenario, n), t0);
  } finally {
    spill?.close();
  }
}

async function streamed(scenario: Scenario, opts: RunSummaryOptions, stream: ReturnType<typeof createSummaryStream>, t0: number): Promise<RunSummaryResult> {
  const { trials: n, seed, workers } = opts;
  if (opts.pool || (workers > 1 && n > 1)) {
    // a trials-only pool: a small young generation per worker holds less memory at no cost in speed
    const pool = opts.pool ?? createPool({ workers, youngGenerationMb: 4 });
    try {
      await runBlocks(scenario, { trials: n, seed, pool, onCount: opts.onCount }, (blocks) => {
        for (const b of blocks) stream.add(b);
      });
    } finally {
      if (!opts.pool) await pool.destroy();
    }
  } else {
    const block = Math.max(1, Math.min(BLOCK_TRIALS, Math.ceil(n / 20)));
    for (let from = 0; from < n; from += block) {
      const count = Math.min(block, n - from);
      stream.add(runTrials(scenario, seed, from, count, n));
      opts.onCount?.(from + count, n);
    }
  }
  const t1 = performance.now();
  const summary = stream.summary({ seed, elapsedMs: t1 - t0 });
  return { summary, simMs: t1 - t0, summaryMs: performance.now() - t1, storedBytes: stream.bytes(), spilledBytes: stream.spilled() };
}
