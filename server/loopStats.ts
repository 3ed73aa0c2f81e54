/**
 * Event-loop delay of the server's main thread (perf_hooks.monitorEventLoopDelay), for measuring what
 * blocks it apart from CPU contention: with SALESIM_LOOP_STATS=1 the server prints one line
 * `loop-stats {"p50":..,"p99":..,"max":..,"mean":..,"count":..,"memory":{..}}` (milliseconds; the
 * main thread's heap, external and array-buffer memory in MB) to stdout when it gets
 * SIGUSR2, then starts afresh; `stalls` tells blocking from CPU contention (stallMeter); `workers` is each worker's own heap (parallel/worker.ts memoryTask). Used by bench/fuzz-bounds.ts.
 */
import { readFileSync } from 'node:fs';
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

/** CPU ms the main thread has used (Linux: /proc/thread-self/stat, 10 ms ticks); null elsewhere. */
function mainThreadCpuMs(): number | null {
  try {
    const f = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

export interface Stalls {
  /** timer turns that came more than 50 ms late */
  over50: number;
  /** of those, turns where the main thread itself computed for at least half the delay (it blocked) */
  busy: number;
  /** the rest: the thread waited for a core (CPU contention from other processes or the workers) */
  starved: number;
  /** the longest delay where the thread computed (ms of wall time) and the CPU ms it used in it */
  worstBusy: { wallMs: number; cpuMs: number };
}

/**
 * Tells blocking from CPU contention: a 10 ms timer notes how late each turn came and how much CPU the
 * main thread used meanwhile. A late turn with the thread busy for most of it is work on the event
 * loop; a late turn with the thread idle is the thread waiting for a core.
 * @example const s = stallMeter(); setTimeout(() => console.log(s.read()), 5000);
 */
export function stallMeter(): { read(): Stalls; stop(): void } {
  const empty = (): Stalls => ({ over50: 0, busy: 0, starved: 0, worstBusy: { wallMs: 0, cpuMs: 0 } });
  let out = empty();
  let lastT = performance.now();
  let lastCpu = mainThreadCpuMs();
  const timer = setInterval(() => {
    const t = performance.now();
    const cpu = mainThreadCpuMs();
    const late = t - lastT - 10;
    if (late > 50 && cpu !== null && lastCpu !== null) {
      out.over50++;
      const used = cpu - lastCpu;
      if (used >= 0.5 * late) {
        out.busy++;
        if (late > out.worstBusy.wallMs) out.worstBusy = { wallMs: Math.round(late), cpuMs: used };
      } else out.starved++;
    }
    lastT = t;
    lastCpu = cpu;
  }, 10);
  timer.unref();
  return {
    read() {
      const r = out;
      out = empty();
      return r;
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * With SALESIM_LOOP_STATS set, prints the loop's delay on each SIGUSR2 (see the module comment), the memory of the
 * main thread and of each worker, and the idle trims done (`trim`: count and the last one's ms; null without native/trim).
 * @example reportLoopStatsOnSignal(process.env);
 */
export function reportLoopStatsOnSignal(env: NodeJS.ProcessEnv, pool?: Pool, trims?: () => { trims: number; lastMs: number }): void {
  if (!env.SALESIM_LOOP_STATS) return;
  const h = loopDelay();
  const stalls = stallMeter();
  process.on('SIGUSR2', () => {
    const loop = { ...h.read(), stalls: stalls.read() };
    const m = process.memoryUsage();
    const mb = (b: number) => Math.round(b / 2 ** 20);
    const memory = { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers) };
    // one look per worker (the pool hands concurrent tasks to idle workers first)
    const workers = pool ? Promise.all(Array.from({ length: pool.threads.length }, () => pool.run({}, { name: 'memoryTask' }) as Promise<Record<string, number>>)) : Promise.resolve([]);
    void workers
      .catch(() => [])
      .then((w) => process.stdout.write(`loop-stats ${JSON.stringify({ ...loop, memory, workers: w, trim: trims ? trims() : null })}\n`));
  });
}
