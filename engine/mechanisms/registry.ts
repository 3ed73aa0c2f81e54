/**
 * The mechanisms, in the order their steps first run in a month (docs/design.md, "The month"). Each lives
 * in its own folder, engine/mechanisms/<name>/: its scenario block (schema.ts), its compiled parameters
 * and state types (types.ts), its steps, and its tests under test/engine/mechanisms/<name>/.
 *
 * This list is what the rest of the engine iterates over where it needs "every mechanism": the
 * architecture test checks that each folder is listed here (and each entry has a folder), and synthetic
 * history warns for every mechanism that is on and that it does not reproduce; TrialResults, the result
 * widths and the Summary's column lists derive from the mechanisms' `columns`.
 */
import type { Scenario } from '../scenario.js';
import type { PURPOSE, GLOBAL } from '../random/streams.js';
import type { Columns } from '../kernel/outputs.js';
import { COLUMNS as repsColumns } from './reps/outputs.js';
import { COLUMNS as costsColumns } from './costs/outputs.js';
import { COLUMNS as leadershipColumns } from './leadership/outputs.js';
import { COLUMNS as coverageColumns } from './coverage/outputs.js';
import { COLUMNS as territoriesColumns } from './territories/outputs.js';
import { COLUMNS as hiringColumns } from './hiring/outputs.js';
import { COLUMNS as attritionColumns } from './attrition/outputs.js';
import { COLUMNS as stallsColumns } from './stalls/outputs.js';
import { COLUMNS as customersColumns } from './customers/outputs.js';
import { COLUMNS as demandColumns } from './demand/outputs.js';

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
  /** the seat-stream purposes and trial-level streams it draws from (streams are keyed by seed, trial, seat, purpose) */
  readonly purposes: readonly (keyof typeof PURPOSE)[];
  readonly globals: readonly (keyof typeof GLOBAL)[];
  /** its place in the month (docs/design.md, "The month") */
  readonly steps: string;
  /** the per-trial result columns it writes (engine/mechanisms/<name>/outputs.ts) */
  readonly columns: Columns;
}

/** The mechanisms in month order. Adding one: its folder, and one line here. */
export const MECHANISMS = [
  { name: 'reps', label: 'reps (the core: arrivals, resolutions, deal sizes, persons)', blocks: ['reps'], on: () => true, purposes: ['attributes', 'initial', 'arrivals', 'resolutions', 'deals'], globals: ['tiers'], steps: '4, 6, 10', columns: repsColumns },
  { name: 'hiring', label: 'hiring', blocks: ['hiring'], on: (s) => s.hiring !== null, purposes: ['fill'], globals: [], steps: '1', columns: hiringColumns },
  { name: 'leadership', label: 'leadership', blocks: ['leadership'], on: (s) => s.leadership !== null, purposes: [], globals: ['leader'], steps: '2, 9', columns: leadershipColumns },
  { name: 'enablement', label: 'enablement', blocks: ['enablement'], on: (s) => s.enablement.length > 0, purposes: ['adoption'], globals: [], steps: '2, 3, 7', columns: {} },
  { name: 'demand', label: 'demand generation', blocks: ['demand'], on: (s) => !!s.demand, purposes: ['demand'], globals: ['demand'], steps: '2b, 3, 4, 6, 8', columns: demandColumns },
  { name: 'territories', label: 'territory potential', blocks: ['territories'], on: () => true, purposes: [], globals: [], steps: '3', columns: territoriesColumns },
  { name: 'market', label: 'market', blocks: ['market'], on: (s) => !!s.market, purposes: [], globals: [], steps: '4', columns: {} },
  { name: 'sellingTime', label: 'selling time', blocks: ['sellingTime'], on: (s) => s.sellingTime != null, purposes: [], globals: [], steps: '4, 6', columns: {} },
  { name: 'coverage', label: 'coverage padding', blocks: ['coverage', 'quota'], on: (s) => !!s.coverage && s.coverage.policy !== 'none', purposes: ['padding'], globals: [], steps: '5, 7, 10', columns: coverageColumns },
  { name: 'stalls', label: 'stalls', blocks: ['stalls'], on: (s) => s.stalls != null, purposes: [], globals: [], steps: '5, 6, 8, 10', columns: stallsColumns },
  { name: 'openBook', label: 'the open pipeline (openPipeline)', blocks: ['openPipeline'], on: (s) => s.openPipeline !== undefined, purposes: ['book'], globals: [], steps: '6', columns: {} },
  { name: 'customers', label: 'customers', blocks: ['customers'], on: (s) => !!s.customers, purposes: ['customers', 'referrals'], globals: ['customers'], steps: '4, 6, 8b', columns: customersColumns },
  { name: 'attrition', label: 'attrition', blocks: ['attrition'], on: (s) => s.attrition !== null, purposes: ['exits'], globals: [], steps: '8', columns: attritionColumns },
  { name: 'team', label: 'the starting team (initialTeam)', blocks: ['initialTeam'], on: (s) => s.initialTeam !== undefined, purposes: ['team'], globals: [], steps: 'trial start', columns: {} },
  { name: 'costs', label: 'costs', blocks: ['costs'], on: (s) => s.costs !== null, purposes: [], globals: [], steps: '1, 7, 9, 10', columns: costsColumns },
  { name: 'uncertainty', label: 'uncertain inputs', blocks: ['uncertainty'], on: (s) => s.uncertainty !== undefined, purposes: [], globals: [], steps: 'before the trial (its own scenario per trial)', columns: {} },
] as const satisfies readonly Mechanism[];

/** A mechanism's name. */
export type MechanismName = (typeof MECHANISMS)[number]['name'];

type Entry = (typeof MECHANISMS)[number];
/** The name of every per-trial result column. */
export type ColumnKey = Entry extends infer M ? (M extends { columns: infer C } ? keyof C & string : never) : never;
/** The columns the Summary reads in the way `R` ('wide', 'summed' or 'scalar'). */
export type ColumnKeyRead<R extends string> = Entry extends infer M ? (M extends { columns: infer C } ? { [K in keyof C]: C[K] extends { read: R } ? K : never }[keyof C] & string : never) : never;
