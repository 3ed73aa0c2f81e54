/**
 * What a comparison's answer depends on. For each variant against the baseline, with the assumptions
 * (the registry's unsourced numbers the scenarios use, engine/assumptions.ts, uniform over their
 * plausible ranges, plus the scenarios' own uncertain inputs) drawn together with the simulation's
 * random draws:
 *  (a) P(variant > baseline) over both, with its interval, and the mean difference;
 *  (b) the share of the difference's variance that comes from the assumptions, and from the simulation
 *      noise (the total Sobol index of the noise input, engine/uncertainty/sobol/scenarioSobol.ts);
 *  (c) each assumption's first-order and total Sobol index of the difference, and for each that matters
 *      the break-even value at which the variant ties the baseline (engine/breakEven.ts).
 *
 * Each variant is analysed against the baseline on its own Sobol plan: a field the baseline and the
 * variant set to different values is the decision, not an assumption, and is left out; both run on the
 * same draws of the assumptions and the same trials. `assumptions` lists the union over the variants.
 */
import type { Scenario } from './scenario.js';
import { drawnParameters } from './drawn.js';
import { assumptionsUsed } from './assumptionsUsed.js';
import { planTargets } from './plan.js';
import { wilson } from './stats/stats.js';
import { distributionQuantile, distributionSupport, type Distribution } from './uncertainty/distribution.js';
import { planOutcomes } from './uncertainty/sobol/scenarioSobol.js';
import { sobolFromOutputs } from './uncertainty/sobol/sobol.js';
import type { OutcomeMetric } from './uncertainty/sobol/outcome.js';
import { breakEven, type BreakEven } from './breakEven.js';
import { saltelliPlan } from './uncertainty/sobol/saltelli.js';
import { spearman } from './uncertainty/spearman.js';
import { runTrials } from './simulate.js';
import { scenarioAt } from './uncertainty/sobol/scenarioAt.js';
import { defaultMetric, trialOutcome } from './uncertainty/sobol/outcome.js';
import { parsePath } from './schema-walk.js';
import { valueAtPath } from './uncertainty/pathValue.js';

/** An assumption a comparison varies. */
export interface ComparisonAssumption {
  path: string;
  /** the value the baseline holds (the median of an uncertain input) */
  value: number;
  distribution: Distribution;
  /** the plausible range (an uncertain input's support, or its 1st to 99th percentile when unbounded or a beta) */
  range: [number, number];
  /** registry: an unsourced number of the model; uncertain: the scenario's own distribution */
  from: 'registry' | 'uncertain';
  why?: string;
}

export interface AssumptionIndex {
  path: string;
  first: number;
  firstCi: [number, number];
  total: number;
  totalCi: [number, number];
  /** involved in at least 5% of what the assumptions explain, and distinguishable from 0 */
  matters: boolean;
}

export interface VariantAssumptions {
  name: string;
  /** the mean difference (variant - baseline) over assumptions and random draws, with its standard error */
  difference: { mean: number; stdError: number };
  /** P(variant > baseline) over both the assumptions and the random draws (Wilson 95%) */
  beatsBaseline: { probability: number; ci: [number, number] };
  /** shares of the difference's variance: from the assumptions (with its interval) and from simulation noise */
  variance: { total: number; assumptions: number; assumptionsCi: [number, number]; noise: number };
  /** the standard deviation of the expected difference across the assumptions, sqrt(Var(E[D | assumptions])) */
  assumptionsSd: number;
  /**
   * The difference with every assumption at the end of its range that favours the variant (best) or the
   * baseline (worst), the direction read from the sign of its rank correlation with the difference over
   * the draws; on the break-even trials (common random numbers), with standard errors.
   */
  corners: { best: { mean: number; stdError: number; values: Record<string, number> }; worst: { mean: number; stdError: number; values: Record<string, number> } };
  indices: AssumptionIndex[];
  breakEvens: BreakEven[];
}

export interface AssumptionAnalysis {
  metric: OutcomeMetric;
  assumptions: ComparisonAssumption[];
  /** rows of A and of B: 2n independent draws of (assumptions, random draws) per variant */
  n: number;
  /** trials per break-even evaluation */
  breakEvenTrials: number;
  seed: number;
  level: number;
  variants: VariantAssumptions[];
  /** rows of the Sobol plans (each runs the baseline and a variant for one trial), and break-even evaluations */
  work: { sobolRows: number; breakEvenEvaluations: number };
}

