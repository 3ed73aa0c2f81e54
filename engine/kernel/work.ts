/**
 * The factors of a run's work estimate (engine/work.ts) and a mechanism's part of them (its registry
 * entry's `work`): the events a mechanism adds to the kernel's work are its to estimate, from the scenario
 * and its compiled parameters, with the result-layout flags its columns need.
 */
import type { Scenario } from '../scenario.js';
import type { Compiled } from './compiled.js';
import type { ResultLayout } from './outputs.js';

/** A run's (or a request's) estimate (engine/work.ts); its event counts share names with blocks, not their data. */
export interface WorkEstimate {
  /** rep-months + events (the budget's unit) */
  work: number;
  repMonths: number;
  events: { deals: number; customers: number; opportunities: number; other: number };
  /** peak bytes of results held at once (the runs' blocks, merged, plus a summary's sorting copy) */
  memoryBytes: number;
}

/** The factors of one run's cost, each a field a client sets. */
export interface WorkFactors {
  trials: number;
  seats: number;
  months: number;
  /** reps.opportunitiesPerMonth x the market's mean multiplier */
  opportunitiesPerMonth: number;
  /** share of opportunities won (mean win rate x (1 - noDecisionRate)) */
  winShare: number;
  /** every won deal is recorded (a customers block) */
  recordDeals: boolean;
  /** padded opportunities a seat can make a month (coverage), won at paddingQuality x the win share */
  paddedWonPerMonth: number;
  /** initial customers of a trial (a count, or the steady state's mean) */
  initialCustomers: number;
  /** referral deals a customer brings a month */
  referralWonPerCustomerMonth: number;
  /** qualified marketing opportunities a month (demand), won at quality x the win share */
  marketingWonPerMonth: number;
  territories: number;
  /** age buckets per seat (stalls) */
  stallBuckets: number;
  /** open-book deals at the start */
  bookDeals: number;
  /** each trial compiles its own scenario (uncertainty) */
  compilePerTrial: number;
  /** bytes of one trial's results */
  resultBytesPerTrial: number;
}

/** What a mechanism's part is computed from besides its scenario and compiled parameters: the core's win share and expected deal. */
export interface WorkBase {
  /** share of opportunities won (mean win rate x (1 - noDecisionRate)) */
  readonly winShare: number;
  /** the expected deal size */
  readonly deal: number;
}

/** A mechanism's part of a run's work: the factors it sets (the rest keep their no-effect values) and the result-layout flags its columns need. */
export interface WorkPart {
  readonly factors: Partial<WorkFactors>;
  readonly layout?: Partial<ResultLayout>;
}

/** A mechanism's work hook. */
export type WorkHook = (s: Scenario, c: Compiled, base: WorkBase) => WorkPart;

/**
 * A client's field that scales a run's cost (engine/work.ts `checkBudget` names the one that drives it and
 * the largest value of it that fits): how it reads and sets the factors. A mechanism whose block holds such a
 * field declares it in its registry entry's `levers`; they follow the core's, in registry order.
 */
export interface WorkLever {
  /** the field (a scenario path, or 'trials') */
  readonly path: string;
  readonly get: (f: WorkFactors, s: Scenario) => number;
  readonly set: (f: WorkFactors, v: number, s: Scenario) => WorkFactors;
  readonly integer: boolean;
}
