/** Precision-targeted runs: targets, the block schedule and the stopping rule. */
export { parsePrecision, TARGET_NAMES, type PrecisionTarget, type TargetName } from './targets.js';
export { nextBlockEnd, blockBoundaries, FIRST_BLOCK, MIN_BLOCK, BLOCK_SHARE } from './schedule.js';
export { createPrecisionTracker, projectedTrials, Z95, type PrecisionTracker, type TrackerOptions, type TrackerState, type PrecisionReport, type TargetReached } from './tracker.js';
export { solvePrecise, bracketDecided, FIRST_SOLVE_TRIALS } from './solve.js';
export { defaultPrecision, defaultPrecisionSpec, ownsTrials, DEFAULT_P_PLAN, DEFAULT_REVENUE, DEFAULT_PRECISION_CAP } from './defaults.js';
export { precisionReached, halfWidths, type PrecisionReached, type HalfWidths } from './reached.js';
export { fitTrialsToBudget, type CapBudget } from './fitCap.js';
