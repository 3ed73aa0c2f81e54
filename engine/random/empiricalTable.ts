/**
 * An empirical distribution (e.g. won deal sizes as they are: a price list, or every won amount of a
 * CRM export), sampled exactly by inversion: the amounts sorted ascending, a draw is the amount at index
 * floor(u x n) for one uniform u in [0, 1). Every amount has probability 1/n (repeated amounts carry their
 * weight), one uniform per draw (as the lognormal table), and the draw is monotone in u, so a small change
 * of the list moves each draw a little (common random numbers).
 */
/** Sorted amounts and their moments, built once per run. */
export interface EmpiricalTable {
  /** amounts sorted ascending */
  values: Float64Array;
  n: number;
  /** arithmetic mean of the amounts (the distribution's expected value) */
  mean: number;
  /** median (type-7 quantile at 0.5) */
  median: number;
}

/**
 * Sorts the amounts into a table.
 * @example Array.from(createEmpiricalTable([550, 55, 1100]).values) // [55, 550, 1100]
 */
export function createEmpiricalTable(amounts: readonly number[]): EmpiricalTable {
  const values = Float64Array.from(amounts).sort();
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  const h = (n - 1) / 2;
  const lo = Math.floor(h);
  const median = n === 0 ? NaN : values[lo] + (h - lo) * ((values[Math.min(n - 1, lo + 1)] ?? values[lo]) - values[lo]);
  return { values, n, mean: n > 0 ? s / n : NaN, median };
}

/**
 * The amount at uniform u in [0, 1): values[floor(u x n)].
 * @example empiricalQuantile(createEmpiricalTable([1, 2, 3, 4]), 0.5) // 3
 */
export function empiricalQuantile(t: EmpiricalTable, u: number): number {
  const i = (u * t.n) | 0;
  return t.values[i < t.n ? i : t.n - 1];
}
