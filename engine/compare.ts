/**
 * Paired comparison of a baseline and variants on common random numbers (docs/design.md, Streams): every scenario
 * runs with the same seed, so structure they share draws the same numbers and each trial's difference
 * is measured on the same draws. Every variant is judged against the baseline's plan target.
 */
import { InputError, type InputIssue } from './errors.js';
import type { Scenario } from './scenario.js';
import { simulateEach } from './simulateEach.js';
import { summarize } from './summarize.js';
import { planTargets } from './plan.js';
import { histogram, stats, wilson } from './stats/stats.js';
import type { Histogram, Stats, Summary, TrialResults } from './types.js';
import { checkComparable } from './study.js';
import type { AssumptionAnalysis } from './compareAssumptions.js';
import { column, crossoverMonths, cumulativeDifference, subtract, trialTotals, variance, varianceReductionRatio } from './paired.js';
import { MECHANISMS, type ComparisonDifferences } from './mechanisms/registry.js';

/** One variant against the baseline. Differences are variant - baseline, trial by trial. */
export interface VariantComparison {
  name: string;
  summary: Summary;
  difference: {
    total: Stats;
    cost: Stats;
    margin: Stats;
    /** standard error of the mean difference (sd of the paired differences / sqrt(trials)) */
    stdError: { total: number; cost: number; margin: number };
    /** cumulative revenue difference at the end of each month */
    cumulative: Stats[];
    /** histogram of the per-trial total revenue difference */
    histogram: Histogram;
    // and each mechanism's figure of the difference when both runs record it (its registry entry's `comparison`):
    // `arr`, recurring revenue with a customers block (engine/mechanisms/customers/analysis.ts)
  } & ComparisonDifferences;
  /** share of trials where the variant's total revenue is strictly above the baseline's, Wilson 95% */
  beatsBaseline: { probability: number; ci: [number, number] };
  /** first month from which cumulative revenue stays ahead, over the trials that cross; null if none do */
  crossoverMonth: Stats | null;
  /** share of trials where the variant is not ahead at the horizon */
  neverCrosses: number;
  /**
   * The same on cumulative margin (revenue - cost): the month from which the variant's extra spend has
   * paid for itself and stays paid to the horizon; null when it never does.
   */
  paybackMonth: Stats | null;
  /** share of trials where the variant's cumulative margin is not ahead at the horizon */
  neverPaysBack: number;
  /**
   * (mean revenue difference - mean cost difference) / mean cost difference: the return on the extra
   * spend. Null when the variant costs no more than the baseline (there is no extra spend to return on).
   */
  incrementalRoi: number | null;
  /** (Var(A) + Var(B)) / Var(A - B) of total revenue; null when Var(A - B) = 0 */
  varianceReduction: number | null;
}

export interface CompareResult {
  trials: number;
  seed: number;
  horizonMonths: number;
  baseline: Summary;
  variants: VariantComparison[];
  /**
   * What the answer depends on (asked for: CLI --assumptions, API `assumptions: true`): each variant's
   * P(beats baseline) over the assumptions' ranges and the random draws, the share of its difference's
   * variance from the assumptions, their Sobol indices and break-evens (engine/compareAssumptions.ts).
   */
  assumptions?: AssumptionAnalysis;
  meta: { elapsedMs: number };
  /** a precision-targeted comparison: the trials used and the precision reached */
  precision?: import('./precision/report.js').PrecisionReport;
}

