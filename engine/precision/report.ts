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
