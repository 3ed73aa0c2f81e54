/**
 * The mechanisms, in the order their steps first run in a month (docs/design.md, "The month"). Each lives
 * in its own folder, engine/mechanisms/<name>/: its scenario block (schema.ts), its compiled parameters
 * and state types (types.ts), its random streams (streams.ts), its compile and state slices (slice.ts),
 * its steps, its part in calibration and forecasting (history.ts), and its tests under test/engine/mechanisms/<name>/.
 *
 * This list is what the rest of the engine iterates over where it needs "every mechanism": the
 * architecture test checks that each folder is listed here (and each entry has a folder), and synthetic
 * history warns for every mechanism that is on and that it does not reproduce; TrialResults, the result
 * widths and the Summary's column lists derive from the mechanisms' `columns`; Compiled and SeatState are the
 * core plus the `slice`s (engine/compile.ts, engine/state.ts); the stream ids are collected here (PURPOSE, GLOBAL).
 */
import type { Scenario } from '../scenario.js';
import { PURPOSES, GLOBALS } from '../random/streams.js';
import type { Intersect } from '../kernel/slice.js';
import type { Mechanism } from '../kernel/mechanism.js';
import { mechanism as scaling } from './scaling/index.js';
import * as repsStreams from '../kernel/coreStreams.js';
import * as hiringStreams from './hiring/streams.js';
import * as attritionStreams from './attrition/streams.js';
import * as customersStreams from './customers/streams.js';
import * as teamStreams from './team/streams.js';
import * as demandStreams from './demand/streams.js';
import * as openBookStreams from './openBook/streams.js';
import * as coverageResponseStreams from './coverageResponse/streams.js';
import * as leadershipStreams from './leadership/streams.js';
import * as driftStreams from './drift/streams.js';
import * as managersStreams from './managers/streams.js';
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
import { COLUMNS as compensationColumns } from './compensation/outputs.js';
import { COLUMNS as retentionColumns } from './retention/outputs.js';
import { COLUMNS as coverageResponseColumns } from './coverageResponse/outputs.js';
import { COLUMNS as managersColumns } from './managers/outputs.js';
import { slice as hiringSlice } from './hiring/slice.js';
import { history as hiringHistory } from './hiring/history.js';
import { slice as attritionSlice } from './attrition/slice.js';
import { history as attritionHistory } from './attrition/history.js';
import { slice as leadershipSlice } from './leadership/slice.js';
import { slice as enablementSlice } from './enablement/slice.js';
import { history as enablementHistory } from './enablement/history.js';
import { slice as marketSlice } from './market/slice.js';
import { history as marketHistory } from './market/history.js';
import { slice as sellingTimeSlice } from './sellingTime/slice.js';
import { slice as costsSlice } from './costs/slice.js';
import { slice as teamSlice } from './team/slice.js';
import { slice as openBookSlice } from './openBook/slice.js';
import { slice as customersSlice } from './customers/slice.js';
import { history as customersHistory } from './customers/history.js';
import { slice as demandSlice } from './demand/slice.js';
import { slice as driftSlice } from './drift/slice.js';
import { slice as compensationSlice } from './compensation/slice.js';
import { slice as retentionSlice } from './retention/slice.js';
import { slice as coverageResponseSlice } from './coverageResponse/slice.js';
import { slice as managersSlice } from './managers/slice.js';
import { coverageSummary, COMPARE as coverageCompare, REPORT as coverageReport } from './coverage/summary.js';
import { customersSummary, CSV as customersCsv, REPORT as customersReport, COMPARE as customersCompare } from './customers/summary.js';
import { demandSummary, CSV as demandCsv, REPORT as demandReport, COMPARE as demandCompare } from './demand/summary.js';
import { ARR, COMPARISON as customersComparison, TORNADO as customersTornado, WORK as customersWork } from './customers/analysis.js';
import { TORNADO as demandTornado, WORK as demandWork } from './demand/analysis.js';
import { PLAN as coveragePlan, WORK as coverageWork } from './coverage/analysis.js';
import { coverageSlice } from './coverage/slice.js';
import { WORK as uncertaintyWork, DRAWN as uncertaintyDrawn, REPORT as uncertaintyReport } from './uncertainty/analysis.js';
import { TORNADO as repsTornado } from './reps/analysis.js';
import { SEATS as hiringSeats, SEEK as hiringSeek, TORNADO as hiringTornado } from './hiring/analysis.js';
import { TORNADO as attritionTornado } from './attrition/analysis.js';
import { REPORT as leadershipReport, TORNADO as leadershipTornado } from './leadership/analysis.js';
import { TORNADO as enablementTornado } from './enablement/analysis.js';
import { WORK as marketWork } from './market/analysis.js';
import { SEATS as territoriesSeats } from './territories/analysis.js';
import { WORK as openBookWork, LEVERS as openBookLevers } from './openBook/analysis.js';
import { compensationSummary, TEXT as compensationText, type CompSource } from './compensation/compensation.js';
import { retentionSummary, TEXT as retentionText } from './retention/retention.js';
import { responseSummary, TEXT as responseText } from './coverageResponse/coverageResponse.js';
import { responseRule } from './coverageResponse/schema.js';
import { managersSummary, TEXT as managersText } from './managers/managers.js';

