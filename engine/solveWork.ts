/**
 * The work of a goal seek's whole search (engine/solve.ts), for the cost model before it starts: every
 * run it can make (both ends, up to 6 doublings of a default range, the bisection to the tolerance,
 * the two neighbours), each costed at the dearer end of the range.
 */
import { numericRange, parsePath } from './schema-walk.js';
import { withDecision, type SolveOptions } from './solve.js';
import type { Scenario } from './scenario.js';
import type { WorkRun } from './work.js';
import { valueAtPath } from './uncertainty/pathValue.js';
import { estimateWork } from './work.js';

/** Doublings of a default range (engine/solve.ts). */
const DOUBLINGS = 6;

/**
 * The runs a goal seek may make, at the dearer end of its widest range; [] when the request is
 * malformed (solve itself then answers the 400).
 * @example solveRuns(scenario, { vary: 'reps.seats', target: 'P(plan) >= 0.8', trials: 500 }).length // <= 2 + 6 + 52 + 2
 */
export function solveRuns(s: Scenario, opts: Omit<SolveOptions, 'onProgress'>): WorkRun[] {
  const segs = parsePath(opts.vary);
  const range = segs ? numericRange(segs) : null;
  if (!segs || !range) return [];
  const trials = opts.trials ?? s.trials;
  const probe = valueAtPath(s, segs);
  const cur = typeof probe === 'number' ? probe : 0;
  const highest = Number.isFinite(range.max) ? range.max : Infinity;
  const lo = opts.min ?? (Number.isFinite(range.min) ? range.min : 0);
  let hi = opts.max ?? Math.min(highest, range.integer ? Math.max(2 * cur, cur + 10) : cur > 0 ? 2 * cur : 1);
  const widen = opts.max === undefined ? DOUBLINGS : 0;
  hi = Math.min(highest, hi * 2 ** widen);
  const width = Math.max(0, hi - lo);
  const tol = range.integer ? 1 : Math.max(opts.tolerance ?? width / 1000 / 2 ** widen, Math.abs(hi) * 2 ** -52, Number.MIN_VALUE);
  const steps = width > tol ? Math.min(1100, Math.ceil(Math.log2(width / tol))) : 0;
  const n = 2 + widen + steps + 2;
  const dearer = [lo, hi]
    .map((x) => {
      try {
        return withDecision(s, segs, x);
      } catch {
        return s; // a value the schema refuses: the search stops there with a 400
      }
    })
    .sort((a, b) => estimateWork([{ scenario: b, trials }]).work - estimateWork([{ scenario: a, trials }]).work)[0];
  return Array.from({ length: n }, () => ({ scenario: dearer, trials }));
}
