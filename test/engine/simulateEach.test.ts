import { describe, expect, it } from 'vitest';
import { parseScenario, simulate, simulateEach } from '../../engine/index.js';
import { resultDifferences } from '../parallel/same.js';

const reps = { seats: 6, opportunitiesPerMonth: 3, winRate: { mean: 0.3, concentration: 6 }, dealSize: { median: 1000, sigma: 0.5 } };

describe('simulateEach', () => {
  const a = parseScenario({ horizonMonths: 6, reps });
  const b = parseScenario({ horizonMonths: 6, reps: { ...reps, opportunitiesPerMonth: 4 } });

  it('runs each scenario with the given trials and seed, in order, as simulate does', () => {
    const { results, elapsedMs } = simulateEach([a, b, a], { trials: 30, seed: 7 });
    expect(results).toHaveLength(3);
    expect(elapsedMs).toHaveLength(3);
    expect(resultDifferences(results[0], simulate(a, { trials: 30, seed: 7 }))).toEqual([]);
    expect(resultDifferences(results[1], simulate(b, { trials: 30, seed: 7 }))).toEqual([]);
    expect(resultDifferences(results[2], results[0])).toEqual([]);
    // not the scenario's own seed (1)
    expect(resultDifferences(results[0], simulate(a, { trials: 30 }))).not.toEqual([]);
  });

  it('counts progress over all runs up to trials x scenarios', () => {
    const seen: number[] = [];
    simulateEach([a, b], { trials: 40, seed: 1, onProgress: (done, total) => seen.push(done / total) });
    expect(seen.every((x, i) => i === 0 || x > seen[i - 1])).toBe(true);
    expect(seen.some((x) => x === 0.5)).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });

  it('returns nothing for no scenarios', () => {
    expect(simulateEach([], { trials: 10, seed: 1 })).toEqual({ results: [], elapsedMs: [] });
  });
});