export type { Mechanism };
type SectionSource<F extends (src: never, ...rest: never[]) => unknown> = Parameters<F>[0];
/** the coverage section, and the figures the steps record for it: with a coverage, sellingTime or stalls block */
const coverageFigures = (s: Scenario) => !!(s.coverage || s.sellingTime || s.stalls);
/** managers at the start: one per `span` seats (at least one) */
const teamsAtStart = (s: Scenario) => Math.max(1, Math.ceil(s.territories.reduce((a, t) => a + t.seats, 0) / s.managers!.span));

/** The mechanisms in month order. Adding one: its folder, and one line here. */
export const MECHANISMS = [
  { name: 'reps', label: 'reps (the core: arrivals, resolutions, deal sizes, persons)', blocks: ['reps'], on: () => true, streams: repsStreams, steps: '4, 6, 10', columns: repsColumns, tornado: repsTornado },
  { name: 'hiring', label: 'hiring', blocks: ['hiring'], on: (s) => s.hiring !== null, streams: hiringStreams, steps: '1', columns: hiringColumns, slice: hiringSlice, history: hiringHistory, tornado: hiringTornado, seek: hiringSeek, seats: hiringSeats },
  scaling,
  { name: 'leadership', label: 'leadership', blocks: ['leadership'], on: (s) => s.leadership !== null, streams: leadershipStreams, steps: '2, 9', columns: leadershipColumns, slice: leadershipSlice, tornado: leadershipTornado, report: leadershipReport },
  { name: 'managers', label: 'first-line managers', blocks: ['managers'], on: (s) => !!s.managers, streams: managersStreams, steps: '2, 3, 8', columns: managersColumns, summary: { key: 'managers', when: (s) => !!s.managers, build: (s: Scenario, src: SectionSource<typeof managersSummary>) => managersSummary(src, teamsAtStart(s)), text: managersText }, slice: managersSlice },
  { name: 'enablement', label: 'enablement', blocks: ['enablement'], on: (s) => s.enablement.length > 0, steps: '1, 2, 3, 7', columns: {}, slice: enablementSlice, history: enablementHistory, tornado: enablementTornado },
  { name: 'demand', label: 'demand generation', blocks: ['demand'], on: (s) => !!s.demand, streams: demandStreams, steps: '2b, 3, 4, 6, 8', columns: demandColumns, recorded: true, summary: { key: 'demand', when: (s) => !!s.demand, build: demandSummary, csv: demandCsv, compare: demandCompare }, report: demandReport, slice: demandSlice, tornado: demandTornado, work: demandWork },
  { name: 'territories', label: 'territory potential', blocks: ['territories'], on: () => true, steps: '3', columns: territoriesColumns, seats: territoriesSeats },
  { name: 'market', label: 'market', blocks: ['market'], on: (s) => !!s.market, steps: '4', columns: {}, slice: marketSlice, history: marketHistory, work: marketWork },
  { name: 'drift', label: 'drift (markets that move)', blocks: ['drift'], on: (s) => !!s.drift, streams: driftStreams, steps: '3, 6', columns: {}, slice: driftSlice },
  { name: 'sellingTime', label: 'selling time', blocks: ['sellingTime'], on: (s) => s.sellingTime != null, steps: '4, 6', columns: {}, slice: sellingTimeSlice },
  { name: 'coverage', label: 'coverage padding', blocks: ['coverage', 'quota'], on: (s) => !!s.coverage && s.coverage.policy !== 'none', steps: '5, 7, 10', columns: coverageColumns, work: coverageWork, plan: coveragePlan, summary: { key: 'coverage', when: coverageFigures, build: coverageSummary, always: true, compare: coverageCompare }, report: coverageReport, slice: coverageSlice(coverageFigures), pads: true },
  { name: 'coverageResponse', label: 'the coverage response (prospecting before padding)', blocks: ['coverageResponse'], on: (s) => responseRule(s) !== null, streams: coverageResponseStreams, steps: '5', columns: coverageResponseColumns, summary: { key: 'coverageResponse', when: (s) => responseRule(s) !== null, build: (_s: Scenario, src: SectionSource<typeof responseSummary>) => responseSummary(src), text: responseText }, slice: coverageResponseSlice },
  { name: 'stalls', label: 'stalls', blocks: ['stalls'], on: (s) => s.stalls != null, steps: '5, 6, 8, 10', columns: stallsColumns },
  { name: 'openBook', label: 'the open pipeline (openPipeline)', blocks: ['openPipeline'], on: (s) => s.openPipeline !== undefined, streams: openBookStreams, steps: '6', columns: {}, slice: openBookSlice, work: openBookWork, levers: openBookLevers },
  { name: 'customers', label: 'customers', blocks: ['customers'], on: (s) => !!s.customers, streams: customersStreams, steps: '4, 6, 8b', columns: customersColumns, recorded: true, summary: { key: 'customers', when: (s) => !!s.customers, build: customersSummary, csv: customersCsv, compare: customersCompare }, report: customersReport, slice: customersSlice, history: customersHistory, outcomes: [ARR], comparison: customersComparison, tornado: customersTornado, work: customersWork },
  { name: 'attrition', label: 'attrition', blocks: ['attrition'], on: (s) => s.attrition !== null, streams: attritionStreams, steps: '8', columns: attritionColumns, slice: attritionSlice, history: attritionHistory, tornado: attritionTornado },
  { name: 'retention', label: 'performance-dependent attrition (retention)', blocks: ['retention'], on: (s) => !!s.retention && s.attrition !== null, steps: '7, 8', columns: retentionColumns, summary: { key: 'retention', when: (s) => !!s.retention && s.attrition !== null, build: (_s: Scenario, src: SectionSource<typeof retentionSummary>) => retentionSummary(src), text: retentionText }, slice: retentionSlice },
  { name: 'team', label: 'the starting team (initialTeam)', blocks: ['initialTeam'], on: (s) => s.initialTeam !== undefined, streams: teamStreams, steps: 'trial start', columns: {}, slice: teamSlice },
  { name: 'compensation', label: 'compensation plan', blocks: ['compensation'], on: (s) => !!s.compensation, steps: '7', columns: compensationColumns, summary: { key: 'compensation', when: (s) => !!s.compensation, build: (s: Scenario, src: CompSource) => compensationSummary(src, s.compensation!.cap !== null), text: compensationText }, slice: compensationSlice },
  { name: 'costs', label: 'costs', blocks: ['costs'], on: (s) => s.costs !== null, steps: '1, 7, 9, 10', columns: costsColumns, slice: costsSlice },
  { name: 'uncertainty', label: 'uncertain inputs', blocks: ['uncertainty'], on: (s) => s.uncertainty !== undefined, steps: 'before the trial (its own scenario per trial)', columns: {}, work: uncertaintyWork, drawn: uncertaintyDrawn, report: uncertaintyReport },
] as const satisfies readonly Mechanism[];

