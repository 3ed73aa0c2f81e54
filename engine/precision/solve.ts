/**
 * A goal seek run until its answer is decided (the `bracket` target): the whole search runs at
 * FIRST_SOLVE_TRIALS trials, then at twice as many, and so on up to the cap, until the answer's 95%
 * interval and that of its neighbour on the failing side both exclude the target value (or, when the
 * whole range meets or misses the target, the interval at the decisive end does). Each search is an
 * ordinary `solve` on common random numbers, so the result is the one `solve` gives at the trials used.
 */
import { InputError, issue } from '../errors.js';
import type { Scenario } from '../scenario.js';
import { solve, type SolveOptions, type SolvePoint, type SolveResult } from '../solve.js';
import { parsePrecision } from './targets.js';
import type { PrecisionReport } from './tracker.js';

export const FIRST_SOLVE_TRIALS = 500;

/** Whether `p`'s interval leaves no doubt on which side of `value` it lies. */
const clear = (p: SolvePoint, value: number) => !(p.ci[0] <= value && value <= p.ci[1]);

/**
 * Whether a goal seek's answer is decided: see the module comment.
 * @example bracketDecided(solve(scenario, { vary: 'reps.seats', target: 'P(plan) >= 0.5', trials: 4000 }))
 */
export function bracketDecided(r: SolveResult): boolean {
  const v = r.target.value;
  if (!r.answer) {
    // nothing meets: the end closest to meeting must miss it clearly
    const ends = r.evaluations.filter((p) => p.x === r.range[0] || p.x === r.range[1]);
    return ends.length > 0 && ends.every((p) => clear(p, v));
  }
  if (!clear(r.answer, v)) return false;
  const failing = r.neighbours.filter((p) => !p.met);
  return failing.every((p) => clear(p, v));
}

/** The half-width of the answer's interval (or of the decisive end's), for the report. */
function halfWidth(r: SolveResult): number {
  const p = r.answer ?? r.evaluations[0];
  return p ? (p.ci[1] - p.ci[0]) / 2 : Infinity;
}

/**
 * Goal seek until the answer is decided or `maxTrials` (the result's `trials` is the last search's).
 * @example const r = solvePrecise(scenario, { vary: 'reps.seats', target: 'P(plan) >= 0.5' }, 'bracket', 64_000);
 */
export function solvePrecise(s: Scenario, opts: Omit<SolveOptions, 'trials'>, spec: string, maxTrials: number): SolveResult & { precision: PrecisionReport } {
  const targets = parsePrecision(spec);
  const other = targets.find((t) => t.name !== 'bracket');
  if (other) throw new InputError([issue('precision', `${other.name} is not a target of a goal seek (it takes bracket)`)]);
  if (!(Number.isInteger(maxTrials) && maxTrials >= 1)) throw new InputError([issue('maxTrials', `must be a whole number >= 1 (got ${maxTrials})`)]);
  let n = Math.min(FIRST_SOLVE_TRIALS, maxTrials);
  for (;;) {
    const r = solve(s, { ...opts, trials: n });
    const met = bracketDecided(r);
    if (met || n >= maxTrials) {
      const report: PrecisionReport = { spec, trials: n, maxTrials, met, targets: [{ name: 'bracket', target: 0, reached: halfWidth(r), met }] };
      return { ...r, precision: report };
    }
    n = Math.min(maxTrials, 2 * n);
  }
}
