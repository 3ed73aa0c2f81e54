/**
 * One mechanism of the registry (engine/mechanisms/registry.ts): its folder, the scenario blocks it reads,
 * when it is on, its random streams, result columns, Summary section, slices and assumptions. A mechanism
 * may declare its whole entry in its folder (engine/mechanisms/<name>/index.ts) so that adding it is the
 * folder plus one line of the registry.
 */
import type { Scenario } from '../scenario.js';
import type { Columns, CsvColumn, ReportBlock, TextSection } from './outputs.js';
import type { OutcomeHook } from './outcome.js';
import type { WorkHook, WorkLever } from './work.js';
import type { ComparisonHook, CompareSection } from './comparison.js';
import type { AnySlice } from './slice.js';
import type { Assumption } from './assumption.js';
import type { MechanismHistory } from './calibration.js';
import type { PlanHook } from './plan.js';
import type { UncertainParameter } from '../uncertainty/resolve.js';

/** One mechanism: its folder, the scenario blocks it reads, when it is on, and the random streams it draws from. */
export interface Mechanism {
  /** the folder under engine/mechanisms/ */
  readonly name: string;
  /** what a user calls it (warnings, docs) */
  readonly label: string;
  /** the scenario fields it reads (a block, or a field of the core's) */
  readonly blocks: readonly string[];
  /** whether it runs for a resolved scenario (the core always does) */
  readonly on: (s: Scenario) => boolean;
  /**
   * the random streams it declares (engine/mechanisms/<name>/streams.ts): seat-stream purposes and
   * trial-level streams by name, with their fixed ids (streams are keyed by seed, trial, seat, purpose)
   */
  readonly streams?: { readonly PURPOSE: Readonly<Record<string, number>>; readonly GLOBAL: Readonly<Record<string, number>> };
  /** its place in the month (docs/design.md, "The month") */
  readonly steps: string;
  /** the per-trial result columns it writes (engine/mechanisms/<name>/outputs.ts) */
  readonly columns: Columns;
  /**
   * its slices (engine/mechanisms/<name>/slice.ts): its compiled parameters, the random streams it seeds and
   * its part of the trial state; engine/compile.ts and engine/state.ts assemble them after the core's
   */
  readonly slice?: AnySlice;
  /** its assumptions (engine/assumptions.ts lists them after the core's and the older mechanisms', in registry order) */
  readonly assumptions?: readonly Assumption[];
  /**
   * its steps add padded opportunities to the seats' pipelines (the kernel's `openPad`), which the core's
   * pipeline step resolves from its padding stream: compile seeds that stream while the mechanism is on
   */
  readonly pads?: true;
  /** its result columns are recorded by name in the layout's `recorded` (a width reads `l.recorded?.<name>`) when it is on */
  readonly recorded?: true;
  /**
   * its section of the Summary (engine/mechanisms/<name>/summary.ts): the Summary's field, when the
   * section is there, and how it is built from the trial results; `always`: the field is null when the
   * section is not there (else it is absent); `csv`: the columns it adds to `salesim run --monthly-csv`; `text`:
   * its rows in `salesim run`'s readable report; `compare`: what it adds to `salesim compare`'s report
   * (engine/kernel/comparison.ts)
   */
  readonly summary?: { readonly key: string; readonly when: (s: Scenario) => boolean; readonly build: (s: Scenario, src: never, hasQuota: boolean) => unknown; readonly always?: true; readonly csv?: readonly CsvColumn<never>[]; readonly text?: TextSection<never>; readonly compare?: CompareSection<never> };
  /**
   * its part of `salesim run`'s readable report that does not fit `summary.text`'s rows (a table by plan
   * year, a headline line): read from the Summary and formatted with the CLI's formatters (kernel/outputs.ts)
   */
  readonly report?: ReportBlock<never>;
  /**
   * the outcomes it adds to total revenue, margin and P(plan) (engine/kernel/outcome.ts): what goal seeks,
   * precision targets, the tornado and the variance analysis can measure; engine/outcomes.ts looks them up
   */
  readonly outcomes?: readonly OutcomeHook[];
  /** its figure of a comparison's paired difference and that figure's lines in `salesim compare` (engine/kernel/comparison.ts) */
  readonly comparison?: ComparisonHook;
  /**
   * its parameters in the tornado's default set (engine/sensitivity.ts `defaultParameters`): the field paths
   * it moves in a scenario where it is on (those with a value of 0 are dropped there); `order` places them
   * among the other mechanisms' (ascending; the core's come first)
   */
  readonly tornado?: { readonly order: number; readonly params: (s: Scenario) => string[] };
  /**
   * its part of a run's work estimate (engine/kernel/work.ts, engine/work.ts): the factors its events add to
   * the kernel's work and the result-layout flags its columns need, from the scenario and its compiled parameters
   */
  readonly work?: WorkHook;
  /** its block's fields that scale a run's cost, after the core's in a refusal's search for the one that drives it (engine/kernel/work.ts) */
  readonly levers?: readonly WorkLever[];
  /**
   * a goal seek's decision path that its block must grow to hold (engine/solve.ts): the scenario with the
   * entry added (hiring: the plan's next entry, "hire now"), or null for a path it does not extend
   */
  readonly seek?: (s: Scenario, path: readonly (string | number)[]) => Scenario | null;
  /**
   * the plan its block sets, which P(plan), attainment, goal seeks, precision, the tornado, comparisons and
   * forecasts measure against (engine/kernel/plan.ts, engine/plan.ts: the first mechanism with one; the quota block's)
   */
  readonly plan?: PlanHook;
  /** the seats its block holds (the territories' initial seats, the hiring plan's), in the count of seats a scenario can ever use (engine/seatCount.ts) */
  readonly seats?: (s: Scenario) => number;
  /**
   * the scenario's fields it draws once per trial, with their distributions (uncertain inputs); a scenario with
   * any varies per trial, so a run's design spans all of its trials (engine/drawn.ts `drawnParameters`, `drawsPerTrial`)
   */
  readonly drawn?: (s: Scenario) => readonly UncertainParameter[];
  /**
   * its part in calibration and forecasting (engine/mechanisms/<name>/history.ts, `engine/kernel/calibration.ts`):
   * how its block moves with a scenario's calendar, what a forecast's actions do to it, the block calibration
   * writes; engine/mechanismHistory.ts walks the registry for them
   */
  readonly history?: MechanismHistory;
}
