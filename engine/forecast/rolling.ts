/**
 * Rolling-origin back-test (issue 25): "how did the forecasts do at each of these dates?". At each as-of date
 * (a month end) the export is cut as the CRM showed it that day (engine/calibrate/cutAsOf.ts), calibrated on
 * the cut alone, and forecast for the next `horizon` months from that day's team, open book and track records
 * (engine/forecast/setup.ts); the forecast is scored against the revenue actually booked in those months
 * (won amounts by close date, from the full export): PIT, inside P10-P90 and P25-P75, CRPS, and bias
 * (actual / P50).
 *
 * The same actuals are scored for the two forecasts a revenue-operations analyst would use instead (points,
 * so their CRPS is the absolute error and they have no PIT or band):
 * - pipeline: each open deal weighted by the historical chance that a deal of its age is won within the
 *   horizon (the cut's own life table of wins by age), valued at its amount when the export shows one, else at
 *   the mean won amount of the last 12 months; plus a run-rate of new deals: the last quarter's opportunities
 *   per month, each weighted by the chance a new deal is won before the horizon ends;
 * - run rate: the last quarter's monthly bookings, times the horizon.
 */
import { InputError, issue } from '../errors.js';
import { parseScenario } from '../scenario.js';
import { drawnParameters } from '../drawn.js';
import { simulate } from '../simulate.js';
import { calibrate } from '../calibrate/calibrate.js';
import { cutAsOf, parseAsOf } from '../calibrate/cutAsOf.js';
import { fitHazard, type HazardFit } from '../calibrate/fitHazard.js';
import { formatMonth, parseMonth } from '../calibrate/dates.js';
import { resolveMapping, type MappingInput } from '../calibrate/mapping.js';
import { readOpportunities, type Opportunity } from '../calibrate/opportunities.js';
import { forecastSetup } from './setup.js';
import { moveOnCalendar } from '../mechanismHistory.js';
import { ksUniform, pitHistogram, scoreSample, type DistributionScore } from './scores.js';

export interface RollingOptions {
  /** as-of dates, YYYY-MM-DD month ends, in any order */
  asOf: string[];
  /** months forecast and scored after each date (default 3) */
  horizon?: number;
  trials?: number;
  seed?: number;
  /** calibrate with point estimates only (no parameter uncertainty) */
  point?: boolean;
  roster?: string | null;
  mapping?: MappingInput | string | null;
  invalidRows?: 'error' | 'skip';
  /** cuts done so far */
  onProgress?: (done: number, total: number) => void;
}

/** A point forecast of the horizon's bookings and its scores. */
export interface PointScore {
  forecast: number;
  /** CRPS of a point forecast: the absolute error */
  crps: number;
  /** actual / forecast */
  bias: number;
}

export interface RollingCut {
  asOf: string;
  /** the months scored */
  from: string;
  to: string;
  /** the calibration window of the cut */
  window: { from: string; to: string };
  /** the forecast of the horizon's total bookings, scored */
  salesim: DistributionScore & { bias: number };
  /** each month of the horizon (PIT and band) */
  months: { month: string; actual: number; p10: number; p50: number; p90: number; pit: number }[];
  baselines: { pipeline: PointScore; runRate: PointScore };
  /** open deals at the date and the share older than any age at which a deal had resolved (the cut's own fit) */
  open: { deals: number; staleShare: number };
  /** whether the scenario fitted resolution by age and carried parameter uncertainty */
  fit: { resolutionByAge: boolean; uncertainParameters: number };
}

export interface RollingSummary {
  cuts: number;
  inside80: number;
  inside80Share: number;
  /** binomial SE of the share under 80% coverage: sqrt(0.8 x 0.2 / cuts) */
  inside80Se: number;
  inside50Share: number;
  /** PITs outside [0.02, 0.98] (confidently wrong) */
  extremePits: number;
  /**
   * What a calibrated forecast gives: PITs are uniform, so 4% of cuts fall outside [0.02, 0.98] by chance
   * (0.04 x cuts expected), and more than `extremeUpper` (the binomial's 97.5th percentile) is a sign of bands
   * too narrow. "None at all" is not the test: over 80 cuts a calibrated forecast has none only 4% of the time.
   */
  extremeExpected: number;
  extremeUpper: number;
  pitHistogram: ReturnType<typeof pitHistogram>;
  ks: ReturnType<typeof ksUniform>;
  meanCrps: { salesim: number; pipeline: number; runRate: number };
  /** mean of actual / P50 (salesim) and actual / forecast (baselines) */
  meanBias: { salesim: number; pipeline: number; runRate: number };
  /** salesim's mean CRPS below the baseline's */
  beats: { pipeline: boolean; runRate: boolean };
  verdict: string;
}