/** A mechanism's name. */
export type MechanismName = (typeof MECHANISMS)[number]['name'];

type Entry = (typeof MECHANISMS)[number];
/** The name of every per-trial result column. */
export type ColumnKey = Entry extends infer M ? (M extends { columns: infer C } ? keyof C & string : never) : never;
/** The columns the Summary reads in the way `R` ('wide', 'summed' or 'scalar'). */
export type ColumnKeyRead<R extends string> = Entry extends infer M ? (M extends { columns: infer C } ? { [K in keyof C]: C[K] extends { read: R } ? K : never }[keyof C] & string : never) : never;

type Sectioned = Extract<Entry, { summary: unknown }>;
/** The mechanisms' Summary sections that are always in the Summary (null when off), by field. */
export type AlwaysSections = { -readonly [E in Sectioned as E['summary'] extends { always: true } ? E['summary']['key'] : never]: ReturnType<E['summary']['build']> | null };
/** The mechanisms' Summary sections that are present only when on, by field. */
export type OptionalSections = { -readonly [E in Sectioned as E['summary'] extends { always: true } ? never : E['summary']['key']]?: ReturnType<E['summary']['build']> };

type Compared = Extract<Entry, { comparison: unknown }>;
/** The mechanisms' figures of a comparison's paired difference (each present only when both runs record it), by field. */
export type ComparisonDifferences = { -readonly [E in Compared as E['comparison']['key']]?: NonNullable<ReturnType<E['comparison']['difference']>> };

