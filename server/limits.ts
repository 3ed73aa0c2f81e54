/**
 * Limits that keep one server usable by a team: request size, work per run, queue length, run time.
 * Each can be set by environment variable in `server/main.ts` or by `createApp({ limits })`.
 */
import { checkBudget, fitTrialsToBudget, type Scenario } from '../engine/index.js';
import { ApiError } from './errors.js';

/** Default body limit of the CSV routes: 10 MiB. */
export const MAX_CSV_BODY_BYTES = 10 * 1024 * 1024;

export interface Limits {
  /** request body bytes (413 beyond) */
  maxBodyBytes: number;
  /** request body bytes of the CSV routes, /api/calibrate and /api/backtest (413 beyond) */
  maxCsvBodyBytes: number;
  /**
   * units of work of one request (422 beyond): rep-months plus the events the kernel handles one by one
   * (deal draws, customers, open-book deals, ...), from the engine's cost model (engine/work.ts), summed
   * over every run of the request (compare's scenarios, sensitivity's design, solve's whole search,
   * forecast's interventions). SALESIM_MAX_WORK.
   */
  maxWork: number;
  /** peak bytes of one request's results (422 beyond). SALESIM_MAX_MEMORY_MB (in MiB). */
  maxMemoryBytes: number;
  /** expected rows of one synthetic export (POST /api/forecast/sample; 400 naming the field beyond) */
  maxSynthRows: number;
  /** trials x months of one run (422 beyond): bounds the memory the results take */
  maxTrialMonths: number;
  /** runs executing at once (each spreads its trials over the whole pool) */
  maxConcurrentRuns: number;
  /** runs waiting for a slot (429 with Retry-After beyond) */
  maxQueuedRuns: number;
  /** wall time of one run once started (422 beyond) */
  runTimeoutMs: number;
  /** seconds a client is told to wait in Retry-After */
  retryAfterSeconds: number;
}

/**
 * Defaults sized for this machine class (2 cores): a 100-rep x 36-month x 100,000-trial run is 3.6e8.
 */
export function defaultLimits(workers: number): Limits {
  return {
    maxBodyBytes: 1024 * 1024,
    maxCsvBodyBytes: MAX_CSV_BODY_BYTES,
    maxWork: 1e9,
    maxMemoryBytes: 512 * 2 ** 20,
    maxSynthRows: 500_000,
    maxTrialMonths: 1e7,
    maxConcurrentRuns: Math.max(1, workers),
    maxQueuedRuns: 8 * Math.max(1, workers),
    runTimeoutMs: 120_000,
    retryAfterSeconds: 2,
  };
}

/**
 * Throws 422 when runs of these scenarios would exceed the work or memory budget: the issue names the
 * field that drives the cost (`trials`, `reps.seats`, `reps.opportunitiesPerMonth`,
 * `customers.initial.count`, ...) and the largest value of it that fits.
 * @example checkWork([{ scenario, trials: 2000 }], defaultLimits(2)) // ok for 40 reps x 24 months
 */
export function checkWork(runs: { scenario: Scenario; trials: number }[], limits: Limits, opts: { sequential?: boolean } = {}): void {
  if (runs.length === 0) return;
  const over = checkBudget(runs, limits.maxWork, limits.maxMemoryBytes, opts);
  if (over) {
    const budget = over.budget === 'work' ? 'maxWork' : 'maxMemoryBytes';
    throw new ApiError(422, [{ path: over.path, rule: 'work budget', message: `${over.message} (${budget})` }]);
  }
  let tm = 0;
  for (const r of runs) tm = opts.sequential ? Math.max(tm, r.trials * r.scenario.horizonMonths) : tm + r.trials * r.scenario.horizonMonths;
  const what = runs.length === 1 ? 'the run needs' : `the ${runs.length} runs need`;
  // two live copies at most while merging and summarising
  if (tm > limits.maxTrialMonths) {
    throw new ApiError(422, [
      {
        path: 'trials',
        rule: 'work budget',
        message: `trials: ${what} trials x months = ${tm.toExponential(2)}, over the memory budget of ${limits.maxTrialMonths.toExponential(2)} (maxTrialMonths); lower trials or horizonMonths`,
      },
    ]);
  }
}

/**
 * The most trials (at most `cap`) that runs of all these scenarios fit in the work and memory budgets
 * (the engine's cost model, engine/work.ts, as every request is checked): the default cap of a
 * precision-targeted request that names no maxTrials. Cost rises with trials, so a bisection finds it.
 * @example fittingTrials([scenario], defaultLimits(2), 100_000) // 100000 for 40 reps x 24 months
 */
export function fittingTrials(scenarios: Scenario[], limits: Limits, cap: number): number {
  return fitTrialsToBudget(scenarios, { maxWork: limits.maxWork, maxMemoryBytes: limits.maxMemoryBytes, maxTrialMonths: limits.maxTrialMonths }, cap);
}
