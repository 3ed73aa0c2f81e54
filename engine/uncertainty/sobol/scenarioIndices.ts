/**
 * Variance-based sensitivity of one scenario: Sobol indices of an outcome (total revenue, margin, ARR or
 * reaching plan) over its assumptions (the registry's unsourced numbers it uses, uniform over their
 * plausible ranges, and its own uncertain inputs), with the simulation's noise as one more input, so
 * the report says how much of the outcome's variance the assumptions explain at all.
 */
import type { Scenario } from '../../scenario.js';
import { comparisonAssumptions, type ComparisonAssumption } from '../../compareAssumptions.js';
import { planTargets } from '../../plan.js';
import { scenarioSobol } from './scenarioSobol.js';
import { defaultMetric, type OutcomeMetric } from './outcome.js';
import type { SobolIndex } from './sobol.js';

export interface ScenarioIndices {
  metric: OutcomeMetric;
  n: number;
  seed: number;
  level: number;
  assumptions: ComparisonAssumption[];
  /** mean and variance of the outcome over the assumptions and the random draws */
  mean: number;
  variance: number;
  /** share of the variance the assumptions explain together (1 - the noise's total index), with its interval */
  assumptionsShare: number;
  assumptionsShareCi: [number, number];
  /** per assumption, largest total index first */
  indices: (SobolIndex & { path: string })[];
}

/**
 * @example // scenarioIndices(parseScenario(text), { n: 256 }).indices[0].path
 */
export function scenarioIndices(s: Scenario, opts: { metric?: OutcomeMetric; n?: number; seed?: number; level?: number; onProgress?: (done: number, total: number) => void } = {}): ScenarioIndices {
  const metric = opts.metric ?? defaultMetric(s);
  const n = opts.n ?? 256;
  const seed = opts.seed ?? s.seed;
  const level = opts.level ?? 0.95;
  const assumptions = comparisonAssumptions(s, []);
  if (assumptions.length === 0) return { metric, n, seed, level, assumptions, mean: NaN, variance: NaN, assumptionsShare: 0, assumptionsShareCi: [0, 0], indices: [] };
  const r = scenarioSobol([s], {
    inputs: assumptions.map((a) => ({ path: a.path, distribution: a.distribution })),
    metric,
    plan: planTargets(s)?.total ?? null,
    n,
    seed,
    noise: true,
    level,
    onProgress: opts.onProgress,
  });
  const noise = r.indices[assumptions.length];
  return {
    metric,
    n,
    seed,
    level,
    assumptions,
    mean: r.mean,
    variance: r.variance,
    assumptionsShare: Math.min(1, Math.max(0, 1 - noise.total)),
    assumptionsShareCi: [Math.max(0, 1 - noise.totalCi[1]), Math.min(1, 1 - noise.totalCi[0])],
    indices: assumptions.map((a, j) => ({ path: a.path, ...r.indices[j] })).sort((p, q) => q.total - p.total),
  };
}
