/** Output constants the mechanisms write by (cost items, Lorenz points); engine/types.ts re-exports them. */
import type { Scenario } from '../scenario.js';
import type { Stats } from '../stats/statsType.js';

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
  /** true when the scenario has a compensation block (else its arrays are empty) */
  compensation?: boolean;
  /** true when the scenario has a retention block (else its arrays are empty) */
  retention?: boolean;
  /** true when the scenario has a coverageResponse block (else its arrays are empty) */
  coverageResponse?: boolean;
  /** true when the scenario has a managers block (else its arrays are empty) */
  managers?: boolean;
  /** the mechanisms that record their columns by name (a registry entry's `recorded`) and are on: their arrays are empty otherwise */
  recorded?: Readonly<Record<string, true>>;
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
  /** a scalar cost column that is a line of the Summary's `cost.breakdown`: its name there, and when it is reported */
  readonly breakdown?: { readonly item: string; readonly when: (s: Scenario) => boolean };
}

/** A mechanism's result columns by name. */
export type Columns = Readonly<Record<string, ColumnSpec>>;

/**
 * The trial results as a mechanism's Summary section reads them, narrowed to the columns it names: `W`
 * the wide arrays (column k over the trials), `S` the one-value-per-trial arrays. engine/columns.ts's
 * TrialColumns is one for every column key, so summarize.ts checks each section's names against the
 * registry's columns when it calls the section.
 */
export interface ColumnReader<W extends string = never, S extends string = never> {
  readonly trials: number;
  readonly months: number;
  /** column k of a wide array, in trial order; valid until the next call (do not modify it) */
  readonly column: (key: W, k: number) => ArrayLike<number>;
  /** a one-value-per-trial array, in trial order (do not modify it) */
  readonly scalar: (key: S) => ArrayLike<number>;
}

/**
 * One column of `salesim run --monthly-csv` (one row per month) that a Summary section adds: its header, and its
 * value in month index i (0-based) read from the section.
 * @example const arrMean: CsvColumn<CustomersSummary> = ['arr_mean', (c, i) => c.arr.monthly[i].mean];
 */
export type CsvColumn<T> = readonly [header: string, value: (section: T, i: number) => number];

/** The unit a readable row is printed in. */
export type TextUnit = 'money' | 'count' | 'share' | 'hours';

/**
 * One row of a Summary section in `salesim run`'s readable report: a statistic over the trials, one
 * figure, a distribution's bins (lower edges, the last open, and shares), or an option the scenario does
 * not use (its note printed instead of a 0 that would look measured).
 */
export type TextRow =
  | { readonly label: string; readonly unit: TextUnit; readonly stats: Stats }
  | { readonly label: string; readonly unit: TextUnit; readonly value: number }
  | { readonly label: string; readonly bins: { readonly edges: readonly number[]; readonly shares: readonly number[] } }
  | { readonly label: string; readonly off: string };

/**
 * A Summary section's rows in `salesim run`'s readable report: its title, and its rows read from the
 * section and the resolved scenario.
 * @example const text: TextSection<ManagersSummary> = { title: 'first-line managers', rows: (m) => [{ label: 'manager exits', unit: 'count', stats: m.exits }] };
 */
export interface TextSection<T> {
  readonly title: string;
  readonly rows: (section: T, s: Scenario) => TextRow[];
}

/** The formatters the CLI lends a Summary section's readable report (cli/format.ts), so the section's folder formats its own figures as every other line is formatted. */
export interface ReportFormat {
  readonly money: (v: number) => string;
  readonly pct: (v: number | null | undefined, digits?: number) => string;
  /** rows as aligned columns (the first row the header) */
  readonly table: (rows: string[][]) => string;
}

/**
 * A mechanism's part of `salesim run`'s readable report, for figures that do not fit TextSection's one
 * statistic per row: read from the Summary (its section, or the core's figures of its mechanism), formatted
 * with the CLI's formatters; null when the Summary has nothing of it to print. `at: 'lines'` prints it among
 * the run's headline lines (after the headcount line, before the cost line); else it is a block of its own
 * after the cost line, a blank line before it. `order` places it among the others printed at the same place.
 * @example const report: ReportBlock<{ demand?: DemandSummary }> = { order: 2, text: (s, f) => (s.demand ? f.table([['leads', s.demand.leads.total.mean.toFixed(0)]]) : null) };
 */
export interface ReportBlock<T> {
  readonly order: number;
  readonly at?: 'lines';
  readonly text: (summary: T, f: ReportFormat) => string | null;
}
