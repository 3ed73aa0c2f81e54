/** The special functions moved to engine/stats/special.ts (mechanisms may import stats/, not calibrate/); re-exported here for calibrate's callers. */
export * from '../stats/special.js';
