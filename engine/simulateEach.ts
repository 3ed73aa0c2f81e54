/** Several scenarios on common random numbers, one after another in this thread. */
import type { Scenario } from './scenario.js';
import { simulate } from './simulate.js';
import type { TrialResults } from './types.js';

/** What `simulateEach` (and the worker pool's `runScenarios`) return: results and wall time per scenario, in order. */
export interface ScenarioRuns {
  results: TrialResults[];
  /** wall time of each run, ms */
  elapsedMs: number[];
}

/**
 * Simulates each scenario in turn with the same trials and seed, so that the runs share their random
 * draws wherever the scenarios share structure (common random numbers). Progress counts trials over all
 * runs. This is the in-thread form of `runScenarios` in `parallel/`, and bit-identical to it.
 * @example
 * const { results } = simulateEach([baseline, variant], { trials: 2000, seed: 1 });
 * compareResults(baseline, results[0], [{ name: 'variant', scenario: variant, results: results[1] }], { seed: 1 });
 */
export function simulateEach(scenarios: Scenario[], opts: { trials: number; seed: number; onProgress?: (done: number, total: number) => void }): ScenarioRuns {
  const { trials, seed, onProgress } = opts;
  const total = trials * scenarios.length;
  const results: TrialResults[] = [];
  const elapsedMs: number[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    const offset = i * trials;
    const t0 = Date.now();
    results.push(simulate(scenario, { trials, seed, onProgress: onProgress ? (done) => onProgress(offset + done, total) : undefined }));
    elapsedMs.push(Date.now() - t0);
  }
  return { results, elapsedMs };
}
