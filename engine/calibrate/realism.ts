/**
 * Features of real CRM exports that `synthesize` can write in (issue 25), so that fits and forecasts can be
 * tested for recovery on data shaped like reality:
 *
 * - `resolveByAge`: the monthly chance that an open opportunity resolves (won, lost or no decision) at a
 *   month end by its age (month-ends survived: 0 = created this month), the last entry applying to every
 *   older age. A table ending in 0 leaves stale deals that never close (they stay open in the export).
 * - `quarterEndWin`: a decided deal in a quarter-end calendar month (March, June, September, December) is won
 *   with probability min(1, win rate x this factor): the quarter-end push.
 * - `arrivalDrift`: the log of the opportunity rate follows a random walk shared by the team, with this
 *   standard deviation per month (arrivals that drift and vary more than Poisson from month to month).
 *
 * None is set by default: without them the history is the scenario's model exactly.
 */
import { InputError, issue, type InputIssue } from '../errors.js';

export interface Realism {
  resolveByAge?: number[] | null;
  quarterEndWin?: number | null;
  arrivalDrift?: number | null;
}

/** Oldest age (months) of an opportunity already open at the history's start under `resolveByAge`. */
export const MAX_INITIAL_AGE = 24;

/**
 * Checks the options; throws an InputError naming the field.
 * @example checkRealism({ resolveByAge: [0.3, 0.3, 0] }) // ok
 */
export function checkRealism(r: Realism): void {
  const errors: InputIssue[] = [];
  if (r.resolveByAge != null) {
    const h = r.resolveByAge;
    if (!Array.isArray(h) || h.length < 1 || h.length > 120) errors.push(issue('resolveByAge', 'must be a list of 1 to 120 monthly probabilities'));
    else
      h.forEach((v, i) => {
        if (!(typeof v === 'number' && v >= 0 && v <= 1)) errors.push(issue(`resolveByAge[${i}]`, `must be a probability between 0 and 1 (got ${v})`));
      });
    if (Array.isArray(h) && h.length && h[0] === 0 && h.every((v) => v === 0)) errors.push(issue('resolveByAge', 'must not be all 0 (no opportunity would ever close)'));
  }
  if (r.quarterEndWin != null && !(Number.isFinite(r.quarterEndWin) && r.quarterEndWin > 0 && r.quarterEndWin <= 10)) errors.push(issue('quarterEndWin', `must be a factor between 0 and 10 (got ${r.quarterEndWin})`));
  if (r.arrivalDrift != null && !(Number.isFinite(r.arrivalDrift) && r.arrivalDrift >= 0 && r.arrivalDrift <= 1)) errors.push(issue('arrivalDrift', `must be a standard deviation between 0 and 1 (got ${r.arrivalDrift})`));
  if (errors.length) throw new InputError(errors);
}

/**
 * The resolution chance at `age` month-ends survived.
 * @example hazardAt([0.3, 0.1, 0], 7) // 0
 */
export function hazardAt(h: readonly number[], age: number): number {
  return h[Math.min(age, h.length - 1)];
}

/**
 * Whether a calendar month index (year x 12 + month - 1) ends a quarter.
 * @example isQuarterEnd(24302) // true (2025-03)
 */
export function isQuarterEnd(monthIndex: number): boolean {
  return monthIndex % 3 === 2;
}

/**
 * The stationary ages (1..MAX_INITIAL_AGE) of an open book under steady arrivals and the hazard `h`: the
 * weight of age a is the chance of surviving a month-ends, S(a) = prod_{j<a} (1 - h_j). Returns the
 * cumulative weights (last = the expected open opportunities per unit of monthly arrivals).
 * @example initialAgeWeights([0.5])[0] // 0.5
 */
export function initialAgeWeights(h: readonly number[]): Float64Array {
  const w = new Float64Array(MAX_INITIAL_AGE);
  let surv = 1,
    acc = 0;
  for (let a = 1; a <= MAX_INITIAL_AGE; a++) {
    surv *= 1 - hazardAt(h, a - 1);
    acc += surv;
    w[a - 1] = acc;
  }
  return w;
}

/**
 * An age drawn from the cumulative weights at uniform u.
 * @example drawInitialAge(initialAgeWeights([0.5]), 0.1) // 1
 */
export function drawInitialAge(cum: Float64Array, u: number): number {
  const x = u * cum[cum.length - 1];
  let a = 0;
  while (a < cum.length - 1 && cum[a] <= x) a++;
  return a + 1;
}
