/**
 * What a forecast from today says: P(hit the year's plan | bookings to date) with its interval, the expected
 * gap to plan, the fan of cumulative bookings over the remaining months, P(plan) as it stood at the start of
 * the year, and each intervention's effect on P(plan) on common random numbers (paired, with its own interval).
 */
import type { Stats, TrialResults } from '../types.js';
import { stats, wilson } from '../stats/stats.js';
import { quantileSorted } from '../stats/quantile.js';
import { formatMonth, parseMonth } from '../calibrate/dates.js';
import type { ForecastSetup } from './setup.js';
import { drawnParameters } from '../drawn.js';

const Z95 = 1.959963984540054;

/** One month of the fan: cumulative bookings of the plan year to the month's end. */
export interface FanMonth {
  month: string;
  /** booked (months up to the as-of month); null for forecast months */
  actual: number | null;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  /** the plan pro rata to the month's end */
  plan: number;
}

export interface ForecastOutcome {
  /** P(bookings to date + the rest of the plan year >= plan) */
  pPlan: number;
  /** Wilson 95% interval */
  pPlanInterval: [number, number];
  /** E[max(0, plan - the year's total)] */
  expectedGap: number;
  /** the year's total: bookings to date + the simulated rest of the plan year */
  yearTotal: Stats;
}

export interface ForecastVariant extends ForecastOutcome {
  name: string;
  /** P(plan) of the variant minus the forecast's, per trial on common random numbers, with a 95% interval */
  deltaPPlan: number;
  deltaPPlanInterval: [number, number];
  /** the year's total, variant minus forecast: mean and its standard error */
  deltaYearTotal: number;
  deltaYearTotalSe: number;
}

export interface ForecastReport {
  asOf: string;
  yearStart: string;
  start: string;
  through: string;
  plan: number;
  planBasis: string;
  booked: number;
  team: ForecastSetup['team'];
  open: ForecastSetup['open'];
  trials: number;
  seed: number;
  now: ForecastOutcome;
  fan: FanMonth[];
  /** P(plan) as it stood at the plan year's start (the same forecast from the day before it); null when the export does not reach back */
  startOfYear: (ForecastOutcome & { asOf: string }) | null;
  startOfYearNote: string | null;
  variants: ForecastVariant[];
  /**
   * The scenario's fitted rates drawn per trial (its `uncertainty.parameters`, as `calibrate` writes them):
   * P(plan), the total's percentiles and the fan then carry what the data cannot tell, not only the
   * simulation's own noise (P(plan)'s interval is the Monte Carlo one around that). Empty: the rates are taken
   * as known (a hand-written scenario, or `--point`).
   */
  parameterUncertainty: { paths: string[] };
  warnings: string[];
  /** a forecast run to a precision: the trials the forecast from today used and the precision reached */
  precision?: import('../precision/report.js').PrecisionReport;
}

/**
 * Each trial's plan-year total: bookings to date + the simulated months that fall in the plan year.
 * @example // yearTotals(setup, results)[0] >= setup.booked
 */
export function yearTotals(setup: ForecastSetup, r: TrialResults): Float64Array {
  const H = r.months;
  const out = new Float64Array(r.trials);
  for (let t = 0; t < r.trials; t++) {
    let v = setup.booked;
    for (let m = 0; m < setup.monthsInYear; m++) v += r.revenue[t * H + m];
    out[t] = v;
  }
  return out;
}

/**
 * P(plan), its interval, the expected gap and the total's distribution from per-trial year totals.
 * @example forecastOutcome(Float64Array.of(90, 110), 100).pPlan // 0.5
 */
export function forecastOutcome(totals: Float64Array, plan: number): ForecastOutcome {
  let hits = 0,
    gap = 0;
  for (let t = 0; t < totals.length; t++) {
    if (totals[t] >= plan) hits++;
    else gap += plan - totals[t];
  }
  const n = totals.length;
  return { pPlan: hits / n, pPlanInterval: wilson(hits, n), expectedGap: gap / n, yearTotal: stats(totals) };
}

/**
 * The fan of cumulative bookings from the plan year's first month through the forecast's last.
 */