export interface RollingResult {
  horizon: number;
  trials: number;
  seed: number;
  point: boolean;
  cuts: RollingCut[];
  summary: RollingSummary;
  warnings: string[];
}

const MAX_CUTS = 60;

/** A count's expectation, with one decimal when it is not whole. */
const sig2 = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/**
 * The analyst's pipeline forecast of bookings over the `horizon` months after the as-of month: open deals
 * weighted by their age's chance of being won within the horizon, plus new deals at the last quarter's rate.
 * @example pipelineBaseline(cut, asOfMonth, 3, fit, 20000) // e.g. 1.2e6
 */
export function pipelineBaseline(opps: readonly Opportunity[], asOfMonth: number, horizon: number, fit: HazardFit, meanWon: number): number {
  const K = fit.hazard.length;
  const h = (a: number) => fit.hazard[Math.min(a, K - 1)];
  const w = (a: number) => {
    const b = Math.min(a, K - 1);
    return fit.atRisk[b] > 0 ? fit.won[b] / fit.atRisk[b] : 0;
  };
  // chance that a deal open at age a is won within the next k month ends
  const wonWithin = (a: number, k: number) => {
    let surv = 1,
      p = 0;
    for (let j = 0; j < k; j++) {
      p += surv * w(a + j);
      surv *= 1 - h(a + j);
    }
    return p;
  };
  let total = 0;
  let created = 0;
  for (const o of opps) {
    if (o.createdMonth > asOfMonth - 3 && o.createdMonth <= asOfMonth) created++;
    if (o.outcome !== 'open') continue;
    const a = asOfMonth - o.createdMonth + 1;
    total += wonWithin(a, horizon) * (o.amount && o.amount > 0 ? o.amount : meanWon);
  }
  const perMonth = created / 3;
  // a deal created in forecast month j (1..horizon) faces horizon - j + 1 month ends from age 0
  for (let j = 1; j <= horizon; j++) total += perMonth * wonWithin(0, horizon - j + 1) * meanWon;
  return total;
}

/**
 * Cuts, calibrates, forecasts and scores at each as-of date. Throws `InputError` naming `asOf[i]` for a date
 * that is not a month end or whose horizon runs past the export, `horizon`, `trials` or `seed`.
 * @example rollingBacktest(csv, { asOf: ['2025-03-31', '2025-06-30'], horizon: 3, trials: 500, seed: 1 }).summary.beats
 */
