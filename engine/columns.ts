/**
 * How the Summary reads trial results: column by column. A column is one quantity (a month's revenue, a
 * cost item, a territory, a Lorenz point) over the trials, in trial order. `summarize` reads a
 * TrialResults block (row-major, one trial after another) through `rowMajorColumns`; the streaming
 * summary stores its columns contiguously and serves them where they are, without copies.
 */
import type { TrialResults } from './types.js';
import type { ColumnReader, Columns } from './kernel/outputs.js';
import { MECHANISMS, type ColumnKeyRead } from './mechanisms/registry.js';

/** The columns the Summary reads in the way `read`, in registry order (as the mechanisms declare them). */
function keysRead<R extends 'wide' | 'summed' | 'scalar'>(read: R): readonly ColumnKeyRead<R>[] {
  return MECHANISMS.flatMap((m) => Object.entries(m.columns as Columns).flatMap(([k, spec]) => (spec.read === read ? [k as ColumnKeyRead<R>] : [])));
}

/** Per-trial arrays with several values per trial (months, cost items, territories) whose columns the Summary reads. */
export const WIDE_KEYS = keysRead('wide');
/** Per-trial arrays of which the Summary only needs the column sums (means over the trials). */
export const SUMMED_KEYS = keysRead('summed');
/** Per-trial arrays with one value per trial that the Summary reads. */
export const SCALAR_KEYS = keysRead('scalar');

/** Per-month arrays whose months are summarised by counting when they hold head counts (small integers). */
export const COUNTED_KEYS = ['headcount', 'productive', 'ramping', 'vacant', 'cost'] as const;
/** Counting applies when every value of the array is an integer in [0, COUNT_CAP). */
export const COUNT_CAP = 1024;

export type WideKey = ColumnKeyRead<'wide'>;
export type CountedKey = (typeof COUNTED_KEYS)[number];
export type SummedKey = ColumnKeyRead<'summed'>;
export type ScalarKey = ColumnKeyRead<'scalar'>;

/** Sums of one column in trial order: of every value, and of the values that are not NaN, with their count. */
export interface ColumnSum {
  all: number;
  notNaN: number;
  count: number;
}

/** The trial results as the Summary reads them. */
export interface TrialColumns extends ColumnReader<WideKey, ScalarKey> {
  /** the sums of column k of a summed array */
  sum(key: SummedKey, k: number): ColumnSum;
  /** pooled person-year attainments, in trial order */
  readonly attainments: Float32Array;
  /**
   * Optional, for a source that counted its values as they came: the counts of the values of each month
   * (counts[v] = trials with value v) when every value of the array is an integer in [0, COUNT_CAP),
   * else null.
   */
  counts?(key: CountedKey): Int32Array[] | null;
}

/** Columns extracted per pass over a row-major array (one pass reads each cache line once, not once per column). */
const BLOCK = 8;
/** Rows per tile: the tile's cache lines stay in L1/L2 while its BLOCK columns are copied. */
const ROWS = 512;

/**
 * The columns of a row-major TrialResults block. Wide columns are copied out BLOCK at a time (the
 * next columns of the same array are then ready), into buffers reused from call to call.
 * @example
 * const cols = rowMajorColumns(runTrials(scenario, 1, 0, 100));
 * cols.column('revenue', 0); // the first month's revenue of each trial
 */
export function rowMajorColumns(r: TrialResults): TrialColumns {
  const n = r.trials;
  const bufs: Float64Array[] = [];
  let cached: { key: WideKey; k0: number; w: number } | null = null;
  const arrays = r;
  return {
    trials: n,
    months: r.months,
    column(key, k) {
      if (cached && cached.key === key && k >= cached.k0 && k < cached.k0 + cached.w) return bufs[k - cached.k0];
      const a = arrays[key];
      const width = a.length / n;
      const w = Math.min(BLOCK, width - k);
      while (bufs.length < w) bufs.push(new Float64Array(n));
      for (let t0 = 0; t0 < n; t0 += ROWS) {
        const t1 = Math.min(n, t0 + ROWS);
        for (let j = 0; j < w; j++) {
          const b = bufs[j];
          for (let t = t0, o = t0 * width + k + j; t < t1; t++, o += width) b[t] = a[o];
        }
      }
      cached = { key, k0: k, w };
      return bufs[0];
    },
    scalar: (key) => arrays[key],
    sum(key, k) {
      const a = arrays[key];
      const width = a.length / n;
      let all = 0,
        notNaN = 0,
        count = 0;
      for (let t = 0, o = k; t < n; t++, o += width) {
        const v = a[o];
        all += v;
        if (v === v) {
          notNaN += v;
          count++;
        }
      }
      return { all, notNaN, count };
    },
    attainments: r.attainments,
  };
}
