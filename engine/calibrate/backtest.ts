/**
 * Back-test: simulate a scenario over a past period with the engine's `simulate` and set the revenue
 * actually booked each month (won deals by close date, from the opportunity export) against the
 * simulated P10-P90 band. A well-calibrated scenario puts about 80% of months inside the band (months
 * of one history are correlated through the same reps, so the share varies more than a binomial's).
 */
import { InputError, issue } from '../errors.js';
import { parseScenario, type Scenario } from '../scenario.js';
import { simulate } from '../simulate.js';
import { stats } from '../stats/stats.js';
import type { TrialResults } from '../types.js';
import { formatMonth, parseMonth } from './dates.js';
import { resolveMapping, type MappingInput } from './mapping.js';
import { prePipelineWarning, readOpportunities } from './opportunities.js';
import { ksUniform, pitHistogram } from '../forecast/scores.js';
import { moveOnCalendar } from '../mechanismHistory.js';

/** Options of `backtest`. */
export interface BacktestOptions {
  /** first and last month of the period, `YYYY-MM` */
  from: string;
  to: string;
  /** default: the scenario's */
  trials?: number;
  seed?: number;
  mapping?: MappingInput | string | null;
  invalidRows?: 'error' | 'skip';
  /** trials done so far, as the simulation goes (for a progress display) */
  onProgress?: (done: number, total: number) => void;
}

/** One month of the back-test. */
export interface BacktestMonth {
  month: string;
  actual: number;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  inside: boolean;
  /** probability integral transform: the share of simulated months below the actual (ties count half) */
  pit: number;
  /** interval score of the P10-P90 band: width + (2 / 0.2) x the distance by which the actual falls outside */
  intervalScore: number;
}

/**
 * How wrong and in which direction, beyond inside/outside.
 * - bias: actual total / simulated P50 of the total (> 1: the scenario under-forecasts), with the 80%
 *   interval [actual / P90, actual / P10]: the factors by which the simulated total could be scaled and
 *   still hold the actual inside its P10-P90; an interval without 1 is a bias beyond the band.
 * - meanPit: mean of the months' PIT values (0.5 when centred; near 0 or 1 when the band sits above or below).
 * - meanIntervalScore: mean over months of the 80% interval score (Gneiting & Raftery 2007; lower is
 *   better, in currency), and relative to the mean actual month.
 */
export interface BacktestScores {
  bias: { ratio: number; interval: [number, number]; level: number };
  meanPit: number;
  meanIntervalScore: number;
  relativeIntervalScore: number;
  /**
   * The reliability (PIT) histogram of the months: counts in ten equal bins of PIT and the chi-square test of
   * uniformity on them, with the Kolmogorov-Smirnov test. Months of one history share reps and parameters, so
   * their PITs are correlated and both tests are approximate (a U shape: bands too narrow; a slope: bias).
   */
  pit: { histogram: ReturnType<typeof pitHistogram>; ks: ReturnType<typeof ksUniform> };
}

/** The back-test result. */
export interface BacktestResult {
  from: string;
  to: string;
  trials: number;
  seed: number;
  months: BacktestMonth[];
  /** months inside [P10, P90] */
  inside: number;
  insideShare: number;
  total: { actual: number; mean: number; p10: number; p50: number; p90: number; inside: boolean };
  scores: BacktestScores;
  warnings: string[];
}

/** Revenue booked per month of a period, from an opportunity export. */
export interface BookedRevenue {
  from: string;
  to: string;
  /** won amounts by close month, one per month of [from, to] */
  actual: number[];
  warnings: string[];
}

function period(fromText: string | undefined, toText: string | undefined): { from: number; to: number; n: number } {
  const from = parseMonth(fromText ?? '');
  const to = parseMonth(toText ?? '');
  const errors = [];
  if (from === null) errors.push(issue('from', `'${fromText ?? ''}' must be a month YYYY-MM`));
  if (to === null) errors.push(issue('to', `'${toText ?? ''}' must be a month YYYY-MM`));
  if (errors.length) throw new InputError(errors);
  const n = to! - from! + 1;
  if (n < 1 || n > 120) throw new InputError([issue('to', `must be 1 to 120 months after from (${fromText} .. ${toText} is ${n} months)`)]);
  return { from: from!, to: to!, n };
}

/**
 * The revenue actually booked each month of [from, to]: won amounts by close month. Throws `InputError`
 * for a malformed export or a period that does not overlap the history.
 * @example bookedRevenue(csv, { from: '2025-01', to: '2025-03' }).actual // [812000, 954500, 701250]
 */
export function bookedRevenue(csvText: string, opts: { from: string; to: string; mapping?: MappingInput | string | null; invalidRows?: 'error' | 'skip' }): BookedRevenue {
  const { from, to, n } = period(opts.from, opts.to);
  const table = readOpportunities(csvText, resolveMapping(opts.mapping ?? null), opts.invalidRows ?? 'error');
  const warnings: string[] = [];
  if (table.prePipeline) warnings.push(prePipelineWarning(table.prePipeline, table.prePipelineStages));
  const actual = new Array<number>(n).fill(0);
  let latest = -Infinity;
  let earliest = Infinity;
  for (const o of table.opportunities) {
    latest = Math.max(latest, o.createdMonth, o.closedMonth ?? -Infinity);
    if (o.closedMonth !== null) earliest = Math.min(earliest, o.closedMonth);
    if (o.outcome !== 'won' || o.closedMonth === null) continue;
    const k = o.closedMonth - from;
    if (k >= 0 && k < n) actual[k] += o.amount!;
  }
  if (latest < from || earliest > to) throw new InputError([issue('from', `the period ${opts.from} .. ${opts.to} does not overlap the history (${formatMonth(earliest)} .. ${formatMonth(latest)})`)]);
  if (latest < to) warnings.push(`the history ends in ${formatMonth(latest)}, before ${opts.to}: later months show no actual revenue`);
  if (earliest > from) warnings.push(`the first close in the history is in ${formatMonth(earliest)}, after ${opts.from}: earlier months show no actual revenue`);
  return { from: formatMonth(from), to: formatMonth(to), actual, warnings };
}

