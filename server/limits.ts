/**
 * Limits that keep one server usable by a team: request size, work per run, queue length, run time.
 * Each can be set by environment variable in `server/main.ts` or by `createApp({ limits })`.
 */
import { seatCount, type Scenario } from '../engine/index.js';
import { ApiError } from './errors.js';

/** Default body limit of the CSV routes: 10 MiB. */
export const MAX_CSV_BODY_BYTES = 10 * 1024 * 1024;

export interface Limits {
  /** request body bytes (413 beyond) */
  maxBodyBytes: number;
  /** request body bytes of the CSV routes, /api/calibrate and /api/backtest (413 beyond) */
  maxCsvBodyBytes: number;
  /** trials x seats x months of one run (422 beyond); seats = initial seats + planned hires */
  maxWork: number;
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
    maxTrialMonths: 1e7,
    maxConcurrentRuns: Math.max(1, workers),
    maxQueuedRuns: 8 * Math.max(1, workers),
    runTimeoutMs: 120_000,
    retryAfterSeconds: 2,
  };
}

/**
 * Throws 422 (path null, the limit named) when runs of these scenarios would exceed the work budget.
 * @example checkWork([{ scenario, trials: 2000 }], defaultLimits(2)) // ok for 40 reps x 24 months
 */
export function checkWork(runs: { scenario: Scenario; trials: number }[], limits: Limits): void {
  let work = 0;
  let tm = 0;
  for (const r of runs) {
    work += r.trials * Math.max(1, seatCount(r.scenario)) * r.scenario.horizonMonths;
    tm += r.trials * r.scenario.horizonMonths;
  }
  const what = runs.length === 1 ? 'the run needs' : `the ${runs.length} runs need`;
  if (work > limits.maxWork) {
    const r = runs[0];
    const detail = runs.length === 1 ? ` = ${r.trials} x ${Math.max(1, seatCount(r.scenario))} x ${r.scenario.horizonMonths}` : '';
    throw new ApiError(422, [
      {
        path: null,
        rule: 'work budget',
        message: `${what} trials x seats x months${detail} = ${work.toExponential(2)}, over the work budget of ${limits.maxWork.toExponential(2)} (maxWork); lower trials, seats or horizonMonths`,
      },
    ]);
  }
  // two live copies at most while merging and summarising
  if (tm > limits.maxTrialMonths) {
    throw new ApiError(422, [
      {
        path: null,
        rule: 'work budget',
        message: `${what} trials x months = ${tm.toExponential(2)}, over the memory budget of ${limits.maxTrialMonths.toExponential(2)} (maxTrialMonths); lower trials or horizonMonths`,
      },
    ]);
  }
}

/**
 * The most trials (at most `cap`) that runs of all these scenarios fit in the work budget: the default
 * cap of a precision-targeted request that names no maxTrials.
 * @example fittingTrials([scenario], defaultLimits(2), 100_000) // 100000 for 40 reps x 24 months
 */
export function fittingTrials(scenarios: Scenario[], limits: Limits, cap: number): number {
  let work = 0;
  let tm = 0;
  for (const s of scenarios) {
    work += Math.max(1, seatCount(s)) * s.horizonMonths;
    tm += s.horizonMonths;
  }
  return Math.max(1, Math.min(cap, Math.floor(limits.maxWork / work), Math.floor(limits.maxTrialMonths / tm)));
}
