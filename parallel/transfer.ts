/**
 * Moving TrialResults between threads without copying: every typed array's buffer goes in the
 * transfer list (each buffer once, even when several arrays share it).
 */
import type { TrialResults } from '../engine/index.js';

/**
 * The distinct ArrayBuffers behind the typed arrays of `value` (one level deep).
 * @example transferList(runTrials(scenario, 1, 0, 10)).length > 0 // true
 */
export function transferList(value: object): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const v of Object.values(value)) {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.buffer.byteLength > 0) seen.add(v.buffer);
  }
  return [...seen];
}

/** True when `r` looks like TrialResults (used to check what comes back from a worker). */
export function isTrialResults(r: unknown): r is TrialResults {
  return !!r && typeof r === 'object' && (r as TrialResults).revenue instanceof Float64Array && typeof (r as TrialResults).trials === 'number';
}
