/**
 * A run straight to its Summary on a shared pool (the server's), with the event loop copying nothing:
 * the trials' blocks arrive by transfer, and go by transfer to a worker that merges and summarises
 * them. Partial Summaries of the completed prefix (for a progress stream) work the same way: the worker
 * sends the merged prefix back by transfer, to be extended with the blocks that arrived meanwhile. So a
 * 100,000-trial run never blocks the event loop on a merge, whatever its size.
 */
import type { Scenario, Summary, TrialResults } from '../engine/index.js';
import type { Pool } from './pool.js';
import { defaultChunkSize, runBlocks } from './run.js';
import { transferList } from './transfer.js';

export interface SummaryOnPoolOptions {
  trials: number;
  seed: number;
  signal?: AbortSignal;
  /** called in order with the Summary of the first `done` trials (done < total), awaited before the next */
  onProgress?: (done: number, total: number, summary: Summary) => void | Promise<void>;
  /** trials between two progress Summaries at least; default 5% of the trials */
  progressEvery?: number;
  /** the time the run started (performance.now()), for the Summaries' elapsedMs; default: now */
  startedAt?: number;
}

const buffersOf = (parts: TrialResults[]) => [...new Set(parts.flatMap((p) => transferList(p)))];

/**
 * Runs `scenario`'s trials on `pool` and summarises them there; the Summary is the same as
 * `summarize(scenario, simulate(scenario, { trials, seed }))`.
 * @example const summary = await runSummaryOnPool(pool, scenario, { trials: 100_000, seed: 1 });
 */
export async function runSummaryOnPool(pool: Pool, scenario: Scenario, opts: SummaryOnPoolOptions): Promise<Summary> {
  const { trials: total, seed, signal, onProgress } = opts;
  const t0 = opts.startedAt ?? performance.now();
  const every = Math.max(1, opts.progressEvery ?? Math.ceil(total / 20));
  const summarizeParts = async (parts: TrialResults[], keep: boolean) =>
    (await pool.run(
      { scenario, parts, seed, elapsedMs: performance.now() - t0, keep },
      { name: 'summarizePartsTask', transferList: buffersOf(parts), signal },
    )) as { summary: Summary; merged: TrialResults | null };

  /** the completed prefix so far: merged (in a worker, or on its way back) plus the blocks that came after */
  let prefix: Promise<TrialResults | null> = Promise.resolve(null);
  let fresh: TrialResults[] = [];
  /** progress events, in order */
  let emitted: Promise<void> = Promise.resolve();
  let reported = 0;
  const failures: unknown[] = [];

  const blocksDone = runBlocks(scenario, { trials: total, seed, pool, signal, chunkSize: onProgress ? defaultChunkSize(total, pool.maxThreads) : undefined }, (blocks, done) => {
    fresh.push(...blocks);
    if (!onProgress || done >= total || done <= reported || (reported > 0 && done - reported < every)) return;
    reported = done;
    const blocksNow = fresh;
    fresh = [];
    const before = prefix;
    const step = before.then(async (merged) => {
      const r = await summarizeParts(merged ? [merged, ...blocksNow] : blocksNow, true);
      return { merged: r.merged!, summary: r.summary };
    });
    prefix = step.then((r) => r.merged);
    emitted = emitted.then(async () => {
      const r = await step;
      if (!signal?.aborted) await onProgress(done, total, r.summary);
    });
    // awaited below; these only mark them handled meanwhile
    prefix.catch((e) => failures.push(e));
    emitted.catch(() => {});
  });
  try {
    await blocksDone;
  } catch (e) {
    // the summaries already on the pool finish (or stop) before the run gives up its slot
    await Promise.allSettled([prefix, emitted]);
    throw e;
  }
  await emitted;
  const merged = await prefix;
  signal?.throwIfAborted();
  if (failures.length > 0) throw failures[0];
  const parts = merged ? [merged, ...fresh] : fresh;
  return (await summarizeParts(parts, false)).summary;
}
