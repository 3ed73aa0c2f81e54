/**
 * Sobol indices of a simulated outcome over a scenario's uncertain inputs (assumptions): each row of
 * Saltelli's plan sets the inputs to its draws (engine/uncertainty/resolve.ts: each input's quantile,
 * truncated to the field's range) and runs the scenario, or a variant and its baseline on the same
 * draws, whose difference is the output.
 *
 * Two ways to treat the simulation's own randomness:
 * - `trialsPerRow: M` (the output is a function of the inputs alone): every row runs trials 0..M-1 with
 *   the same seed (common random numbers), and its output is the mean over them (mean revenue, P(plan),
 *   ...). The indices are those of that mean; M sets how close it is to the expectation.
 * - `noise: true`: every row runs one trial whose index is one more input, "simulation noise" (its
 *   uniform picks a trial index, so its streams). The output is the trial's outcome; the total index
 *   of the noise input is the share of the outcome's variance that the random draws (not the
 *   assumptions) explain, E[Var(Y | X)] / Var(Y), and 1 minus it the share the assumptions explain.
 *   f(A) and f(B) are then 2n independent draws of the outcome over both assumptions and random draws.
 */
import type { Scenario } from '../../scenario.js';
import { runTrials } from '../../simulate.js';
import { parsePath } from '../../schema-walk.js';
import { compileParameter, drawValue, type UncertainParameter } from '../resolve.js';
import { sobolFromOutputs, type SobolResult } from './sobol.js';
import { saltelliPlan } from './saltelli.js';
import { scenarioAt } from './scenarioAt.js';
import { trialOutcome, type OutcomeMetric } from './outcome.js';

export interface ScenarioSobolOptions {
  /** the uncertain inputs: a path and a distribution each */
  inputs: UncertainParameter[];
  metric: OutcomeMetric;
  /** the plan total for metric 'plan' */
  plan?: number | null;
  n: number;
  seed: number;
  /** each row's output is the mean over this many trials on common random numbers (default 1 with noise) */
  trialsPerRow?: number;
  /** one trial per row, its index an extra input named "simulation noise" (last in `indices`) */
  noise?: boolean;
  bootstrap?: number;
  level?: number;
  /** after each row */
  onProgress?: (done: number, total: number) => void;
}

/** The noise input's trial indices: 2^30 of them (a run's trials are below 10^6; a collision only repeats a draw). */
const NOISE_TRIALS = 2 ** 30;

/**
 * Sobol indices of `metric` for `scenarios[0]` alone, or of scenarios[1] - scenarios[0] (variant minus
 * baseline) on the same draws.
 * @example // scenarioSobol([s], { inputs: s.uncertainty.parameters, metric: 'revenue', n: 256, seed: 1, trialsPerRow: 200 }).indices
 */
export function scenarioSobol(scenarios: Scenario[], opts: ScenarioSobolOptions): SobolResult {
  if (scenarios.length < 1 || scenarios.length > 2) throw new RangeError('scenarioSobol: one scenario, or a baseline and a variant');
  const { outcomes, k } = planOutcomes(scenarios, opts);
  const y = outcomes.length === 2 ? outcomes[1].map((v, r) => v - outcomes[0][r]) : outcomes[0];
  return sobolFromOutputs(y, k, opts);
}

/**
 * Every scenario's outcome on every row of Saltelli's plan (one run of each scenario per row, all on
 * the row's draws and trials): the raw material for the indices of several outputs at once.
 * @example // planOutcomes([base, variant], opts).outcomes[1][r] - planOutcomes(...).outcomes[0][r]: row r's difference
 */
export function planOutcomes(scenarios: Scenario[], opts: ScenarioSobolOptions): { outcomes: Float64Array[]; k: number } {
  const compiled = opts.inputs.map((p) => compileParameter(p));
  const segs = compiled.map((c) => parsePath(c.path)!);
  const kIn = compiled.length;
  const k = kIn + (opts.noise ? 1 : 0);
  const M = opts.noise ? 1 : (opts.trialsPerRow ?? 1);
  const plan = opts.plan ?? null;
  const u = saltelliPlan(opts.seed, opts.n, k);
  const rows = opts.n * (k + 2);
  const outcomes = scenarios.map(() => new Float64Array(rows));
  const values = new Float64Array(kIn);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < kIn; j++) values[j] = drawValue(compiled[j], u[r * k + j]);
    const from = opts.noise ? Math.floor(u[r * k + kIn] * NOISE_TRIALS) : 0;
    scenarios.forEach((s, i) => {
      const res = runTrials(scenarioAt(s, segs, values), opts.seed, from, M, from + M);
      let sum = 0;
      for (let t = 0; t < M; t++) sum += trialOutcome(res, t, opts.metric, plan);
      outcomes[i][r] = sum / M;
    });
    opts.onProgress?.(r + 1, rows);
  }
  return { outcomes, k };
}
