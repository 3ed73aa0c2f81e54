/** Output constants the mechanisms write by (cost items, Lorenz points); engine/types.ts re-exports them. */

/** Cost items reported in `cost.breakdown`. */
export const COST_ITEMS = ['reps', 'managers', 'hiring', 'vacancy', 'enablement', 'leadership'] as const;
export type CostItem = (typeof COST_ITEMS)[number];

/** Number of points of the per-trial Lorenz curve kept (x = 0, 1/(L-1), ..., 1). */
export const LORENZ_POINTS = 21;

/** The shape of a block of trial results: what every column's width depends on. */
export interface ResultLayout {
  from: number;
  trials: number;
  months: number;
  territories: number;
  years: number;
  /** the coverage figures are recorded (coverage, selling time or stalls on); else their arrays are empty */
  figures: boolean;
  /** true when the scenario has a customers block (else the customer arrays are empty) */
  customers?: boolean;
  /** true when the scenario has a demand block (else the demand arrays are empty) */
  demand?: boolean;
}

/**
 * One per-trial result column a mechanism writes: how many values each trial has (given the layout), how
 * the Summary reads it (each column of a wide array, the column sums of a summed one, the one value per
 * trial of a scalar; absent: the Summary reads it otherwise), and what it holds.
 */
export interface ColumnSpec {
  readonly width: (l: ResultLayout) => number;
  readonly read?: 'wide' | 'summed' | 'scalar';
  readonly doc: string;
}

/** A mechanism's result columns by name. */
export type Columns = Readonly<Record<string, ColumnSpec>>;