/**
 * The scenario prepared for a back-test of `months` months from `from`: horizon set, planned hires beyond it
 * dropped, and a calendar a block sets (the market's) moved to start at `from` (its growth anchor kept).
 * Run it with `simulate` (or a worker pool's `runTrials` + `mergeResults`) and pass the results to `compareToBand`.
 * @example simulate(backtestScenario(s, 12), { trials: 1000, seed: 1 })
 */
export function backtestScenario(scenarioInput: Scenario | string | object, months: number, from?: string | null): Scenario {
  const base = parseScenario(scenarioInput);
  const resolution = base.resolution?.start && from ? { ...base.resolution, start: from } : undefined;
  // each mechanism's block follows the window (planned hires beyond it dropped; with `from`, a calendar moves
  // with it: month 1 is the period's first month, a growth anchor kept)
  const moved = moveOnCalendar(base, base as unknown as Record<string, unknown>, { shift: 0, months, start: from ?? null, origin: from ?? null, forecast: false }).set;
  return parseScenario({ ...base, horizonMonths: months, ...moved, ...(resolution ? { resolution } : {}) });
}

/**
 * Compares booked revenue with simulated monthly revenue (month 1 = the period's first month).
 * @example compareToBand(booked, simulate(backtestScenario(s, booked.actual.length), { trials, seed }), seed)
 */
export function compareToBand(booked: BookedRevenue, r: TrialResults, seed: number): BacktestResult {
  const n = booked.actual.length;
  if (r.months !== n) throw new InputError([issue('to', `the simulation has ${r.months} months but the period has ${n}`)]);
  const from = parseMonth(booked.from)!;
  const trials = r.trials;
  const col = new Float64Array(trials);
  const totals = new Float64Array(trials);
  const months: BacktestMonth[] = [];
  for (let m = 0; m < n; m++) {
    for (let t = 0; t < trials; t++) {
      col[t] = r.revenue[t * n + m];
      totals[t] += col[t];
    }
    const a = booked.actual[m];
    let below = 0,
      ties = 0;
    for (let t = 0; t < trials; t++) {
      if (col[t] < a) below++;
      else if (col[t] === a) ties++;
    }
    const st = stats(col);
    const score = st.p90 - st.p10 + (2 / 0.2) * (Math.max(0, st.p10 - a) + Math.max(0, a - st.p90));
    months.push({ month: formatMonth(from + m), actual: a, mean: st.mean, p10: st.p10, p50: st.p50, p90: st.p90, inside: a >= st.p10 && a <= st.p90, pit: (below + ties / 2) / trials, intervalScore: score });
  }
  const inside = months.filter((x) => x.inside).length;
  const tot = stats(totals);
  const actualTotal = booked.actual.reduce((a, b) => a + b, 0);
  return {
    from: booked.from,
    to: booked.to,
    trials,
    seed,
    months,
    inside,
    insideShare: inside / n,
    total: { actual: actualTotal, mean: tot.mean, p10: tot.p10, p50: tot.p50, p90: tot.p90, inside: actualTotal >= tot.p10 && actualTotal <= tot.p90 },
    scores: {
      bias: { ratio: actualTotal / tot.p50, interval: [actualTotal / tot.p90, actualTotal / tot.p10], level: 0.8 },
      meanPit: months.reduce((x, mo) => x + mo.pit, 0) / n,
      meanIntervalScore: months.reduce((x, mo) => x + mo.intervalScore, 0) / n,
      relativeIntervalScore: months.reduce((x, mo) => x + mo.intervalScore, 0) / Math.max(1e-300, actualTotal),
      pit: { histogram: pitHistogram(months.map((mo) => mo.pit)), ks: ksUniform(months.map((mo) => mo.pit)) },
    },
    warnings: booked.warnings,
  };
}

/**
 * Back-tests `scenario` (object, YAML/JSON text or resolved Scenario) against an opportunity export:
 * `bookedRevenue` + `simulate(backtestScenario(...))` + `compareToBand`.
 * @example backtest(csv, scenario, { from: '2025-01', to: '2025-12', trials: 500, seed: 1 }).insideShare // e.g. 0.83
 */
export function backtest(csvText: string, scenarioInput: Scenario | string | object, opts: BacktestOptions): BacktestResult {
  const { n } = period(opts.from, opts.to);
  const scenario = backtestScenario(scenarioInput, n, opts.from);
  const trials = opts.trials ?? scenario.trials;
  const seed = opts.seed ?? scenario.seed;
  if (!Number.isInteger(trials) || trials < 1 || trials > 1_000_000) throw new InputError([issue('trials', 'must be a whole number between 1 and 1000000')]);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new InputError([issue('seed', 'must be a whole number between 0 and 4294967295')]);
  const booked = bookedRevenue(csvText, opts);
  return compareToBand(booked, simulate(scenario, { trials, seed, onProgress: opts.onProgress }), seed);
}
