import { describe, expect, it } from 'vitest';
import { parseScenario, simulate, summarize } from '../../engine/index.js';
import { runSummary } from '../../parallel/index.js';

const scenario = parseScenario({
  horizonMonths: 14,
  seed: 5,
  territories: [
    { name: 'A', seats: 5, potential: null },
    { name: 'B', seats: 3, potential: 12 },
  ],
  reps: { opportunitiesPerMonth: 3, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 1000, sigma: 0.6 } },
  hiring: { plan: [{ month: 3, seats: 2, territory: 'A' }], timeToFillMonths: { mean: 2, sd: 1 }, ramp: { months: 3 } },
  attrition: { annualRate: 0.3, lowPerformerExit: { attainmentBelow: 0.5, consecutiveQuarters: 2 } },
  quota: { method: 'flat', annualPerRep: 30000 },
});

/** The Summary without its timing fields. */
const strip = (s: ReturnType<typeof summarize>) => {
  const { meta, ...rest } = JSON.parse(JSON.stringify(s));
  return { ...rest, meta: { ...meta, elapsedMs: 0, trialsPerSecond: 0 } };
};

describe('runSummary', () => {
  const reference = strip(summarize(scenario, simulate(scenario, { trials: 157, seed: 5 }), { seed: 5 }));

  it('gives the Summary of summarize(simulate) in this thread, block by block', async () => {
    const counts: number[] = [];
    const { summary, storedBytes } = await runSummary(scenario, { trials: 157, seed: 5, workers: 1, onCount: (d) => counts.push(d) });
    expect(strip(summary)).toEqual(reference);
    expect(counts.at(-1)).toBe(157);
    expect(counts.length).toBeGreaterThan(1);
    expect(storedBytes).toBeGreaterThan(0);
  });

  it('gives the same Summary on worker threads', async () => {
    const { summary, spilledBytes } = await runSummary(scenario, { trials: 157, seed: 5, workers: 2 });
    expect(strip(summary)).toEqual(reference);
    expect(spilledBytes).toBe(0);
  });

  it('gives the same Summary with its columns in a temporary file, in this thread and on workers', async () => {
    const kept = (await runSummary(scenario, { trials: 157, seed: 5, workers: 1 })).storedBytes;
    for (const workers of [1, 2]) {
      const { summary, spilledBytes, storedBytes } = await runSummary(scenario, { trials: 157, seed: 5, workers, spill: 'always', stageTrials: 20 });
      expect(strip(summary)).toEqual(reference);
      expect(spilledBytes).toBeGreaterThan(0);
      expect(storedBytes).toBeLessThan(kept);
    }
  });
});