export interface AssumptionAnalysisOptions {
  metric?: OutcomeMetric;
  /** rows of the Sobol plan's A and B (default 256) */
  n?: number;
  /** trials per break-even evaluation (default 400) */
  breakEvenTrials?: number;
  seed?: number;
  /** bootstrap level (default 0.95) */
  level?: number;
  /** at most this many break-evens per variant, largest total index first (default 4) */
  maxBreakEvens?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The assumptions a comparison varies: the baseline's and variants' uncertain inputs, and the registry's
 * assumptions any of the scenarios uses, except fields the scenarios set differently (the decision).
 * @example // comparisonAssumptions(base, [hire]).map((a) => a.path)
 */
export function comparisonAssumptions(baseline: Scenario, variants: Scenario[]): ComparisonAssumption[] {
  const all = [baseline, ...variants];
  const out = new Map<string, ComparisonAssumption>();
  for (const s of all)
    for (const p of drawnParameters(s)) {
      if (out.has(p.path)) continue;
      // a bounded distribution's range is its support; an unbounded one's (and a beta's) its 1st to 99th percentile
      const bounded = 'uniform' in p.distribution || 'triangular' in p.distribution || 'pert' in p.distribution;
      const [lo, hi] = bounded ? distributionSupport(p.distribution) : [distributionQuantile(p.distribution, 0.01), distributionQuantile(p.distribution, 0.99)];
      out.set(p.path, { path: p.path, value: valueAtPath(s, parsePath(p.path)!) as number, distribution: p.distribution, range: [lo, hi], from: 'uncertain' });
    }
  for (const s of all)
    for (const a of assumptionsUsed(s)) {
      if (out.has(a.path)) continue;
      const segs = parsePath(a.path)!;
      const values = all.map((x) => valueAtPath(x, segs)).filter((v): v is number => typeof v === 'number');
      if (values.some((v) => v !== values[0])) continue;
      out.set(a.path, { path: a.path, value: a.value, distribution: { uniform: a.range }, range: a.range, from: 'registry', why: a.why });
    }
  return [...out.values()];
}

/**
 * The assumption analysis of a comparison (see the file's comment).
 * @example // compareAssumptions(base, [{ name: 'hire', scenario: hire }], { n: 256 }).variants[0].breakEvens[0].text
 */
export function compareAssumptions(baseline: Scenario, variants: { name: string; scenario: Scenario }[], opts: AssumptionAnalysisOptions = {}): AssumptionAnalysis {
  const metric = opts.metric ?? defaultMetric(baseline);
  const n = opts.n ?? 256;
  const seed = opts.seed ?? baseline.seed;
  const level = opts.level ?? 0.95;
  const beTrials = opts.breakEvenTrials ?? 400;
  const plan = planTargets(baseline)?.total ?? null;
  // each variant against the baseline on its own plan: a field two variants set differently (a half-effect
  // variant) is each one's assumption against the baseline, not a decision between them
  const perVariant = variants.map((v) => comparisonAssumptions(baseline, [v.scenario]));
  const assumptions = [...new Map(perVariant.flat().map((a) => [a.path, a])).values()];
  const empty = (name: string): VariantAssumptions => ({
    name,
    difference: { mean: NaN, stdError: NaN },
    beatsBaseline: { probability: NaN, ci: [NaN, NaN] },
    variance: { total: NaN, assumptions: 0, assumptionsCi: [0, 0], noise: 1 },
    assumptionsSd: 0,
    corners: { best: { mean: NaN, stdError: NaN, values: {} }, worst: { mean: NaN, stdError: NaN, values: {} } },
    indices: [],
    breakEvens: [],
  });
  let beEvals = 0;
  let rows = 0;
  const total = perVariant.reduce((t, x) => t + (x.length > 0 ? n * (x.length + 3) : 0), 0);
  const out = variants.map((v, i): VariantAssumptions => {
    const own = perVariant[i];
    const k = own.length;
    if (k === 0) return empty(v.name);
    const inputs = own.map((a) => ({ path: a.path, distribution: a.distribution }));
    const done = rows;
    const { outcomes } = planOutcomes([baseline, v.scenario], { inputs, metric, plan, n, seed, noise: true, onProgress: opts.onProgress && ((d) => opts.onProgress!(done + d, total)) });
    rows += n * (k + 3);
    const u = saltelliPlan(seed, n, k + 1);
    const segs = own.map((a) => parsePath(a.path)!);
    const at = (sc: Scenario, values: number[]) => runTrials(scenarioAt(sc, segs, values), seed, 0, beTrials, beTrials);
    const corner = (values: number[]) => {
      const a = at(baseline, values);
      const b = at(v.scenario, values);
      let s1 = 0,
        q2 = 0;
      for (let t = 0; t < beTrials; t++) {
        const d = trialOutcome(b, t, metric, plan) - trialOutcome(a, t, metric, plan);
        s1 += d;
        q2 += d * d;
      }
      beEvals++;
      const m = s1 / beTrials;
      const se = beTrials > 1 ? Math.sqrt(Math.max(0, q2 / beTrials - m * m) / (beTrials - 1)) : 0;
      return { mean: m, stdError: se, values: Object.fromEntries(own.map((x, j) => [x.path, values[j]])) };
    };
    const y = outcomes[1].map((x, r) => x - outcomes[0][r]);
    const sob = sobolFromOutputs(y, k + 1, { n, seed, level });
    // A and B rows: 2n independent draws of (assumptions, noise)
    let wins = 0,
      s = 0,
      s2 = 0;
    for (let r = 0; r < 2 * n; r++) {
      if (y[r] > 0) wins++;
      s += y[r];
      s2 += y[r] * y[r];
    }
    const mean = s / (2 * n);
    const sd = Math.sqrt(Math.max(0, s2 / (2 * n) - mean * mean) * ((2 * n) / (2 * n - 1)));
    const noise = sob.indices[k];
    const assumptionsShare = sob.variance > 0 ? Math.min(1, Math.max(0, 1 - noise.total)) : 0;
    const explained = Math.max(assumptionsShare, 1e-12);
    const indices: AssumptionIndex[] = own.map((a, j) => {
      const x = sob.indices[j];
      return { path: a.path, first: x.first, firstCi: x.firstCi, total: x.total, totalCi: x.totalCi, matters: sob.variance > 0 && x.totalCi[0] > 0 && x.total >= 0.05 * explained };
    });
    const order = indices
      .map((x, j) => ({ x, j }))
      .filter((e) => e.x.matters)
      .sort((p, q) => q.x.total - p.x.total)
      .slice(0, opts.maxBreakEvens ?? 4);
    // the direction each assumption pushes the difference: its rank correlation with the difference over the 2n independent draws
    const col = (j: number) => Float64Array.from({ length: 2 * n }, (_, r) => u[r * (k + 1) + j]);
    const dA = y.subarray(0, 2 * n);
    const sign = own.map((_, j) => Math.sign(spearman(col(j), dA)) || 1);
    const ends = (favour: 1 | -1) => own.map((a, j) => (sign[j] * favour > 0 ? a.range[1] : a.range[0]));
    const corners = { best: corner(ends(1)), worst: corner(ends(-1)) };
    const breakEvens = order.map(({ j }) => {
      const r = breakEven(baseline, v.scenario, own[j].path, own[j].range, { metric, plan, trials: beTrials, seed });
      beEvals += r.evaluations;
      return r;
    });
    return {
      name: v.name,
      difference: { mean, stdError: sd / Math.sqrt(2 * n) },
      beatsBaseline: { probability: wins / (2 * n), ci: wilson(wins, 2 * n) },
      variance: {
        total: sob.variance,
        assumptions: assumptionsShare,
        assumptionsCi: [Math.max(0, 1 - noise.totalCi[1]), Math.min(1, 1 - noise.totalCi[0])],
        noise: 1 - assumptionsShare,
      },
      assumptionsSd: Math.sqrt(Math.max(0, sob.variance * assumptionsShare)),
      corners,
      indices: indices.sort((p, q) => q.total - p.total),
      breakEvens,
    };
  });
  return { metric, assumptions, n, breakEvenTrials: beTrials, seed, level, variants: out, work: { sobolRows: rows, breakEvenEvaluations: beEvals } };
}
