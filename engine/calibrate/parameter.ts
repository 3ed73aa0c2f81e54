/** The fitted-parameter line moved to engine/kernel/calibration.ts (a mechanism's calibration writes its own); re-exported here for calibrate's callers. */
export { param, type FittedParameter } from '../kernel/calibration.js';