type Streamed = Extract<Entry, { streams: unknown }>;
/** Every seat-stream purpose by name, with its id (each declared by one mechanism). */
export type PurposeIds = Intersect<Streamed extends infer E ? (E extends { streams: { PURPOSE: infer P } } ? P : never) : never>;
/** Every trial-level stream by name, with its id. */
export type GlobalIds = Intersect<Streamed extends infer E ? (E extends { streams: { GLOBAL: infer G } } ? G : never) : never>;

/**
 * The registry's streams of one kind, collected and checked: every name and every id declared once, the ids
 * exactly 0..count-1 (the stream layout of engine/random/streams.ts has `count` slots; raise it there when a
 * new id passes it). Throws at load on a clash, so two mechanisms can never share a stream.
 * @example collectStreams([{ name: 'a', streams: { PURPOSE: { x: 0 }, GLOBAL: {} } }], 'PURPOSE', 1) // { x: 0 }
 */
export function collectStreams(ms: readonly Pick<Mechanism, 'name' | 'streams'>[], kind: 'PURPOSE' | 'GLOBAL', count: number): Record<string, number> {
  const out: Record<string, number> = {};
  const owner = new Map<number, string>();
  for (const m of ms) {
    for (const [key, id] of Object.entries(m.streams?.[kind] ?? {})) {
      if (key in out) throw new Error(`${kind}.${key} is declared twice (${m.name} and ${owner.get(out[key])})`);
      if (owner.has(id)) throw new Error(`${kind} id ${id} of ${m.name}.${key} is already ${owner.get(id)}`);
      if (!Number.isInteger(id) || id < 0 || id >= count) throw new Error(`${kind} id ${id} of ${m.name}.${key} must be an integer in 0..${count - 1} (raise the count in engine/random/streams.ts)`);
      out[key] = id;
      owner.set(id, `${m.name}.${key}`);
    }
  }
  if (owner.size !== count) throw new Error(`${kind}: ids ${[...Array(count).keys()].filter((i) => !owner.has(i)).join(', ')} are declared by no mechanism (engine/random/streams.ts counts ${count})`);
  return out;
}

/** Every seat-stream purpose's id, by name (collected from the mechanisms' streams.ts). */
export const PURPOSE = collectStreams(MECHANISMS, 'PURPOSE', PURPOSES) as PurposeIds;
/** Every trial-level stream's id, by name. */
export const GLOBAL = collectStreams(MECHANISMS, 'GLOBAL', GLOBALS) as GlobalIds;
