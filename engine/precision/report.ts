/** What a precision-targeted run reports (a file of types only, so the Summary's types import nothing else). */
import type { TargetName } from './targets.js';

export interface TargetReached {
  name: TargetName;
  /** the half-width asked for (relative for revenue and arr) */
  target: number;
  /** the half-width reached (Infinity while undefined, e.g. a mean of 0) */
  reached: number;
  met: boolean;
}

/** What a precision-targeted run reports: the trials it used and the precision it reached. */
export interface PrecisionReport {
  /** the spec as given */
  spec: string;
  trials: number;
  maxTrials: number;
  /** every target met (false: the run stopped at maxTrials) */
  met: boolean;
  targets: TargetReached[];
  /** the trials the run is expected to need, from the half-widths so far (n (reached / asked)^2 for the worst target, at most maxTrials; the trials used once met); null for a bracket alone */
  projected?: number | null;
  /** the spec is the default precision (engine/precision/defaults.ts): the run named neither a trial count nor a precision */
  default?: boolean;
}

/** The 95% half-widths of a run's headline figures (engine/precision/reached.ts): every Summary's `diagnostics.halfWidth`. */
export interface HalfWidths {
  /** half-width of P(plan)'s 95% interval; null without a plan */
  pPlan: number | null;
  /** relative half-width of mean total revenue's 95% interval; null when the mean is 0 */
  revenue: number | null;
  /** the same for mean ARR at the horizon; null without a customers block (or a mean of 0) */
  arr: number | null;
}