export function rollingBacktest(csvText: string, opts: RollingOptions): RollingResult {
  const horizon = opts.horizon ?? 3;
  const trials = opts.trials ?? 1000;
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 24) throw new InputError([issue('horizon', `must be a whole number of months between 1 and 24 (got ${horizon})`)]);
  if (!Number.isInteger(trials) || trials < 10 || trials > 100_000) throw new InputError([issue('trials', 'must be a whole number between 10 and 100000')]);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new InputError([issue('seed', 'must be a whole number between 0 and 4294967295')]);
  if (!Array.isArray(opts.asOf) || opts.asOf.length < 1 || opts.asOf.length > MAX_CUTS) throw new InputError([issue('asOf', `must list 1 to ${MAX_CUTS} dates YYYY-MM-DD`)]);
  const mapping = resolveMapping(opts.mapping ?? null);
  const all = readOpportunities(csvText, mapping, opts.invalidRows ?? 'error').opportunities;
  let lastDay = -Infinity;
  for (const o of all) lastDay = Math.max(lastDay, o.createdMonth, o.closedMonth ?? -Infinity);
  const dates = opts.asOf.map((d, i) => {
    const day = parseAsOf(d, `asOf[${i}]`);
    const cut = cutAsOf([], day);
    if (!cut.monthEnd) throw new InputError([issue(`asOf[${i}]`, `${d} must be a month end (the forecast starts the month after it)`)]);
    if (cut.asOfMonth + horizon > lastDay) throw new InputError([issue(`asOf[${i}]`, `${d} + ${horizon} months runs past the export's last month ${formatMonth(lastDay)}: nothing to score against`)]);
    return { text: d, day, month: cut.asOfMonth };
  });
  dates.sort((a, b) => a.month - b.month);
  const warnings: string[] = [];
  const cuts: RollingCut[] = [];
  dates.forEach((d, i) => {
    const at = `asOf[${opts.asOf.indexOf(d.text)}]`;
    const rethrow = (e: unknown): never => {
      if (e instanceof InputError) throw new InputError(e.errors.map((x) => ({ ...x, path: `${at}.${x.path ?? ''}`.replace(/\.$/, ''), message: `as of ${d.text}: ${x.message}` })));
      throw e;
    };
    let fitted: ReturnType<typeof calibrate>;
    try {
      fitted = calibrate(csvText, { asOf: d.text, point: opts.point ?? false, roster: opts.roster ?? null, mapping: opts.mapping ?? null, invalidRows: opts.invalidRows ?? 'error', horizonMonths: horizon });
    } catch (e) {
      return rethrow(e);
    }
    let scenario;
    try {
      const setup = forecastSetup({ opportunities: csvText, roster: opts.roster ?? null, scenario: fitted.scenario, asOf: d.text, through: formatMonth(d.month + Math.max(12, horizon)), plan: 1, mapping: opts.mapping ?? null, invalidRows: opts.invalidRows ?? 'error' });
      // the forecast cut to the horizon: each mechanism's block follows (planned hires beyond it dropped)
      const moved = moveOnCalendar(setup.scenario, setup.raw, { shift: 0, months: horizon, start: null, origin: null, forecast: false }).set;
      scenario = parseScenario({ ...setup.raw, horizonMonths: horizon, ...moved });
    } catch (e) {
      return rethrow(e);
    }
    const r = simulate(scenario, { trials, seed });
    // actuals: won amounts by close month in the horizon
    const actualByMonth = new Array<number>(horizon).fill(0);
    for (const o of all) {
      if (o.outcome !== 'won' || o.closedMonth === null) continue;
      const k = o.closedMonth - d.month - 1;
      if (k >= 0 && k < horizon) actualByMonth[k] += o.amount!;
    }
    const actual = actualByMonth.reduce((a, b) => a + b, 0);
    const total = new Float64Array(r.trials);
    const months: RollingCut['months'] = [];
    for (let m = 0; m < horizon; m++) {
      const col = new Float64Array(r.trials);
      for (let t = 0; t < r.trials; t++) {
        col[t] = r.revenue[t * horizon + m];
        total[t] += col[t];
      }
      const s = scoreSample(col, actualByMonth[m]);
      months.push({ month: formatMonth(d.month + 1 + m), actual: actualByMonth[m], p10: s.p10, p50: s.p50, p90: s.p90, pit: s.pit });
    }
    const sc = scoreSample(total, actual);
    // the analyst's baselines, from the cut alone
    const cut = cutAsOf(all, d.day).opportunities;
    const fit = fitHazard(
      cut.map((o) => ({ createdMonth: o.createdMonth, resolvedMonth: o.outcome === 'won' || o.outcome === 'lost' || o.outcome === 'noDecision' ? o.closedMonth : null, outcome: o.outcome, droppedMonth: o.outcome === 'dropped' ? o.closedMonth : null })),
      // from the calibration window's start (the first close): before it the export records no resolutions
      parseMonth(fitted.report.window.from)!,
      d.month,
    );
    let wonSum = 0,
      wonN = 0,
      lastQuarter = 0;
    for (const o of cut) {
      if (o.outcome !== 'won') continue;
      if (o.closedMonth! > d.month - 12) {
        wonSum += o.amount!;
        wonN++;
      }
      if (o.closedMonth! > d.month - 3) lastQuarter += o.amount!;
    }
    const meanWon = wonN ? wonSum / wonN : 0;
    const point = (f: number): PointScore => ({ forecast: f, crps: Math.abs(f - actual), bias: f > 0 ? actual / f : NaN });
    const res = fitted.report.resolution;
    cuts.push({
      asOf: d.text,
      from: formatMonth(d.month + 1),
      to: formatMonth(d.month + horizon),
      window: { from: fitted.report.window.from, to: fitted.report.window.to },
      salesim: { ...sc, bias: sc.p50 > 0 ? actual / sc.p50 : NaN },
      months,
      baselines: { pipeline: point(pipelineBaseline(cut, d.month, horizon, fit, meanWon)), runRate: point((lastQuarter / 3) * horizon) },
      open: { deals: res.openAtEnd, staleShare: res.staleShare },
      fit: { resolutionByAge: res.kept, uncertainParameters: drawnParameters(scenario).length },
    });
    opts.onProgress?.(i + 1, dates.length);
  });
  return { horizon, trials, seed, point: opts.point ?? false, cuts, summary: summarize(cuts), warnings };
}