export interface CompareOptions {
  trials?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

function checkVariants(baseline: Scenario, variants: { name: string; scenario: Scenario }[]): void {
  const errors: InputIssue[] = variants.flatMap((v, i) => checkComparable(baseline, v.scenario, `variants[${i}].scenario`));
  if (errors.length > 0) throw new InputError(errors);
}

/**
 * Builds the comparison from results already computed with the same seed (e.g. by a worker pool), so
 * callers never recompute statistics. Every `results` must hold the same trials and months.
 * `elapsedMs` is the whole comparison's time; `runElapsedMs` (baseline first) each run's, for the summaries' meta.
 * @example
 * const base = simulate(a, { trials: 500, seed: 7 }), alt = simulate(b, { trials: 500, seed: 7 });
 * compareResults(a, base, [{ name: 'b', scenario: b, results: alt }], { seed: 7 }).variants[0].beatsBaseline.probability
 */
export function compareResults(
  baseline: Scenario,
  baseResults: TrialResults,
  variants: { name: string; scenario: Scenario; results: TrialResults }[],
  opts: { seed: number; elapsedMs?: number; runElapsedMs?: number[]; designTrials?: number },
): CompareResult {
  checkVariants(baseline, variants);
  const { trials, months } = baseResults;
  for (const v of variants) {
    if (v.results.trials !== trials || v.results.months !== months || v.results.from !== baseResults.from)
      throw new Error(`compareResults: variant '${v.name}' has ${v.results.trials} trials x ${v.results.months} months from ${v.results.from}; the baseline has ${trials} x ${months} from ${baseResults.from}`);
  }
  const plan = planTargets(baseline);
  const baseSummary = summarize(baseline, baseResults, { seed: opts.seed, plan, elapsedMs: opts.runElapsedMs?.[0] ?? 0, designTrials: opts.designTrials });
  const base = trialTotals(baseResults);
  const baseMargin = subtract(baseResults.revenue, baseResults.cost);
  const se = (x: Float64Array) => (x.length > 1 ? Math.sqrt(variance(x) / x.length) : 0);
  const out: VariantComparison[] = variants.map((v, i) => {
    const alt = trialTotals(v.results);
    const dRevenue = subtract(alt.revenue, base.revenue);
    const dCost = subtract(alt.cost, base.cost);
    const dMargin = subtract(alt.margin, base.margin);
    let wins = 0;
    for (let t = 0; t < trials; t++) if (dRevenue[t] > 0) wins++;
    const cross = crossoverMonths(v.results.revenue, baseResults.revenue, trials, months);
    const crossed = cross.filter((x) => !Number.isNaN(x));
    const payback = crossoverMonths(subtract(v.results.revenue, v.results.cost), baseMargin, trials, months).filter((x) => !Number.isNaN(x));
    const cum = cumulativeDifference(v.results.revenue, baseResults.revenue, trials, months);
    const total = stats(dRevenue);
    const cost = stats(dCost);
    const dRevMean = total.mean;
    // the mechanisms' figures of the difference (recurring revenue), each when both runs record it
    const mechanisms: ComparisonDifferences = {};
    for (const m of MECHANISMS) {
      if (!('comparison' in m)) continue;
      const d = m.comparison.difference(baseResults, v.results, dCost);
      if (d !== undefined) mechanisms[m.comparison.key] = d;
    }
    const dCostMean = cost.mean;
    return {
      name: v.name,
      summary: summarize(v.scenario, v.results, { seed: opts.seed, plan, elapsedMs: opts.runElapsedMs?.[i + 1] ?? 0, designTrials: opts.designTrials }),
      difference: {
        total,
        cost,
        margin: stats(dMargin),
        stdError: { total: se(dRevenue), cost: se(dCost), margin: se(dMargin) },
        cumulative: Array.from({ length: months }, (_, m) => stats(column(cum, trials, months, m))),
        histogram: histogram(dRevenue, 30),
        ...mechanisms,
      },
      beatsBaseline: { probability: trials > 0 ? wins / trials : 0, ci: wilson(wins, trials) },
      crossoverMonth: crossed.length > 0 ? stats(crossed) : null,
      neverCrosses: trials > 0 ? (trials - crossed.length) / trials : 0,
      paybackMonth: payback.length > 0 ? stats(payback) : null,
      neverPaysBack: trials > 0 ? (trials - payback.length) / trials : 0,
      incrementalRoi: dCostMean > 0 ? (dRevMean - dCostMean) / dCostMean : null,
      varianceReduction: varianceReductionRatio(alt.revenue, base.revenue),
    };
  });
  return { trials, seed: opts.seed, horizonMonths: months, baseline: baseSummary, variants: out, meta: { elapsedMs: opts.elapsedMs ?? 0 } };
}

/**
 * Runs the baseline and every variant with the same seed and trials (common random numbers) and
 * compares them trial by trial. Trials and seed default to the baseline's.
 * @example
 * const r = compare(base, [{ name: 'hire 10', scenario: hire }], { trials: 2000, seed: 1 });
 * r.variants[0].difference.total.p50; r.variants[0].varianceReduction;
 */
export function compare(baseline: Scenario, variants: { name: string; scenario: Scenario }[], opts: CompareOptions = {}): CompareResult {
  checkVariants(baseline, variants);
  const started = Date.now();
  const trials = opts.trials ?? baseline.trials;
  const seed = opts.seed ?? baseline.seed;
  const { results, elapsedMs } = simulateEach([baseline, ...variants.map((v) => v.scenario)], { trials, seed, onProgress: opts.onProgress });
  const runs = variants.map((v, i) => ({ ...v, results: results[i + 1] }));
  return compareResults(baseline, results[0], runs, { seed, elapsedMs: Date.now() - started, runElapsedMs: elapsedMs });
}
