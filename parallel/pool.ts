/**
 * The worker pool (Piscina) shared by the CLI and the server. It finds its worker whether it runs from
 * TypeScript source (tsx, vitest: `worker.ts` loaded with `--import tsx`) or from compiled JavaScript.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { limitMallocArenas } from './native.js';

export type Pool = Piscina;

export interface PoolOptions {
  /** worker threads; default = number of cores */
  workers?: number;
  /**
   * Raise the workers' nice value (Linux/macOS) so the thread that owns the pool (a server's event
   * loop) gets the CPU first when it needs it; 0 = same priority.
   */
  niceIncrement?: number;
  /**
   * Cap on each worker's young generation (MB). A pool that only runs trials allocates little per task
   * and holds ~25 MB less per worker with 4 MB; summaries and calibration allocate much more and slow
   * down with a small one, so the server's pool keeps V8's default (unset).
   */
  youngGenerationMb?: number;
}

/** Bytes transferred into workers after which an idle pool flushes them (see createPool). */
const FLUSH_AFTER_BYTES = 32 * 1024 * 1024;
/** How long the pool must stay idle before it flushes. */
const FLUSH_IDLE_MS = 200;

/** Number of cores this process may use. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The worker entry next to this module. From TypeScript source it is `worker-source.mjs`, which loads
 * `worker.ts` through tsx (on Node 20 a worker's `execArgv: ['--import', 'tsx']` does not cover the
 * worker's entry file itself); from compiled JavaScript it is `worker.js`.
 * @example workerSpec().filename.endsWith('worker-source.mjs') // true under tsx or vitest
 */
export function workerSpec(): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = fileURLToPath(new URL(fromSource ? './worker-source.mjs' : './worker.js', import.meta.url));
  // no `--import tsx` in the worker's execArgv: tsImport's hooks already cover worker.ts and everything
  // it imports (statically; nothing is imported dynamically), and registering tsx again starts a second
  // loader-hooks thread per worker (measured: ~25 MB per worker)
  return { filename, execArgv: [] };
}

/**
 * A pool of `workers` threads running `parallel/worker`.
 *
 * `run(task, { signal })` never hands the signal to Piscina: Piscina aborts a running task by
 * terminating its worker, and when the worker has already posted its result that races into an
 * uncaught "Unexpected message from Worker" exception, which would take a server down. Here an object
 * task gets a shared abort cell (`task.cancel`); an abort sets it, the worker's engine stops at its next
 * simulated month (engine/abort.ts), and the caller's promise rejects with the signal's reason once the
 * worker has stopped (so the pool is free when it settles). A task not yet started is never queued.
 * @example const pool = createPool({ workers: 2 }); await pool.destroy();
 */
export function createPool(opts: PoolOptions = {}): Pool {
  const n = Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));
  const { filename, execArgv } = workerSpec();
  if (process.env.SALESIM_ARENAS !== 'default') limitMallocArenas();
  const pool = new Piscina({
    filename,
    execArgv,
    minThreads: n,
    maxThreads: n,
    niceIncrement: opts.niceIncrement ?? 0,
    // 'async': an idle worker waits on its event loop, not in a blocking Atomics.wait, so its timers run
    // (the worker collects the garbage of a large run once idle; parallel/worker.ts collectSoon)
    atomics: 'async',
    ...(opts.youngGenerationMb ? { resourceLimits: { maxYoungGenerationSizeMb: opts.youngGenerationMb } } : {}),
  });
  const run0 = pool.run.bind(pool);
  // Node keeps the buffers last transferred into a worker alive until another transfer arrives
  // (parallel/worker.ts flushTask): once the pool is idle after FLUSH_AFTER_BYTES of transfers, each
  // worker gets a one-byte transfer, so an idle server does not hold a large run's blocks per worker
  let inFlight = 0;
  let transferred = 0;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    flushTimer = null;
    if (inFlight > 0 || transferred < FLUSH_AFTER_BYTES) return;
    transferred = 0;
    for (let i = 0; i < pool.threads.length; i++) {
      const b = new Uint8Array(1);
      void run0({ flush: b }, { name: 'flushTask', transferList: [b.buffer] }).catch(() => {});
    }
  };
  const run = (task: unknown, options: Parameters<Pool['run']>[1] = {}): Promise<unknown> => {
    const list = (options as { transferList?: unknown[] }).transferList ?? [];
    for (const t of list) if (t instanceof ArrayBuffer) transferred += t.byteLength;
    if ((options as { name?: string }).name === 'flushTask') return run0(task, options);
    inFlight++;
    const settle = () => {
      inFlight--;
      if (inFlight === 0 && transferred >= FLUSH_AFTER_BYTES && !flushTimer) {
        flushTimer = setTimeout(flush, FLUSH_IDLE_MS);
        flushTimer.unref?.();
      }
    };
    const p = run0(task, options);
    p.then(settle, settle);
    return p;
  };
  pool.run = ((task: unknown, options: Parameters<Pool['run']>[1] = {}) => {
    const { signal, ...rest } = options as { signal?: AbortSignal };
    if (!signal) return run(task, rest);
    if (signal.aborted) return Promise.reject(signal.reason);
    // the task carries a shared abort cell (parallel/worker.ts hands it to the engine, which looks at it
    // every simulated month): an abort sets it, and the caller's promise settles once the worker has
    // stopped, so whoever holds a queue slot for this work frees it only when the work is over
    const withCell = task !== null && typeof task === 'object' && !Array.isArray(task) && !(task as { cancel?: unknown }).cancel;
    const cancel = withCell ? new Int32Array(new SharedArrayBuffer(4)) : null;
    const done = run(withCell ? { ...(task as object), cancel } : task, rest);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (cancel) Atomics.store(cancel, 0, 1);
        done.then(
          () => reject(signal.reason),
          () => reject(signal.reason),
        );
      };
      signal.addEventListener('abort', onAbort, { once: true });
      done.then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          if (!signal.aborted) resolve(v);
        },
        (e) => {
          signal.removeEventListener('abort', onAbort);
          if (!signal.aborted) reject(e);
        },
      );
    });
  }) as Pool['run'];
  // Belt and braces: Piscina emits 'error' on the pool (an uncaught exception without a listener) when a
  // worker answers a task it no longer tracks, which Piscina's own abort causes (the wrapper above never
  // uses it). Such an answer has nobody waiting; any other pool-level error is reported on stderr.
  pool.on('error', (e: unknown) => {
    const msg = e instanceof Error ? e.message : String(e);
    if (msg.startsWith('Unexpected message from Worker')) return;
    process.stderr.write(`salesim worker pool: ${msg.split('\n')[0]}\n`);
  });
  return pool;
}
