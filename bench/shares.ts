/**
 * Where a parallel run's time goes, measured on this machine and projected to a larger one (Amdahl).
 *
 * During a run on W workers of wall time T: the main thread's busy time M (its event-loop utilisation:
 * merging blocks into the Summary stream, the final Summary, scheduling) and each worker's busy time B_i
 * (the worker's event-loop utilisation, read from the main thread). Workers idle for W T - sum B_i.
 * The serial time is what no worker overlaps: the mean worker idle time, T - sum B_i / W (start-up,
 * the final Summary, the tail). Then one worker would take S + sum B_i, n workers at least
 * max(M, S + sum B_i / n): the main thread's work never shrinks with more workers, since every block
 * passes through it. serial share = S / (S + sum B_i).
 *
 * On a loaded machine a descheduled worker still counts as busy (event-loop time is wall time), so run
 * the bench on a quiet machine; the load average is printed with the table.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { Pool } from '../parallel/index.js';

export interface Shares {
  wallMs: number;
  workers: number;
  mainBusyMs: number;
  workerBusyMs: number;
  /** shares of the run: main busy / wall; workers' idle / (workers x wall) */
  mainShare: number;
  workerIdleShare: number;
  /** serial time and its share of the one-worker time */
  serialMs: number;
  serialShare: number;
  /** projected speed-up on n workers against one */
  projected: (n: number) => number;
}

/**
 * Creates a pool with `makePool`, runs `f` on it and destroys it, measuring the shares over the whole
 * span, as a CLI run pays it: worker start-up (module loading happens before a worker's event loop runs,
 * so it counts as idle), the run, the final Summary. A worker's busy time is its event-loop utilisation
 * since it started.
 * @example const [summary, shares] = await measureShares(() => createPool({ workers: 2 }), (pool) => runSummary(s, { ...opts, pool }));
 */
export async function measureShares<T>(makePool: () => Pool, f: (pool: Pool) => Promise<T>): Promise<[T, Shares]> {
  const main0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  const pool = makePool();
  let value: T;
  let workerBusyMs = 0;
  let W = 0;
  try {
    value = await f(pool);
    const threads = pool.threads;
    W = Math.max(1, threads.length);
    workerBusyMs = threads.reduce((a, w) => a + w.performance.eventLoopUtilization().active, 0);
  } finally {
    await pool.destroy();
  }
  const wallMs = performance.now() - t0;
  const main = performance.eventLoopUtilization(main0);
  const serialMs = Math.max(0, wallMs - workerBusyMs / W);
  const oneWorker = serialMs + workerBusyMs;
  const shares: Shares = {
    wallMs,
    workers: W,
    mainBusyMs: main.active,
    workerBusyMs,
    mainShare: main.active / wallMs,
    workerIdleShare: Math.max(0, 1 - workerBusyMs / (W * wallMs)),
    serialMs,
    serialShare: serialMs / oneWorker,
    projected: (n: number) => oneWorker / Math.max(main.active, serialMs + workerBusyMs / n),
  };
  return [value, shares];
}