export function forecastFan(setup: ForecastSetup, r: TrialResults): FanMonth[] {
  const y0 = parseMonth(setup.yearStart)!;
  const out: FanMonth[] = [];
  let cum = 0;
  setup.bookedByMonth.forEach((b, i) => {
    cum += b;
    out.push({ month: formatMonth(y0 + i), actual: cum, p10: cum, p25: cum, p50: cum, p75: cum, p90: cum, plan: (setup.plan * (i + 1)) / 12 });
  });
  const n = r.trials;
  const H = r.months;
  const acc = new Float64Array(n).fill(setup.booked);
  const sorted = new Float64Array(n);
  const q = (p: number) => quantileSorted(sorted, p);
  for (let m = 0; m < H; m++) {
    for (let t = 0; t < n; t++) acc[t] += r.revenue[t * H + m];
    sorted.set(acc);
    sorted.sort();
    const k = setup.bookedByMonth.length + m + 1;
    out.push({ month: formatMonth(y0 + k - 1), actual: null, p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9), plan: (setup.plan * k) / 12 });
  }
  return out;
}

/**
 * The paired effect of a variant on P(plan) and on the year's total (common random numbers: trial t of the
 * variant shares its draws with trial t of the forecast).
 * @example pairedEffect(Float64Array.of(90, 110), Float64Array.of(100, 120), 100).deltaPPlan // 0.5
 */
export function pairedEffect(base: Float64Array, variant: Float64Array, plan: number): Pick<ForecastVariant, 'deltaPPlan' | 'deltaPPlanInterval' | 'deltaYearTotal' | 'deltaYearTotalSe'> {
  const n = base.length;
  if (variant.length !== n) throw new RangeError('pairedEffect: the variant has a different number of trials');
  let sd = 0,
    sdd = 0,
    sv = 0,
    svv = 0;
  for (let t = 0; t < n; t++) {
    const d = (variant[t] >= plan ? 1 : 0) - (base[t] >= plan ? 1 : 0);
    sd += d;
    sdd += d * d;
    const v = variant[t] - base[t];
    sv += v;
    svv += v * v;
  }
  const mean = sd / n;
  const se = n > 1 ? Math.sqrt(Math.max(0, (sdd - n * mean * mean) / (n - 1)) / n) : 0;
  const mv = sv / n;
  const sev = n > 1 ? Math.sqrt(Math.max(0, (svv - n * mv * mv) / (n - 1)) / n) : 0;
  return { deltaPPlan: mean, deltaPPlanInterval: [mean - Z95 * se, mean + Z95 * se], deltaYearTotal: mv, deltaYearTotalSe: sev };
}

/**
 * Assembles the report from the forecast's results, its variants' (same trials and seed) and the start of
 * the year's forecast when there is one.
 */
export function forecastReport(
  setup: ForecastSetup,
  results: TrialResults,
  opts: {
    seed: number;
    variants?: { name: string; results: TrialResults }[];
    startOfYear?: { setup: ForecastSetup; results: TrialResults } | null;
    startOfYearNote?: string | null;
  },
): ForecastReport {
  const totals = yearTotals(setup, results);
  const variants = (opts.variants ?? []).map((v) => {
    const vt = yearTotals(setup, v.results);
    return { name: v.name, ...forecastOutcome(vt, setup.plan), ...pairedEffect(totals, vt, setup.plan) };
  });
  const soy = opts.startOfYear ? { asOf: opts.startOfYear.setup.asOf, ...forecastOutcome(yearTotals(opts.startOfYear.setup, opts.startOfYear.results), setup.plan) } : null;
  return {
    asOf: setup.asOf,
    yearStart: setup.yearStart,
    start: setup.start,
    through: setup.through,
    plan: setup.plan,
    planBasis: setup.planBasis,
    booked: setup.booked,
    team: setup.team,
    open: setup.open,
    trials: results.trials,
    seed: opts.seed,
    now: forecastOutcome(totals, setup.plan),
    fan: forecastFan(setup, results),
    startOfYear: soy,
    startOfYearNote: opts.startOfYearNote ?? null,
    variants,
    parameterUncertainty: { paths: drawnParameters(setup.scenario).map((p) => p.path) },
    warnings: setup.warnings,
  };
}
