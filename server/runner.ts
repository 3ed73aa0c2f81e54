/**
 * Runs simulations for the HTTP API on the worker pool: admission (work budget, bounded queue), the
 * per-run time limit, cancellation, and partial Summaries while trials complete. The trials, every
 * merge and every Summary are computed on worker threads; the event loop only passes buffers on.
 */
import type { PrecisionReport, Scenario, Summary } from '../engine/index.js';
import { InputError } from '../engine/index.js';
import { runSummaryOnPool, runSummaryPreciseOnPool, type Pool } from '../parallel/index.js';
import { badRequest, fromInputIssues } from './errors.js';
import { ApiError } from './errors.js';
import { checkWork, type Limits } from './limits.js';
import { createRunQueue, type RunQueue } from './queue.js';
import type { RunRequest } from './request.js';
import { withFittedCap } from './precision.js';

/**
 * A progress event: a run of a trial count sends partial Summaries; a precision-targeted run (whose length
 * is not known up front) sends, after each block, the trials done, its cap (`total`) and the precision
 * reached so far, without a Summary.
 */
export interface Progress {
  done: number;
  total: number;
  summary?: Summary;
  precision?: PrecisionReport;
}

/** An admitted run: holds a queue slot until `execute` settles (or `release` is called). */
export interface Admitted {
  execute(opts?: { signal?: AbortSignal; onProgress?: (p: Progress) => void | Promise<void> }): Promise<Summary>;
  release(): void;
}

export interface Runner {
  /** Checks the work budget (422) and waits for a queue slot (429 when the queue is full). */
  admit(req: RunRequest, signal?: AbortSignal): Promise<Admitted>;
  /** admit + execute */
  run(req: RunRequest, opts?: { signal?: AbortSignal; onProgress?: (p: Progress) => void | Promise<void> }): Promise<Summary>;
  /** runs an engine call (compare, sensitivity) on the pool under the same queue and time limit */
  call<T>(work: { scenario: Scenario; trials: number }[], task: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal, opts?: { sequential?: boolean }): Promise<T>;
  readonly queue: RunQueue;
  /** the limits it admits work against */
  readonly limits: Limits;
}

/** A combined signal: the caller's, or the run's time limit expiring (reason: a 422 ApiError). */
function withTimeLimit(limits: Limits, signal?: AbortSignal): { signal: AbortSignal; clear: () => void } {
  const ctrl = new AbortController();
  const timer = setTimeout(() => {
    ctrl.abort(
      new ApiError(422, [
        {
          path: null,
          rule: 'time limit',
          message: `the run took longer than the per-run time limit of ${limits.runTimeoutMs / 1000} s (runTimeoutMs); lower trials, seats or horizonMonths`,
        },
      ]),
    );
  }, limits.runTimeoutMs);
  timer.unref?.();
  const onAbort = () => ctrl.abort(signal!.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: ctrl.signal,
    clear: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** A target the scenario cannot measure (p_plan without a quota block) is the caller's mistake: a 400. */
async function validated<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof InputError) throw badRequest(fromInputIssues(e.errors));
    throw e;
  }
}

/**
 * @example const runner = createRunner(pool, limits); const summary = await runner.run({ scenario, trials: 500, seed: 1 });
 */
export function createRunner(pool: Pool, limits: Limits): Runner {
  const queue = createRunQueue(limits.maxConcurrentRuns, limits.maxQueuedRuns, limits.retryAfterSeconds);

  async function execute(req: RunRequest, opts: { signal?: AbortSignal; onProgress?: (p: Progress) => void | Promise<void> }): Promise<Summary> {
    const t0 = performance.now();
    const { signal, clear } = withTimeLimit(limits, opts.signal);
    try {
      // the first completed chunk at once (a first picture fast), then every 5% of the trials at least,
      // plus the prefix's lag (under 5% with the default chunking): so an event comes at least every
      // 10% of trials. Blocks, merges and Summaries stay off the event loop (runSummaryOnPool).
      const onProgress = opts.onProgress;
      if (req.precision) {
        // precision-targeted: no partial Summaries (the run's length is not known up front) but, after each
        // block, the trials done and the precision reached; the result when the targets hold
        const { spec, maxTrials } = req.precision;
        const onReport = onProgress ? (r: PrecisionReport) => void onProgress({ done: r.trials, total: maxTrials, precision: r }) : undefined;
        const summary = await validated(() => runSummaryPreciseOnPool(pool, req.scenario, spec, { seed: req.seed, maxTrials, signal, startedAt: t0, onReport }));
        if (req.precision.default) summary.precision.default = true;
        return summary;
      }
      return await runSummaryOnPool(pool, req.scenario, {
        trials: req.trials,
        seed: req.seed,
        signal,
        startedAt: t0,
        progressEvery: Math.ceil(req.trials / 20),
        onProgress: onProgress ? (done, total, summary) => onProgress({ done, total, summary }) : undefined,
      });
    } catch (e) {
      if (signal.aborted) throw signal.reason;
      throw e;
    } finally {
      clear();
    }
  }

  async function admit(req: RunRequest, signal?: AbortSignal): Promise<Admitted> {
    if (req.precision && !req.precision.explicit) {
      const precision = withFittedCap(req.precision, [req.scenario], limits);
      req = { ...req, precision, trials: precision.maxTrials };
    }
    checkWork([{ scenario: req.scenario, trials: req.trials }], limits);
    const release = await queue.acquire(signal);
    return {
      release,
      execute: async (opts = {}) => {
        try {
          return await execute(req, opts);
        } finally {
          release();
        }
      },
    };
  }

  return {
    queue,
    limits,
    admit,
    async run(req, opts = {}) {
      const a = await admit(req, opts.signal);
      return a.execute(opts);
    },
    async call(work, task, outer, opts = {}) {
      checkWork(work, limits, opts);
      const release = await queue.acquire(outer);
      const { signal, clear } = withTimeLimit(limits, outer);
      try {
        return await task(signal);
      } catch (e) {
        if (signal.aborted) throw signal.reason;
        throw e;
      } finally {
        clear();
        release();
      }
    },
  };
}
