/**
 * Event-loop delay of the server's main thread (perf_hooks.monitorEventLoopDelay), for measuring what
 * blocks it apart from CPU contention: with SALESIM_LOOP_STATS=1 the server prints one line
 * `loop-stats {"p50":..,"p99":..,"max":..,"mean":..,"count":..,"memory":{..}}` (milliseconds; the
 * main thread's heap, external and array-buffer memory in MB) to stdout when it gets
 * SIGUSR2, then starts a fresh histogram; `workers` is each worker's own heap (parallel/worker.ts memoryTask). Used by bench/fuzz-bounds.ts.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Pool } from '../parallel/index.js';

export interface LoopStats {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** samples taken (one per `resolutionMs` the loop was free to take it) */
  count: number;
}

/**
 * Starts the histogram; `read()` returns its percentiles (ms) and resets it.
 * @example const h = loopDelay(); setTimeout(() => console.log(h.read().p99), 1000);
 */
export function loopDelay(resolutionMs = 10): { read(): LoopStats; stop(): void } {
  const h = monitorEventLoopDelay({ resolution: resolutionMs });
  h.enable();
  const ms = (ns: number) => +(ns / 1e6).toFixed(2);
  return {
    read() {
      const out = { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean), count: h.count };
      h.reset();
      return out;
    },
    stop: () => h.disable(),
  };
}

/**
 * With SALESIM_LOOP_STATS set, prints the loop's delay on each SIGUSR2 (see the module comment).
 * @example reportLoopStatsOnSignal(process.env);
 */
export function reportLoopStatsOnSignal(env: NodeJS.ProcessEnv, pool?: Pool): void {
  if (!env.SALESIM_LOOP_STATS) return;
  const h = loopDelay();
  process.on('SIGUSR2', () => {
    const loop = h.read();
    const m = process.memoryUsage();
    const mb = (b: number) => Math.round(b / 2 ** 20);
    const memory = { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers) };
    // one look per worker (the pool hands concurrent tasks to idle workers first)
    const workers = pool ? Promise.all(Array.from({ length: pool.threads.length }, () => pool.run({}, { name: 'memoryTask' }) as Promise<Record<string, number>>)) : Promise.resolve([]);
    void workers
      .catch(() => [])
      .then((w) => process.stdout.write(`loop-stats ${JSON.stringify({ ...loop, memory, workers: w })}\n`));
  });
}