/**
 * The smallest k with P(X <= k) >= q for X ~ Binomial(n, p).
 * @example binomialQuantile(80, 0.04, 0.975) // 7
 */
export function binomialQuantile(n: number, p: number, q: number): number {
  let pk = Math.pow(1 - p, n);
  let cdf = pk;
  let k = 0;
  while (cdf < q && k < n) {
    pk *= ((n - k) / (k + 1)) * (p / (1 - p));
    k++;
    cdf += pk;
  }
  return k;
}

/** The scores over the cuts, and whether salesim beats the analyst's two forecasts. */
export function summarize(cuts: readonly RollingCut[]): RollingSummary {
  const n = cuts.length;
  const mean = (f: (c: RollingCut) => number) => cuts.reduce((a, c) => a + f(c), 0) / n;
  const inside80 = cuts.filter((c) => c.salesim.inside80).length;
  const pits = cuts.map((c) => c.salesim.pit);
  const meanCrps = { salesim: mean((c) => c.salesim.crps), pipeline: mean((c) => c.baselines.pipeline.crps), runRate: mean((c) => c.baselines.runRate.crps) };
  const beats = { pipeline: meanCrps.salesim < meanCrps.pipeline, runRate: meanCrps.salesim < meanCrps.runRate };
  const se = Math.sqrt((0.8 * 0.2) / n);
  const share = inside80 / n;
  const extreme = pits.filter((p) => p < 0.02 || p > 0.98).length;
  const verdict = [
    `${inside80} of ${n} actuals inside the P10-P90 band (${Math.round(share * 100)}%; 80% expected, ${Math.abs(share - 0.8) <= 3 * se ? 'within' : 'outside'} 3 binomial SE = ${Math.round(300 * se)} points)`,
    `${extreme} PIT${extreme === 1 ? '' : 's'} below 0.02 or above 0.98 (${sig2(0.04 * n)} expected by chance if calibrated; over ${binomialQuantile(n, 0.04, 0.975)} would say the bands are too narrow)`,
    `mean CRPS ${beats.pipeline && beats.runRate ? 'beats both analyst forecasts' : beats.pipeline ? 'beats the pipeline forecast but not the run rate' : beats.runRate ? 'beats the run rate but not the pipeline forecast' : 'beats neither analyst forecast'}`,
  ].join('; ');
  return {
    cuts: n,
    inside80,
    inside80Share: share,
    inside80Se: se,
    inside50Share: cuts.filter((c) => c.salesim.inside50).length / n,
    extremePits: extreme,
    extremeExpected: 0.04 * n,
    extremeUpper: binomialQuantile(n, 0.04, 0.975),
    pitHistogram: pitHistogram(pits),
    ks: ksUniform(pits),
    meanCrps,
    meanBias: { salesim: mean((c) => c.salesim.bias), pipeline: mean((c) => c.baselines.pipeline.bias), runRate: mean((c) => c.baselines.runRate.bias) },
    beats,
    verdict,
  };
}
