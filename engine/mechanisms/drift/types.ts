/** The compiled drift and its per-trial state (a leaf: imports nothing). */

/** The three drifting quantities, in the order of their rows in `trend` and `path`. */
export const DRIFT_WIN = 0;
export const DRIFT_ND = 1;
export const DRIFT_DEAL = 2;

export interface CompiledDrift {
  /** months */
  H: number;
  /** the trend factor of quantity q in month m at [q x H + m - 1] (q: DRIFT_WIN, DRIFT_ND, DRIFT_DEAL) */
  trend: Float64Array;
  /** monthly sd of each quantity's log random walk (0: none) */
  walkSd: Float64Array;
  /** some quantity has a random walk (the trial-level drift stream is drawn from) */
  walk: boolean;
}

/** The trial's factors: the trend, times the trial's random walk when there is one; layout of `trend`. */
export interface DriftState {
  path: Float64Array;
}
