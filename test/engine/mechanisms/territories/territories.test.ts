import { describe, expect, it } from 'vitest';
import { territoryYield, seatLayout } from '../../../../engine/mechanisms/territories/territories.js';
import { parseScenario, summarize } from '../../../../engine/index.js';
import { simulate, totals } from '../../../helpers/scenarios.js';
import { expectMoments } from '../../../helpers/stat.js';

describe('territories', () => {
  it('yield F (1 - exp(-D / F)), unlimited = D, nothing from no demand', () => {
    expect(territoryYield(10, 10)).toBeCloseTo(10 * (1 - Math.exp(-1)), 12);
    expect(territoryYield(Infinity, 7)).toBe(7);
    expect(territoryYield(10, 0)).toBe(0);
    // diminishing returns: doubling demand less than doubles yield
    expect(territoryYield(10, 20)).toBeLessThan(2 * territoryYield(10, 10));
  });
  it('lays out initial seats by territory, then planned seats', () => {
    const s = parseScenario({
      territories: [{ name: 'A', seats: 2 }, { name: 'B', seats: 1 }],
      reps: { opportunitiesPerMonth: 1, winRate: 0.2, dealSize: 1 },
      hiring: { plan: [{ month: 3, seats: 2, territory: 'B' }] },
    });
    const l = seatLayout(s);
    expect(Array.from(l.territory)).toEqual([0, 0, 1, 1, 1]);
    expect(Array.from(l.opens)).toEqual([0, 0, 0, 3, 3]);
  });
  it('revenue is reported by territory and adds up; a saturated territory is shared pro rata', () => {
    const s = parseScenario({
      horizonMonths: 12,
      territories: [{ name: 'Open', seats: 5 }, { name: 'Tight', seats: 5, potential: 10 }],
      reps: { opportunitiesPerMonth: 4, winRate: 1, dealSize: 1, cycleMonths: 1 },
    });
    const r = simulate(s, { trials: 2000, seed: 71 });
    const tight = Float64Array.from({ length: r.trials }, (_, t) => r.territoryRevenue[t * 2 + 1]);
    const lam = 12 * 10 * (1 - Math.exp(-2));
    expectMoments(tight, lam, lam);
    const tot = totals(r);
    for (let t = 0; t < 10; t++) expect(r.territoryRevenue[t * 2] + r.territoryRevenue[t * 2 + 1]).toBeCloseTo(tot[t], 6);
    expect(summarize(s, r).territories.map((x) => x.name)).toEqual(['Open', 'Tight']);
  });
});
