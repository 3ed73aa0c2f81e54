/**
 * A mechanism's part of a paired comparison (engine/compare.ts, `salesim compare`): the figure it adds to
 * each variant's `difference` (its registry entry's `comparison`), and what its Summary section adds to the
 * comparison's report (`summary.compare`: columns of the table of scenarios, a table of its own). The
 * comparison and its report iterate the registry for them, so neither names the block.
 */
import type { ReportFormat } from './outputs.js';

/** The CLI's formatters for a comparison's report: ReportFormat's, a signed amount, and P10 / P50 / P90 of a Stats. */
export interface CompareFormat extends ReportFormat {
  readonly signedMoney: (v: number) => string;
  /** `P10 / P50 / P90` in money (signed: with their signs) */
  readonly range: (s: { readonly p10: number; readonly p50: number; readonly p90: number }, signed?: boolean) => string;
}

/** A mechanism's figure of a variant's paired difference. */
export interface ComparisonHook {
  /** its field of each variant's `difference` (present only when both runs record the mechanism) */
  readonly key: string;
  /** variant - baseline trial by trial from both runs' results (`dCost`: the per-trial cost difference); undefined when either run lacks it */
  readonly difference: (base: never, variant: never, dCost: Float64Array) => object | undefined;
  /** its lines in the variant's "minus baseline" block of `salesim compare` (after the cost difference) */
  readonly text: (d: never, f: CompareFormat) => string[];
}

/** What a Summary section adds to `salesim compare`'s report. */
export interface CompareSection<T> {
  /** columns of the table of scenarios, when the baseline has the section: their headers, and a scenario's cells (undefined: it lacks the section) */
  readonly columns?: { readonly headers: readonly string[]; readonly cells: (section: T | undefined, f: CompareFormat) => string[] };
  /**
   * a table of its own after the variants, when any scenario has the section: `order` among such tables
   * (ascending), its title line, its header (the scenario's name first), a scenario's cells after its name
   * (a scenario without the section gets '-' in each)
   */
  readonly table?: { readonly order: number; readonly title: string; readonly headers: readonly string[]; readonly row: (section: T, f: CompareFormat) => string[] };
}
