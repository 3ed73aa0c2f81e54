/**
 * Paired statistics for comparisons on common random numbers: per-trial totals, differences, a month's
 * column, crossover months and the variance-reduction ratio. Pure functions on arrays (engine/paired.ts
 * re-exports them beside the totals of a TrialResults); a mechanism's comparison hook uses them too.
 */
import { sampleVariance } from 'simple-statistics';

/**
 * Per-trial sums of a monthly row-major array (`trial * months + (month - 1)`), summed in month order.
 * @example perTrialTotals(new Float64Array([1, 2, 3, 4]), 2, 2) // new Float64Array([3, 7])
 */
export function perTrialTotals(monthly: ArrayLike<number>, trials: number, months: number): Float64Array {
  const out = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    let s = 0;
    const o = t * months;
    for (let m = 0; m < months; m++) s += monthly[o + m];
    out[t] = s;
  }
  return out;
}

/**
 * Element-wise a - b.
 * @example subtract([3, 5], [1, 1]) // new Float64Array([2, 4])
 */
export function subtract(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}

/**
 * Sample variance with n - 1 (0 for fewer than 2 values): simple-statistics `sampleVariance`, two
 * passes around a compensated (Kahan-Babuska) mean, so a function of the values in trial order only.
 * @example variance([1, 2, 3, 4]) // 1.6666666666666667
 */
export function variance(x: ArrayLike<number>): number {
  return x.length < 2 ? 0 : sampleVariance(x as readonly number[]);
}

/**
 * Variance-reduction ratio of common random numbers: (Var(A) + Var(B)) / Var(A - B), i.e. the variance
 * the difference would have with independent draws over the one it has on shared draws. Null when
 * Var(A - B) = 0 (identical outcomes: the ratio is unbounded) or there are fewer than 2 trials.
 * @example varianceReductionRatio([1, 2, 3], [1.1, 2.1, 3.2]) // ≈ 631.0
 */
export function varianceReductionRatio(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  const vd = variance(subtract(a, b));
  if (!(vd > 0)) return null;
  return (variance(a) + variance(b)) / vd;
}

/**
 * Crossover month of each trial: the first month m from which the variant's cumulative revenue stays
 * strictly ahead of the baseline's through the horizon (1 if it is ahead from month 1), or NaN when it
 * is not ahead at the horizon (never crosses).
 * @example crossoverMonths(new Float64Array([0, 0, 5]), new Float64Array([1, 1, 1]), 1, 3) // new Float64Array([3])
 */
export function crossoverMonths(variant: ArrayLike<number>, baseline: ArrayLike<number>, trials: number, months: number): Float64Array {
  const out = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    const o = t * months;
    let cum = 0;
    let lastNotAhead = 0; // last month with the cumulative difference <= 0 (0 = none)
    for (let m = 0; m < months; m++) {
      cum += variant[o + m] - baseline[o + m];
      if (!(cum > 0)) lastNotAhead = m + 1;
    }
    out[t] = lastNotAhead === months ? NaN : lastNotAhead + 1;
  }
  return out;
}

/**
 * Per-month cumulative differences (variant - baseline), row-major like the inputs.
 * @example cumulativeDifference([1, 2], [0, 0], 1, 2) // new Float64Array([1, 3])
 */
export function cumulativeDifference(variant: ArrayLike<number>, baseline: ArrayLike<number>, trials: number, months: number): Float64Array {
  const out = new Float64Array(trials * months);
  for (let t = 0; t < trials; t++) {
    let cum = 0;
    for (let m = 0; m < months; m++) {
      const i = t * months + m;
      cum += variant[i] - baseline[i];
      out[i] = cum;
    }
  }
  return out;
}

/**
 * Column `m` of a row-major trial x months array.
 * @example column([1, 2, 3, 4], 2, 2, 1) // new Float64Array([2, 4])
 */
export function column(a: ArrayLike<number>, trials: number, months: number, m: number): Float64Array {
  const out = new Float64Array(trials);
  for (let t = 0; t < trials; t++) out[t] = a[t * months + m];
  return out;
}
